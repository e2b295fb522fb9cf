using MineralRules.Records;
using NetTopologySuite.Geometries;

namespace MineralRules.Tests.Records;

public sealed class GeoPackageFileTests
{
    [Test]
    public void Create_FeatureTableWithRows_ReadsBackTablesAndGeometries()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mineralrules-gpkg-{Guid.NewGuid():N}.gpkg");
        try
        {
            var factory = new GeometryFactory(new PrecisionModel(), GeoPackageFile.Cgcs2000);
            var square = factory.CreatePolygon([new(110, 40), new(110.01, 40), new(110.01, 40.01), new(110, 40.01), new(110, 40)]);
            using (var connection = GeoPackageFile.Create(path))
            {
                GeoPackageFile.AddFeatureTable(connection, "ecological-red-line", GeoPackageFile.Cgcs2000, "MULTIPOLYGON", ("id", "TEXT"), ("name", "TEXT"));
                GeoPackageFile.Insert(connection, "ecological-red-line", square, [("id", "RL-1"), ("name", null)]);
            }

            using var readOnly = GeoPackageFile.OpenReadOnly(path);
            var tables = GeoPackageFile.FeatureTables(readOnly);
            using var command = readOnly.CreateCommand();
            command.CommandText = "SELECT geom, id, name FROM \"ecological-red-line\"";
            using var reader = command.ExecuteReader();
            Assert.That(reader.Read(), Is.True);
            var geometry = GeoPackageFile.Geometry((byte[])reader[0]);
            Assert.Multiple(() =>
            {
                Assert.That(tables, Is.EqualTo(new[] { new GeoPackageFile.FeatureTable("ecological-red-line", "geom", 4490) }));
                Assert.That(geometry.EqualsExact(square), Is.True);
                Assert.That(geometry.SRID, Is.EqualTo(4490));
                Assert.That(reader.GetString(1), Is.EqualTo("RL-1"));
                Assert.That(reader.IsDBNull(2), Is.True);
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Test]
    public void OpenReadOnly_Insert_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mineralrules-gpkg-{Guid.NewGuid():N}.gpkg");
        try
        {
            GeoPackageFile.Create(path).Dispose();
            using var connection = GeoPackageFile.OpenReadOnly(path);
            Assert.That(() => GeoPackageFile.AddFeatureTable(connection, "x", GeoPackageFile.Cgcs2000, "GEOMETRY"), Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
