using System.Globalization;
using System.Runtime.CompilerServices;

namespace MineralRules.Reporting;

/// <summary>
/// The report formats of <c>mineralrules check --format</c>, for hosts to produce the same files (docs/results.md).
/// Each reporter writes to <c>output</c> as results come and is closed by <see cref="IResultReporter.Complete"/>;
/// messages are in <c>culture</c>'s language (a <c>zh</c> culture for Chinese, otherwise English), and numbers and
/// dates are written culture-invariantly. A reporter is used from one thread.
/// </summary>
public static class ResultReporters
{
    /// <summary>For people: per application the decision first, then what fails and what needs review, with the clause; a summary line.</summary>
    /// <param name="output">Where the report goes; not closed.</param>
    /// <param name="culture">The language of messages.</param>
    /// <param name="includeNotApplicable">Also list the rules that pass or do not apply.</param>
    /// <returns>The reporter.</returns>
    public static IResultReporter Text(TextWriter output, CultureInfo culture, bool includeNotApplicable = false) =>
        new TextResultReporter(Check(output), Check(culture), includeNotApplicable);

    /// <summary>The contract's JSON: always an array, one result object per application (<see cref="ResultJson"/>).</summary>
    /// <param name="output">Where the report goes; not closed.</param>
    /// <param name="culture">The language of <c>message</c> fields.</param>
    /// <param name="includeNotApplicable">Also list the verdicts of rules that do not apply.</param>
    /// <returns>The reporter.</returns>
    public static IResultReporter Json(TextWriter output, CultureInfo culture, bool includeNotApplicable = false) =>
        new JsonResultReporter(Check(output), Check(culture), includeNotApplicable);

    /// <summary>
    /// JUnit XML: a test suite per application holding a <c>decision</c> test case and one per applicable rule; fail and
    /// review verdicts are failures carrying the clause, the message and the line.
    /// </summary>
    /// <param name="output">Where the report goes; not closed.</param>
    /// <param name="culture">The language of messages.</param>
    /// <returns>The reporter.</returns>
    public static IResultReporter JUnit(TextWriter output, CultureInfo culture) => new JUnitResultReporter(Check(output), Check(culture));

    /// <summary>SARIF 2.1.0 for code-scanning services: a result per fail (error) or review (warning) verdict, at its line; the tool is named <c>mineralrules</c>.</summary>
    /// <param name="output">Where the report goes; not closed.</param>
    /// <param name="culture">The language of messages.</param>
    /// <returns>The reporter.</returns>
    public static IResultReporter Sarif(TextWriter output, CultureInfo culture) => new SarifResultReporter(Check(output), Check(culture));

    /// <summary>Markdown for a pull-request comment: each application that is not compliant with its verdicts, then a summary table.</summary>
    /// <param name="output">Where the report goes; not closed.</param>
    /// <param name="culture">The language of messages.</param>
    /// <returns>The reporter.</returns>
    public static IResultReporter Markdown(TextWriter output, CultureInfo culture) => new MarkdownResultReporter(Check(output), Check(culture));

    /// <summary>
    /// Reports fail and review verdicts only (<c>check --only failures</c>): each application reaches
    /// <paramref name="reporter"/> marked <see cref="ReportedApplication.OnlyFailures"/>, so a compliant application is
    /// counted in the summary but not listed, and pass and not-applicable verdicts are not listed. Invalid files are
    /// always reported.
    /// </summary>
    /// <param name="reporter">The reporter of the format asked for.</param>
    /// <returns>The reporter, reporting failures only.</returns>
    public static IResultReporter OnlyFailures(IResultReporter reporter) => new OnlyFailuresReporter(Check(reporter));

    private sealed class OnlyFailuresReporter(IResultReporter reporter) : IResultReporter
    {
        public void Report(ReportedApplication application) => reporter.Report(Check(application).WithOnlyFailures());

        public void ReportInvalid(InvalidApplication invalid) => reporter.ReportInvalid(invalid);

        public void Complete() => reporter.Complete();

        public bool WritesAtCompletion => reporter.WritesAtCompletion;
    }

    private static T Check<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }
}
