using System.Globalization;

namespace MineralRules.Reporting;

/// <summary>
/// For people: the summary first — the counts and each application's decision — then per application the decision,
/// what fails and what needs review, with the clause. The details are held (as text) until <see cref="Complete"/>, the
/// one place the summary is known.
/// </summary>
internal sealed class TextResultReporter(TextWriter destination, CultureInfo culture, bool includeNotApplicable) : IResultReporter
{
    private readonly Dictionary<Decision, int> _decisions = [];
    private readonly StringWriter _details = new(CultureInfo.InvariantCulture);
    private readonly List<string> _summary = [];
    private int _invalid;

    public void Report(ReportedApplication application)
    {
        var (source, result) = (application.Source, application.Result);
        _decisions[result.Decision] = _decisions.GetValueOrDefault(result.Decision) + 1;
        if (application.OnlyFailures && result.Decision == MineralRules.Decision.Compliant)
        {
            return;
        }

        _summary.Add($"  {Decision(result.Decision),-14} {source}");
        var output = _details;
        output.WriteLine($"{source}: {Decision(result.Decision)}  ({result.Application}; rule set {result.RuleSet.Id} {result.RuleSet.Version})");
        foreach (var verdict in result.Verdicts.Where(v => v.Outcome is Outcome.Fail).Concat(result.Verdicts.Where(v => v.Outcome is Outcome.Review)))
        {
            output.WriteLine($"  {Label(verdict.Outcome),-6} {verdict.Clause.Ref,-6} {verdict.Rule}");
            output.WriteLine($"         {verdict.Clause.Text}");
            if (verdict.Message is { } message)
            {
                output.WriteLine($"         {message.In(culture)}");
            }

            if (verdict.Remedy is { } remedy)
            {
                output.WriteLine($"         → {remedy.In(culture)}");
            }
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine($"  NOTE   {note.Clause.Ref,-6} {note.Message.In(culture)}");
        }

        var passed = result.Verdicts.Count(v => v.Outcome == Outcome.Pass);
        var notApplicable = result.Verdicts.Count(v => v.Outcome == Outcome.NotApplicable);
        output.WriteLine($"  {passed} rule(s) passed, {notApplicable} not applicable.");
        if (includeNotApplicable && !application.OnlyFailures)
        {
            foreach (var verdict in result.Verdicts.Where(v => v.Outcome is Outcome.Pass or Outcome.NotApplicable))
            {
                output.WriteLine($"  {Label(verdict.Outcome),-6} {verdict.Clause.Ref,-6} {verdict.Rule}");
            }
        }
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        _invalid++;
        _summary.Add($"  {"INVALID",-14} {invalid.Source}");
        _details.WriteLine($"{invalid.Source}: INVALID  ({invalid.Diagnostics.Count} error(s), listed on standard error; no verdict)");
    }

    public bool WritesAtCompletion => true;

    public void Complete()
    {
        var output = destination;
        output.WriteLine(Counts());
        foreach (var line in _summary)
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        output.Write(_details.ToString());
        output.WriteLine();
        output.WriteLine(Counts());
    }

    private string Counts()
    {
        var total = _decisions.Values.Sum();
        return (string.Create(
            CultureInfo.InvariantCulture,
            $"{total} application(s): {_decisions.GetValueOrDefault(MineralRules.Decision.Compliant)} compliant, {_decisions.GetValueOrDefault(MineralRules.Decision.NonCompliant)} non-compliant, {_decisions.GetValueOrDefault(MineralRules.Decision.NeedsReview)} needs review{(_invalid > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {_invalid} invalid file(s)") : string.Empty)}."));
    }

    private static string Decision(Decision decision) => Applications.ResultVocabularies.Decisions.Label(decision);

    private static string Label(Outcome outcome) => Applications.ResultVocabularies.Outcomes.Label(outcome);
}
