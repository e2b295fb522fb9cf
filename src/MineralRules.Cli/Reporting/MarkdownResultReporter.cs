using System.Globalization;

namespace MineralRules.Cli.Reporting;

/// <summary>Markdown for a pull-request comment: each application that is not compliant with its verdicts, then a summary.</summary>
internal sealed class MarkdownResultReporter(TextWriter output, CultureInfo culture) : IResultReporter
{
    private readonly Dictionary<Decision, int> _decisions = [];
    private bool _headed;

    public void Report(ReportedApplication application)
    {
        var result = application.Result;
        _decisions[result.Decision] = _decisions.GetValueOrDefault(result.Decision) + 1;
        if (!_headed)
        {
            output.WriteLine("## MineralRules check");
            output.WriteLine();
            _headed = true;
        }

        if (result.Decision == Decision.Compliant)
        {
            return;
        }

        output.WriteLine($"### `{application.Source}`: {Title(result.Decision)}");
        output.WriteLine();
        output.WriteLine($"Application {Cell(result.Application)}, rule set {result.RuleSet.Id} {result.RuleSet.Version}.");
        output.WriteLine();
        output.WriteLine("| outcome | clause | rule | line | message |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var verdict in result.Failures.Concat(result.Reviews))
        {
            var location = application.Locate(verdict);
            output.WriteLine($"| {Codes.Outcome(verdict.Outcome)} | {verdict.Clause.Ref} {Cell(verdict.Clause.Text)} | `{verdict.Rule}` | {(location.Line > 0 ? location.Line.ToString(CultureInfo.InvariantCulture) : string.Empty)} | {Cell(verdict.Message?.In(culture) ?? string.Empty)} |");
        }

        output.WriteLine();
    }

    public void Complete()
    {
        if (!_headed)
        {
            output.WriteLine("## MineralRules check");
            output.WriteLine();
        }

        var total = _decisions.Values.Sum();
        output.WriteLine("| applications | compliant | non-compliant | needs review |");
        output.WriteLine("| ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {total} | {_decisions.GetValueOrDefault(Decision.Compliant)} | {_decisions.GetValueOrDefault(Decision.NonCompliant)} | {_decisions.GetValueOrDefault(Decision.NeedsReview)} |"));
    }

    private static string Title(Decision decision) => decision == Decision.NonCompliant ? "❌ non-compliant" : "⚠️ needs review";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
