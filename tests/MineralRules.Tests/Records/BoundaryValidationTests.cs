using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MineralRules.Tests.Server;
using static MineralRules.Tests.Records.GeoFixtures;

namespace MineralRules.Tests.Records;

/// <summary>
/// The boundary's geometry checks (NetTopologySuite validity, Inner Mongolia's extent after transformation), the same
/// whichever way an application comes in: a YAML or JSON document, an object built in code, or the HTTP API.
/// </summary>
public sealed class BoundaryValidationTests
{
    private const string Invalid = "MR2001";

    private static readonly double[][] BowTie = [[111, 40], [111.01, 40.01], [111.01, 40], [111, 40.01], [111, 40]];

    [Test]
    public void Validate_RingCrossingItself_NamesTheRingAndTheNearestPoint()
    {
        var diagnostic = Single(LonLat(BowTie));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(Invalid));
            Assert.That(diagnostic.Message, Does.Contain("location.boundary: 'location.boundary' is not a valid polygon: 'location.boundary.rings[0]' crosses itself, at [111.005, 40.005]"));
            Assert.That(diagnostic.Message, Does.Contain("the nearest turning point is 'location.boundary.rings[0]'["));
            Assert.That(diagnostic.MessageZh, Does.Contain("'location.boundary.rings[0]' 自相交"));
        });
    }

    [Test]
    public void Validate_RingTouchingItselfAtAPoint_NamesTheRingAndThePoint()
    {
        var diagnostic = Single(LonLat([[111, 40], [111.02, 40], [111.02, 40.02], [111.01, 40], [111, 40.02], [111, 40]]));
        Assert.That(diagnostic.Message, Does.Contain("'location.boundary.rings[0]' crosses itself, at [111.01, 40] (the nearest turning point is 'location.boundary.rings[0]'[3] [111.01, 40])"));
    }

    [Test]
    public void Validate_HoleOutsideItsOutline_NamesTheHole()
    {
        var diagnostic = Single(LonLat(Rectangle(111, 40, 111.01, 40.01), Rectangle(111.02, 40, 111.03, 40.01)));
        Assert.That(diagnostic.Message, Does.Contain("hole 'location.boundary.rings[1]' lies outside its parcel's outline, at [111.02, 40]"));
    }

    [Test]
    public void Validate_OverlappingParcels_NamesBothParcels()
    {
        var diagnostic = Single(LonLatParcels([Rectangle(111, 40, 111.01, 40.01)], [Rectangle(111.005, 40.005, 111.02, 40.02)]));
        Assert.That(diagnostic.Message, Does.Contain("parcels 'location.boundary.polygons[0]' and 'location.boundary.polygons[1]' overlap or share an edge").Or.Contain("parcels 'location.boundary.polygons[1]' and 'location.boundary.polygons[0]' overlap or share an edge"));
    }

    [Test]
    public void Validate_ParcelInsideAnother_NamesTheInnerParcel()
    {
        var diagnostic = Single(LonLatParcels([Rectangle(111, 40, 111.03, 40.03)], [Rectangle(111.01, 40.01, 111.02, 40.02)]));
        Assert.That(diagnostic.Message, Does.Contain("parcel 'location.boundary.polygons[1]' lies inside another parcel"));
    }

    [Test]
    public void Validate_GaussKrugerRingCrossingItself_PointsWrittenAsXY()
    {
        var ring = new[] { new[] { 4_480_000d, 37_520_000 }, [4_481_000, 37_521_000], [4_481_000, 37_520_000], [4_480_000, 37_521_000], [4_480_000, 37_520_000] };
        var diagnostic = Single(GaussKruger(37, ring));
        Assert.That(diagnostic.Message, Does.Contain("crosses itself, at [4480500, 37520500]"));
    }

    [Test]
    public void Validate_GaussKrugerZoneOutsideInnerMongolia_RefusedAfterTransformation()
    {
        // Zone 30 (central meridian 90° E) is a valid EPSG:4518 boundary, but lies in Xinjiang, not Inner Mongolia.
        var diagnostic = Single(GaussKruger(30, GkSquare(4_480_000, 30_520_000, 1000)));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Message, Does.Contain("'location.boundary' transformed from EPSG:4518 to CGCS2000 longitude and latitude spans longitude 90.2"));
            Assert.That(diagnostic.Message, Does.Contain("outside Inner Mongolia (longitude 96–127, latitude 36–54)"));
            Assert.That(diagnostic.MessageZh, Does.Contain("超出内蒙古的范围"));
        });
    }

    [TestCase(33, 99.5)]
    [TestCase(37, 111.2)]
    [TestCase(42, 125.8)]
    public void Validate_ValidGaussKrugerBoundaryInInnerMongolia_NoProblem(int zone, double west)
    {
        var ring = Rectangle(west, 43, west + 0.01, 43.01);
        Assert.That(ApplicationReader.Validate(WithBoundary(GaussKruger(zone, ToGaussKruger(ring, zone)))), Is.Empty);
    }

    [Test]
    public void Validate_ValidParcelsWithAHole_NoProblem()
    {
        var boundary = LonLatParcels([Rectangle(111, 40, 111.01, 40.01), Rectangle(111.002, 40.002, 111.004, 40.004)], [Rectangle(111.02, 40, 111.03, 40.01)]);
        Assert.That(ApplicationReader.Validate(WithBoundary(boundary)), Is.Empty);
    }

    [Test]
    public void Read_YamlWithBowTieBoundary_InvalidAtTheBoundary()
    {
        var yaml = Fixtures.CompliantCoalMine.Replace(
            "location: { league: 鄂尔多斯市, zones: [energy-base] }",
            $"location:\n  league: 鄂尔多斯市\n  zones: [energy-base]\n  boundary:\n    crs: EPSG:4490\n    rings: {Json(BowTie)}",
            StringComparison.Ordinal);
        var result = ApplicationReader.Read(yaml, "bow-tie.yaml");
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
        var diagnostic = result.Diagnostics[0];
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(Invalid));
            Assert.That(diagnostic.Location.Path, Is.EqualTo("bow-tie.yaml"));
            Assert.That(diagnostic.Location.Line, Is.EqualTo(20), "the boundary mapping's first line (crs)");
            Assert.That(diagnostic.Message, Does.Contain("crosses itself"));
        });
    }

    [Test]
    public void Read_JsonWithBowTieBoundary_Invalid()
    {
        var json = """{"id":"J","permit":"mining","action":"new","applicationDate":"2024-05-01","mineral":"coal","location":{"league":"150600","boundary":{"crs":"EPSG:4490","rings":"""
            + Json(BowTie) + "}}}";
        var result = ApplicationReader.Read(json, ApplicationFormat.Json);
        Assert.That(result.Diagnostics.Select(d => d.Message), Has.One.Contains("crosses itself"));
    }

    [Test]
    public void Evaluate_CodeBuiltApplicationWithBowTie_ThrowsInvalidApplication()
    {
        var application = WithBoundary(LonLat(BowTie));
        var error = Assert.Throws<InvalidApplicationException>(() => Fixtures.Catalog.Evaluate(application));
        Assert.That(error!.Diagnostics.Select(d => d.Message), Has.One.Contains("crosses itself"));
    }

    [Test]
    public async Task Check_HttpBodyWithBowTieBoundary_Is400WithTheDiagnostic()
    {
        var yaml = Fixtures.CompliantCoalMine.Replace(
            "location: { league: 鄂尔多斯市, zones: [energy-base] }",
            $"location: {{ league: 鄂尔多斯市, zones: [energy-base], boundary: {{ crs: EPSG:4490, rings: {Json(BowTie)} }} }}",
            StringComparison.Ordinal);
        await using var server = await TestServerHandle.StartAsync();
        using var response = await server.Client.PostAsync("/api/v1/check", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        var body = await response.Content.ReadAsStringAsync();
        var diagnostic = JsonNode.Parse(body)!["diagnostics"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(diagnostic["code"]!.GetValue<string>(), Is.EqualTo(Invalid));
            Assert.That(diagnostic["line"]!.GetValue<int>(), Is.EqualTo(16), "the location line, where the boundary is written");
            Assert.That(diagnostic["text"]!.GetValue<string>(), Does.Contain("'location.boundary.rings[0]' crosses itself"));
        });
    }

    private static Diagnostic Single(SiteBoundary boundary)
    {
        var diagnostics = ApplicationReader.Validate(WithBoundary(boundary));
        Assert.That(diagnostics, Has.Count.EqualTo(1), string.Join("\n", diagnostics));
        return diagnostics[0];
    }

    private static Application WithBoundary(SiteBoundary boundary)
    {
        var application = Fixtures.Read(Fixtures.CompliantCoalMine);
        return application with { Location = application.Location! with { Boundary = boundary } };
    }

    private static string Json(double[][] ring) => "[" + JsonSerializer.Serialize(ring.Select(p => p.Select(v => v.ToString(CultureInfo.InvariantCulture)).Select((string v) => decimal.Parse(v, CultureInfo.InvariantCulture)))) + "]";
}
