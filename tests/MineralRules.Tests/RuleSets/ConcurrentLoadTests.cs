using MineralRules.Tests.Cli;

namespace MineralRules.Tests.RuleSets;

/// <summary>
/// Several loads at once (a host reloading while another loads) must each give the same, complete catalog: loading
/// shares no mutable state.
/// </summary>
public class ConcurrentLoadTests
{
    [Test]
    public void LoadEmbedded_FourThreadsAtOnce_EachGetsTheSameRuleSetAndVerdicts()
    {
        var application = Fixtures.Read(Fixtures.CoalMine("CONCURRENT", 120));
        var expected = Fingerprint(Fixtures.Shipped, application);
        var loaded = Fixtures.AtOnce(4, _ => Fingerprint(RuleSetCatalog.LoadEmbedded(), application));

        Assert.That(loaded, Has.All.EqualTo(expected));
    }

    [Test]
    public void TryLoadFromFolder_RulesCopiedBesideABrokenCopy_EveryErrorOfTheBrokenOneAndNoCatalog()
    {
        // Two versions in one source, one broken: all or nothing, with the broken file's error reported.
        using var folder = new TempFolder();
        var rules = folder.CopyTestRules();
        var version = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0");
        var copy = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.1.0");
        TempFolder.CopyFolder(version, copy);
        var manifest = Path.Combine(copy, "manifest.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("version: 1.0.0", "version: 1.1.0", StringComparison.Ordinal).Replace("effectiveFrom: 2022-08-19", "effectiveFrom: 2026-01-01", StringComparison.Ordinal));
        var broken = Path.Combine(copy, "chapter-6-green-mining.yaml");
        File.WriteAllText(broken, File.ReadAllText(broken) + "\nunknownKey: true\n");

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(result.Catalog, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Location.Path), Has.Some.EndsWith("1.1.0/chapter-6-green-mining.yaml"));
    }

    private static string Fingerprint(RuleSetCatalog catalog, Application application)
    {
        var ruleSet = catalog.InForceOn(application.ApplicationDate)!;
        var result = ruleSet.Evaluate(application);
        return $"{string.Join(",", catalog.RuleSets.Select(r => r.Info.Digest))}#{string.Join(",", ruleSet.RuleIds)}#{result.Decision}#{string.Join("|", result.Verdicts.Select(v => $"{v.Rule}:{v.Outcome}:{v.Message?.En}"))}";
    }
}
