using System.Globalization;
using Microsoft.Data.Sqlite;
using MineralRules.Diagnostics;
using MineralRules.Records;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MineralRules;

/// <summary>Zone layers from a GeoPackage: one feature table per zone code, in CGCS2000 or WGS 84 longitude and latitude.</summary>
public sealed partial class ZoneLayers
{
    private static List<(Zone Zone, List<ZoneFeature> Features)> ReadGeoPackage(string path, List<Diagnostic> problems)
    {
        var layers = new List<(Zone, List<ZoneFeature>)>();
        var where = SourceLocation.File(path);
        try
        {
            using var connection = GeoPackageFile.OpenReadOnly(path);
            foreach (var table in GeoPackageFile.FeatureTables(connection))
            {
                if (ZoneOfName(table.Table, where, "GeoPackage layer", "GeoPackage 图层", problems) is not { } zone)
                {
                    continue;
                }

                var epsg = Epsg(connection, table.SrsId);
                if (epsg is not (GeoPackageFile.Cgcs2000 or GeoPackageFile.Wgs84))
                {
                    var srs = epsg is null ? $"srs_id {table.SrsId.ToString(CultureInfo.InvariantCulture)}" : $"EPSG:{epsg.Value.ToString(CultureInfo.InvariantCulture)}";
                    problems.Add(Problem(where, DiagnosticCodes.ZoneLayerFormat,
                        $"The layer '{table.Table}' is in {srs}; zone layers are in longitude and latitude, EPSG:4490 (CGCS2000) or EPSG:4326 (WGS 84). Reproject it.",
                        $"图层 '{table.Table}' 的坐标系为 {srs}；分区图层须为经纬度坐标 EPSG:4490（CGCS2000）或 EPSG:4326（WGS 84），请先转换。"));
                    continue;
                }

                if (ReadTable(connection, path, table, problems) is { } features)
                {
                    layers.Add((zone, features));
                }
            }
        }
        catch (SqliteException e)
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneLayerFormat,
                $"The file is not a readable GeoPackage: {e.Message}", $"该文件不是可读取的 GeoPackage：{e.Message}"));
        }

        return layers;
    }

    private static List<ZoneFeature>? ReadTable(SqliteConnection connection, string path, GeoPackageFile.FeatureTable table, List<Diagnostic> problems)
    {
        var where = SourceLocation.File(path);
        var columns = Columns(connection, table.Table);
        var idColumn = columns.FirstOrDefault(c => string.Equals(c, "id", StringComparison.OrdinalIgnoreCase));
        var nameColumn = columns.FirstOrDefault(c => string.Equals(c, "name", StringComparison.OrdinalIgnoreCase));
        if (idColumn is null)
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureId,
                $"The layer '{table.Table}' has no 'id' column; every zone feature needs an id, which sources cite.",
                $"图层 '{table.Table}' 没有 'id' 列；每个分区要素都需要 id，来源以它为准。"));
            return null;
        }

        using var command = connection.CreateCommand();
        var name = nameColumn is null ? "NULL" : GeoPackageFile.Quote(nameColumn);
        command.CommandText = $"SELECT rowid, {GeoPackageFile.Quote(table.GeometryColumn)}, {GeoPackageFile.Quote(idColumn)}, {name} FROM {GeoPackageFile.Quote(table.Table)} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var features = new List<ZoneFeature>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var fid = reader.GetInt64(0);
            var id = reader.IsDBNull(2) ? null : Convert.ToString(reader.GetValue(2), CultureInfo.InvariantCulture)?.Trim();
            var label = $"The layer '{table.Table}', feature fid {fid.ToString(CultureInfo.InvariantCulture)}";
            var labelZh = $"图层 '{table.Table}' 的要素 fid {fid.ToString(CultureInfo.InvariantCulture)}";
            var ok = true;
            if (string.IsNullOrEmpty(id))
            {
                problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureId, $"{label}, has no id; every zone feature needs one, which sources cite.", $"{labelZh} 没有 id；每个分区要素都需要 id，来源以它为准。"));
                ok = false;
            }
            else if (!seen.TryAdd(id, fid))
            {
                problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureId,
                    $"{label}, repeats the id '{id}' of fid {seen[id].ToString(CultureInfo.InvariantCulture)}; ids are unique in a layer.",
                    $"{labelZh} 重复了 fid {seen[id].ToString(CultureInfo.InvariantCulture)} 的 id '{id}'；同一图层内 id 必须唯一。"));
                ok = false;
            }

            var named = string.IsNullOrEmpty(id) ? label : $"{label} (id '{id}')";
            var namedZh = string.IsNullOrEmpty(id) ? labelZh : $"{labelZh}（id '{id}'）";
            Geometry? geometry = null;
            string? unreadable = null;
            if (!reader.IsDBNull(1))
            {
                if (reader.GetValue(1) is not byte[] blob)
                {
                    // A text or number where the geometry blob belongs: refused and located, never a crash.
                    unreadable = "it is not a GeoPackage geometry blob";
                }
                else
                {
                    try
                    {
                        geometry = GeoPackageFile.Geometry(blob);
                    }
                    catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException or IOException)
                    {
                        unreadable = e.Message;
                    }
                }
            }

            var problem = unreadable is not null ? ($"has a geometry that cannot be read: {unreadable}", $"的几何无法读取：{unreadable}")
                : geometry is null ? ("has no geometry", "没有几何")
                : GeometryProblem(geometry);
            if (problem is { } p)
            {
                problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureGeometry, $"{named} {p.En}.", $"{namedZh} {p.Zh}。"));
                ok = false;
            }

            if (ok)
            {
                var feature = geometry!.SRID == GeoPackageFile.Cgcs2000 ? geometry : Cgcs2000.CreateGeometry(geometry);
                features.Add(new ZoneFeature(id!, reader.IsDBNull(3) ? null : Convert.ToString(reader.GetValue(3), CultureInfo.InvariantCulture), feature));
            }
        }

        return features;
    }

    private static readonly GeometryFactory Cgcs2000 = new(new PrecisionModel(), GeoPackageFile.Cgcs2000);

    /// <summary>The EPSG code of a GeoPackage srs id, or null when it is not an EPSG system.</summary>
    private static int? Epsg(SqliteConnection connection, int srsId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var reader = command.ExecuteReader();
        return reader.Read() && string.Equals(reader.GetString(0), "EPSG", StringComparison.OrdinalIgnoreCase) ? reader.GetInt32(1) : null;
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info({Literal(table)})";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
