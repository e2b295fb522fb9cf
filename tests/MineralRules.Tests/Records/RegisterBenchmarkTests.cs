using System.Diagnostics;
using System.Globalization;
using MineralRules.Records.Register;
using MineralRules.Reference;
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
    private const int Rights = 100_000;
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
        var (lon, lat) = Place(n * 1_000);
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
                County = County(n * 1_000),
                Boundary = new SiteBoundary
                {
                    Crs = "EPSG:4490",
                    Rings = [[.. RightSpec.Box(lon, lat, 0.02, 0.02).Select(p => (IReadOnlyList<decimal>)[(decimal)p[0], (decimal)p[1]])]],
                },
            },
            Block = new PlanningBlock { InPlanningBlock = true, Code = Block(n * 1_000) },
            Deposit = new DepositFacts { Id = Deposit(n * 1_000) },
        };
    }

    /// <summary>100,000 rights over Inner Mongolia's extent: squares of 0.005° to 0.02°, a fifth of them sand/gravel mines.</summary>
    private static RegisterContent Generate()
    {
        var random = new Random(15);
        var rights = new List<StoredRight>(Rights);
        for (var i = 0; i < Rights; i++)
        {
            var (lon, lat) = Place(i);
            var size = 0.005 + (random.NextDouble() * 0.015);
            var kind = i % 3 == 0 ? Permit.Exploration : Permit.Mining;
            var from = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 3_000));
            var polygon = Factory.CreatePolygon([.. RightSpec.Box(lon, lat, size, size).Select(p => new Coordinate(p[0], p[1]))]);
            rights.Add(new StoredRight(
                "R" + i.ToString("D6", CultureInfo.InvariantCulture),
                kind,
                "holder-" + (i % 20_000).ToString(CultureInfo.InvariantCulture),
                kind == Permit.Mining && i % 5 == 1 ? StoredRight.SandGravel : "gold",
                County(i),
                Deposit(i),
                Block(i),
                from,
                from.AddYears(random.Next(1, 15)),
                true,
                Factory.CreateMultiPolygon([polygon])));
        }

        var controls = Counties.Select(c => new StoredControlNumber(c, 40, c[..4] + "00", new DateOnly(2022, 1, 1))).ToList();
        return new RegisterContent(rights, controls);
    }

    private static readonly string[] Counties = [.. new[] { "150102", "150121", "150202", "150221", "150302", "150402", "150421", "150502", "150521", "150602", "150621", "150622", "150702", "150721", "150802", "150821", "150902", "150921", "152201", "152501", "152921" }
        .Where(c => AdministrativeDivisions.Default.ByCode(c) is not null)];

    // Rights cluster on 2,000 spots across the region (about 50 each), as mining districts do.
    private static (double Lon, double Lat) Place(int i)
    {
        var spot = i % 2_000;
        var within = i / 2_000;
        return (98.0 + ((spot % 50) * 0.55) + ((within % 7) * 0.012), 38.0 + ((spot / 50) * 0.37) + ((within / 7) * 0.012));
    }

    private static string County(int i) => Counties[(i % 2_000) % Counties.Length];

    private static string Deposit(int i) => "D" + (i % 40_000).ToString(CultureInfo.InvariantCulture);

    private static string Block(int i) => "B" + (i % 2_000).ToString(CultureInfo.InvariantCulture);
}
