using System.Xml.Linq;

namespace MineralRules.Tests.Cli;

/// <summary><c>mineralrules test --format junit</c>: a testcase per sample, expected against actual.</summary>
public sealed class TestJUnitTests
{
    private static readonly string BelowMinimumCoalMine = Fixtures.CoalMine("J-COAL", 240) + "\n";

    [Test]
    public void TestJUnit_PassFailSkipInvalid_TestcasePerSampleSayingWhatDiffers()
    {
        using var temp = new TempFolder();
        temp.Write("a-good.yaml", BelowMinimumCoalMine + "expect: { decision: non-compliant, fail: [\"5.2.1\"] }\n");
        temp.Write("b-wrong.yaml", BelowMinimumCoalMine + "expect: { decision: compliant, fail: [] }\n");
        temp.Write("c-none.yaml", BelowMinimumCoalMine);
        temp.Write("d-broken.yaml", "id: J-BROKEN\n");

        var (code, output, _) = CliRunner.Run("test", temp.Path, "--format", "junit");
        var suite = XDocument.Parse(output).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        var failure = cases["b-wrong.yaml"].Element("failure")!;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), "an invalid file still makes the run invalid");
            Assert.That(cases.Keys, Is.EqualTo(new[] { "a-good.yaml", "b-wrong.yaml", "c-none.yaml", "d-broken.yaml" }));
            Assert.That(((int)suite.Attribute("tests")!, (int)suite.Attribute("failures")!, (int)suite.Attribute("errors")!, (int)suite.Attribute("skipped")!), Is.EqualTo((4, 1, 1, 1)));
            Assert.That(cases["a-good.yaml"].Element("failure"), Is.Null);
            Assert.That((string)cases["a-good.yaml"].Element("system-out")!, Does.Contain("expected: decision non-compliant, fail [5.2.1]").And.Contain("actual:   decision non-compliant, fail [5.2.1]"));
            Assert.That((string)failure.Attribute("message")!, Does.Contain("decision: expected compliant, got non-compliant").And.Contain("fail: expected [], got [5.2.1] (unexpected 5.2.1)"));
            Assert.That(failure.Value, Does.Contain("expected: decision compliant, fail []").And.Contain("actual:   decision non-compliant, fail [5.2.1]"));
            Assert.That(cases["c-none.yaml"].Element("skipped"), Is.Not.Null);
            Assert.That((string)cases["d-broken.yaml"].Element("error")!.Attribute("message")!, Does.Contain("d-broken.yaml:").And.Contain("error MR"));
        });
    }

    [Test]
    public void TestJUnit_AllPass_ExitZeroNoFailure()
    {
        using var temp = new TempFolder();
        temp.Write("a.yaml", BelowMinimumCoalMine + "expect: { decision: non-compliant, fail: [\"5.2.1\"] }\n");

        var (code, output, _) = CliRunner.Run("test", temp.Path, "--format", "junit");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(XDocument.Parse(output).Descendants("failure"), Is.Empty);
        });
    }
}
