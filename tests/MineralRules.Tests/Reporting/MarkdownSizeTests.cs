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
    public void Markdown_Cut_LeftOutApplicationsNamedOneALine()
    {
        var full = Report(40, int.MaxValue).Length;

        var report = Report(40, full / 2);
        var leftOut = int.Parse(LeftOut.Match(report).Groups[1].Value, CultureInfo.InvariantCulture);
        var named = Regex.Count(report, @"^- ❌ non-compliant <code>m-\d{3}\.yaml</code>$", RegexOptions.Multiline);
        var more = Regex.Match(report, @"^- and (\d+) more$", RegexOptions.Multiline);

        Assert.Multiple(() =>
        {
            Assert.That(report.Length, Is.LessThanOrEqualTo(full / 2));
            Assert.That(leftOut, Is.GreaterThan(0));
            Assert.That(named, Is.GreaterThan(0), report);
            Assert.That(named + (more.Success ? int.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture) : 0), Is.EqualTo(leftOut), "each left out is named or counted");
        });
    }

    [Test]
    public void Markdown_OneSectionOverTheLimit_ShortenedNotDropped()
    {
        var rows = string.Concat(Enumerable.Range(0, 2000).Select(i => string.Create(CultureInfo.InvariantCulture, $"| row {i:D4} |{Environment.NewLine}")));
        MarkdownPart[] parts = [new("❌ <code>big.yaml</code>", $"<details><summary>big</summary>{Environment.NewLine}{rows}", $"{Environment.NewLine}</details>{Environment.NewLine}"), new("⚠️ <code>next.yaml</code>", $"small{Environment.NewLine}", string.Empty)];
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        MarkdownLimit.Write(output, $"## head{Environment.NewLine}", parts, 10_000, (leftOut, count) => string.Create(CultureInfo.InvariantCulture, $"**{leftOut} of {count} application(s) not listed**"));
        var report = output.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(report.Length, Is.LessThanOrEqualTo(10_000));
            Assert.That(report, Does.Contain("<details><summary>big</summary>").And.Contain("| row 0000 |").And.Not.Contain("| row 1999 |"));
            Assert.That(report, Does.Match(@"_… \d+ more line\(s\) not shown"));
            Assert.That(report, Does.Contain($"</details>{Environment.NewLine}**1 of 2 application(s) not listed**"), "the folded section is closed");
            Assert.That(report, Does.EndWith($"- ⚠️ <code>next.yaml</code>{Environment.NewLine}"), "the next is named");
        });
    }

    [Test]
    public void CheckMarkdown_InvalidFilesAndManyApplications_InvalidListedFirst()
    {
        var invalid = Path.Combine(TestPaths.Repository, "samples", "invalid");
        var (_, output, _) = CliRunner.RunWithShippedRules("check", TestPaths.Samples, invalid, "--format", "markdown");
        var firstDetails = output.IndexOf("<details>", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(output.Length, Is.LessThan(60_000));
            Assert.That(output.IndexOf("<details><summary>🚫 invalid input (no verdict) <code>", StringComparison.Ordinal), Is.EqualTo(firstDetails), "invalid files come first");
            Assert.That(output, Does.Contain("processing-figures-without-flag.yaml").And.Contain("unknown-league.yaml"));
            Assert.That(output.IndexOf("⚠️ needs review", StringComparison.Ordinal), Is.GreaterThan(output.IndexOf("❌ non-compliant", StringComparison.Ordinal)).Or.EqualTo(-1));
        });
    }

    [Test]
    public void DiffMarkdown_ManyChanges_UnderSixtyThousandCharactersRulesShortenedSamplesNamed()
    {
        var info = Fixtures.Catalog.RuleSets[0].Info;
        var added = Enumerable.Range(0, 1000).Select(i => new MineralRules.Versioning.RuleEntry(string.Create(CultureInfo.InvariantCulture, $"rule-{i:D4}"), "5.2.1", new string('x', 100))).ToList();
        var samples = new[] { new MineralRules.Versioning.SampleImpact("s.yaml", Decision.NonCompliant, Decision.Compliant, ["5.2.1"], [], [], []) };
        var report = new MineralRules.Versioning.RuleSetDiffReport(info, info, added, [], [], [], samples, 1);
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        DiffReporter.Markdown(report, output, CultureInfo.InvariantCulture);
        var text = output.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text.Length, Is.LessThanOrEqualTo(60_000));
            Assert.That(text, Does.Contain("| added | `rule-0000` |"), "the rules table is shortened, not dropped");
            Assert.That(text, Does.Match(@"_… \d+ more line\(s\) not shown"));
            Assert.That(text, Does.Contain("**1 of 2 part(s) not listed**").And.Contain("- the samples that change"));
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
