namespace MineralRules.Tests.Applications;

/// <summary>
/// A sample file's <c>expect</c> block is document metadata, not part of the application: the reader accepts and
/// checks it and returns it beside the application (<see cref="ApplicationReadResult.Expect"/>).
/// </summary>
public sealed class SampleExpectationTests
{
    private static readonly string CoalMine = Fixtures.CoalMine("E-COAL", 240) + "\n";

    [Test]
    public void Read_DocumentWithExpectBlock_ExpectBesideTheApplication()
    {
        var read = ApplicationReader.Read(CoalMine + "expect: { decision: non-compliant, fail: [\"5.2.1\"] }\n", "sample.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(read.Diagnostics, Is.Empty);
            Assert.That(read.Expect!.Decision, Is.EqualTo(Decision.NonCompliant));
            Assert.That(read.Expect.Fail, Is.EqualTo(new[] { "5.2.1" }));
            Assert.That(read.Expect.Review, Is.Empty);
            Assert.That(read.LineOf("expect"), Is.EqualTo(18));
            Assert.That(read.Expect.Differences(Fixtures.Catalog.Evaluate(read.Application!)), Is.Empty);
        });
    }

    [Test]
    public void Read_DocumentWithoutExpectBlock_NoExpect() =>
        Assert.That(ApplicationReader.Read(CoalMine, "application.yaml").Expect, Is.Null);

    [Test]
    public void Read_MisspeltExpectKey_SuggestedAndListedLastAmongTheAllowedKeys()
    {
        var read = ApplicationReader.Read(CoalMine + "expekt: { decision: compliant }\n", "sample.yaml");

        Assert.That(read.Diagnostics.Single().Message, Does.Contain("Unknown key 'expekt' in the application. Did you mean 'expect'?").And.EndWith(", exemptions, expect."));
    }

    [Test]
    public void Differences_OtherDecisionAndClauses_OneLineEach()
    {
        var read = ApplicationReader.Read(CoalMine + "expect: { decision: compliant, review: [\"5.1.1\"] }\n", "sample.yaml");

        var differences = read.Expect!.Differences(Fixtures.Catalog.Evaluate(read.Application!));

        Assert.That(differences, Is.EqualTo(new[]
        {
            "decision: expected compliant, got non-compliant",
            "fail: expected [], got [5.2.1] (unexpected 5.2.1)",
            "review: expected [5.1.1], got [] (missing 5.1.1)",
        }));
    }
}
