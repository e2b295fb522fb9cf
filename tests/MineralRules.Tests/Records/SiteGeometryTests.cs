using FsCheck;
using FsCheck.Fluent;
using MineralRules.Records;
using FsProperty = FsCheck.NUnit.PropertyAttribute;
using static MineralRules.Tests.Records.GeoFixtures;

namespace MineralRules.Tests.Records;

public sealed class SiteGeometryTests
{
    [Test]
    public void Of_GaussKrugerSquareOfOneKilometre_Is100Hectares()
    {
        var site = SiteGeometry.Of(GaussKruger(37, GkSquare(4_480_000, 37_520_000, 1000)));
        Assert.Multiple(() =>
        {
            Assert.That(site.Hectares, Is.EqualTo(100).Within(1e-9));
            Assert.That(site.Zone, Is.EqualTo(37));
            Assert.That(site.Projected.SRID, Is.EqualTo(4525));
            Assert.That(site.LonLat.SRID, Is.EqualTo(4490));
        });
    }

    [Test]
    public void Of_GeographicCellOnTheCentralMeridian_HasTheEllipsoidalArea()
    {
        var site = SiteGeometry.Of(LonLat(Rectangle(111, 40.5, 111.01, 40.51)));
        Assert.That(site.Hectares, Is.EqualTo(CellHectares(111, 40.5, 111.01, 40.51)).Within(0.001).Percent);
    }

    [TestCase(111.6, 37)]
    [TestCase(112.6, 38)]
    [TestCase(107.0, 36)]
    [TestCase(121.4, 40)]
    public void Of_GeographicBoundary_MeasuredInTheZoneOfItsCentre(double west, int zone)
    {
        var site = SiteGeometry.Of(LonLat(Rectangle(west, 41, west + 0.01, 41.01)));
        Assert.Multiple(() =>
        {
            Assert.That(site.Zone, Is.EqualTo(zone));
            Assert.That(Math.Floor(site.Projected.Coordinates[0].X / 1_000_000), Is.EqualTo(zone), "the easting carries the zone number in front");
        });
    }

    [TestCase(33, 99.2, 39.3)]
    [TestCase(37, 111.2, 40.5)]
    [TestCase(37, 112.3, 40.5)]
    [TestCase(41, 122.1, 49.6)]
    public void Of_GaussKrugerBoundary_AgreesWithItsGeographicEquivalent(int zone, double west, double south)
    {
        var ring = Rectangle(west, south, west + 0.02, south + 0.015);
        var geographic = SiteGeometry.Of(LonLat(ring));
        var gk = SiteGeometry.Of(GaussKruger(zone, ToGaussKruger(ring, zone)));
        var back = gk.LonLat.Coordinates;
        Assert.Multiple(() =>
        {
            Assert.That(gk.Zone, Is.EqualTo(zone), "the zone comes from the crs and the Y prefix");
            for (var i = 0; i < ring.Length; i++)
            {
                Assert.That(back[i].X, Is.EqualTo(ring[i][0]).Within(1e-8), $"longitude of point {i}");
                Assert.That(back[i].Y, Is.EqualTo(ring[i][1]).Within(1e-8), $"latitude of point {i}");
            }

            Assert.That(gk.Hectares, Is.EqualTo(CellHectares(west, south, west + 0.02, south + 0.015)).Within(0.05).Percent);
            if (geographic.Zone == zone)
            {
                Assert.That(gk.Hectares, Is.EqualTo(geographic.Hectares).Within(1e-6).Percent);
            }
        });
    }

    [Test]
    public void Of_ParcelWithAHole_AreaIsShellLessHole()
    {
        var site = SiteGeometry.Of(GaussKruger(37, GkSquare(4_480_000, 37_520_000, 1000), GkSquare(4_480_200, 37_520_200, 100)));
        Assert.That(site.Hectares, Is.EqualTo(99).Within(1e-9));
    }

    [Test]
    public void Of_SeveralParcels_AreaIsTheirSumAndTheGeometryAMultiPolygon()
    {
        var site = SiteGeometry.Of(LonLatParcels([Rectangle(111, 40.5, 111.01, 40.51)], [Rectangle(111.02, 40.5, 111.03, 40.51), Rectangle(111.024, 40.504, 111.026, 40.506)]));
        var expected = (2 * CellHectares(111, 40.5, 111.01, 40.51)) - CellHectares(111.024, 40.504, 111.026, 40.506);
        Assert.Multiple(() =>
        {
            Assert.That(site.LonLat.GeometryType, Is.EqualTo("MultiPolygon"));
            Assert.That(site.LonLat.NumGeometries, Is.EqualTo(2));
            Assert.That(site.Hectares, Is.EqualTo(expected).Within(0.01).Percent);
        });
    }

    [Test]
    public void OverlapHectares_HalfOfTheSite_HalfItsArea()
    {
        var site = SiteGeometry.Of(LonLat(Rectangle(111, 40.5, 111.02, 40.51)));
        var half = SiteGeometry.Of(LonLat(Rectangle(111.01, 40.4, 111.5, 40.6))).LonLat;
        Assert.That(site.OverlapHectares(half), Is.EqualTo(site.Hectares / 2).Within(0.01).Percent);
    }

    [Test]
    public void OverlapHectares_AFeatureFarLargerThanTheSite_TheWholeSiteOrTheCutPart()
    {
        var site = SiteGeometry.Of(GaussKruger(37, GkSquare(4_480_000, 37_520_000, 1000)));
        var league = SiteGeometry.Of(LonLat(Rectangle(108, 38, 114, 43))).LonLat;
        var westOfSite = SiteGeometry.Of(GaussKruger(37, [[4_470_000, 37_510_000], [4_470_000, 37_520_400], [4_490_000, 37_520_400], [4_490_000, 37_510_000], [4_470_000, 37_510_000]])).LonLat;
        Assert.Multiple(() =>
        {
            Assert.That(site.OverlapHectares(league), Is.EqualTo(100).Within(1e-6));
            // The 20 km edge through the site is straight in longitude and latitude (as GeoJSON draws it), some
            // centimetres off the Gauss-Krüger line between its ends: the cut follows it as a densified edge would.
            var densified = site.Project(NetTopologySuite.Densify.Densifier.Densify(westOfSite, 0.0001));
            Assert.That(site.OverlapHectares(westOfSite), Is.EqualTo(site.Projected.Intersection(densified).Area / 10_000).Within(1e-3));
            Assert.That(site.OverlapHectares(westOfSite), Is.EqualTo(40).Within(0.01));
        });
    }

    [Test]
    public void OverlapHectares_AFeatureWhoseHoleHoldsTheSite_Zero()
    {
        var site = SiteGeometry.Of(LonLat(Rectangle(111, 40.5, 111.01, 40.51)));
        var ring = SiteGeometry.Of(LonLat(Rectangle(110.9, 40.4, 111.1, 40.6), Rectangle(110.99, 40.49, 111.02, 40.52))).LonLat;
        Assert.That(site.OverlapHectares(ring), Is.Zero);
    }

    [Test]
    public void OverlapHectares_FarAwayOrTouching_Zero()
    {
        var site = SiteGeometry.Of(LonLat(Rectangle(111, 40.5, 111.01, 40.51)));
        Assert.Multiple(() =>
        {
            Assert.That(site.OverlapHectares(SiteGeometry.Of(LonLat(Rectangle(115, 42, 115.1, 42.1))).LonLat), Is.Zero);
            Assert.That(site.OverlapHectares(SiteGeometry.Of(LonLat(Rectangle(111.01, 40.5, 111.02, 40.51))).LonLat), Is.Zero);
        });
    }

    [Test]
    public void OverlapHectares_ManyThreadsAtOnce_SameAsOneByOne()
    {
        var sites = Enumerable.Range(0, 64).Select(i => SiteGeometry.Of(LonLat(Rectangle(100 + (i * 0.37), 41, 100.02 + (i * 0.37), 41.01)))).ToArray();
        var features = sites.Select(s => SiteGeometry.Of(LonLat(Rectangle(s.LonLat.EnvelopeInternal.MinX + 0.01, 40.9, s.LonLat.EnvelopeInternal.MinX + 0.5, 41.1))).LonLat).ToArray();
        var expected = sites.Select((s, i) => s.OverlapHectares(features[i])).ToArray();
        var actual = new double[sites.Length];
        Parallel.For(0, sites.Length * 20, k => actual[k % sites.Length] = sites[k % sites.Length].OverlapHectares(features[k % sites.Length]));
        Assert.That(actual, Is.EqualTo(expected));
    }

    private static readonly Gen<(double West, double South, double Width, double Height)> Rectangles =
        from w in Gen.Choose(97_500, 125_500)
        from s in Gen.Choose(37_500, 53_000)
        from dx in Gen.Choose(1, 500)
        from dy in Gen.Choose(1, 500)
        select (w / 1000d, s / 1000d, dx / 10_000d, dy / 10_000d);

    [FsProperty]
    public FsCheck.Property Hectares_AnyRectangle_IsItsEllipsoidalArea() =>
        Prop.ForAll(Rectangles.ToArbitrary(), r =>
        {
            var site = SiteGeometry.Of(LonLat(Rectangle(r.West, r.South, r.West + r.Width, r.South + r.Height)));
            var expected = CellHectares(r.West, r.South, r.West + r.Width, r.South + r.Height);

            // Within 0.05 %: areas are planar Gauss-Krüger areas (as 拐点坐标 areas are); a 3-degree zone's linear
            // scale error reaches about 0.022 % at its edge in Inner Mongolia, so an area's about 0.045 %.
            return Math.Abs(site.Hectares - expected) <= expected * 5e-4;
        });

    [FsProperty]
    public FsCheck.Property Hectares_AnyStartPointOrOrientation_TheSame() =>
        Prop.ForAll(Rectangles.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (r, start, reverse) =>
        {
            var ring = Rectangle(r.West, r.South, r.West + r.Width, r.South + r.Height);
            var open = ring[..^1];
            var turned = open.Skip(start).Concat(open.Take(start)).ToList();
            if (reverse)
            {
                turned.Reverse();
            }

            turned.Add(turned[0]);
            var site = SiteGeometry.Of(LonLat(ring));
            var other = SiteGeometry.Of(LonLat([.. turned]));
            return Math.Abs(site.Hectares - other.Hectares) <= site.Hectares * 1e-12;
        });

    [FsProperty]
    public FsCheck.Property LonLat_GaussKrugerAndBack_WithinAMillimetre() =>
        Prop.ForAll(Rectangles.ToArbitrary(), r =>
        {
            var ring = Rectangle(r.West, r.South, r.West + r.Width, r.South + r.Height);
            var geographic = SiteGeometry.Of(LonLat(ring));
            var projected = geographic.Projected.Coordinates;

            // The library's projection agrees with Krüger's series, and its [X, Y] read back gives the same lon/lat.
            var gkRing = projected.Select(c => new[] { c.Y, c.X }).ToArray();
            var back = SiteGeometry.Of(GaussKruger(geographic.Zone, gkRing)).LonLat.Coordinates;
            var metresPerDegree = 111_000d;
            return ring.Select((p, i) =>
            {
                var (x, y) = Forward(p[0], p[1], geographic.Zone);
                return Math.Abs(projected[i].Y - x) < 1e-3 && Math.Abs(projected[i].X - y) < 1e-3
                    && Math.Abs(back[i].X - p[0]) * metresPerDegree < 1e-3 && Math.Abs(back[i].Y - p[1]) * metresPerDegree < 1e-3;
            }).All(ok => ok);
        });
}
