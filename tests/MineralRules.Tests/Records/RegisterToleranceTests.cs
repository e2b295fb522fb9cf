using MineralRules.Records;
using MineralRules.Records.Register;
using NetTopologySuite.Geometries;

namespace MineralRules.Tests.Records;

/// <summary>The register's overlaps follow the one tolerance rule of zone layers (<see cref="SiteGeometry.Counts"/>).</summary>
public sealed class RegisterToleranceTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    [TestCase(0.01003, false, TestName = "Findings_OverlapRoundingToTheTolerance_NotCounted")]
    [TestCase(0.01006, true, TestName = "Findings_OverlapRoundingAboveTheTolerance_Counted")]
    public void Findings_OverlapNearTheTolerance_CountedAsAZoneFeatureWouldBe(double overlap, bool counted)
    {
        var application = RegisterTestData.Application(Permit.Mining, PermitAction.New, block: null);
        var query = RegisterQuery.Of(application);
        var right = Strip(query.Site!, overlap);
        var measured = query.Site!.OverlapHectares(right.Boundary);
        Assert.That(measured, Is.EqualTo(overlap).Within(1e-6), "the strip overlaps the site by the hectares wanted");

        var findings = query.Findings("register.gpkg", new RegisterCandidates([], [], [right], [], null), 0.01m);

        Assert.Multiple(() =>
        {
            Assert.That(RegisterTestData.Ids(findings.OtherMiningRights), Is.EqualTo(counted ? new[] { "S1" } : Array.Empty<string>()));
            Assert.That(SiteGeometry.Counts(SiteGeometry.RoundedHectares(measured), 0.01m), Is.EqualTo(counted), "the rule zone layers apply");
        });
    }

    /// <summary>A mining right along the site's east edge whose overlap with the site is the given hectares (found by bisection).</summary>
    private static StoredRight Strip(SiteGeometry site, double hectares)
    {
        const double east = RegisterTestData.SiteLon + RegisterTestData.SiteSize;
        MultiPolygon Box(double width) => Factory.CreateMultiPolygon([Factory.CreatePolygon(
            RightSpec.Box(east - width, RegisterTestData.SiteLat, 0.01, RegisterTestData.SiteSize).Select(p => new Coordinate(p[0], p[1])).ToArray())]);
        double low = 0, high = 1e-4;
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (site.OverlapHectares(Box(middle)) < hectares)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new StoredRight("S1", Permit.Mining, "乙公司", "gold", RegisterTestData.County, null, null, new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31), true, Box(high));
    }
}
