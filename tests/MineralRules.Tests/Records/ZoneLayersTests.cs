using MineralRules.Records;
using NetTopologySuite.Geometries;
using static MineralRules.Tests.Records.GeoFixtures;

namespace MineralRules.Tests.Records;

public sealed class ZoneLayersTests
{
    private const string RedLine = "ecological-red-line";
    private const string Reserve = "nature-reserve";

    // A site of 1 km × 1 km in Gauss-Krüger zone 37 (central meridian 111° E), near 40.4° N.
    private const double SiteX = 4_480_000, SiteY = 37_520_000;

    private static SiteBoundary GkSite => GaussKruger(37, GkSquare(SiteX, SiteY, 1000));

    /// <summary>A lon/lat polygon whose corners are given in Gauss-Krüger zone 37 as (X, Y).</summary>
    private static Polygon FromGk(double south, double west, double north, double east) =>
        (Polygon)SiteGeometry.Of(GaussKruger(37, [[south, west], [south, east], [north, east], [north, west], [south, west]])).LonLat;

    private static Application WithBoundary(SiteBoundary? boundary)
    {
        var application = Fixtures.Read(Fixtures.CompliantCoalMine);
        return application with { Location = application.Location! with { Boundary = boundary } };
    }

    [Test]
    public void Find_NoBoundary_Null()
    {
        using var files = new ZoneLayerFiles().Empty(RedLine);
        Assert.That(ZoneLayers.Open(files.Folder()).Find(WithBoundary(null)), Is.Null);
    }

    [TestCase(0.98, false, TestName = "Find_OverlapJustBelowTolerance_NotListed")]
    [TestCase(1.00, false, TestName = "Find_OverlapAtTolerance_NotListed")]
    [TestCase(1.02, true, TestName = "Find_OverlapJustAboveTolerance_Listed")]
    public void Find_OverlapAroundTolerance(double width, bool listed)
    {
        // A strip 100 m along X reaching `width` metres into the site's east side: width × 100 m².
        using var files = new ZoneLayerFiles().Add(RedLine, "RL-1", FromGk(SiteX + 300, SiteY + 1000 - width, SiteX + 400, SiteY + 1500));
        var findings = ZoneLayers.Open(files.Folder()).Find(WithBoundary(GkSite))!;
        Assert.Multiple(() =>
        {
            Assert.That(findings.Overlaps.Select(o => o.FeatureId), listed ? Is.EqualTo(new[] { "RL-1" }) : Is.Empty);
            Assert.That(findings.Layered, Is.EqualTo(new[] { Zone.EcologicalRedLine }));
            Assert.That(findings.SiteHectares, Is.EqualTo(100m));
            Assert.That(findings.ToleranceHectares, Is.EqualTo(0.01m));
        });
        if (listed)
        {
            Assert.That(findings.Overlaps[0].Hectares, Is.EqualTo(0.0102m));
        }
    }

    [Test]
    public void Find_ToleranceGiven_UsedInsteadOfTheDefault()
    {
        using var files = new ZoneLayerFiles().Add(RedLine, "RL-1", FromGk(SiteX, SiteY + 900, SiteX + 1000, SiteY + 2000));
        var layers = ZoneLayers.Open(files.Folder());
        Assert.Multiple(() =>
        {
            Assert.That(layers.Find(WithBoundary(GkSite), 10m)!.Overlaps, Has.Count.EqualTo(0), "an overlap of 10 ha is not above 10 ha");
            Assert.That(layers.Find(WithBoundary(GkSite), 9.99m)!.Overlaps, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Find_SiteStraddlingTwoZones_BothListedWithHectaresShareAndSource()
    {
        using var files = new ZoneLayerFiles()
            .Add(RedLine, "RL-0412", FromGk(SiteX - 500, SiteY - 500, SiteX + 1500, SiteY + 300), "某生态保护红线（synthetic）")
            .Add(Reserve, "NR-7", FromGk(SiteX - 500, SiteY + 500, SiteX + 1500, SiteY + 1500));
        var findings = ZoneLayers.Open(files.Folder()).Find(WithBoundary(GkSite))!;
        Assert.That(findings.Overlaps, Is.EqualTo(new[]
        {
            new ZoneOverlap(Zone.EcologicalRedLine, "zones/ecological-red-line#RL-0412", "RL-0412", "某生态保护红线（synthetic）", 30m, 0.3m),
            new ZoneOverlap(Zone.NatureReserve, "zones/nature-reserve#NR-7", "NR-7", null, 50m, 0.5m),
        }));
    }

    [Test]
    public void Find_SeveralFeaturesInAZone_LargestFirstThenById()
    {
        using var files = new ZoneLayerFiles()
            .Add(RedLine, "B", FromGk(SiteX - 10, SiteY - 10, SiteX + 200, SiteY + 1010))
            .Add(RedLine, "C", FromGk(SiteX + 500, SiteY - 10, SiteX + 1010, SiteY + 1010))
            .Add(RedLine, "A", FromGk(SiteX + 300, SiteY - 10, SiteX + 500, SiteY + 1010));
        var findings = ZoneLayers.Open(files.Folder()).Find(WithBoundary(GkSite))!;
        Assert.That(findings.Overlaps.Select(o => (o.FeatureId, o.Hectares)), Is.EqualTo(new[] { ("C", 50m), ("A", 20m), ("B", 20m) }));
    }

    [Test]
    public void Find_SiteInTheHoleOfAFeature_NotInTheZone()
    {
        var outer = new[] { new[] { SiteX - 5000, SiteY - 5000 }, [SiteX - 5000, SiteY + 5000], [SiteX + 5000, SiteY + 5000], [SiteX + 5000, SiteY - 5000], [SiteX - 5000, SiteY - 5000] };
        var hole = new[] { new[] { SiteX - 100, SiteY - 100 }, [SiteX - 100, SiteY + 1100], [SiteX + 1100, SiteY + 1100], [SiteX + 1100, SiteY - 100], [SiteX - 100, SiteY - 100] };
        var withHole = SiteGeometry.Of(GaussKruger(37, outer, hole)).LonLat;
        using var files = new ZoneLayerFiles().Add(RedLine, "RL-1", withHole).Empty(Reserve);
        var findings = ZoneLayers.Open(files.Folder()).Find(WithBoundary(GkSite))!;
        Assert.Multiple(() =>
        {
            Assert.That(findings.Overlaps, Is.Empty);
            Assert.That(findings.Layered, Is.EqualTo(new[] { Zone.EcologicalRedLine, Zone.NatureReserve }), "an empty layer is still a layer");
        });
    }

    [Test]
    public void Find_MultiPolygonFeature_OneOverlapSummingItsParts()
    {
        var parts = ZoneLayerFiles.MultiPolygon(FromGk(SiteX - 10, SiteY - 10, SiteX + 100, SiteY + 1010), FromGk(SiteX + 900, SiteY - 10, SiteX + 1010, SiteY + 1010));
        using var files = new ZoneLayerFiles().Add(RedLine, "RL-M", parts);
        var findings = ZoneLayers.Open(files.Folder()).Find(WithBoundary(GkSite))!;
        Assert.That(findings.Overlaps.Select(o => (o.FeatureId, o.Hectares, o.ShareOfSite)), Is.EqualTo(new[] { ("RL-M", 20m, 0.2m) }));
    }

    [Test]
    public void Find_GeographicAndGaussKrugerBoundaryOfTheSameSite_SameFindings()
    {
        var lonLatRing = SiteGeometry.Of(GkSite).LonLat.Coordinates.Select(c => new[] { c.X, c.Y }).ToArray();
        using var files = new ZoneLayerFiles().Add(RedLine, "RL-1", FromGk(SiteX - 500, SiteY - 500, SiteX + 1500, SiteY + 300));
        var layers = ZoneLayers.Open(files.Folder());
        var gk = layers.Find(WithBoundary(GkSite))!;
        var geographic = layers.Find(WithBoundary(LonLat(lonLatRing)))!;
        Assert.Multiple(() =>
        {
            Assert.That(geographic.Overlaps, Is.EqualTo(gk.Overlaps));
            Assert.That(geographic.SiteHectares, Is.EqualTo(gk.SiteHectares));
        });
    }

    [TestCase(GeoPackageFile.Cgcs2000)]
    [TestCase(GeoPackageFile.Wgs84)]
    public void Find_GeoJsonFolderAndGeoPackage_SameFindings(int srsId)
    {
        using var files = new ZoneLayerFiles()
            .Add(RedLine, "RL-1", FromGk(SiteX - 500, SiteY - 500, SiteX + 1500, SiteY + 300), "红线")
            .Add(RedLine, "RL-2", ZoneLayerFiles.MultiPolygon(FromGk(SiteX + 900, SiteY, SiteX + 1100, SiteY + 1000), FromGk(SiteX + 5000, SiteY, SiteX + 5100, SiteY + 100)))
            .Add(Reserve, "NR-1", FromGk(SiteX + 600, SiteY + 600, SiteX + 700, SiteY + 700))
            .Empty("key-area");
        var folder = ZoneLayers.Open(files.Folder());
        var gpkg = ZoneLayers.Open(files.GeoPackage(srsId));
        var fromFolder = folder.Find(WithBoundary(GkSite))!;
        var fromGpkg = gpkg.Find(WithBoundary(GkSite))!;
        Assert.Multiple(() =>
        {
            Assert.That(folder.Name, Is.EqualTo("zones"));
            Assert.That(gpkg.Name, Is.EqualTo("zones.gpkg"));
            Assert.That(gpkg.Layered, Is.EqualTo(folder.Layered));
            Assert.That(gpkg.FeatureCount, Is.EqualTo(3));
            Assert.That(fromGpkg.Overlaps.Select(o => o with { Source = o.Source["zones.gpkg".Length..] }), Is.EqualTo(fromFolder.Overlaps.Select(o => o with { Source = o.Source["zones".Length..] })));
            Assert.That(fromFolder.Overlaps, Has.Count.EqualTo(3));
            Assert.That(fromGpkg.Overlaps[0].Source, Is.EqualTo("zones.gpkg/ecological-red-line#RL-1"));
        });
    }

    [Test]
    public void Find_ManyThreadsAtOnce_SameAsOneByOne()
    {
        using var files = new ZoneLayerFiles();
        for (var i = 0; i < 50; i++)
        {
            files.Add(RedLine, $"RL-{i}", FromGk(SiteX + (i * 200), SiteY - 100, SiteX + (i * 200) + 150, SiteY + 2000));
        }

        var layers = ZoneLayers.Open(files.Folder());
        var sites = Enumerable.Range(0, 40).Select(i => WithBoundary(GaussKruger(37, GkSquare(SiteX + (i * 170), SiteY, 500)))).ToArray();
        var expected = sites.Select(s => layers.Find(s)!.Overlaps).ToArray();
        var actual = Fixtures.AtOnce(sites.Length, i => layers.Find(sites[i])!.Overlaps);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Find_InvalidApplication_Throws()
    {
        using var files = new ZoneLayerFiles().Empty(RedLine);
        var bowTie = LonLat([[111, 40], [111.01, 40.01], [111.01, 40], [111, 40.01], [111, 40]]);
        Assert.That(() => ZoneLayers.Open(files.Folder()).Find(WithBoundary(bowTie)), Throws.InstanceOf<InvalidApplicationException>());
    }
}
