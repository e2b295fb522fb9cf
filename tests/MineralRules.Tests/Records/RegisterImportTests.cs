using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Records;

/// <summary>
/// <c>register import</c> and <see cref="RegisterImport"/>: a GeoJSON FeatureCollection of rights and a CSV of control
/// numbers become a register; every problem is located and collected, and nothing is written when there is any.
/// </summary>
public class RegisterImportTests
{
    private const string Valid = """
        { "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[110.0, 40.0], [110.01, 40.0], [110.01, 40.01], [110.0, 40.01], [110.0, 40.0]]] },
          "properties": { "id": "C1", "kind": "mining", "holder": "h", "mineral": "gold", "county": "150622", "validFrom": "2020-01-01", "validTo": "2030-12-31" } }
        """;

    [Test]
    public async Task ImportAsync_EveryKindOfProblem_EachLocatedAndNothingWritten()
    {
        using var folder = new TempFolder();
        var rights = folder.Write("rights.geojson", $$"""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "geometry": { "type": "Point", "coordinates": [110, 40] },
                "properties": { "id": "X", "kind": "minng", "holder": "", "mineral": "gold", "county": "nowhere", "validFrom": "2020-13-01", "validTo": "2019-01-01", "colour": 1 } },
              { "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[110.0, 40.0], [110.01, 40.0], [110.01, 40.01], [110.0, 40.01], [110.0, 40.0]]] },
                "properties": { "id": "Y", "kind": "mining", "holder": "h", "mineral": "gold", "county": "150622", "validFrom": "2021-01-01", "validTo": "2020-01-01" } },
              { "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[40.0, 110.0], [40.01, 110.0], [40.01, 110.01], [40.0, 110.0]]] },
                "properties": { "id": "Y", "kind": "mining", "mineral": "gold", "county": "150622", "validFrom": "2020-01-01", "validTo": "2020-01-01" } },
              { "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[110.0, 40.0], [110.01, 40.01], [110.01, 40.0], [110.0, 40.01], [110.0, 40.0]]] },
                "properties": { "id": "Z", "kind": "exploration", "holder": "h", "mineral": "gold", "county": "鄂尔多斯市", "validFrom": "2020-01-01", "validTo": "2020-01-01" } },
              {{Valid}}
            ]}
            """);
        var csv = folder.Write("control.csv", "county,number,setBy,date\n150622,x,鄂尔多斯市,2024-01-01\n150622,3,,2024-02-30\n150622,3,鄂尔多斯市\n150622,3,鄂尔多斯市,2024-01-01\n150622,4,鄂尔多斯市,2024-01-01\n");
        var target = Path.Combine(folder.Path, "register.gpkg");

        var result = await RegisterImport.ImportAsync(rights, csv, target);

        var lines = result.Diagnostics.Select(d => $"{Path.GetFileName(d.Location.Path)}:{d.Location.Line}:{d.Location.Column} {d.Code}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.False);
            Assert.That(File.Exists(target), Is.False, "nothing is written when the input has an error");
            Assert.That(lines, Is.EqualTo(new[]
            {
                "control.csv:2:8 MR5106",      // number x
                "control.csv:3:10 MR5106",     // setBy empty
                "control.csv:3:11 MR1009",     // 2024-02-30
                "control.csv:4:1 MR5106",      // three fields
                "control.csv:6:1 MR5104",      // second number for the county on one date
                "rights.geojson:2:46 MR5105",  // a Point
                "rights.geojson:3:40 MR1008",  // kind minng
                "rights.geojson:3:59 MR1006",  // holder empty
                "rights.geojson:3:92 MR1008",  // county nowhere
                "rights.geojson:3:116 MR1009", // validFrom 2020-13-01
                "rights.geojson:3:155 MR1005", // unknown property colour
                "rights.geojson:5:142 MR5103", // validTo before validFrom
                "rights.geojson:6:74 MR5105",  // latitude 110: longitude and latitude swapped
                "rights.geojson:7:19 MR1006",  // holder missing
                "rights.geojson:7:27 MR5104",  // id Y twice
                "rights.geojson:8:36 MR5105",  // a ring crossing itself
                "rights.geojson:9:99 MR1008",  // a league, not a county
            }), string.Join("\n", lines));
            Assert.That(result.Diagnostics.Select(d => d.MessageZh), Is.All.Not.Null);
        });
    }

    [Test]
    public async Task ImportAsync_ValidInput_WritesAGeoPackageThatOpensAndAnswers()
    {
        using var folder = new TempFolder();
        var rights = folder.Write("rights.geojson", RegisterTestData.GeoJson(RegisterTestData.Scenario));
        var csv = folder.Write("control.csv", RegisterTestData.ScenarioControlNumbers);
        var target = Path.Combine(folder.Path, "register.gpkg");

        var result = await RegisterImport.ImportAsync(rights, csv, target);
        using var register = RightsRegister.Open(target);
        var findings = await register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New));

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.True);
            Assert.That(result.Rights, Is.EqualTo(RegisterTestData.Scenario.Count));
            Assert.That(result.ControlNumbers, Is.EqualTo(3));
            Assert.That(result.Register, Is.EqualTo("register.gpkg"));
            Assert.That(findings.CountySandGravelRights!.Select(r => r.Mineral), Is.All.EqualTo("sand-gravel"), "普通建筑用砂石土 is stored as its code");
            Assert.That(Directory.GetFiles(folder.Path, "*.tmp"), Is.Empty);
        });
    }

    [Test]
    public async Task ImportAsync_MineralTheContractDoesNotKnow_LocatedErrorEachTimeAndNothingWritten()
    {
        // 建筑用砂 is not the contract's 普通建筑用砂石土: kept as written, the right would drop out of its county's
        // sand/gravel rights (5.2.2) without a word.
        using var folder = new TempFolder();
        var rights = folder.Write("rights.geojson", RegisterTestData.GeoJson(
        [
            new RightSpec("A", "mining", "h", "建筑用砂", RegisterTestData.County, null, null, "2020-01-01", "2030-01-01", 110, 40, 0.01),
            new RightSpec("B", "mining", "h", "建筑用砂", RegisterTestData.County, null, null, "2020-01-01", "2030-01-01", 111, 40, 0.01),
            new RightSpec("C", "mining", "h", "煤", RegisterTestData.County, null, null, "2020-01-01", "2030-01-01", 112, 40, 0.01),
        ]));
        var target = Path.Combine(folder.Path, "r.gpkg");

        var result = await RegisterImport.ImportAsync(rights, null, target);

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.False);
            Assert.That(File.Exists(target), Is.False);
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MR1008", "MR1008" }), "A and B, each at its mineral; 煤 is an accepted alias of coal");
            Assert.That(result.Diagnostics.Select(d => d.Location.Line).Distinct().Count(), Is.EqualTo(2));
            Assert.That(result.Diagnostics[0].Message, Does.Contain("建筑用砂").And.Contain("docs/application.md").And.Contain("sand-gravel"));
            Assert.That(result.Diagnostics[0].MessageZh, Does.Contain("矿种表").And.Contain("普通建筑用砂石土"));
        });
    }

    [Test]
    public async Task ImportAsync_IntoAnExistingRegister_ReplacesItWhole()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "register.gpkg");
        await RegisterImport.ImportAsync(folder.Write("all.geojson", RegisterTestData.GeoJson(RegisterTestData.Scenario)), null, target);

        var result = await RegisterImport.ImportAsync(folder.Write("one.geojson", RegisterTestData.GeoJson(RegisterTestData.Scenario.Take(1))), null, target);
        using var register = RightsRegister.Open(target);
        var findings = await register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New));

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.True);
            Assert.That(RegisterTestData.Ids(findings.CountySandGravelRights), Is.EqualTo(new[] { "M1" }));
        });
    }

    [Test]
    public async Task ImportAsync_NoRights_AnEmptyRegisterThatFindsNothing()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "empty.gpkg");

        var result = await RegisterImport.ImportAsync(folder.Write("none.geojson", """{ "type": "FeatureCollection", "features": [] }"""), null, target);
        using var register = RightsRegister.Open(target);
        var findings = await register.FindAsync(RegisterTestData.Application(Permit.Exploration, PermitAction.New, Mineral.Gold, deposit: "D-7"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.True);
            Assert.That(findings.OtherMiningRights, Is.Empty, "known to be none, not unknown");
            Assert.That(findings.OtherHolderRights, Is.Empty);
            Assert.That(findings.CountySandGravelRights, Is.Empty);
            Assert.That(findings.CountyControlNumber, Is.Null);
        });
    }

    [Test]
    public async Task ImportAsync_HeaderNotExact_OneLocatedError()
    {
        using var folder = new TempFolder();
        var rights = folder.Write("rights.geojson", $$"""{ "type": "FeatureCollection", "features": [ {{Valid}} ] }""");
        var csv = folder.Write("control.csv", "county,count,setBy,date\n150622,3,鄂尔多斯市,2024-01-01\n");

        var result = await RegisterImport.ImportAsync(rights, csv, Path.Combine(folder.Path, "r.gpkg"));

        Assert.That(result.Diagnostics.Select(d => (d.Location.Line, d.Code)), Is.EqualTo(new[] { (1, "MR5106") }));
    }

    [TestCase("register.gpkg", typeof(string))]
    [TestCase("Host=db.example;Database=register;Username=clerk", null)]
    [TestCase("postgresql://clerk:pw@db.example:6432/register", null)]
    public void Open_TargetKinds_GeoPackageOrPostgres(string target, Type? _)
    {
        var kind = MineralRules.Records.Register.RegisterTarget.Of(target);

        Assert.That(kind, target.EndsWith(".gpkg", StringComparison.Ordinal)
            ? Is.TypeOf<MineralRules.Records.Register.RegisterTarget.GeoPackage>()
            : Is.TypeOf<MineralRules.Records.Register.RegisterTarget.Postgres>());
    }

    [Test]
    public void NameOf_PostgresUri_HostPortDatabaseWithoutThePassword()
    {
        var target = (MineralRules.Records.Register.RegisterTarget.Postgres)MineralRules.Records.Register.RegisterTarget.Of("postgresql://clerk:pw@db.example:6432/register?sslmode=disable");

        Assert.Multiple(() =>
        {
            Assert.That(MineralRules.Records.Register.RegisterTarget.NameOf(target.Builder), Is.EqualTo("postgresql://db.example:6432/register"));
            Assert.That(target.Builder.Password, Is.EqualTo("pw"));
            Assert.That(target.Builder.Username, Is.EqualTo("clerk"));
        });
    }

    [TestCase("Host=db.example;Database=register;Username=clerk;Pwd=s3cret", "postgresql://db.example:5432/register")]
    [TestCase("Host=db.example;User ID=clerk;PSW=s3cret", "postgresql://db.example:5432")]
    [TestCase("postgresql://clerk:s3cret@db.example:6432/register", "postgresql://db.example:6432/register")]
    [TestCase("postgresql://clerk:s3cret@db.example:6432", "postgresql://db.example:6432")]
    [TestCase("Database=register;Pwd=s3cret;User=clerk", "the PostgreSQL register")]
    [TestCase("postgresql://clerk:s3cret@/register", "the PostgreSQL register")]
    public async Task ImportAsync_ConnectionStringWithASecret_NamedWithoutPasswordOrUser(string into, string name)
    {
        using var folder = new TempFolder();

        // The rights file does not exist: the import stops before connecting to anything.
        var result = await RegisterImport.ImportAsync(Path.Combine(folder.Path, "missing.geojson"), null, into);

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.False);
            Assert.That(result.Register, Is.EqualTo(name));
            foreach (var text in result.Diagnostics.SelectMany(d => new[] { d.Message, d.MessageZh ?? string.Empty }).Append(result.Register))
            {
                Assert.That(text, Does.Not.Contain("s3cret").And.Not.Contain("clerk"));
            }
        });
    }

    [TestCase("Host=h;Password=a;Pwd=b;PSW=c;Database=d;Username=u", "Host=h;Database=d")]
    [TestCase("postgresql://u:p@h:1/d?sslmode=disable", "postgresql://h:1/d?sslmode=disable")]
    [TestCase("register.sqlite", "register.sqlite")]
    public void Redacted_SecretsAndUser_Removed(string text, string expected) =>
        Assert.That(MineralRules.Records.Register.RegisterTarget.Redacted(text), Is.EqualTo(expected));

    [Test]
    public void Open_NeitherFileNorConnectionString_RecordsException()
    {
        var e = Assert.Throws<RecordsException>(() => RightsRegister.Open("register.sqlite"));

        Assert.That(e!.Diagnostics.Single().Code, Is.EqualTo("MR5101"));
    }

    [Test]
    public void Open_NoSuchFile_RecordsExceptionSayingHowToBuildOne()
    {
        var e = Assert.Throws<RecordsException>(() => RightsRegister.Open(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".gpkg")));

        Assert.That(e!.Message, Does.Contain("mineralrules register import"));
    }

    [Test]
    public void Open_FileThatIsNotARegister_RecordsException()
    {
        using var folder = new TempFolder();
        var path = folder.Write("not.gpkg", "just text");

        var e = Assert.Throws<RecordsException>(() => RightsRegister.Open(path));

        Assert.That(e!.Diagnostics.Single().Code, Is.EqualTo("MR5101"));
    }

    [Test]
    public void RegisterImport_Cli_WritesAndSaysWhatInBothLanguages()
    {
        using var folder = new TempFolder();
        var rights = folder.Write("rights.geojson", RegisterTestData.GeoJson(RegisterTestData.Scenario));
        var csv = folder.Write("control.csv", RegisterTestData.ScenarioControlNumbers);
        var target = Path.Combine(folder.Path, "register.gpkg");

        var en = CliRunner.RunWithShippedRules("register", "import", rights, "--control-numbers", csv, "--into", target);
        var zh = CliRunner.RunWithShippedRules("register", "import", rights, "--into", target, "--culture", "zh");

        Assert.Multiple(() =>
        {
            Assert.That(en.ExitCode, Is.EqualTo(0), en.Error);
            Assert.That(en.Output.Trim(), Is.EqualTo("Imported 10 right(s) and 3 control number(s) into register.gpkg."));
            Assert.That(zh.ExitCode, Is.EqualTo(0), zh.Error);
            Assert.That(zh.Output.Trim(), Is.EqualTo("已将 10 个矿业权和 0 个控制数量导入 register.gpkg。"));
        });
    }

    [Test]
    public void RegisterImport_CliWithErrors_ListsThemAndExits2()
    {
        using var folder = new TempFolder();
        var rights = folder.Write("rights.geojson", """{ "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": null, "properties": { "id": "A" } } ] }""");
        var target = Path.Combine(folder.Path, "register.gpkg");

        var (code, output, error) = CliRunner.RunWithShippedRules("register", "import", rights, "--into", target, "--culture", "zh");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("rights.geojson:1:").And.Contain("error MR5105").And.Contain("未向 register.gpkg 写入任何内容"));
            Assert.That(File.Exists(target), Is.False);
        });
    }

    [Test]
    public void RegisterImport_CliWithoutInto_UsageError()
    {
        var (code, _, error) = CliRunner.RunWithShippedRules("register", "import", "rights.geojson");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--into"));
        });
    }
}
