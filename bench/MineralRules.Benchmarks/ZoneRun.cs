using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MineralRules.Benchmarks;

/// <summary>
/// <c>--zones</c>: deriving zones from a boundary at provincial scale (issue 15, docs/performance.md). Generates 10,000
/// zone polygons spread over Inner Mongolia's extent (1,250 per zone code, 24-point irregular outlines 1–8 km across)
/// as a folder of GeoJSON layers, opens it with <see cref="ZoneLayers.Open"/>, then times <see cref="ZoneLayers.Find"/>
/// for 2,000 validated applications (half of them on a feature, half anywhere; geographic and Gauss-Krüger boundaries)
/// and reports the median and the 90th percentile per application against the 5 ms budget for gathering the facts.
/// </summary>
public static class ZoneRun
{
    private const int Features = 10_000, Sites = 2_000, Rounds = 5, Seed = 20240501;
    private const double BudgetMs = 5;

    /// <summary>Runs the measurement and prints the result; last line PASS or FAIL.</summary>
    /// <returns>0, or 2 when the budget is not met.</returns>
    public static int Run()
    {
        var random = new Random(Seed);
        var folder = Path.Combine(Path.GetTempPath(), "mineralrules-zone-bench-" + Guid.NewGuid().ToString("N"), "zones");
        Directory.CreateDirectory(folder);
        try
        {
            var centres = WriteLayers(folder, random);
            var open = Stopwatch.StartNew();
            var layers = ZoneLayers.Open(folder);
            open.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zone layers: {layers.FeatureCount} features in {layers.Layered.Count} layers, opened and indexed in {open.Elapsed.TotalMilliseconds:0} ms"));

            var applications = MakeApplications(random, centres, Sites);
            var found = applications.Sum(a => layers.Find(a)!.Overlaps.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sites: {applications.Count}, overlaps found: {found}"));

            // Warm-up, then every round times each application on its own.
            for (var i = 0; i < 2; i++)
            {
                applications.ForEach(a => layers.Find(a));
            }

            var times = new List<double>(Sites * Rounds);
            var watch = new Stopwatch();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var application in applications)
                {
                    watch.Restart();
                    layers.Find(application);
                    watch.Stop();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var median = times[times.Count / 2];
            var p90 = times[(int)(times.Count * 0.9)];
            var pass = median <= BudgetMs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ZoneLayers.Find per application: median {median:0.000} ms, p90 {p90:0.000} ms, max {times[^1]:0.000} ms (budget {BudgetMs} ms at the median): {(pass ? "PASS" : "FAIL")}"));
            return pass ? 0 : 2;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    /// <summary>Writes one GeoJSON layer per zone code; returns the features' centres (lon, lat).</summary>
    private static List<(double Lon, double Lat)> WriteLayers(string folder, Random random)
    {
        var centres = new List<(double, double)>(Features);
        foreach (var layer in Polygons(random).GroupBy(p => p.Code))
        {
            var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
            var first = true;
            foreach (var (code, id, centre, ring) in layer)
            {
                centres.Add(centre);
                var positions = string.Join(",", ring.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.X:0.#######},{p.Y:0.#######}]")));
                text.Append(CultureInfo.InvariantCulture, $"{(first ? string.Empty : ",\n")}{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{id}\",\"synthetic\":true}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{positions}]]}}}}");
                first = false;
            }

            text.Append("\n]}\n");
            File.WriteAllText(Path.Combine(folder, layer.Key + ".geojson"), text.ToString());
        }

        return centres;
    }

    /// <summary>
    /// The 10,000 generated zone polygons, layer by layer (1,250 per zone code): centres spread over Inner Mongolia's
    /// extent, 24-point irregular closed outlines 1–8 km across, positions rounded to 7 decimals. Also used by <see cref="RecordsRun"/>.
    /// </summary>
    /// <param name="random">The generator's source (the same seed gives the same polygons).</param>
    /// <returns>Each polygon's zone code, feature id, centre and closed outline (lon, lat).</returns>
    internal static IEnumerable<(string Code, string Id, (double Lon, double Lat) Centre, (double X, double Y)[] Ring)> Polygons(Random random)
    {
        var codes = new[] { "ecological-red-line", "nature-reserve", "yellow-river-control-line", "protection-area", "energy-base", "national-planned-area", "key-area", "sand-concentrated-area" };
        var perLayer = Features / codes.Length;
        foreach (var code in codes)
        {
            for (var i = 0; i < perLayer; i++)
            {
                var (lon, lat) = (Between(random, 97.5, 125.5), Between(random, 37.6, 53.0));
                var radiusKm = Between(random, 0.5, 4);
                var ring = new (double X, double Y)[25];
                for (var k = 0; k <= 24; k++)
                {
                    var angle = (k % 24) * Math.PI * 2 / 24;
                    var r = radiusKm * (k % 24 % 2 == 0 ? 1 : 0.7);
                    ring[k] = (Math.Round(lon + (r * Math.Cos(angle) / (111.32 * Math.Cos(lat * Math.PI / 180))), 7), Math.Round(lat + (r * Math.Sin(angle) / 110.57), 7));
                }

                yield return (code, $"{code}-{i.ToString(CultureInfo.InvariantCulture)}", (lon, lat), ring);
            }
        }
    }

    /// <summary>
    /// Validated applications with rectangular boundaries 0.5–3 km across: every other one at one of
    /// <paramref name="centres"/>, the others anywhere over the region; one in four written in Gauss-Krüger.
    /// Also used by <see cref="RecordsRun"/>.
    /// </summary>
    /// <param name="random">The generator's source.</param>
    /// <param name="centres">Places where records are (lon, lat).</param>
    /// <param name="count">How many applications.</param>
    /// <param name="adapt">Changes application i before it is validated (its deposit, block, county); null for none.</param>
    /// <returns>The applications, each validated as the CLI's reader validates.</returns>
    internal static List<Application> MakeApplications(Random random, IReadOnlyList<(double Lon, double Lat)> centres, int count, Func<int, Application, Application>? adapt = null)
    {
        var template = Mix.Load()[0];
        var applications = new List<Application>(count);
        for (var i = 0; i < count; i++)
        {
            var (lon, lat) = i % 2 == 0 ? centres[random.Next(centres.Count)] : (Between(random, 98, 125), Between(random, 38, 52.5));
            var width = Between(random, 0.005, 0.03);
            var height = Between(random, 0.004, 0.025);
            decimal[][] corners = [[D(lon), D(lat)], [D(lon + width), D(lat)], [D(lon + width), D(lat + height)], [D(lon), D(lat + height)], [D(lon), D(lat)]];
            var boundary = new SiteBoundary { Crs = "EPSG:4490", Rings = [[.. corners.Select(c => (IReadOnlyList<decimal>)c)]] };
            var application = template with { Id = $"ZONE-{i}", Location = (template.Location ?? new Location()) with { Boundary = boundary } };
            application = adapt?.Invoke(i, application) ?? application;
            if (ApplicationReader.Validate(application) is { Count: > 0 } problems)
            {
                throw new InvalidOperationException(string.Join("; ", problems));
            }

            applications.Add(i % 4 == 1 ? InGaussKruger(application) : application);
        }

        return applications;
    }

    /// <summary>The same site written as [X, Y] in the Gauss-Krüger zone the library measures it in.</summary>
    private static Application InGaussKruger(Application application)
    {
        var boundary = application.Location!.Boundary!;
        var zone = (int)Math.Round(((double)boundary.Rings![0][0][0] + 0.01) / 3, MidpointRounding.AwayFromZero);
        var rings = boundary.Rings.Select(r => (IReadOnlyList<IReadOnlyList<decimal>>)[.. r.Select(p => GaussKruger((double)p[0], (double)p[1], zone))]).ToList();
        var gk = application with { Location = application.Location with { Boundary = new SiteBoundary { Crs = $"EPSG:{4513 + zone - 25}", Rings = rings } } };
        return ApplicationReader.Validate(gk) is { Count: > 0 } problems ? throw new InvalidOperationException(string.Join("; ", problems)) : gk;
    }

    /// <summary>CGCS2000 [lon, lat] → [X, Y] (Krüger series to n⁴; sub-millimetre within a zone).</summary>
    private static IReadOnlyList<decimal> GaussKruger(double lon, double lat, int zone)
    {
        const double a = 6378137, f = 1 / 298.257222101;
        var n = f / (2 - f);
        var e = 2 * Math.Sqrt(n) / (1 + n);
        var scale = a / (1 + n) * (1 + (n * n / 4) + (Math.Pow(n, 4) / 64));
        double[] alpha = [(n / 2) - (2 * n * n / 3) + (5 * Math.Pow(n, 3) / 16), (13 * n * n / 48) - (3 * Math.Pow(n, 3) / 5), 61 * Math.Pow(n, 3) / 240];
        var phi = lat * Math.PI / 180;
        var lambda = (lon - (3 * zone)) * Math.PI / 180;
        var t = Math.Sinh(Math.Atanh(Math.Sin(phi)) - (e * Math.Atanh(e * Math.Sin(phi))));
        var xi0 = Math.Atan2(t, Math.Cos(lambda));
        var eta0 = Math.Atanh(Math.Sin(lambda) / Math.Sqrt(1 + (t * t)));
        double xi = xi0, eta = eta0;
        for (var j = 1; j <= alpha.Length; j++)
        {
            xi += alpha[j - 1] * Math.Sin(2 * j * xi0) * Math.Cosh(2 * j * eta0);
            eta += alpha[j - 1] * Math.Cos(2 * j * xi0) * Math.Sinh(2 * j * eta0);
        }

        return [Math.Round(D(scale * xi), 3), Math.Round(D((zone * 1_000_000d) + 500_000 + (scale * eta)), 3)];
    }

    private static double Between(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    private static decimal D(double value) => Math.Round((decimal)value, 7);
}
