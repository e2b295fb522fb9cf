using System.Globalization;
using System.Text.RegularExpressions;
using MineralRules.Reporting;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Reporting;

/// <summary>
/// <c>check --format markdown</c> stays under 60,000 characters however many applications there are (a pull-request
/// comment): the summary first, details folded, and details cut with a line saying how many were left out.
/// </summary>
public sealed class MarkdownSizeTests
{
    private static readonly Regex LeftOut = new(@"^\*\*(\d+) of (\d+) application\(s\) not listed\*\*", RegexOptions.Multiline);

    /// <summary>Reports <paramref name="count"/> failing applications with a length limit; returns the report.</summary>
    private static string Report(int count, int maxLength)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var reporter = new MarkdownResultReporter(output, CultureInfo.InvariantCulture, maxLength);
        for (var i = 0; i < count; i++)
        {
            var yaml = Fixtures.CoalMine(string.Create(CultureInfo.InvariantCulture, $"M-{i:D3}"), 240);
            var read = ApplicationReader.Read(yaml, $"m-{i:D3}.yaml");
            var ruleSet = Fixtures.Catalog.InForceOn(read.Application!.ApplicationDate)!;
            reporter.Report(new ReportedApplication($"m-{i:D3}.yaml", ruleSet.Evaluate(read.Application), read, ruleSet));
        }

        reporter.Complete();
        return output.ToString();
    }

    [Test]
    public void Markdown_ExactlyAtLimit_EverythingListed()
    {
        var full = Report(5, int.MaxValue).Length;

        var report = Report(5, full);

        Assert.Multiple(() =>
        {
            Assert.That(report, Has.Length.EqualTo(full));
            Assert.That(LeftOut.IsMatch(report), Is.False);
            Assert.That(Regex.Count(report, "<details>"), Is.EqualTo(5));
        });
    }

    [Test]
    public void Markdown_BelowLimit_EverythingListed()
    {
        var full = Report(5, int.MaxValue).Length;

        var report = Report(5, full + 1);

        Assert.Multiple(() =>
        {
            Assert.That(report, Has.Length.EqualTo(full));
            Assert.That(LeftOut.IsMatch(report), Is.False);
        });
    }

    [Test]
    public void Markdown_OneCharacterOverLimit_DetailsCutWithCountAndHowToGetAll()
    {
        var full = Report(5, int.MaxValue).Length;

        var report = Report(5, full - 1);
        var match = LeftOut.Match(report);
        var listed = Regex.Count(report, "<details>");

        Assert.Multiple(() =>
        {
            Assert.That(report.Length, Is.LessThanOrEqualTo(full - 1));
            Assert.That(match.Success, Is.True, report);
            Assert.That(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + listed, Is.EqualTo(5), "every application is listed or counted as left out");
            Assert.That(match.Groups[2].Value, Is.EqualTo("5"));
            Assert.That(report, Does.Contain("--format text"));
            Assert.That(report, Does.StartWith("## MineralRules check").And.Contain("| 5 | 0 | 5 | 0 | 0 |"), "the summary counts them all");
        });
    }

    [Test]
    public void CheckMarkdown_EveryShippedSample_UnderSixtyThousandCharacters()
    {
        var (_, output, _) = CliRunner.RunWithShippedRules("check", TestPaths.Samples, "--format", "markdown");
        var total = Directory.EnumerateFiles(TestPaths.Samples, "*.yaml", SearchOption.AllDirectories).Count();

        Assert.Multiple(() =>
        {
            Assert.That(output.Length, Is.LessThan(60_000));
            Assert.That(output, Does.StartWith("## MineralRules check"));
            Assert.That(LeftOut.IsMatch(output), Is.True, "361 samples do not fit: the rest are counted");
            Assert.That(output, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"| {total} |")));
        });
    }
}
