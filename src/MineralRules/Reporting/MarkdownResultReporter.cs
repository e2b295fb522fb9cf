using System.Globalization;

namespace MineralRules.Reporting;

/// <summary>Markdown for a pull-request comment: each application that is not compliant with its verdicts, then a summary.</summary>
internal sealed class MarkdownResultReporter(TextWriter output, CultureInfo culture) : IResultReporter
{
    private readonly Dictionary<Decision, int> _decisions = [];
    private readonly bool _zh = ReportWords.IsZh(culture);
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

        output.WriteLine(_zh ? $"### `{application.Source}`：{Title(result.Decision)}" : $"### `{application.Source}`: {Title(result.Decision)}");
        output.WriteLine();
        output.WriteLine(_zh ? $"申请 {Cell(result.Application)}，规则集 {result.RuleSet.Id} {result.RuleSet.Version}。" : $"Application {Cell(result.Application)}, rule set {result.RuleSet.Id} {result.RuleSet.Version}.");
        output.WriteLine();
        output.WriteLine(_zh ? "| 结果 | 条款 | 规则 | 行 | 提示信息 | 补正措施 |" : "| outcome | clause | rule | line | message | remedy |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var verdict in result.Failures.Concat(result.Reviews))
        {
            var location = application.Locate(verdict);
            output.WriteLine($"| {(_zh ? ReportWords.Outcome(verdict.Outcome, _zh) : Codes.Outcome(verdict.Outcome))} | {verdict.Clause.Ref} {Cell(verdict.Clause.Text)} | `{verdict.Rule}` | {Line(location.Line)} | {Cell(verdict.Message?.In(culture) ?? string.Empty)} | {Cell(verdict.Remedy?.In(culture) ?? string.Empty)} |");
        }

        output.WriteLine();
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        _invalid++;
        Head();
        output.WriteLine(_zh ? $"### `{invalid.Source}`：🚫 无效输入（无结论）" : $"### `{invalid.Source}`: 🚫 invalid input (no verdict)");
        output.WriteLine();
        output.WriteLine(_zh ? "| 行 | 列 | 代码 | 信息 |" : "| line | column | code | message |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var diagnostic in invalid.Diagnostics)
        {
            output.WriteLine($"| {Line(diagnostic.Location.Line)} | {Line(diagnostic.Location.Column)} | {diagnostic.Code} | {Cell(diagnostic.MessageIn(culture))} |");
        }

        output.WriteLine();
    }

    public void Complete()
    {
        Head();
        var total = _decisions.Values.Sum();
        output.WriteLine(_zh ? "| 申请 | 符合规划 | 不符合规划 | 需人工复核 | 无效 |" : "| applications | compliant | non-compliant | needs review | invalid |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {total + _invalid} | {_decisions.GetValueOrDefault(Decision.Compliant)} | {_decisions.GetValueOrDefault(Decision.NonCompliant)} | {_decisions.GetValueOrDefault(Decision.NeedsReview)} | {_invalid} |"));
    }

    private void Head()
    {
        if (!_headed)
        {
            output.WriteLine(_zh ? "## MineralRules 检查结果" : "## MineralRules check");
            output.WriteLine();
            _headed = true;
        }
    }

    private static string Line(int line) => line > 0 ? line.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private string Title(Decision decision) => (decision == Decision.NonCompliant ? "❌ " : "⚠️ ") + (_zh ? Applications.ResultVocabularies.Decisions[decision].Zh : Applications.ResultVocabularies.Decisions[decision].En);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
