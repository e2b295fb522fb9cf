namespace MineralRules.Tests.Records;

/// <summary>The illustrative zone layers of samples/records/zones against the sample applications with boundaries.</summary>
public sealed class SampleZoneLayersTests
{
    private static readonly string Records = Path.Combine(TestPaths.Repository, "samples", "records");

    private static readonly Lazy<ZoneLayers> Layers = new(() => ZoneLayers.Open(Path.Combine(Records, "zones")));

    private static ZoneFindings Find(string sample)
    {
        var read = ApplicationReader.ReadFile(Path.Combine(Records, "applications", sample));
        Assert.That(read.Diagnostics, Is.Empty, "the sample's boundary passes the geometry checks");
        return Layers.Value.Find(read.Application!)!;
    }

    [Test]
    public void Open_SampleZones_EveryZoneLayered()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Layers.Value.Name, Is.EqualTo("zones"));
            Assert.That(Layers.Value.Layered, Is.EqualTo(Enum.GetValues<Zone>()));
        });
    }

    [Test]
    public void Find_RedLineByGeometrySample_InTheRedLine()
    {
        var findings = Find("red-line-by-geometry.declares-none.fail.yaml");
        Assert.That(findings.Overlaps.Select(o => o.Zone), Does.Contain(Zone.EcologicalRedLine));
        Assert.That(findings.Overlaps.Where(o => o.Zone == Zone.EcologicalRedLine).Select(o => o.Source), Has.All.StartWith("zones/ecological-red-line#"));
    }

    [Test]
    public void Find_StraddlingSample_InTheRedLineAndTheReserve()
    {
        var findings = Find("straddles-red-line-and-reserve.fail.yaml");
        Assert.That(findings.Overlaps.Select(o => o.Zone).Distinct(), Is.SupersetOf(new[] { Zone.EcologicalRedLine, Zone.NatureReserve }));
        Assert.That(findings.Overlaps.Sum(o => o.ShareOfSite), Is.LessThanOrEqualTo(findings.Overlaps.Count));
    }

    [Test]
    public void Find_DeclaresRedLineSample_NotInTheRedLine()
    {
        var findings = Find("declares-red-line-layers-show-none.review.yaml");
        Assert.That(findings.Overlaps.Select(o => o.Zone), Does.Not.Contain(Zone.EcologicalRedLine));
    }

    [Test]
    public void Find_EverySampleWithABoundary_SiteHasAnArea()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Records, "applications"), "*.yaml"))
        {
            var read = ApplicationReader.ReadFile(file);
            Assert.That(read.Diagnostics, Is.Empty, file);
            if (read.Application!.Location?.Boundary is not null)
            {
                Assert.That(Layers.Value.Find(read.Application)!.SiteHectares, Is.GreaterThan(0m), file);
            }
        }
    }
}
