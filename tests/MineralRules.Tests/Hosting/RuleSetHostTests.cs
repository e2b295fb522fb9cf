using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Hosting;

public sealed class RuleSetHostTests
{
    private static readonly string CoalMine = Fixtures.CoalMine("H-COAL", 240);

    private const string ChapterFive = "nmg-mineral-plan-2021-2025/1.0.0/chapter-5-mining.yaml";
    private const string Threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";

    [Test]
    public void Reload_EditedThreshold_ServesNewRules()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var host = new RuleSetHost(RuleSetCatalog.LoadFromFolder(rules));
        var application = Fixtures.Read(CoalMine);
        Assert.That(host.Evaluate(application).Decision, Is.EqualTo(Decision.NonCompliant), "240 is below 300 before the edit");

        Edit(rules, Threshold, Threshold.Replace("300", "200", StringComparison.Ordinal));
        var reload = host.ReloadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(reload.Reloaded, Is.True);
            Assert.That(reload.Diagnostics, Is.Empty);
            Assert.That(host.Current, Is.SameAs(reload.Serving));
            Assert.That(host.Evaluate(application).Decision, Is.EqualTo(Decision.Compliant));
        });
    }

    [Test]
    public void Reload_BrokenRuleFile_KeepsServingLastGoodAndSaysWhy()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var host = new RuleSetHost(RuleSetCatalog.LoadFromFolder(rules));
        var before = host.Current;
        var application = Fixtures.Read(CoalMine);

        var line = Edit(rules, Threshold, Threshold.Replace("atLeast", "atleast", StringComparison.Ordinal));
        var reload = host.ReloadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(reload.Reloaded, Is.False);
            Assert.That(host.Current, Is.SameAs(before));
            Assert.That(reload.Serving, Is.SameAs(before));
            Assert.That(host.LastReload, Is.SameAs(reload));
            Assert.That(reload.Diagnostics.Select(d => d.ToString()), Has.Some.Contains($"chapter-5-mining.yaml:{line}:"));
            Assert.That(reload.Message, Does.Contain("still serving"));
            Assert.That(host.Evaluate(application).Decision, Is.EqualTo(Decision.NonCompliant), "the last good rules still decide");
        });
    }

    [Test]
    public void Reload_MissingFolder_KeepsServing()
    {
        var host = new RuleSetHost(Fixtures.Catalog);

        var reload = host.ReloadFromFolder(Path.Combine(Path.GetTempPath(), "mineralrules-no-such-folder-" + Guid.NewGuid().ToString("N")));

        Assert.Multiple(() =>
        {
            Assert.That(reload.Reloaded, Is.False);
            Assert.That(host.Current, Is.SameAs(Fixtures.Catalog));
            Assert.That(reload.Diagnostics, Is.Not.Empty);
        });
    }

    [Test]
    public void Evaluate_WhileReloading_EveryResultFromOneWholeRuleSet()
    {
        using var temp = new TempFolder();
        var strict = temp.CopyTestRules();
        var lenient = Path.Combine(temp.Path, "lenient");
        TempFolder.CopyFolder(strict, lenient);
        Edit(lenient, Threshold, Threshold.Replace("300", "200", StringComparison.Ordinal));
        var host = new RuleSetHost(RuleSetCatalog.LoadFromFolder(strict));
        var application = Fixtures.Read(CoalMine);
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var seen = new HashSet<Decision>();
            while (!stop.IsCancellationRequested)
            {
                seen.Add(host.Evaluate(application).Decision);
            }

            return seen;
        })).ToArray();
        for (var i = 0; i < 6; i++)
        {
            Assert.That(host.ReloadFromFolder(i % 2 == 0 ? lenient : strict).Reloaded, Is.True);
        }

        stop.Cancel();
        var decisions = readers.SelectMany(r => r.Result).ToHashSet();

        Assert.That(decisions, Is.SubsetOf(new[] { Decision.Compliant, Decision.NonCompliant }));
    }

    /// <summary>Replaces text in chapter 5 of a rules copy; returns the 1-based line it was on.</summary>
    private static int Edit(string rules, string from, string to)
    {
        var path = Path.Combine(rules, ChapterFive);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(from, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{from}' is not in {ChapterFive}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), to, text.AsSpan(index + from.Length)));
        return text.AsSpan(0, index).Count('\n') + 1;
    }
}
