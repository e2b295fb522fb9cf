using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MineralRules.Records;

/// <summary>
/// The little of OGC GeoPackage 1.3 (a SQLite file) the records need: create a file with the required tables
/// (<c>gpkg_spatial_ref_sys</c>, <c>gpkg_contents</c>, <c>gpkg_geometry_columns</c>), add feature tables and rows,
/// open one read-only, list its feature tables and read geometry blobs (NetTopologySuite.IO.GeoPackage encodes them).
/// Zone layers read with it, tests and the register import write with it. Table and column names are quoted, so
/// names such as <c>ecological-red-line</c> are fine.
/// </summary>
internal static class GeoPackageFile
{
    /// <summary>CGCS2000 geographic (what the records hold).</summary>
    public const int Cgcs2000 = 4490;

    /// <summary>WGS 84 geographic (the same axes; metre-level apart from CGCS2000, well inside any tolerance here).</summary>
    public const int Wgs84 = 4326;

    private const string Cgcs2000Wkt = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]";
    private const string Wgs84Wkt = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>A feature table: its name, its geometry column and the srs id of its geometries.</summary>
    /// <param name="Table">The table's name (<c>gpkg_contents.table_name</c>).</param>
    /// <param name="GeometryColumn">The geometry column's name.</param>
    /// <param name="SrsId">The srs id (an EPSG code for EPSG systems).</param>
    public sealed record FeatureTable(string Table, string GeometryColumn, int SrsId);

    /// <summary>Opens an existing GeoPackage read-only (the file is never changed, nor created when absent).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    public static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Creates a new GeoPackage (replacing any file at <paramref name="path"/>) with the required tables and the
    /// CGCS2000 and WGS 84 spatial reference systems.
    /// </summary>
    /// <param name="path">The file to create.</param>
    /// <returns>The open, writable connection; the caller disposes it.</returns>
    public static SqliteConnection Create(string path)
    {
        File.Delete(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
              z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        AddSpatialReference(connection, Wgs84, "WGS 84 geodetic", Wgs84Wkt);
        AddSpatialReference(connection, Cgcs2000, "China Geodetic Coordinate System 2000", Cgcs2000Wkt);
        return connection;
    }

    /// <summary>Adds an EPSG spatial reference system (for tests of other systems; 4326 and 4490 are always there).</summary>
    /// <param name="connection">A writable GeoPackage.</param>
    /// <param name="epsg">The EPSG code, used as srs id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="wkt">Its WKT definition.</param>
    public static void AddSpatialReference(SqliteConnection connection, int epsg, string name, string wkt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition) VALUES ($name, $id, 'EPSG', $id, $wkt)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$id", epsg);
        command.Parameters.AddWithValue("$wkt", wkt);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Adds a feature table <c>fid INTEGER PRIMARY KEY, geom BLOB, &lt;columns&gt;</c> and registers it in
    /// <c>gpkg_contents</c> and <c>gpkg_geometry_columns</c>.
    /// </summary>
    /// <param name="connection">A writable GeoPackage.</param>
    /// <param name="table">The table's name.</param>
    /// <param name="srsId">The srs id of its geometries.</param>
    /// <param name="geometryType">The geometry type name (<c>GEOMETRY</c>, <c>MULTIPOLYGON</c>, ...).</param>
    /// <param name="columns">The attribute columns, name and SQLite type (<c>TEXT</c>, <c>INTEGER</c>, <c>REAL</c>).</param>
    public static void AddFeatureTable(SqliteConnection connection, string table, int srsId, string geometryType, params (string Name, string Type)[] columns)
    {
        var attributes = string.Concat(columns.Select(c => $", {Quote(c.Name)} {c.Type}"));
        Execute(connection, $"CREATE TABLE {Quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB{attributes})");
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ($table, 'features', $table, $srs);
            INSERT INTO gpkg_geometry_columns VALUES ($table, 'geom', $type, $srs, 0, 0);
            """;
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$srs", srsId);
        command.Parameters.AddWithValue("$type", geometryType);
        command.ExecuteNonQuery();
    }

    /// <summary>Inserts a feature: its geometry (null for none) and attribute values by column name.</summary>
    /// <param name="connection">A writable GeoPackage.</param>
    /// <param name="table">A feature table made by <see cref="AddFeatureTable"/>.</param>
    /// <param name="geometry">The geometry, its SRID the table's srs id.</param>
    /// <param name="values">Attribute values by column name (null for SQL NULL).</param>
    /// <param name="transaction">The transaction the insert belongs to, if any.</param>
    public static void Insert(SqliteConnection connection, string table, Geometry? geometry, IReadOnlyList<(string Column, object? Value)> values, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = string.Concat(values.Select(v => ", " + Quote(v.Column)));
        var parameters = string.Concat(values.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $", $p{i}")));
        command.CommandText = $"INSERT INTO {Quote(table)} (geom{names}) VALUES ($geom{parameters})";
        command.Parameters.AddWithValue("$geom", geometry is null ? DBNull.Value : Blob(geometry));
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), values[i].Value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>The feature tables of a GeoPackage, in name order.</summary>
    /// <param name="connection">An open GeoPackage.</param>
    /// <returns>Every table <c>gpkg_contents</c> lists as <c>features</c>, with its geometry column.</returns>
    public static IReadOnlyList<FeatureTable> FeatureTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
            JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            WHERE c.data_type = 'features' ORDER BY c.table_name
            """;
        using var reader = command.ExecuteReader();
        var tables = new List<FeatureTable>();
        while (reader.Read())
        {
            tables.Add(new(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return tables;
    }

    /// <summary>The GeoPackage binary encoding of a geometry (its SRID goes into the header).</summary>
    /// <param name="geometry">The geometry.</param>
    /// <returns>The blob.</returns>
    public static byte[] Blob(Geometry geometry) => new GeoPackageGeoWriter().Write(geometry);

    /// <summary>A geometry from its GeoPackage binary encoding.</summary>
    /// <param name="blob">The blob.</param>
    /// <returns>The geometry, its SRID from the blob's header.</returns>
    /// <exception cref="ParseException">The blob is not a GeoPackage geometry.</exception>
    public static Geometry Geometry(byte[] blob) => new GeoPackageGeoReader { HandleSRID = true }.Read(blob);

    /// <summary>A SQL identifier, double-quoted (a double quote inside doubled).</summary>
    /// <param name="name">A table or column name.</param>
    /// <returns>The quoted identifier.</returns>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
