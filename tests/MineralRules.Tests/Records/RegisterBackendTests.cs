using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Records;

/// <summary>
/// What a register finds for an application (docs/records.md), checked the same way on each backend: a fixture per
/// backend imports the shared scenario (<see cref="RegisterTestData.Scenario"/>) and answers these tests.
/// </summary>
public abstract class RegisterBackendTests
{
    private TempFolder? _folder;
    private IRightsRegister? _register;

    /// <summary>The backend's register, the shared scenario imported.</summary>
    protected IRightsRegister Register => _register ?? throw new InvalidOperationException("Not set up.");

    private protected TempFolder Folder => _folder ?? throw new InvalidOperationException("Not set up.");

    /// <summary>Where the backend's register is (a .gpkg path or a connection string).</summary>
    private protected abstract string Target(TempFolder folder);

    [OneTimeSetUp]
    public async Task ImportScenario()
    {
        _folder = new TempFolder();
        var target = Target(_folder);
        var rights = _folder.Write("rights.geojson", RegisterTestData.GeoJson(RegisterTestData.Scenario));
        var controls = _folder.Write("control-numbers.csv", RegisterTestData.ScenarioControlNumbers);
        var result = await RegisterImport.ImportAsync(rights, controls, target);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Written, Is.True);
        _register = RightsRegister.Open(target);
    }

    [OneTimeTearDown]
    public void Close()
    {
        _register?.Dispose();
        _folder?.Dispose();
    }

    [Test]
    public async Task FindAsync_NewSandGravelMine_FindsOverlappingMineBlockHolderAndCountyRights()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New));

        Assert.Multiple(() =>
        {
            // M3 lies on the site too but expired; M4 touches it by less than 0.01 ha.
            Assert.That(RegisterTestData.Ids(findings.OtherMiningRights), Is.EqualTo(new[] { "M1" }));
            Assert.That(findings.OtherMiningRights![0].OverlapHectares, Is.InRange(90m, 100m), "the whole site, about 95 ha at 40°N");
            // Mining rights of other holders in block B-1: M2 is the applicant's own, M3 expired; exploration rights are not 开采主体.
            Assert.That(RegisterTestData.Ids(findings.OtherHolderRights), Is.EqualTo(new[] { "M1" }));
            // Valid sand/gravel mining rights in the county: M2's last day is the application date; M5 starts later.
            Assert.That(RegisterTestData.Ids(findings.CountySandGravelRights), Is.EqualTo(new[] { "M1", "M2" }));
            Assert.That(findings.CountySandGravelRights!.Select(r => r.OverlapHectares), Is.All.Null);
            Assert.That(findings.CountyControlNumber?.Number, Is.EqualTo(3), "the latest set on or before the application date");
            Assert.That(findings.CountyControlNumber?.Source, Is.EqualTo($"{Register.Name}#control-numbers/150622"));
            Assert.That(findings.OtherMiningRights[0].Source, Is.EqualTo($"{Register.Name}#M1"));
            Assert.That(findings.Name, Is.EqualTo(Register.Name));
        });
    }

    [Test]
    public async Task FindAsync_NewExploration_CountsBlockHoldersAndOverlappingExplorationRightsOfOthers()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Exploration, PermitAction.New, Mineral.Gold));

        Assert.Multiple(() =>
        {
            // E1 is in the block; E2 is in another block but overlaps half the site (4.3.1); E3 is the applicant's (holder trimmed).
            Assert.That(RegisterTestData.Ids(findings.OtherHolderRights), Is.EqualTo(new[] { "E1", "E2" }));
            Assert.That(findings.OtherHolderRights![0].OverlapHectares, Is.Null);
            Assert.That(findings.OtherHolderRights[1].OverlapHectares, Is.InRange(45m, 50m));
        });
    }

    [Test]
    public async Task FindAsync_DepositIdInLowerCase_FindsTheRightOnTheDeposit()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, Mineral.Gold, boundary: false, block: null, deposit: " d-150627-003 "));

        Assert.That(RegisterTestData.Ids(findings.OtherMiningRights), Is.EqualTo(new[] { "K1" }));
    }

    [TestCase("b-7")]
    [TestCase("Ｂ－７")]
    [TestCase("B - 7")]
    public async Task FindAsync_HolderAndBlockWrittenOtherwise_SameKeys(string block)
    {
        // K1's holder is written with ASCII brackets, the applicant with full-width ones: the applicant's own right.
        // K2's block is written full-width (Ｂ－７), K1's as B-7: both are in the application's block.
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, Mineral.Gold, boundary: false, block: block, applicant: "内蒙古示例（集团）有限公司"));

        Assert.That(RegisterTestData.Ids(findings.OtherHolderRights), Is.EqualTo(new[] { "K2" }));
    }

    [Test]
    public async Task FindAsync_CountyCodeInFullWidthDigits_FindsTheCounty()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, boundary: false, block: null, county: "１５０６２２"));

        Assert.Multiple(() =>
        {
            Assert.That(RegisterTestData.Ids(findings.CountySandGravelRights), Is.EqualTo(new[] { "M1", "M2" }));
            Assert.That(findings.CountyControlNumber?.Number, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task FindAsync_ExplorationExtension_CountsOnlyTheBlock()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Exploration, PermitAction.Extension, Mineral.Gold));

        Assert.That(RegisterTestData.Ids(findings.OtherHolderRights), Is.EqualTo(new[] { "E1" }));
    }

    [Test]
    public async Task FindAsync_NothingToLookUpBy_ListsAreNull()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, boundary: false, block: null, county: null));

        Assert.Multiple(() =>
        {
            Assert.That(findings.OtherMiningRights, Is.Null);
            Assert.That(findings.OtherHolderRights, Is.Null);
            Assert.That(findings.CountySandGravelRights, Is.Null);
            Assert.That(findings.CountyControlNumber, Is.Null);
        });
    }

    [Test]
    public async Task FindAsync_DepositIdWithoutBoundary_FindsValidMiningRightsOnTheDeposit()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, Mineral.Gold, boundary: false, deposit: " D-7 "));

        Assert.Multiple(() =>
        {
            // M1 and M3 are on deposit D-7; M3 expired before the application date.
            Assert.That(RegisterTestData.Ids(findings.OtherMiningRights), Is.EqualTo(new[] { "M1" }));
            Assert.That(findings.OtherMiningRights![0].OverlapHectares, Is.Null, "found by deposit, not by overlap");
        });
    }

    [Test]
    public async Task FindAsync_DepositIdAndBoundary_EachRightOnceWithItsOverlap()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, Mineral.Gold, deposit: "D-7", date: new DateOnly(2023, 12, 31)));

        Assert.Multiple(() =>
        {
            Assert.That(RegisterTestData.Ids(findings.OtherMiningRights), Is.EqualTo(new[] { "M1", "M3" }));
            Assert.That(findings.OtherMiningRights!.Select(r => r.OverlapHectares), Is.All.Not.Null);
        });
    }

    [Test]
    public async Task FindAsync_NoApplicant_OtherHoldersUnknown()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, applicant: null));

        Assert.Multiple(() =>
        {
            Assert.That(findings.OtherHolderRights, Is.Null, "without the applicant no holder can be told apart from it");
            Assert.That(RegisterTestData.Ids(findings.OtherMiningRights), Is.EqualTo(new[] { "M1" }));
        });
    }

    [Test]
    public async Task FindAsync_MiningWithBoundaryButNoBlock_OtherHoldersUnknown()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, block: null));

        Assert.That(findings.OtherHolderRights, Is.Null, "a mining site's boundary does not name its planning block");
    }

    [Test]
    public async Task FindAsync_BeforeAnyControlNumber_NoneInForce()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, date: new DateOnly(2021, 12, 31)));

        Assert.Multiple(() =>
        {
            Assert.That(findings.CountyControlNumber, Is.Null);
            Assert.That(RegisterTestData.Ids(findings.CountySandGravelRights), Is.EqualTo(new[] { "M1", "M2" }));
        });
    }

    [Test]
    public async Task FindAsync_OnTheLastDayOfAnExpiredRight_ItStillCounts()
    {
        var findings = await Register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New, date: new DateOnly(2023, 12, 31)));

        Assert.That(RegisterTestData.Ids(findings.OtherMiningRights), Is.EqualTo(new[] { "M1", "M3" }));
    }

    [Test]
    public async Task FindAsync_ManyThreadsAtOnce_SameFindings()
    {
        var application = RegisterTestData.Application(Permit.Mining, PermitAction.New);
        var expected = RegisterTestData.Describe(await Register.FindAsync(application));

        var all = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () => RegisterTestData.Describe(await Register.FindAsync(application)))));

        Assert.That(all, Is.All.EqualTo(expected));
    }
}

/// <summary>The GeoPackage register (the embedded default).</summary>
public sealed class GeoPackageRegisterTests : RegisterBackendTests
{
    private protected override string Target(TempFolder folder) => Path.Combine(folder.Path, "register.gpkg");

    [Test]
    public void Name_IsTheFileName() => Assert.That(Register.Name, Is.EqualTo("register.gpkg"));
}
