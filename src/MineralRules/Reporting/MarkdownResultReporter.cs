using System.Globalization;

namespace MineralRules.Reporting;

/// <summary>Markdown for a pull-request comment: each application that is not compliant with its verdicts, then a summary.</summary>
internal sealed class MarkdownResultReporter(TextWriter output, CultureInfo culture) : IResultReporter
{
    private readonly Dictionary<Decision, int> _decisions = [];
    private int _invalid;
    private bool _headed;

    public void Report(ReportedApplication application)
    {
        var result = application.Result;
        _decisions[result.Decision] = _decisions.GetValueOrDefault(result.Decision) + 1;
        Head();

        if (result.Decision == Decision.Compliant)
        {
            return;
        }

        output.WriteLine($"### `{application.Source}`: {Title(result.Decision)}");
        output.WriteLine();
        output.WriteLine($"Application {Cell(result.Application)}, rule set {result.RuleSet.Id} {result.RuleSet.Version}.");
        output.WriteLine();
        output.WriteLine("| outcome | clause | rule | line | message | remedy |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var verdict in result.Failures.Concat(result.Reviews))
        {
            var location = application.Locate(verdict);
            output.WriteLine($"| {Codes.Outcome(verdict.Outcome)} | {verdict.Clause.Ref} {Cell(verdict.Clause.Text)} | `{verdict.Rule}` | {Line(location.Line)} | {Cell(verdict.Message?.In(culture) ?? string.Empty)} | {Cell(verdict.Remedy?.In(culture) ?? string.Empty)} |");
        }

        output.WriteLine();
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        _invalid++;
        Head();
        output.WriteLine($"### `{invalid.Source}`: 🚫 invalid input (no verdict)");
        output.WriteLine();
        output.WriteLine("| line | column | code | message |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var diagnostic in invalid.Diagnostics)
        {
            output.WriteLine($"| {Line(diagnostic.Location.Line)} | {Line(diagnostic.Location.Column)} | {diagnostic.Code} | {Cell(diagnostic.Message)} |");
        }

        output.WriteLine();
    }

    public void Complete()
    {
        Head();
        var total = _decisions.Values.Sum();
        output.WriteLine("| applications | compliant | non-compliant | needs review | invalid |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {total + _invalid} | {_decisions.GetValueOrDefault(Decision.Compliant)} | {_decisions.GetValueOrDefault(Decision.NonCompliant)} | {_decisions.GetValueOrDefault(Decision.NeedsReview)} | {_invalid} |"));
    }

    private void Head()
    {
        if (!_headed)
        {
            output.WriteLine("## MineralRules check");
            output.WriteLine();
            _headed = true;
        }
    }

    private static string Line(int line) => line > 0 ? line.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Title(Decision decision) => (decision == Decision.NonCompliant ? "❌ " : "⚠️ ") + Applications.ResultVocabularies.Decisions[decision].En;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
