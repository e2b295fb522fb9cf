using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MineralRules.Benchmarks;

/// <summary>
/// <c>--records</c>: what a host and the CLI pay per application for the facts of its records (issue 15 point 6,
/// docs/performance.md "Facts from records"). Generates a GeoPackage of 10,000 zone polygons (one layer per zone code,
/// <see cref="ZoneRun.Polygons"/>) and a register of 100,000 rights (<see cref="RegisterData"/>) imported with
/// <see cref="RegisterImport"/> into a GeoPackage, and into PostGIS when <c>MINERALRULES_TEST_POSTGRES</c> holds a
/// connection string (a throw-away database: the import replaces its register). Then, per backend, opens both with
/// <see cref="MineralRecords.Open(string?, string?, decimal)"/> and times the whole <see cref="MineralRecords.GatherAsync"/>
/// for 3,000 applications validated beforehand (as the CLI's reader validates each document it reads): the median and
/// the 90th percentile against the budget (5 ms GeoPackage, 10 ms PostGIS, at the median).
/// </summary>
public static class RecordsRun
{
    private const int Sites = 3_000, Rounds = 3, Seed = 20241215;
    private const double GeoPackageBudgetMs = 5, PostgisBudgetMs = 10;

    /// <summary>Runs the measurement and prints the result; one PASS or FAIL line per backend.</summary>
    /// <returns>0, or 2 when a budget is not met.</returns>
    public static int Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<int> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mineralrules-records-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var random = new Random(Seed);
            var zones = Path.Combine(folder, "zones.gpkg");
            var zoneCentres = WriteZoneGeoPackage(zones, random);
            var watch = Stopwatch.StartNew();
            var layers = ZoneLayers.Open(zones);
            Print($"zone layers: {layers.FeatureCount} features in {layers.Layered.Count} layers of a GeoPackage, opened and indexed in {watch.Elapsed.TotalMilliseconds:0} ms");

            var rights = Path.Combine(folder, "rights.geojson");
            var controls = Path.Combine(folder, "control-numbers.csv");
            RegisterData.WriteRightsGeoJson(rights);
            RegisterData.WriteControlNumbersCsv(controls);

            // Half the sites on records (a zone polygon's centre or a spot of rights), half anywhere; the deposit, block
            // and county of a generated right on each, so the register's look-ups by id find rights.
            var centres = zoneCentres.Concat(Enumerable.Range(0, zoneCentres.Count).Select(i => RegisterData.Place(i))).ToList();
            var applications = ZoneRun.MakeApplications(random, centres, Sites, OnRegister);
            Print($"applications: {applications.Count} with boundaries ({applications.Count(a => a.Location!.Boundary!.Crs != "EPSG:4490")} in Gauss-Krüger), validated beforehand as the CLI's reader does; deposit, block and county from the register");

            var backends = new List<(string Name, string Target, double Budget)> { ("GeoPackage", Path.Combine(folder, "register.gpkg"), GeoPackageBudgetMs) };
            if (Environment.GetEnvironmentVariable("MINERALRULES_TEST_POSTGRES") is { Length: > 0 } postgres)
            {
                backends.Add(("PostGIS", postgres, PostgisBudgetMs));
            }
            else
            {
                Print($"PostGIS: skipped (MINERALRULES_TEST_POSTGRES is not set)");
            }

            var passed = true;
            foreach (var (name, target, budget) in backends)
            {
                passed &= await Measure(name, target, budget, zones, rights, controls, applications);
            }

            return passed ? 0 : 2;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<bool> Measure(string name, string target, double budgetMs, string zones, string rights, string controls, List<Application> applications)
    {
        var watch = Stopwatch.StartNew();
        var imported = await RegisterImport.ImportAsync(rights, controls, target);
        if (!imported.Written)
        {
            throw new InvalidOperationException(string.Join("; ", imported.Diagnostics.Take(5).Select(d => d.Message)));
        }

        var importMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        using var records = MineralRecords.Open(zones, target);
        var openMs = watch.Elapsed.TotalMilliseconds;
        Print($"{name}: {imported.Rights} rights and {imported.ControlNumbers} control numbers imported in {importMs / 1000:0.0} s; zone layers and register opened (read and indexed) in {openMs / 1000:0.0} s");

        // What the records found, and a warm-up.
        var (inZones, onDeposit, otherHolders, overlapping, countySandGravel) = (0, 0, 0, 0, 0);
        foreach (var application in applications)
        {
            var facts = await records.GatherAsync(application);
            inZones += facts.Zones!.Overlaps.Count > 0 ? 1 : 0;
            onDeposit += facts.Register!.OtherMiningRights is { Count: > 0 } ? 1 : 0;
            otherHolders += facts.Register.OtherHolderRights is { Count: > 0 } ? 1 : 0;
            overlapping += facts.Register.OtherHolderRights?.Any(r => r.OverlapHectares is not null) == true ? 1 : 0;
            countySandGravel += facts.Register.CountySandGravelRights is { Count: > 0 } && facts.Register.CountyControlNumber is not null ? 1 : 0;
        }

        Print($"{name}: sites in a zone feature {inZones}, with other mining rights on their deposit {onDeposit}, with other holders' rights in their block or over the site {otherHolders} ({overlapping} overlapping the site), sites whose county has sand/gravel rights and a control number {countySandGravel}; every third site a sand/gravel mining application");

        var times = new List<double>(applications.Count * Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var application in applications)
            {
                var start = Stopwatch.GetTimestamp();
                await records.GatherAsync(application);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times[times.Count / 2];
        var p90 = times[(int)(times.Count * 0.9)];
        var pass = median <= budgetMs;
        Print($"{name}: MineralRecords.GatherAsync per application (zones and register, {times.Count} calls): median {median:0.000} ms, p90 {p90:0.000} ms, max {times[^1]:0.0} ms (budget {budgetMs} ms at the median): {(pass ? "PASS" : "FAIL")}");
        if (name == "PostGIS")
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
        }

        return pass;
    }

    /// <summary>
    /// Application i takes the deposit, block and county of generated right i × 7,919 (mod 100,000); every third one
    /// becomes a new sand/gravel mining application (whose county's sand/gravel rights and control number are looked up too).
    /// </summary>
    private static Application OnRegister(int i, Application application)
    {
        var right = (int)((i * 7_919L) % RegisterData.Rights);
        var sandGravel = i % 3 == 2;
        return application with
        {
            Permit = sandGravel ? Permit.Mining : application.Permit,
            Mineral = sandGravel ? Mineral.SandGravel : application.Mineral,
            Location = application.Location! with { League = RegisterData.County(right)[..4] + "00", County = RegisterData.County(right) },
            Block = (application.Block ?? new PlanningBlock()) with { InPlanningBlock = true, Code = RegisterData.Block(right) },
            Deposit = (application.Deposit ?? new DepositFacts()) with { Id = RegisterData.Deposit(right) },
        };
    }

    /// <summary>
    /// Writes the zone polygons as a GeoPackage, one feature table per zone code (columns <c>id</c>, <c>name</c>;
    /// EPSG:4490), as docs/records.md describes; returns the polygons' centres. Written here with SQLite and
    /// NetTopologySuite because the library's GeoPackage writer is internal and this project uses the public API only.
    /// </summary>
    private static List<(double Lon, double Lat)> WriteZoneGeoPackage(string path, Random random)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var writer = new GeoPackageGeoWriter();
        var centres = new List<(double, double)>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, null, """
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('China Geodetic Coordinate System 2000', 4490, 'EPSG', 4490,
              'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4490"]]', NULL);
            """);
        using var transaction = connection.BeginTransaction();
        foreach (var layer in ZoneRun.Polygons(random).GroupBy(p => p.Code))
        {
            Execute(connection, transaction, $"""
                CREATE TABLE "{layer.Key}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, id TEXT, name TEXT);
                INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('{layer.Key}', 'features', '{layer.Key}', 4490);
                INSERT INTO gpkg_geometry_columns VALUES ('{layer.Key}', 'geom', 'POLYGON', 4490, 0, 0);
                """);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{layer.Key}\" (geom, id, name) VALUES ($geom, $id, $name)";
            var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            foreach (var (_, featureId, centre, ring) in layer)
            {
                centres.Add(centre);
                geom.Value = writer.Write(factory.CreatePolygon([.. ring.Select(p => new Coordinate(p.X, p.Y))]));
                id.Value = featureId;
                name.Value = "synthetic " + featureId;
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return centres;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
