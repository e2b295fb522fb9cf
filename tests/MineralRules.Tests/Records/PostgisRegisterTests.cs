using System.Diagnostics;
using MineralRules.Tests.Cli;
using Npgsql;

namespace MineralRules.Tests.Records;

/// <summary>The PostgreSQL/PostGIS register: the shared scenario's findings, as the GeoPackage register's.</summary>
[NonParallelizable]
public sealed class PostgisRegisterTests : RegisterBackendTests
{
#pragma warning disable NUnit1032 // Created in the one-time set-up (through Target) and dropped in DropDatabase, the one-time tear-down.
    private PostgisTestDatabase? _database;
#pragma warning restore NUnit1032

    private string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not set up.");

    [Test]
    public void Name_NamesHostPortAndDatabaseWithoutThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        Assert.That(Register.Name, Is.EqualTo($"postgresql://{builder.Host}:{builder.Port}/{builder.Database}"));
    }

    [Test]
    public async Task FindAsync_EveryScenarioApplication_SameFindingsAsTheGeoPackageRegister()
    {
        var gpkg = Path.Combine(Folder.Path, "same.gpkg");
        var imported = await RegisterImport.ImportAsync(Path.Combine(Folder.Path, "rights.geojson"), Path.Combine(Folder.Path, "control-numbers.csv"), gpkg);
        Assert.That(imported.Written, Is.True);
        using var geoPackage = RightsRegister.Open(gpkg);
        Application[] applications =
        [
            RegisterTestData.Application(Permit.Mining, PermitAction.New),
            RegisterTestData.Application(Permit.Mining, PermitAction.Conversion, Mineral.Gold),
            RegisterTestData.Application(Permit.Exploration, PermitAction.New, Mineral.Gold),
            RegisterTestData.Application(Permit.Exploration, PermitAction.Extension, Mineral.Gold),
            RegisterTestData.Application(Permit.Mining, PermitAction.New, date: new DateOnly(2023, 12, 31)),
            RegisterTestData.Application(Permit.Mining, PermitAction.New, boundary: false),
            RegisterTestData.Application(Permit.Mining, PermitAction.New, boundary: false, deposit: "D-7"),
            RegisterTestData.Application(Permit.Mining, PermitAction.Conversion, deposit: "D-7", date: new DateOnly(2023, 12, 31)),
            RegisterTestData.Application(Permit.Mining, PermitAction.New, boundary: false, block: null, county: null),
            RegisterTestData.Application(Permit.Mining, PermitAction.New, Mineral.Gold, boundary: false, block: null, deposit: "d-150627-003"),
            RegisterTestData.Application(Permit.Mining, PermitAction.New, Mineral.Gold, boundary: false, block: "Ｂ－７", applicant: "内蒙古示例（集团）有限公司"),
            RegisterTestData.Application(Permit.Mining, PermitAction.New, boundary: false, block: null, county: "１５０６２２"),
        ];

        foreach (var application in applications)
        {
            var expected = RegisterTestData.Describe(await geoPackage.FindAsync(application));
            Assert.That(RegisterTestData.Describe(await Register.FindAsync(application)), Is.EqualTo(expected), $"{application.Permit} {application.Action} {application.ApplicationDate}");
        }
    }

    [Test]
    public async Task ImportAsync_Twice_ReplacesTheContent()
    {
        var target = ConnectionString;
        var rights = Folder.Write("one.geojson", RegisterTestData.GeoJson(RegisterTestData.Scenario.Take(1)));

        var result = await RegisterImport.ImportAsync(rights, null, target);
        using (var register = RightsRegister.Open(target))
        {
            var findings = await register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New));
            Assert.Multiple(() =>
            {
                Assert.That(result.Written, Is.True);
                Assert.That(RegisterTestData.Ids(findings.CountySandGravelRights), Is.EqualTo(new[] { "M1" }));
                Assert.That(findings.CountyControlNumber, Is.Null);
            });
        }

        var again = await RegisterImport.ImportAsync(Path.Combine(Folder.Path, "rights.geojson"), Path.Combine(Folder.Path, "control-numbers.csv"), target);
        using (var register = RightsRegister.Open(target))
        {
            var findings = await register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New));
            Assert.Multiple(() =>
            {
                Assert.That(again.Written, Is.True);
                Assert.That(RegisterTestData.Ids(findings.CountySandGravelRights), Is.EqualTo(new[] { "M1", "M2" }), "the second import's rights, not the first's");
                Assert.That(findings.CountyControlNumber?.Number, Is.EqualTo(3));
            });
        }

        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM mineralrules.rights", connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo((long)RegisterTestData.Scenario.Count), "nothing of the first import left over");
    }

    [Test]
    public async Task ImportAsync_WhileACheckReadsTheRegister_NeitherWaitsForTheOther()
    {
        // A check in the middle of its transaction holds its lock on the rights until it ends: an import must not need
        // a lock that conflicts with it (TRUNCATE would wait here until its 2 s command timeout, and block every check).
        await using var reader = new NpgsqlConnection(ConnectionString);
        await reader.OpenAsync();
        await using var transaction = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM mineralrules.rights", reader, transaction))
        {
            await read.ExecuteScalarAsync();
        }

        var result = await RegisterImport.ImportAsync(Path.Combine(Folder.Path, "rights.geojson"), Path.Combine(Folder.Path, "control-numbers.csv"), ConnectionString, new RightsRegisterOptions { CommandTimeout = TimeSpan.FromSeconds(2) });

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Written, Is.True);
        });
    }

    [Test]
    public async Task FindAsync_RightOfAnUnknownKind_RecordsExceptionNotAMiningRight()
    {
        using var database = PostgisTestDatabase.Create();
        var imported = await RegisterImport.ImportAsync(Path.Combine(Folder.Path, "rights.geojson"), Path.Combine(Folder.Path, "control-numbers.csv"), database.ConnectionString);
        Assert.That(imported.Written, Is.True);
        PostgisTestDatabase.Execute(database.ConnectionString, "ALTER TABLE mineralrules.rights DROP CONSTRAINT rights_kind_check; UPDATE mineralrules.rights SET kind = 'prospecting' WHERE id = 'M1'");
        using var register = RightsRegister.Open(database.ConnectionString);

        var e = Assert.ThrowsAsync<RecordsException>(async () => await register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New)));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Diagnostics.Single().Code, Is.EqualTo("MR5101"));
            Assert.That(e.Message, Does.Contain("prospecting").And.Contain("M1"));
        });
        NpgsqlConnection.ClearAllPools();
    }

    [Test]
    public void Open_UnreachableServer_RecordsExceptionNamingHostAndPortNotThePassword()
    {
        var port = FreePort();
        var target = $"Host=127.0.0.1;Port={port};Database=register;Username=clerk;Password=s3cret";

        var e = Assert.Throws<RecordsException>(() => RightsRegister.Open(target, new RightsRegisterOptions { ConnectTimeout = TimeSpan.FromSeconds(2) }));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Diagnostics.Single().Code, Is.EqualTo("MR5102"));
            Assert.That(e.Message, Does.Contain($"127.0.0.1:{port}").And.Contain("Check that the server is running"));
            Assert.That(e.Message, Does.Not.Contain("s3cret"));
            Assert.That(e.Diagnostics.Single().MessageZh, Does.Contain("无法连接"));
        });
    }

    [Test]
    public void Open_ServerThatNeverAnswers_TimesOutWithinTheConnectTimeout()
    {
        // A listener that accepts connections and never speaks: the connect timeout must end the wait.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<RecordsException>(() => RightsRegister.Open($"Host=127.0.0.1;Port={port};Database=register;Username=clerk", new RightsRegisterOptions { ConnectTimeout = TimeSpan.FromSeconds(1) }));

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(e!.Diagnostics.Single().Code, Is.EqualTo("MR5102"));
            Assert.That(e.Message, Does.Contain("did not answer in time"));
        });
    }

    [Test]
    public async Task FindAsync_QueryLongerThanTheCommandTimeout_RecordsException()
    {
        // The register's own query is fast; a lock held by another session makes it wait past a 1 s command timeout.
        using var register = RightsRegister.Open(ConnectionString, new RightsRegisterOptions { CommandTimeout = TimeSpan.FromSeconds(1) });
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE mineralrules.rights IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var e = Assert.ThrowsAsync<RecordsException>(async () => await register.FindAsync(RegisterTestData.Application(Permit.Mining, PermitAction.New)));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Diagnostics.Single().Code, Is.EqualTo("MR5102"));
            Assert.That(e.Message, Does.Contain("did not answer in time"));
        });
    }

    [Test]
    public async Task Evaluate_EveryRecordsSample_SameJsonAsWithTheGeoPackageRegisterApartFromSources()
    {
        // Issue 15, point 7: the illustrative register of samples/records imported into both backends gives every
        // records sample the same verdicts; only the register's name in each fact's source differs.
        var register = Path.Combine(TestPaths.Repository, "samples", "records", "register");
        using var database = PostgisTestDatabase.Create();
        var gpkg = Path.Combine(Folder.Path, "samples.gpkg");
        foreach (var target in new[] { gpkg, database.ConnectionString })
        {
            var imported = await RegisterImport.ImportAsync(Path.Combine(register, "rights.geojson"), Path.Combine(register, "control-numbers.csv"), target);
            Assert.That(imported.Diagnostics, Is.Empty);
        }

        using var geoPackage = RightsRegister.Open(gpkg);
        using var postgis = RightsRegister.Open(database.ConnectionString);
        var samples = Directory.GetFiles(Path.Combine(TestPaths.Repository, "samples", "records", "applications"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.That(samples, Is.Not.Empty);
        var sourcesNamed = 0;
        foreach (var sample in samples)
        {
            var application = ApplicationReader.ReadFile(sample).Application!;
            var result = Fixtures.Shipped.Evaluate(application, new RecordFacts { Register = await geoPackage.FindAsync(application) });
            TestContext.Out.WriteLine($"{Path.GetFileName(sample)}: {ResultJson.DecisionCode(result.Decision)}");
            var fromFile = ResultJson.Serialize(result);
            var fromDatabase = ResultJson.Serialize(Fixtures.Shipped.Evaluate(application, new RecordFacts { Register = await postgis.FindAsync(application) }));
            sourcesNamed += fromDatabase.Split(postgis.Name).Length - 1;

            Assert.That(fromDatabase.Replace(postgis.Name, geoPackage.Name, StringComparison.Ordinal), Is.EqualTo(fromFile), Path.GetFileName(sample));
        }

        Assert.That(sourcesNamed, Is.GreaterThan(0), "the register is named as the source of some facts");
    }

    [Test]
    public void Open_DatabaseWithoutARegister_SaysToImportOne()
    {
        using var empty = PostgisTestDatabase.Create();

        var e = Assert.Throws<RecordsException>(() => RightsRegister.Open(empty.ConnectionString));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Diagnostics.Single().Code, Is.EqualTo("MR5101"));
            Assert.That(e.Message, Does.Contain("mineralrules register import"));
        });
    }

    [OneTimeTearDown]
    public void DropDatabase()
    {
        // Runs before the base class closes the register: FORCE ends its pooled connections.
        NpgsqlConnection.ClearAllPools();
        _database?.Dispose();
    }

    private protected override string Target(TempFolder folder)
    {
        _database = PostgisTestDatabase.Create();
        return _database.ConnectionString;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
