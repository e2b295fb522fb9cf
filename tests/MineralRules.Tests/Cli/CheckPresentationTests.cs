using System.Text.Json;
using System.Xml.Linq;
using MineralRules.Cli.Commands;

namespace MineralRules.Tests.Cli;

/// <summary><c>check</c> for people: the summary first, <c>--only failures</c> in every format, the progress bar.</summary>
public sealed class CheckPresentationTests
{
    private static readonly string Compliant = Fixtures.CoalMine("P-OK", 400);
    private static readonly string Failing = Fixtures.CoalMine("P-LOW", 240);

    private static string WriteThree(TempFolder temp)
    {
        temp.Write("a-ok.yaml", Compliant);
        temp.Write("b-low.yaml", Failing);
        temp.Write("c-broken.yaml", "id: P-BROKEN\npermit: mining\n");
        return temp.Path;
    }

    [Test]
    public void CheckText_SeveralApplications_CountsThenEachDecisionThenDetails()
    {
        using var temp = new TempFolder();
        var folder = WriteThree(temp);

        var (code, output, _) = CliRunner.Run("check", folder);
        var lines = output.Split('\n');
        var details = Array.FindIndex(lines, l => l.Contains("b-low.yaml: NON-COMPLIANT", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(lines[0], Is.EqualTo("2 application(s): 1 compliant, 1 non-compliant, 0 needs review; 1 invalid file(s)."));
            Assert.That(lines[1], Does.Match(@"^  COMPLIANT\s+.*a-ok\.yaml$"));
            Assert.That(lines[2], Does.Match(@"^  NON-COMPLIANT\s+.*b-low\.yaml$"));
            Assert.That(lines[3], Does.Match(@"^  INVALID\s+.*c-broken\.yaml$"));
            Assert.That(details, Is.GreaterThan(3), "the details follow the summary");
            Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo(lines[0]), "the counts close the report too");
        });
    }

    [Test]
    public void CheckText_OnlyFailures_CompliantCountedNotListed()
    {
        using var temp = new TempFolder();
        var folder = WriteThree(temp);

        var (_, output, _) = CliRunner.Run("check", folder, "--only", "failures", "--include-not-applicable");

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.StartWith("2 application(s): 1 compliant, 1 non-compliant"));
            Assert.That(output, Does.Not.Contain("a-ok.yaml"));
            Assert.That(output, Does.Contain("b-low.yaml: NON-COMPLIANT").And.Contain("c-broken.yaml"));
            Assert.That(output, Does.Not.Contain("  PASS "), "pass verdicts are not listed even with --include-not-applicable");
            Assert.That(output, Does.Contain("FAIL   5.2.1"));
        });
    }

    [Test]
    public void CheckJson_OnlyFailures_FailingResultsWithFailAndReviewVerdictsCountsWhole()
    {
        using var temp = new TempFolder();
        temp.Write("a-ok.yaml", Compliant);
        temp.Write("b-low.yaml", Failing);

        var (code, output, _) = CliRunner.Run("check", temp.Path, "--format", "json", "--only", "failures");
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().ToList();
        var outcomes = results[0].GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("outcome").GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(results.Select(r => r.GetProperty("application").GetString()), Is.EqualTo(new[] { "P-LOW" }));
            Assert.That(outcomes, Is.Not.Empty.And.All.Matches<string>(o => o is "fail" or "review"));
            Assert.That(results[0].GetProperty("counts").GetProperty("pass").GetInt32(), Is.GreaterThan(0), "the counts still count every verdict");
        });
    }

    [Test]
    public void CheckJUnit_OnlyFailures_NoSuiteForCompliantNoPassingTestcase()
    {
        using var temp = new TempFolder();
        temp.Write("a-ok.yaml", Compliant);
        temp.Write("b-low.yaml", Failing);

        var (_, output, _) = CliRunner.Run("check", temp.Path, "--format", "junit", "--only", "failures");
        var suites = XDocument.Parse(output).Root!.Elements("testsuite").ToList();
        var cases = suites.SelectMany(s => s.Elements("testcase")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(suites, Has.Count.EqualTo(1));
            Assert.That((string)suites[0].Attribute("name")!, Does.EndWith("b-low.yaml"));
            Assert.That(cases, Is.Not.Empty.And.All.Matches<XElement>(c => c.Element("failure") is not null));
            Assert.That((int)suites[0].Attribute("tests")!, Is.EqualTo(cases.Count));
        });
    }

    [Test]
    public void Check_OnlyUnknownWord_ExitTwo()
    {
        var (code, _, error) = CliRunner.Run("check", TestPaths.Samples, "--only", "passes");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("passes"));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Check_ProgressBarOnlyWhenErrorIsATerminal(bool errorIsTerminal)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new CheckCommand.CheckSettings(ErrorIsTerminal: errorIsTerminal, ProgressDelay: TimeSpan.Zero);

        CheckCommand.Run([TestPaths.Samples + "/5.2.1"], "json", null, null, System.Globalization.CultureInfo.InvariantCulture, false, output, error, settings);

        Assert.That(error.ToString(), errorIsTerminal ? Does.Contain(" files") : Is.Empty);
    }

    [Test]
    public void Progress_Terminal_DrawsBarThenWipesIt()
    {
        using var error = new StringWriter();
        var progress = new Progress(error, 4, errorIsTerminal: true, delay: TimeSpan.Zero);

        progress.Advance();
        var drawn = error.ToString();
        progress.Clear();

        Assert.Multiple(() =>
        {
            Assert.That(drawn, Is.EqualTo("\r[#######.......................] 1/4 files"));
            Assert.That(error.ToString(), Does.EndWith("\r" + new string(' ', drawn.Length - 1) + "\r"));
        });
    }

    [Test]
    public void Progress_NotATerminalOrShortRun_DrawsNothing()
    {
        using var error = new StringWriter();
        var piped = new Progress(error, 4, errorIsTerminal: false, delay: TimeSpan.Zero);
        var quick = new Progress(error, 4, errorIsTerminal: true);

        piped.Advance();
        quick.Advance();
        piped.Clear();
        quick.Clear();

        Assert.That(error.ToString(), Is.Empty);
    }
}
