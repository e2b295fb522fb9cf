using System.Text.Json.Nodes;

namespace MineralRules.Tests.Cli;

public sealed class DiffCommandTests
{
    private const string Threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";

    private static readonly string CoalMine = Fixtures.CoalMine("D-COAL", 250);

    [Test]
    public void Diff_ThresholdLowered_ShowsOldToNewAndSamplesThatChange()
    {
        using var temp = new TempFolder();
        var (older, newer, samples) = Prepare(temp);

        var (code, output, _) = CliRunner.Run("diff", older, newer, "--samples", samples);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("~ coal.new-underground.min-capacity (5.2.1)"));
            Assert.That(output, Does.Contain("condition capacity ≥: 300 → 200 万吨/年"));
            Assert.That(output, Does.Contain("Samples: 1 of 2 change."));
            Assert.That(output, Does.Contain("changes.yaml: non-compliant → compliant; fail [5.2.1] → []"));
            Assert.That(output, Does.Not.Contain("unchanged.yaml"));
        });
    }

    [Test]
    public void Diff_Json_CarriesRuleAndSampleChanges()
    {
        using var temp = new TempFolder();
        var (older, newer, samples) = Prepare(temp);

        var (_, output, _) = CliRunner.Run("diff", older, newer, "--samples", samples, "--format", "json");
        var json = JsonNode.Parse(output)!;

        Assert.Multiple(() =>
        {
            Assert.That((string)json["changed"]![0]!["rule"]!, Is.EqualTo("coal.new-underground.min-capacity"));
            Assert.That((string)json["changed"]![0]!["changes"]![0]!, Does.Contain("300 → 200"));
            Assert.That(json["samples"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That((string)json["samples"]![0]!["decision"]!["new"]!, Is.EqualTo("compliant"));
        });
    }

    [Test]
    public void Diff_MineralAddedToList_ShowsListAndRuleScope()
    {
        using var temp = new TempFolder();
        var older = temp.CopyTestRules();
        var newer = Path.Combine(temp.Path, "new");
        TempFolder.CopyFolder(older, newer);
        var lists = Path.Combine(newer, "nmg-mineral-plan-2021-2025", "1.0.0", "mineral-lists.yaml");
        File.WriteAllText(lists, File.ReadAllText(lists).Replace("placer-iron, heavy-placer]", "placer-iron, heavy-placer, mercury]", StringComparison.Ordinal));

        var (_, output, _) = CliRunner.Run("diff", older, newer);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("list restricted-for-mining: +mercury"));
            Assert.That(output, Does.Contain("~ mining.restricted-minerals (5.1.1)"));
        });
    }

    [Test]
    public void Diff_BrokenNewRules_Exit2()
    {
        using var temp = new TempFolder();
        var older = temp.CopyTestRules();
        var newer = Path.Combine(temp.Path, "new");
        TempFolder.CopyFolder(older, newer);
        Edit(newer, Threshold, Threshold.Replace("300", "三百", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("diff", older, newer);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("chapter-5-mining.yaml:").And.Contain(":42: error MR1007: Expected the threshold"));
        });
    }

    private static (string Older, string Newer, string Samples) Prepare(TempFolder temp)
    {
        var older = temp.CopyTestRules();
        var newer = Path.Combine(temp.Path, "new");
        TempFolder.CopyFolder(older, newer);
        Edit(newer, Threshold, Threshold.Replace("300", "200", StringComparison.Ordinal));
        temp.Write("samples/changes.yaml", CoalMine);
        temp.Write("samples/unchanged.yaml", CoalMine.Replace("value: 250", "value: 400", StringComparison.Ordinal));
        return (older, newer, Path.Combine(temp.Path, "samples"));
    }

    private static void Edit(string rules, string from, string to)
    {
        var path = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from));
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
