using System.Text.Json.Nodes;
using MineralRules.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace MineralRules.Tests.Records;

/// <summary>
/// <c>check</c> and <c>test</c> with <c>--zones</c> and <c>--register</c> on the illustrative records of
/// samples/records (issue 15's acceptance), and the hosts' way in through <c>AddMineralRules</c>.
/// </summary>
public sealed class RecordsCliTests
{
    private static readonly string Records = Path.Combine(TestPaths.Repository, "samples", "records");
    private static readonly string Applications = Path.Combine(Records, "applications");
    private static readonly string Zones = Path.Combine(Records, "zones");
    private static readonly string Register = Path.Combine(Records, "register.gpkg");

    [Test]
    public void Test_RecordsSamplesWithZonesAndRegister_EveryExpectationHolds()
    {
        var (code, output, error) = CliRunner.RunWithShippedRules("test", Applications, "--zones", Zones, "--register", Register);

        Assert.That(error, Is.Empty);
        Assert.That(output, Does.Contain("8 passed, 0 failed"));
        Assert.That(code, Is.EqualTo(0));
    }

    [Test]
    public void Test_RecordsSamplesWithoutRecords_TheDeclaredFactsDecideOtherwise()
    {
        // The samples' point: what they declare is not what the records say (zones: [] on a red line, no right on an
        // occupied deposit, a county with a free slot it does not have).
        var (code, output, _) = CliRunner.RunWithShippedRules("test", Applications);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("red-line-by-geometry.declares-none.fail.yaml").And.Contain("occupied-deposit.fail.yaml").And.Contain("sand-gravel.county-full.fail.yaml"));
    }

    [Test]
    public void Check_RedLineByGeometryDeclaringNoZones_Fails31NamingTheFeatureAndOverlap()
    {
        var (code, output, _) = CliRunner.RunWithShippedRules("check", Path.Combine(Applications, "red-line-by-geometry.declares-none.fail.yaml"), "--zones", Zones, "--register", Register, "--format", "json");

        Assert.That(code, Is.EqualTo(1));
        var result = JsonNode.Parse(output)!.AsArray().Single()!;
        Assert.That(result["decision"]!.GetValue<string>(), Is.EqualTo("non-compliant"));
        var verdict = result["verdicts"]!.AsArray().Single(v => v!["outcome"]!.GetValue<string>() == "fail")!;
        Assert.That(verdict["clause"]!["ref"]!.GetValue<string>(), Is.EqualTo("3.1"));
        var feature = verdict["facts"]!.AsArray().Single(f => f!["source"]!.GetValue<string>() == "zones/ecological-red-line#RL-0102")!;
        Assert.That(feature["overlapHectares"]!.GetValue<decimal>(), Is.GreaterThan(100m).And.LessThan(300m));
        Assert.That(feature["shareOfSite"]!.GetValue<decimal>(), Is.EqualTo(1m));
    }

    [Test]
    public void Check_RegisterImportedAfresh_SameJsonAsTheCommittedRegister()
    {
        using var temp = new TempFolder();
        var fresh = Path.Combine(temp.Path, "register.gpkg");
        var (imported, _, importError) = CliRunner.RunWithShippedRules("register", "import", Path.Combine(Records, "register", "rights.geojson"), "--control-numbers", Path.Combine(Records, "register", "control-numbers.csv"), "--into", fresh);
        Assert.That(imported, Is.EqualTo(0), importError);

        var committed = CliRunner.RunWithShippedRules("check", Applications, "--zones", Zones, "--register", Register, "--format", "json");
        var again = CliRunner.RunWithShippedRules("check", Applications, "--zones", Zones, "--register", fresh, "--format", "json");

        Assert.That(again.Output, Is.EqualTo(committed.Output), "samples/records/register.gpkg is the import of samples/records/register/ (scripts/sample-records.py)");
    }

    [Test]
    public void Check_RegisterThatDoesNotExist_ExitTwoNamingIt()
    {
        var (code, output, error) = CliRunner.RunWithShippedRules("check", Applications, "--register", Path.Combine(Records, "no-such-register.gpkg"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty, "no application is checked on declared facts when a configured register fails");
        Assert.That(error, Does.Contain("MR5101").And.Contain("no-such-register.gpkg"));
    }

    [Test]
    public void Check_ZoneLayersThatDoNotExist_ExitTwoInChineseUnderZh()
    {
        var (code, _, error) = CliRunner.RunWithShippedRules("check", Applications, "--zones", Path.Combine(Records, "no-such-zones"), "--culture", "zh");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("MR5001").And.Contain("记录未能打开"));
    }

    [TestCase("--register")]
    [TestCase("--zones")]
    public void Check_RecordOptionGivenButBlank_ExitTwoNothingChecked(string option)
    {
        // `--register "$REG"` with the variable unset must not check on the declared facts.
        var (code, output, error) = CliRunner.RunWithShippedRules("check", Applications, option, "");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("blank"));
    }

    [Test]
    public void Check_ZonesFolderWithoutAnyLayer_ExitTwo()
    {
        using var temp = new TempFolder();
        temp.Write("ecological-red-line.json", File.ReadAllText(Path.Combine(Zones, "ecological-red-line.geojson")));

        var (code, _, error) = CliRunner.RunWithShippedRules("check", Applications, "--zones", temp.Path);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("MR5001").And.Contain("no layer"));
    }

    [Test]
    public void Check_LayerFileWithUpperCaseExtension_IsALayer()
    {
        using var temp = new TempFolder();
        temp.Write("ecological-red-line.GeoJSON", File.ReadAllText(Path.Combine(Zones, "ecological-red-line.geojson")));

        var (code, output, _) = CliRunner.RunWithShippedRules("check", Path.Combine(Applications, "red-line-by-geometry.declares-none.fail.yaml"), "--zones", temp.Path, "--format", "json");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("#RL-0102"));
    }

    [Test]
    public void AddMineralRules_ZoneLayersAndRegisterInOptions_RecordsResolveAndGather()
    {
        var services = new ServiceCollection().AddMineralRules(o =>
        {
            o.ZoneLayers = Zones;
            o.Register = Register;
        });
        using var provider = services.BuildServiceProvider();

        var records = provider.GetRequiredService<MineralRecords>();
        var application = ApplicationReader.ReadFile(Path.Combine(Applications, "occupied-deposit.fail.yaml")).Application!;
        var facts = records.GatherAsync(application).AsTask().GetAwaiter().GetResult();
        var result = provider.GetRequiredService<RuleSetHost>().TryEvaluate(application, facts).Result!;

        Assert.That(records.Zones, Is.Not.Null);
        Assert.That(records.Register!.Name, Is.EqualTo("register.gpkg"));
        Assert.That(facts.Register!.OtherMiningRights!.Select(r => r.Id), Is.EqualTo(new[] { "MR-150627-0003" }));
        Assert.That(result.Failures.Single().Facts.Select(f => f.Source), Does.Contain("register.gpkg#MR-150627-0003"));
    }

    [Test]
    public void AddMineralRules_NoRecordsInOptions_None()
    {
        using var provider = new ServiceCollection().AddMineralRules().BuildServiceProvider();

        Assert.That(provider.GetRequiredService<MineralRecords>().IsEmpty, Is.True);
    }
}
