namespace MineralRules.Tests.Cli;

public sealed class TestCommandTests
{
    private static readonly string BelowMinimumCoalMine = Fixtures.CoalMine("T-COAL", 240) + "\n";

    [Test]
    public void Test_ExpectationsMet_ReportsAllPassedExit0()
    {
        using var temp = new TempFolder();
        temp.Write("a.yaml", BelowMinimumCoalMine + "expect: { decision: non-compliant, fail: [\"5.2.1\"], review: [] }\n");
        temp.Write("b.yaml", BelowMinimumCoalMine.Replace("value: 240", "value: 300", StringComparison.Ordinal) + "expect: { decision: compliant }\n");

        var (code, output, _) = CliRunner.Run("test", temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("2 passed, 0 failed"));
        });
    }

    [Test]
    public void Test_WrongExpectation_NamesSampleAndDifferenceExit1()
    {
        using var temp = new TempFolder();
        temp.Write("good.yaml", BelowMinimumCoalMine + "expect: { decision: non-compliant, fail: [\"5.2.1\"] }\n");
        temp.Write("wrong.yaml", BelowMinimumCoalMine + "expect: { decision: compliant, fail: [] }\n");

        var (code, output, _) = CliRunner.Run("test", temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("FAILED ").And.Contain("wrong.yaml"));
            Assert.That(output, Does.Not.Contain("good.yaml"));
            Assert.That(output, Does.Contain("decision: expected compliant, got non-compliant"));
            Assert.That(output, Does.Contain("fail: expected [], got [5.2.1] (unexpected 5.2.1)"));
            Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("1 passed, 1 failed"));
        });
    }

    [Test]
    public void Test_InvalidSample_Exit2()
    {
        using var temp = new TempFolder();
        temp.Write("bad.yaml", BelowMinimumCoalMine.Replace("mineral: coal", "mineral: coall", StringComparison.Ordinal) + "expect: { decision: compliant }\n");

        var (code, _, error) = CliRunner.Run("test", temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("bad.yaml:5:"));
        });
    }
}
