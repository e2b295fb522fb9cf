using System.Globalization;
using System.Text;

namespace MineralRules.Benchmarks;

/// <summary>
/// A generated register at a province's scale (issue 15, docs/performance.md): 100,000 rights clustered on 2,000 spots
/// over Inner Mongolia, with their deposits, blocks and counties, and a control number per county. One generator for
/// <see cref="RecordsRun"/> (<c>--records</c>, through the public import <see cref="RegisterImport"/>) and the
/// register test benchmark (tests/MineralRules.Tests/Records/RegisterBenchmarkTests.cs, which references this project
/// and stores the same rights through the library's internal writers).
/// </summary>
public static class RegisterData
{
    /// <summary>How many rights.</summary>
    public const int Rights = 100_000;

    /// <summary>The mining-rights word of sand and gravel (普通建筑用砂石土) in the import format.</summary>
    public const string SandGravel = "sand-gravel";

    /// <summary>
    /// The counties the rights lie in, one per spot in turn (GB/T 2260 codes the library knows; the import refuses
    /// an unknown county, so a wrong code here fails loudly).
    /// </summary>
    public static readonly IReadOnlyList<string> Counties = ["150102", "150121", "150202", "150221", "150302", "150402", "150421", "150502", "150521", "150602", "150621", "150622", "150702", "150721", "150802", "150821", "150902", "150921", "152201", "152501", "152921"];

    /// <summary>The 100,000 rights: squares of 0.005° to 0.02°, a third exploration, a fifth of the others' mines sand/gravel.</summary>
    /// <returns>The rights, in id order (the same every time: a fixed seed).</returns>
    public static IEnumerable<GeneratedRight> Generate()
    {
        var random = new Random(15);
        for (var i = 0; i < Rights; i++)
        {
            var (lon, lat) = Place(i);
            var size = 0.005 + (random.NextDouble() * 0.015);
            var exploration = i % 3 == 0;
            var from = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 3_000));
            yield return new GeneratedRight(
                "R" + i.ToString("D6", CultureInfo.InvariantCulture),
                exploration,
                "holder-" + (i % 20_000).ToString(CultureInfo.InvariantCulture),
                !exploration && i % 5 == 1 ? SandGravel : "gold",
                County(i),
                Deposit(i),
                Block(i),
                from,
                from.AddYears(random.Next(1, 15)),
                Box(lon, lat, size, size));
        }
    }

    /// <summary>Right <paramref name="i"/>'s south-west corner: rights cluster on 2,000 spots (about 50 each), as mining districts do.</summary>
    /// <param name="i">The right's number.</param>
    /// <returns>Longitude and latitude.</returns>
    public static (double Lon, double Lat) Place(int i)
    {
        var spot = i % 2_000;
        var within = i / 2_000;
        return (98.0 + ((spot % 50) * 0.55) + ((within % 7) * 0.012), 38.0 + ((spot / 50) * 0.37) + ((within / 7) * 0.012));
    }

    /// <summary>Right <paramref name="i"/>'s county.</summary>
    /// <param name="i">The right's number.</param>
    /// <returns>A county code.</returns>
    public static string County(int i) => Counties[(i % 2_000) % Counties.Count];

    /// <summary>Right <paramref name="i"/>'s deposit (40,000 deposits, so some have several rights).</summary>
    /// <param name="i">The right's number.</param>
    /// <returns>A deposit id.</returns>
    public static string Deposit(int i) => "D" + (i % 40_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Right <paramref name="i"/>'s planning block (one per spot).</summary>
    /// <param name="i">The right's number.</param>
    /// <returns>A block code.</returns>
    public static string Block(int i) => "B" + (i % 2_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>A closed axis-parallel ring from (<paramref name="lon"/>, <paramref name="lat"/>).</summary>
    /// <param name="lon">The west edge.</param>
    /// <param name="lat">The south edge.</param>
    /// <param name="width">Degrees of longitude.</param>
    /// <param name="height">Degrees of latitude.</param>
    /// <returns>Five positions [lon, lat], the last the first.</returns>
    public static double[][] Box(double lon, double lat, double width, double height) =>
        [[lon, lat], [lon + width, lat], [lon + width, lat + height], [lon, lat + height], [lon, lat]];

    /// <summary>Writes the rights in the import format (a GeoJSON FeatureCollection, docs/records.md).</summary>
    /// <param name="path">The file to write.</param>
    public static void WriteRightsGeoJson(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
        var first = true;
        foreach (var r in Generate())
        {
            var ring = string.Join(",", r.Ring.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p[0]:R},{p[1]:R}]")));
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{(first ? string.Empty : ",\n")}{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{r.Id}\",\"kind\":\"{(r.Exploration ? "exploration" : "mining")}\",\"holder\":\"{r.Holder}\",\"mineral\":\"{r.Mineral}\",\"county\":\"{r.County}\",\"deposit\":\"{r.Deposit}\",\"block\":\"{r.Block}\",\"validFrom\":\"{r.From:yyyy-MM-dd}\",\"validTo\":\"{r.To:yyyy-MM-dd}\",\"synthetic\":true}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{ring}]]}}}}"));
            first = false;
        }

        writer.Write("\n]}\n");
    }

    /// <summary>Writes a control number of 40 per county, set by its league on 2022-01-01 (<c>county,number,setBy,date</c>).</summary>
    /// <param name="path">The file to write.</param>
    public static void WriteControlNumbersCsv(string path) =>
        File.WriteAllText(path, "county,number,setBy,date\n" + string.Concat(Counties.Select(c => $"{c},40,{c[..4]}00,2022-01-01\n")), new UTF8Encoding(false));
}

/// <summary>A generated right.</summary>
/// <param name="Id">The right's id.</param>
/// <param name="Exploration">True for an exploration right, false for a mining right.</param>
/// <param name="Holder">Its holder.</param>
/// <param name="Mineral">Its mineral word.</param>
/// <param name="County">Its county code.</param>
/// <param name="Deposit">Its deposit id.</param>
/// <param name="Block">Its block code.</param>
/// <param name="From">The first day it is valid.</param>
/// <param name="To">The last day it is valid.</param>
/// <param name="Ring">Its outline, closed, [lon, lat].</param>
public sealed record GeneratedRight(string Id, bool Exploration, string Holder, string Mineral, string County, string Deposit, string Block, DateOnly From, DateOnly To, IReadOnlyList<double[]> Ring);
