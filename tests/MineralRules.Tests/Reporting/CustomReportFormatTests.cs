using System.Globalization;
using MineralRules.Reporting;

namespace MineralRules.Tests.Reporting;

/// <summary>
/// A host adds a report format of its own with the public API only (docs/architecture.md, "Add a report format"):
/// <see cref="CsvResultReporter"/> below implements <see cref="IResultReporter"/>, and the host drives it the way
/// <c>mineralrules check</c> drives the shipped formats — read, select the rule set, evaluate, report, complete.
/// </summary>
public sealed class CustomReportFormatTests
{
    // Fails 5.2.1 (240 < 300, capacity on line 7) and needs review on 5.1.1 (toxic content not stated, coal on line 17).
    private static readonly string CoalMine = Fixtures.CoalMine("CSV-COAL", 240).Replace("coal: { rank: thermal, toxicSubstancesExceedStandard: false }", "coal: { rank: thermal }", StringComparison.Ordinal);

    [Test]
    public void CsvReporter_CheckedAndInvalidFiles_OneLinePerVerdictAtItsLineAndOnePerInvalidFile()
    {
        using var output = new StringWriter();
        var reporter = new CsvResultReporter(output);

        Check(reporter, "a.yaml", CoalMine);
        Check(reporter, "ok.yaml", Fixtures.CompliantCoalMine);
        Check(reporter, "bad.yaml", Fixtures.CompliantCoalMine.Replace("mineral: coal", "mineral: coall", StringComparison.Ordinal));
        reporter.Complete();

        Assert.That(output.ToString().ReplaceLineEndings("\n"), Is.EqualTo("""
            source,line,clause,rule,outcome
            a.yaml,7,5.2.1,coal.new-underground.min-capacity,fail
            a.yaml,17,5.1.1,coal.toxic-substances.prohibited,review
            bad.yaml,5,,,invalid MR1008
            3 application(s)

            """));
    }

    [Test]
    public void ReportedApplication_RuleSetOtherThanTheResults_Refused()
    {
        var read = ApplicationReader.Read(CoalMine, "a.yaml");
        var result = Fixtures.Catalog.Evaluate(read.Application!);
        var other = Fixtures.Shipped.RuleSets[^1];

        Assert.That(() => new ReportedApplication("a.yaml", result, read, other), Throws.ArgumentException.With.Property("ParamName").EqualTo("ruleSet"));
    }

    [Test]
    public void ReportedApplication_NotReadFromAFile_VerdictsPointAtTheSource()
    {
        var result = Fixtures.Evaluate(CoalMine);
        var reported = new ReportedApplication("request 42", result);

        Assert.That(reported.Locate(result.Failures.First()), Is.EqualTo(SourceLocation.File("request 42")));
    }

    /// <summary>What a host does per file, as <c>mineralrules check</c> does: a result, or the file as invalid input.</summary>
    private static void Check(IResultReporter reporter, string source, string yaml)
    {
        var read = ApplicationReader.Read(yaml, source);
        if (read.Application is not { } application)
        {
            reporter.ReportInvalid(new InvalidApplication(source, read.Diagnostics));
            return;
        }

        var ruleSet = Fixtures.Catalog.InForceOn(application.ApplicationDate)!;
        reporter.Report(new ReportedApplication(source, ruleSet.Evaluate(application), read, ruleSet));
    }

    /// <summary>
    /// A report format of the host's own, written with public types only: a CSV line per fail or review verdict, at the
    /// line of the application file it points to, a line per invalid file, and a count at the end.
    /// </summary>
    private sealed class CsvResultReporter : IResultReporter
    {
        private readonly TextWriter _output;
        private int _count;

        public CsvResultReporter(TextWriter output)
        {
            _output = output;
            _output.WriteLine("source,line,clause,rule,outcome");
        }

        public void Report(ReportedApplication application)
        {
            _count++;
            foreach (var verdict in application.Result.Failures.Concat(application.Result.Reviews))
            {
                var line = application.Locate(verdict).Line.ToString(CultureInfo.InvariantCulture);
                _output.WriteLine(string.Join(',', Cell(application.Source), line, verdict.Clause.Ref, verdict.Rule, verdict.Outcome == Outcome.Fail ? "fail" : "review"));
            }
        }

        public void ReportInvalid(InvalidApplication invalid)
        {
            _count++;
            var line = invalid.Line.ToString(CultureInfo.InvariantCulture);
            _output.WriteLine(string.Join(',', Cell(invalid.Source), line, string.Empty, string.Empty, $"invalid {invalid.Diagnostics[0].Code}"));
        }

        public void Complete() => _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_count} application(s)"));

        private static string Cell(string text) =>
            text.AsSpan().IndexOfAny(",\"\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
