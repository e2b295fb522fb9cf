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
    private readonly bool _zh = ReportWords.IsZh(culture);
    private int _invalid;

    public void Report(ReportedApplication application)
    {
        var (source, result) = (application.Source, application.Result);
        _decisions[result.Decision] = _decisions.GetValueOrDefault(result.Decision) + 1;
        if (application.OnlyFailures && result.Decision == MineralRules.Decision.Compliant)
        {
            return;
        }

        _summary.Add($"  {ReportWords.Pad(Decision(result.Decision), 14)} {source}");
        var output = _details;
        output.WriteLine(_zh
            ? $"{source}：{Decision(result.Decision)}（{result.Application}；规则集 {result.RuleSet.Id} {result.RuleSet.Version}）"
            : $"{source}: {Decision(result.Decision)}  ({result.Application}; rule set {result.RuleSet.Id} {result.RuleSet.Version})");
        foreach (var verdict in result.Verdicts.Where(v => v.Outcome is Outcome.Fail).Concat(result.Verdicts.Where(v => v.Outcome is Outcome.Review)))
        {
            output.WriteLine($"  {Label(verdict.Outcome)} {verdict.Clause.Ref,-6} {verdict.Rule}");
            output.WriteLine($"         {verdict.Clause.Text}");
            if (verdict.Message is { } message)
            {
                output.WriteLine($"         {message.In(culture)}");
            }

            if (verdict.Remedy is { } remedy)
            {
                output.WriteLine(_zh ? $"         → {ReportWords.Remedy(_zh)}{remedy.In(culture)}" : $"         → {remedy.In(culture)}");
            }
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine($"  {(_zh ? "提示  " : "NOTE  ")} {note.Clause.Ref,-6} {note.Message.In(culture)}");
        }

        var passed = result.Verdicts.Count(v => v.Outcome == Outcome.Pass);
        var notApplicable = result.Verdicts.Count(v => v.Outcome == Outcome.NotApplicable);
        output.WriteLine(_zh ? $"  {passed} 条规则通过，{notApplicable} 条不适用。" : $"  {passed} rule(s) passed, {notApplicable} not applicable.");
        if (includeNotApplicable && !application.OnlyFailures)
        {
            foreach (var verdict in result.Verdicts.Where(v => v.Outcome is Outcome.Pass or Outcome.NotApplicable))
            {
                output.WriteLine($"  {Label(verdict.Outcome)} {verdict.Clause.Ref,-6} {verdict.Rule}");
            }
        }
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        _invalid++;
        _summary.Add($"  {ReportWords.Pad(_zh ? "无效输入" : "INVALID", 14)} {invalid.Source}");
        _details.WriteLine(_zh
            ? $"{invalid.Source}：无效输入（{invalid.Diagnostics.Count} 个错误，见标准错误输出；无结论）"
            : $"{invalid.Source}: INVALID  ({invalid.Diagnostics.Count} error(s), listed on standard error; no verdict)");
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
        return _zh ? Summary(total) : (string.Create(
            CultureInfo.InvariantCulture,
            $"{total} application(s): {_decisions.GetValueOrDefault(MineralRules.Decision.Compliant)} compliant, {_decisions.GetValueOrDefault(MineralRules.Decision.NonCompliant)} non-compliant, {_decisions.GetValueOrDefault(MineralRules.Decision.NeedsReview)} needs review{(_invalid > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {_invalid} invalid file(s)") : string.Empty)}."));
    }

    private string Summary(int total) => string.Create(
        CultureInfo.InvariantCulture,
        $"{total} 个申请：{_decisions.GetValueOrDefault(MineralRules.Decision.Compliant)} 个符合规划，{_decisions.GetValueOrDefault(MineralRules.Decision.NonCompliant)} 个不符合规划，{_decisions.GetValueOrDefault(MineralRules.Decision.NeedsReview)} 个需人工复核{(_invalid > 0 ? string.Create(CultureInfo.InvariantCulture, $"；{_invalid} 个文件无效") : string.Empty)}。");

    private string Decision(Decision decision) => ReportWords.Decision(decision, _zh);

    private string Label(Outcome outcome) => ReportWords.Pad(ReportWords.Outcome(outcome, _zh), 6);
}
