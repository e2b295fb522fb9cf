using System.Diagnostics;
using System.Globalization;
using MineralRules.Benchmarks;
using MineralRules.Records.Register;
using MineralRules.Tests.Cli;
using NetTopologySuite.Geometries;

namespace MineralRules.Tests.Records;

/// <summary>
/// The register at a province's scale (issue 15, docs/performance.md): 100,000 generated rights; the median time of
/// <see cref="IRightsRegister.FindAsync"/> for one application — every register fact at once — must stay within 5 ms
/// for the GeoPackage register and 10 ms for PostGIS (when <c>MINERALRULES_TEST_POSTGRES</c> names a server). Run by
/// hand: <c>dotnet test -c Release --filter "FullyQualifiedName~RegisterBenchmarkTests"</c>.
/// </summary>
[Explicit("A benchmark: run by hand, one at a time, on a quiet machine.")]
[NonParallelizable]
public class RegisterBenchmarkTests
{
    private const int Rights = RegisterData.Rights;
    private const int Runs = 400;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    [Test]
    public async Task FindAsync_GeoPackage100000Rights_MedianWithin5Ms()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "register.gpkg");
        var watch = Stopwatch.StartNew();
        GeoPackageRegisterFile.Write(path, Generate());
        var written = watch.Elapsed;
        watch.Restart();
        using var register = RightsRegister.Open(path);
        var opened = watch.Elapsed;

        var median = await Median(register);

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GeoPackage, {Rights} rights: written in {written.TotalSeconds:0.0} s, opened (read and indexed) in {opened.TotalSeconds:0.0} s; FindAsync median {median:0.000} ms over {Runs} runs"));
        Assert.That(median, Is.LessThanOrEqualTo(5.0));
    }

    [Test]
    public async Task FindAsync_PostGis100000Rights_MedianWithin10Ms()
    {
        using var database = PostgisTestDatabase.Create();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        var watch = Stopwatch.StartNew();
        await PostgisRegisterWriter.WriteAsync(builder, Generate(), RightsRegisterOptions.Default, CancellationToken.None);
        var written = watch.Elapsed;
        using var register = RightsRegister.Open(database.ConnectionString.Replace("Pooling=False", "Pooling=True", StringComparison.OrdinalIgnoreCase));

        var median = await Median(register);
        var floor = await RoundTrip(database.ConnectionString.Replace("Pooling=False", "Pooling=True", StringComparison.OrdinalIgnoreCase));

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostGIS, {Rights} rights: imported in {written.TotalSeconds:0.0} s; FindAsync median {median:0.000} ms over {Runs} runs (a bare SELECT 1 from the pool: median {floor:0.000} ms)"));
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.That(median, Is.LessThanOrEqualTo(10.0));
    }

    /// <summary>The median of <see cref="Runs"/> look-ups, after a warm-up, cycling over sites in dense and empty places.</summary>
    private static async Task<double> Median(IRightsRegister register)
    {
        var applications = Enumerable.Range(0, 16).Select(Application).ToArray();
        var found = 0;
        for (var i = 0; i < 50; i++)
        {
            var warm = await register.FindAsync(applications[i % applications.Length]);
            found += warm.OtherMiningRights?.Count ?? 0;
        }

        Assert.That(found, Is.GreaterThan(0), "the sites lie where the generated rights are");
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await register.FindAsync(applications[i % applications.Length]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[Runs / 2];
    }

    /// <summary>The machine's floor: the median of a pooled connection's SELECT 1, the least one round trip costs.</summary>
    private static async Task<double> RoundTrip(string connectionString)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        var times = new double[Runs];
        for (var i = -50; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var connection = await dataSource.OpenConnectionAsync())
            await using (var command = new Npgsql.NpgsqlCommand("SELECT 1", connection))
            {
                await command.ExecuteScalarAsync();
            }

            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        Array.Sort(times);
        return times[Runs / 2];
    }

    /// <summary>Application <paramref name="n"/>: a site over right n × 1,000's place, with its deposit, block and county.</summary>
    private static Application Application(int n)
    {
        var (lon, lat) = RegisterData.Place(n * 1_000);
        return new Application
        {
            Id = "bench-" + n.ToString(CultureInfo.InvariantCulture),
            Permit = n % 2 == 0 ? Permit.Mining : Permit.Exploration,
            Action = PermitAction.New,
            ApplicationDate = new DateOnly(2024, 6, 1),
            Applicant = "申请人",
            Mineral = Mineral.SandGravel,
            Location = new Location
            {
                County = RegisterData.County(n * 1_000),
                Boundary = new SiteBoundary
                {
                    Crs = "EPSG:4490",
                    Rings = [[.. RegisterData.Box(lon, lat, 0.02, 0.02).Select(p => (IReadOnlyList<decimal>)[(decimal)p[0], (decimal)p[1]])]],
                },
            },
            Block = new PlanningBlock { InPlanningBlock = true, Code = RegisterData.Block(n * 1_000) },
            Deposit = new DepositFacts { Id = RegisterData.Deposit(n * 1_000) },
        };
    }

    /// <summary>The generated register (bench/MineralRules.Benchmarks/RegisterData.cs) as the library stores it.</summary>
    private static RegisterContent Generate()
    {
        var rights = RegisterData.Generate().Select(r => new StoredRight(
            r.Id,
            r.Exploration ? Permit.Exploration : Permit.Mining,
            r.Holder,
            r.Mineral,
            r.County,
            r.Deposit,
            r.Block,
            r.From,
            r.To,
            true,
            Factory.CreateMultiPolygon([Factory.CreatePolygon([.. r.Ring.Select(p => new Coordinate(p[0], p[1]))])]))).ToList();
        var controls = RegisterData.Counties.Select(c => new StoredControlNumber(c, 40, c[..4] + "00", new DateOnly(2022, 1, 1))).ToList();
        return new RegisterContent(rights, controls);
    }
}
