using System.Text;
using System.Text.Json;
using MineralRules.Records;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace MineralRules.Tests.Records;

/// <summary>Writes zone layers for tests, as a folder of GeoJSON files and as a GeoPackage, in a temporary folder.</summary>
internal sealed class ZoneLayerFiles : IDisposable
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), GeoPackageFile.Cgcs2000);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(LonLat) } };

    private readonly Dictionary<string, List<(string Id, string? Name, Geometry Geometry)>> _layers = new(StringComparer.Ordinal);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mineralrules-zones-" + Guid.NewGuid().ToString("N"));

    /// <summary>A lon/lat polygon from rings given as [lon, lat] pairs.</summary>
    public static Polygon Polygon(params double[][][] rings)
    {
        var linear = rings.Select(r => LonLat.CreateLinearRing([.. r.Select(p => new Coordinate(p[0], p[1]))])).ToArray();
        return LonLat.CreatePolygon(linear[0], linear[1..]);
    }

    /// <summary>A lon/lat multipolygon.</summary>
    public static MultiPolygon MultiPolygon(params Polygon[] parts) => LonLat.CreateMultiPolygon(parts);

    /// <summary>A layer with no feature.</summary>
    public ZoneLayerFiles Empty(string layer)
    {
        _layers.TryAdd(layer, []);
        return this;
    }

    public ZoneLayerFiles Add(string layer, string id, Geometry geometry, string? name = null)
    {
        Empty(layer);
        _layers[layer].Add((id, name, geometry));
        return this;
    }

    /// <summary>Writes the layers as <c>&lt;root&gt;/zones/&lt;layer&gt;.geojson</c>.</summary>
    public string Folder()
    {
        var folder = Path.Combine(Root, "zones");
        Directory.CreateDirectory(folder);
        foreach (var (layer, features) in _layers)
        {
            var text = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [\n");
            text.AppendJoin(",\n", features.Select(f =>
                $"{{\"type\": \"Feature\", \"properties\": {{\"id\": {JsonSerializer.Serialize(f.Id)}, \"name\": {JsonSerializer.Serialize(f.Name)}, \"synthetic\": true}}, \"geometry\": {JsonSerializer.Serialize(f.Geometry, GeoJson)}}}"));
            text.Append("\n]}\n");
            File.WriteAllText(Path.Combine(folder, layer + ".geojson"), text.ToString());
        }

        return folder;
    }

    /// <summary>Writes a raw file into the GeoJSON folder.</summary>
    public string WriteFile(string name, string text)
    {
        var folder = Path.Combine(Root, "zones");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    /// <summary>Writes the layers as <c>&lt;root&gt;/zones.gpkg</c>, one feature table per layer.</summary>
    public string GeoPackage(int srsId = GeoPackageFile.Cgcs2000)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, "zones.gpkg");
        using var connection = GeoPackageFile.Create(path);
        if (srsId is not (GeoPackageFile.Cgcs2000 or GeoPackageFile.Wgs84))
        {
            GeoPackageFile.AddSpatialReference(connection, srsId, "EPSG " + srsId, "PROJCS[\"other\"]");
        }

        foreach (var (layer, features) in _layers)
        {
            GeoPackageFile.AddFeatureTable(connection, layer, srsId, "MULTIPOLYGON", ("id", "TEXT"), ("name", "TEXT"));
            foreach (var (id, name, geometry) in features)
            {
                var copy = geometry.Copy();
                copy.SRID = srsId;
                GeoPackageFile.Insert(connection, layer, copy, [("id", id), ("name", name)]);
            }
        }

        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
