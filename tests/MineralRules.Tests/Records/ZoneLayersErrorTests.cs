using MineralRules.Records;

namespace MineralRules.Tests.Records;

/// <summary>Every problem of zone layers is a located diagnostic; all are collected and thrown together.</summary>
public sealed class ZoneLayersErrorTests
{
    private const string Square = "{\"type\": \"Polygon\", \"coordinates\": [[[111, 40], [111.01, 40], [111.01, 40.01], [111, 40.01], [111, 40]]]}";

    private static IReadOnlyList<Diagnostic> Problems(string path)
    {
        var error = Assert.Throws<RecordsException>(() => ZoneLayers.Open(path));
        return error!.Diagnostics;
    }

    private static string Collection(params string[] features) =>
        "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n" + string.Join(",\n", features.Select(f => "    " + f)) + "\n  ]\n}\n";

    private static string Feature(string? id, string geometry = Square) =>
        "{\"type\": \"Feature\", \"properties\": {" + (id is null ? string.Empty : $"\"id\": \"{id}\"") + "}, \"geometry\": " + geometry + "}";

    [Test]
    public void Open_MissingPath_NotFound()
    {
        var diagnostics = Problems(Path.Combine(Path.GetTempPath(), "mineralrules-no-such-zones-" + Guid.NewGuid().ToString("N")));
        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MR5001" }));
    }

    [Test]
    public void Open_FileNameNotAZoneCode_SuggestsTheNearest()
    {
        using var files = new ZoneLayerFiles();
        var folder = files.WriteFile("ecological-redline.geojson", Collection());
        files.WriteFile("生态保护红线.geojson", Collection());
        files.WriteFile("README.md", "not a layer");
        var diagnostics = Problems(folder);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MR5002", "MR5002" }));
            Assert.That(diagnostics[0].Message, Does.Contain("The file name 'ecological-redline' is not a zone code. Did you mean 'ecological-red-line'?"));
            Assert.That(diagnostics[1].Message, Does.Contain("'生态保护红线' is not a zone code. Did you mean 'ecological-red-line'?"));
            Assert.That(diagnostics[0].MessageZh, Does.Contain("是否应为“ecological-red-line”"));
            Assert.That(diagnostics[0].Location.Path, Does.EndWith("ecological-redline.geojson"));
        });
    }

    [Test]
    public void Open_BadJson_LocatedAtLineAndColumn()
    {
        using var files = new ZoneLayerFiles();
        var folder = files.WriteFile("nature-reserve.geojson", "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}\n");
        var diagnostic = Problems(folder).Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR5003"));
            Assert.That((diagnostic.Location.Line, diagnostic.Location.Column), Is.EqualTo((3, 16)));
            Assert.That(diagnostic.Message, Does.StartWith("The layer is not valid JSON"));
        });
    }

    [Test]
    public void Open_NotAFeatureCollection_Refused()
    {
        using var files = new ZoneLayerFiles();
        var folder = files.WriteFile("nature-reserve.geojson", Square);
        Assert.That(Problems(folder).Single().Message, Does.Contain("not a GeoJSON FeatureCollection"));
    }

    [Test]
    public void Open_FeatureProblems_AllCollectedEachAtItsFeaturesLine()
    {
        using var files = new ZoneLayerFiles();
        var folder = files.WriteFile("ecological-red-line.geojson", Collection(
            Feature("RL-1"),
            Feature(null),
            Feature("RL-1"),
            Feature("RL-P", "{\"type\": \"Point\", \"coordinates\": [111, 40]}"),
            Feature("RL-X", "{\"type\": \"Polygon\", \"coordinates\": [[[111, 40], [111.01, 40.01], [111.01, 40], [111, 40.01], [111, 40]]]}"),
            Feature("RL-M", "{\"type\": \"Polygon\", \"coordinates\": [[[37520000, 4480000], [37521000, 4480000], [37521000, 4481000], [37520000, 4480000]]]}"),
            "{\"type\": \"Feature\", \"properties\": {\"id\": \"RL-N\"}, \"geometry\": null}"));
        files.WriteFile("nature-reserve.geojson", Collection(Feature(null)));
        var diagnostics = Problems(folder);
        Assert.That(diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column, Path.GetFileName(d.Location.Path))), Is.EqualTo(new[]
        {
            ("MR5004", 5, 5, "ecological-red-line.geojson"),
            ("MR5004", 6, 5, "ecological-red-line.geojson"),
            ("MR5005", 7, 5, "ecological-red-line.geojson"),
            ("MR5005", 8, 5, "ecological-red-line.geojson"),
            ("MR5005", 9, 5, "ecological-red-line.geojson"),
            ("MR5005", 10, 5, "ecological-red-line.geojson"),
            ("MR5004", 4, 5, "nature-reserve.geojson"),
        }), string.Join("\n", diagnostics));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Message, Does.Contain("features[1] has no id"));
            Assert.That(diagnostics[1].Message, Does.Contain("features[2] repeats the id 'RL-1' of the feature at ").And.Contain(":4:5"));
            Assert.That(diagnostics[2].Message, Does.Contain("features[3] (id 'RL-P') is a Point; zone features are Polygon or MultiPolygon"));
            Assert.That(diagnostics[3].Message, Does.Contain("features[4] (id 'RL-X') is not a valid polygon: Self-intersection at [111.005, 40.005]"));
            Assert.That(diagnostics[4].Message, Does.Contain("not longitude and latitude"));
            Assert.That(diagnostics[5].Message, Does.Contain("has no geometry"));
            Assert.That(diagnostics.Select(d => d.MessageZh), Has.All.Not.Null);
        });
    }

    [Test]
    public void Open_EmptyLayer_ValidWithTheZoneLayered()
    {
        using var files = new ZoneLayerFiles();
        var layers = ZoneLayers.Open(files.WriteFile("protection-area.geojson", Collection()));
        Assert.Multiple(() =>
        {
            Assert.That(layers.Layered, Is.EqualTo(new[] { Zone.ProtectionArea }));
            Assert.That(layers.FeatureCount, Is.Zero);
        });
    }

    [Test]
    public void Open_NumericIdOrFeatureId_Accepted()
    {
        using var files = new ZoneLayerFiles();
        var layers = ZoneLayers.Open(files.WriteFile("key-area.geojson", Collection(
            "{\"type\": \"Feature\", \"id\": \"KA-1\", \"properties\": {}, \"geometry\": " + Square + "}",
            "{\"type\": \"Feature\", \"properties\": {\"id\": 42}, \"geometry\": " + Square + "}")));
        Assert.That(layers.FeatureCount, Is.EqualTo(2));
    }

    [Test]
    public void Open_GeoPackageProblems_AllCollectedNamingLayerAndFid()
    {
        using var files = new ZoneLayerFiles();
        files.Add("ecological-red-line", "RL-1", ZoneLayerFiles.Polygon([[111, 40], [111.01, 40], [111.01, 40.01], [111, 40]]))
            .Add("ecological-red-line", "RL-1", ZoneLayerFiles.Polygon([[111, 40], [111.01, 40.01], [111.01, 40], [111, 40.01], [111, 40]]))
            .Add("ecological-red-line", string.Empty, ZoneLayerFiles.Polygon([[111, 40], [111.01, 40], [111.01, 40.01], [111, 40]]))
            .Empty("nature-reserv");
        var path = files.GeoPackage();
        var diagnostics = Problems(path);
        Assert.That(diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            "The layer 'ecological-red-line', feature fid 2, repeats the id 'RL-1' of fid 1; ids are unique in a layer.",
            "The layer 'ecological-red-line', feature fid 2 (id 'RL-1') is not a valid polygon: Self-intersection at [111.005, 40.005].",
            "The layer 'ecological-red-line', feature fid 3, has no id; every zone feature needs one, which sources cite.",
            "The GeoPackage layer 'nature-reserv' is not a zone code. Did you mean 'nature-reserve'? Layers are named by the zone codes: ecological-red-line, nature-reserve, yellow-river-control-line, protection-area, energy-base, national-planned-area, key-area, sand-concentrated-area.",
        }));
        Assert.That(diagnostics.Select(d => d.Location), Has.All.EqualTo(SourceLocation.File(path)));
    }

    [Test]
    public void Open_GeoPackageInAProjectedSystem_Refused()
    {
        using var files = new ZoneLayerFiles();
        var path = files.Add("ecological-red-line", "RL-1", ZoneLayerFiles.Polygon([[111, 40], [111.01, 40], [111.01, 40.01], [111, 40]])).GeoPackage(4525);
        var diagnostic = Problems(path).Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR5003"));
            Assert.That(diagnostic.Message, Does.Contain("The layer 'ecological-red-line' is in EPSG:4525; zone layers are in longitude and latitude, EPSG:4490 (CGCS2000) or EPSG:4326 (WGS 84)."));
        });
    }

    [Test]
    public void Open_FileThatIsNotAGeoPackage_Refused()
    {
        using var files = new ZoneLayerFiles();
        Directory.CreateDirectory(files.Root);
        var path = Path.Combine(files.Root, "zones.gpkg");
        File.WriteAllText(path, "not sqlite");
        Assert.That(Problems(path).Single().Message, Does.StartWith("The file is not a readable GeoPackage"));
    }

    [Test]
    public void Open_GeoPackageLayerWithoutIdColumn_Refused()
    {
        using var files = new ZoneLayerFiles();
        Directory.CreateDirectory(files.Root);
        var path = Path.Combine(files.Root, "zones.gpkg");
        using (var connection = GeoPackageFile.Create(path))
        {
            GeoPackageFile.AddFeatureTable(connection, "key-area", GeoPackageFile.Cgcs2000, "POLYGON", ("label", "TEXT"));
        }

        var diagnostic = Problems(path).Single();
        Assert.That((diagnostic.Code, diagnostic.Message), Is.EqualTo(("MR5004", "The layer 'key-area' has no 'id' column; every zone feature needs an id, which sources cite.")));
    }

    [Test]
    public void Open_GeoPackageGeometryThatIsText_LocatedNotACrash()
    {
        using var files = new ZoneLayerFiles();
        Directory.CreateDirectory(files.Root);
        var path = Path.Combine(files.Root, "zones.gpkg");
        using (var connection = GeoPackageFile.Create(path))
        {
            GeoPackageFile.AddFeatureTable(connection, "key-area", GeoPackageFile.Cgcs2000, "POLYGON", ("id", "TEXT"));
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"key-area\" (geom, id) VALUES ('POLYGON((111 40, 111.01 40, 111.01 40.01, 111 40))', 'KA-1')";
            command.ExecuteNonQuery();
        }

        var diagnostic = Problems(path).Single();
        Assert.That(diagnostic.Code, Is.EqualTo("MR5005"));
        Assert.That(diagnostic.Message, Does.Contain("KA-1").And.Contain("not a GeoPackage geometry blob"));
    }
}
