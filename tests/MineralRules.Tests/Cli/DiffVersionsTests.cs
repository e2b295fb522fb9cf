namespace MineralRules.Tests.Cli;

/// <summary><c>mineralrules diff --from --to</c>: two versions of one folder, samples judged on their dates.</summary>
public sealed class DiffVersionsTests
{
    private const string Id = "nmg-mineral-plan-2021-2025";
    private const string Threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";

    /// <summary>A folder with 1.0.0 and a draft 1.1.0 from 2024-06-01 lowering 5.2.1's 300 to 200; a 250 mine dated before and after.</summary>
    private static (string Rules, string Samples) Prepare(TempFolder temp)
    {
        var rules = temp.CopyTestRules();
        var (code, _, error) = CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2024-06-01", "--rules", rules);
        Assert.That(code, Is.EqualTo(0), error);
        var mining = Path.Combine(rules, Id, "1.1.0", "chapter-5-mining.yaml");
        File.WriteAllText(mining, File.ReadAllText(mining).Replace(Threshold, Threshold.Replace("300", "200", StringComparison.Ordinal), StringComparison.Ordinal));
        var mine = Fixtures.CoalMine("D-250", 250);
        temp.Write("samples/before.yaml", mine);
        temp.Write("samples/after.yaml", mine.Replace("applicationDate: 2024-05-01", "applicationDate: 2024-07-01", StringComparison.Ordinal));
        return (rules, Path.Combine(temp.Path, "samples"));
    }

    [Test]
    public void DiffFromTo_OneFolder_RuleChangeAndOnlySamplesDatedFromNewVersionChange()
    {
        using var temp = new TempFolder();
        var (rules, samples) = Prepare(temp);

        var (code, output, error) = CliRunner.Run("diff", "--from", "1.0.0", "--to", "1.1.0", "--rules", rules, "--samples", samples);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("nmg-mineral-plan-2021-2025 1.0.0 → 1.1.0"));
            Assert.That(output, Does.Contain("condition capacity ≥: 300 → 200 万吨/年"));
            Assert.That(output, Does.Contain("Samples: 1 of 1 change. 1 more dated before 2024-06-01, when 1.1.0 takes effect, keep the version in force on their date and do not change."));
            Assert.That(output, Does.Contain("after.yaml: non-compliant → compliant"));
            Assert.That(output, Does.Not.Contain("before.yaml"));
        });
    }

    [TestCase("2024-06-01", true)]
    [TestCase("2024-05-31", false)]
    public void DiffFromTo_SampleOnOrBeforeEffectiveFrom_ChangesOnlyFromThatDay(string date, bool changes)
    {
        using var temp = new TempFolder();
        var (rules, _) = Prepare(temp);
        temp.Write("dated/mine.yaml", Fixtures.CoalMine("D-250", 250).Replace("applicationDate: 2024-05-01", $"applicationDate: {date}", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run("diff", "--from", "1.0.0", "--to", "1.1.0", "--rules", rules, "--samples", Path.Combine(temp.Path, "dated"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, changes ? Does.Contain("Samples: 1 of 1 change.") : Does.Contain("Samples: 0 of 0 change. 1 more dated before 2024-06-01"));
            Assert.That(output.Contains("mine.yaml: non-compliant → compliant", StringComparison.Ordinal), Is.EqualTo(changes));
        });
    }

    [Test]
    public void DiffFromTo_SampleAfterNewVersionEnds_DoesNotChange()
    {
        using var temp = new TempFolder();
        var (rules, _) = Prepare(temp);
        File.AppendAllText(Path.Combine(rules, Id, "1.1.0", "manifest.yaml"), "\neffectiveTo: 2025-12-31\n");
        temp.Write("dated/mine.yaml", Fixtures.CoalMine("D-250", 250).Replace("applicationDate: 2024-05-01", "applicationDate: 2026-01-01", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run("diff", "--from", "1.0.0", "--to", "1.1.0", "--rules", rules, "--samples", Path.Combine(temp.Path, "dated"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("Samples: 0 of 0 change. 1 more dated outside 2024-06-01 – 2025-12-31, when 1.1.0 is in force"));
        });
    }

    [Test]
    public void DiffFromTo_Json_CountsSamplesBeforeEffective()
    {
        using var temp = new TempFolder();
        var (rules, samples) = Prepare(temp);

        var (_, output, _) = CliRunner.Run("diff", "--from", "1.0.0", "--to", "1.1.0", "--rules", rules, "--samples", samples, "--format", "json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(output)!;

        Assert.Multiple(() =>
        {
            Assert.That((int)json["samplesCompared"]!, Is.EqualTo(1));
            Assert.That((int)json["samplesBeforeEffective"]!, Is.EqualTo(1));
            Assert.That(json["samples"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void DiffFromTo_EmbeddedRules_ComparesShippedVersions()
    {
        var (code, output, _) = CliRunner.RunWithShippedRules("diff", "--from", "1.0.0", "--to", "2.0.0");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.StartWith("nmg-mineral-plan-2021-2025 1.0.0 → 2.0.0"));
        });
    }

    [TestCase("--from", "1.0.0", "--to", "9.9.9")]
    [TestCase("--from", "1.0.0")]
    public void DiffFromTo_UnknownOrMissingVersion_Exit2(params string[] args)
    {
        var (code, _, error) = CliRunner.RunWithShippedRules(["diff", .. args]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("9.9.9").Or.Contain("diff --from 1.0.0 --to 2.0.0"));
        });
    }
}
