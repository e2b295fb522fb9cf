using System.Globalization;
using Microsoft.Data.Sqlite;
using MineralRules.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MineralRules.Records.Register;

/// <summary>
/// The register as a GeoPackage file (OGC 12-128r18, SQLite): a <c>rights</c> feature table (geometry column
/// <c>geom</c>, MULTIPOLYGON in EPSG:4490, CGCS2000 longitude/latitude) and a <c>control_numbers</c> attribute table,
/// both registered in <c>gpkg_contents</c>, so QGIS or GDAL opens the file as it is. The one place that knows the
/// register's tables and columns (the GeoPackage itself is <see cref="GeoPackageFile"/>'s): the import writes through
/// it, the register reads through it.
/// </summary>
internal static class GeoPackageRegisterFile
{
    public const string RightsTable = "rights";
    public const string ControlNumbersTable = "control_numbers";
    private const int Srid = GeoPackageFile.Cgcs2000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), Srid);

    /// <summary>
    /// Writes a new register file: into a temporary file beside <paramref name="path"/>, then moved over it, so a
    /// reader never sees half a register and a failed import leaves the old one as it was.
    /// </summary>
    public static void Write(string path, RegisterContent content)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            // The required tables and the CGCS2000 and WGS 84 systems come from the one GeoPackage helper; the
            // register's two tables are written here, with their constraints and indexes.
            using (var connection = GeoPackageFile.Create(temporary))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, """
                    CREATE TABLE rights (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON NOT NULL, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('exploration', 'mining')), holder TEXT NOT NULL, mineral TEXT NOT NULL, county TEXT NOT NULL, deposit TEXT, block TEXT, valid_from DATE NOT NULL, valid_to DATE NOT NULL, synthetic BOOLEAN NOT NULL DEFAULT 0);
                    CREATE INDEX rights_deposit ON rights (deposit);
                    CREATE INDEX rights_block ON rights (block);
                    CREATE INDEX rights_county ON rights (county);
                    CREATE TABLE control_numbers (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, county TEXT NOT NULL, number INTEGER NOT NULL CHECK (number >= 0), set_by TEXT NOT NULL, date DATE NOT NULL, UNIQUE (county, date));
                    """);
                var extent = content.Rights.Count == 0 ? null : content.Rights.Select(r => r.Boundary.EnvelopeInternal).Aggregate(new Envelope(), (all, e) => { all.ExpandToInclude(e); return all; });
                Execute(
                    connection,
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ('rights', 'features', 'rights', 'Exploration and mining rights (docs/records.md)', $minx, $miny, $maxx, $maxy, 4490), ('control_numbers', 'attributes', 'control_numbers', 'County control numbers for sand/gravel/earth mining rights (5.2.2)', NULL, NULL, NULL, NULL, NULL)",
                    ("$minx", extent?.MinX),
                    ("$miny", extent?.MinY),
                    ("$maxx", extent?.MaxX),
                    ("$maxy", extent?.MaxY));
                Execute(connection, "INSERT INTO gpkg_geometry_columns VALUES ('rights', 'geom', 'MULTIPOLYGON', 4490, 0, 0)");

                using (var insert = connection.CreateCommand())
                {
                    insert.CommandText = "INSERT INTO rights (geom, id, kind, holder, mineral, county, deposit, block, valid_from, valid_to, synthetic) VALUES ($geom, $id, $kind, $holder, $mineral, $county, $deposit, $block, $from, $to, $synthetic)";
                    var parameters = new[] { "$geom", "$id", "$kind", "$holder", "$mineral", "$county", "$deposit", "$block", "$from", "$to", "$synthetic" }
                        .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
                    foreach (var right in content.Rights)
                    {
                        object?[] values = [GeoPackageFile.Blob(right.Boundary), right.Id, StoredRight.KindCode(right.Kind), right.Holder, right.Mineral, right.County, right.Deposit, right.Block, Iso(right.ValidFrom), Iso(right.ValidTo), right.Synthetic ? 1 : 0];
                        for (var i = 0; i < values.Length; i++)
                        {
                            parameters[i].Value = values[i] ?? DBNull.Value;
                        }

                        insert.ExecuteNonQuery();
                    }
                }

                foreach (var control in content.ControlNumbers)
                {
                    Execute(
                        connection,
                        "INSERT INTO control_numbers (county, number, set_by, date) VALUES ($county, $number, $setBy, $date)",
                        ("$county", control.County),
                        ("$number", control.Number),
                        ("$setBy", control.SetBy),
                        ("$date", Iso(control.Date)));
                }

                transaction.Commit();
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a register file whole, read-only.</summary>
    /// <exception cref="RecordsException">No such file, not a GeoPackage register, or a row that does not read.</exception>
    public static RegisterContent Read(string path)
    {
        if (!File.Exists(path))
        {
            throw Unreadable(path, "no such file (a register is built with `mineralrules register import`).", "文件不存在（登记簿由 `mineralrules register import` 生成）。");
        }

        var rights = new List<StoredRight>();
        var controls = new List<StoredControlNumber>();
        try
        {
            using var connection = GeoPackageFile.OpenReadOnly(path);
            foreach (var table in new[] { RightsTable, ControlNumbersTable })
            {
                using var exists = connection.CreateCommand();
                exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
                exists.Parameters.AddWithValue("$name", table);
                if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                {
                    throw Unreadable(path, $"the file has no '{table}' table: it is not a rights register (build one with `mineralrules register import`).", $"文件中没有 '{table}' 表：不是矿业权登记簿（请用 `mineralrules register import` 生成）。");
                }
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT geom, id, kind, holder, mineral, county, deposit, block, valid_from, valid_to, synthetic FROM rights ORDER BY fid";
                using var rows = command.ExecuteReader();
                while (rows.Read())
                {
                    var id = rows.GetString(1);
                    var kind = StoredRight.ParseKind(rows.GetString(2))
                        ?? throw Unreadable(path, $"right '{id}' has the kind '{rows.GetString(2)}'; a register holds exploration and mining rights.", $"矿业权 '{id}' 的类型为 '{rows.GetString(2)}'；登记簿只包含 exploration 和 mining。");
                    var geometry = GeoPackageFile.Geometry((byte[])rows.GetValue(0));
                    var boundary = geometry switch
                    {
                        MultiPolygon multi => multi,
                        Polygon polygon => Factory.CreateMultiPolygon([polygon]),
                        _ => throw Unreadable(path, $"right '{id}' has a {geometry.GeometryType} boundary; a right's boundary is a polygon.", $"矿业权 '{id}' 的范围为 {geometry.GeometryType}；矿业权范围应为多边形。"),
                    };
                    boundary.SRID = Srid;
                    rights.Add(new StoredRight(
                        id,
                        kind,
                        rows.GetString(3),
                        rows.GetString(4),
                        rows.GetString(5),
                        rows.IsDBNull(6) ? null : rows.GetString(6),
                        rows.IsDBNull(7) ? null : rows.GetString(7),
                        DateOf(path, rows.GetString(8)),
                        DateOf(path, rows.GetString(9)),
                        !rows.IsDBNull(10) && rows.GetInt64(10) != 0,
                        boundary));
                }
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT county, number, set_by, date FROM control_numbers ORDER BY fid";
                using var rows = command.ExecuteReader();
                while (rows.Read())
                {
                    controls.Add(new StoredControlNumber(rows.GetString(0), rows.GetInt32(1), rows.GetString(2), DateOf(path, rows.GetString(3))));
                }
            }
        }
        catch (SqliteException e)
        {
            throw Unreadable(path, $"the file does not read as a GeoPackage register: {e.Message}", $"文件无法作为 GeoPackage 登记簿读取：{e.Message}", e);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or ArgumentException or ParseException)
        {
            throw Unreadable(path, $"a row of the register does not read: {e.Message}", $"登记簿中有一行无法读取：{e.Message}", e);
        }

        return new RegisterContent(rights, controls);
    }

    private static DateOnly DateOf(string path, string text) =>
        Documents.Scalars.TryParseIsoDate(text, out var date) ? date
            : throw Unreadable(path, $"'{text}' in the register is not a date YYYY-MM-DD.", $"登记簿中的 '{text}' 不是 YYYY-MM-DD 格式的日期。");

    private static string Iso(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static RecordsException Unreadable(string path, string reason, string reasonZh, Exception? inner = null)
    {
        var diagnostic = new Diagnostic(SourceLocation.File(path), DiagnosticCodes.RegisterUnreadable, $"The register cannot be read: {reason}") { MessageZh = $"无法读取登记簿：{reasonZh}" };
        return inner is null ? new RecordsException([diagnostic]) : new RecordsException([diagnostic], inner);
    }
}
