using System.Globalization;

namespace MineralRules.Reporting;

/// <summary>
/// Markdown for a pull-request comment: the summary first (the counts), then each application that is not compliant,
/// folded (<c>&lt;details&gt;</c>) with its verdicts: invalid files first, then non-compliant, then needs review. The whole
/// report stays within <see cref="MarkdownLimit.MaxLength"/> characters however many applications there are (a comment
/// host refuses longer ones), cut as <see cref="MarkdownLimit"/> cuts: details that do not fit are left out and named,
/// and a line says how many and how to get the full report. Each application's section is formed as it comes and
/// written at <see cref="Complete"/>, the one place the summary is known.
/// </summary>
internal sealed class MarkdownResultReporter(TextWriter output, CultureInfo culture, int maxLength = MarkdownLimit.MaxLength) : IResultReporter
{
    /// <summary>Closes a folded section: a blank line, the closing tag, a blank line.</summary>
    private static readonly string Closing = $"{Environment.NewLine}</details>{Environment.NewLine}{Environment.NewLine}";

    private readonly Dictionary<Decision, int> _decisions = [];
    private readonly List<(int Rank, MarkdownPart Part)> _sections = [];
    private readonly bool _zh = ReportWords.IsZh(culture);
    private int _invalid;

    public void Report(ReportedApplication application)
    {
        var result = application.Result;
        _decisions[result.Decision] = _decisions.GetValueOrDefault(result.Decision) + 1;
        if (result.Decision == Decision.Compliant)
        {
            return;
        }

        using var section = new StringWriter(CultureInfo.InvariantCulture);
        var title = $"{Title(result.Decision)} <code>{Html(application.Source)}</code>";
        section.WriteLine($"<details><summary>{title}</summary>");
        section.WriteLine();
        section.WriteLine(_zh ? $"申请 {Cell(result.Application)}，规则集 {result.RuleSet.Id} {result.RuleSet.Version}。" : $"Application {Cell(result.Application)}, rule set {result.RuleSet.Id} {result.RuleSet.Version}.");
        section.WriteLine();
        section.WriteLine(_zh ? "| 结果 | 条款 | 规则 | 行 | 提示信息 | 补正措施 |" : "| outcome | clause | rule | line | message | remedy |");
        section.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var verdict in result.Failures.Concat(result.Reviews))
        {
            var location = application.Locate(verdict);
            section.WriteLine($"| {(_zh ? ReportWords.Outcome(verdict.Outcome, _zh) : Codes.Outcome(verdict.Outcome))} | {verdict.Clause.Ref} {Cell(verdict.Clause.Text)} | `{verdict.Rule}` | {Line(location.Line)} | {Cell(verdict.Message?.In(culture) ?? string.Empty)} | {Cell(verdict.Remedy?.In(culture) ?? string.Empty)} |");
        }

        _sections.Add((result.Decision == Decision.NonCompliant ? 1 : 2, new MarkdownPart(title, section.ToString(), Closing)));
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        _invalid++;
        using var section = new StringWriter(CultureInfo.InvariantCulture);
        var title = _zh ? $"🚫 无效输入（无结论） <code>{Html(invalid.Source)}</code>" : $"🚫 invalid input (no verdict) <code>{Html(invalid.Source)}</code>";
        section.WriteLine($"<details><summary>{title}</summary>");
        section.WriteLine();
        section.WriteLine(_zh ? "| 行 | 列 | 代码 | 信息 |" : "| line | column | code | message |");
        section.WriteLine("| --- | --- | --- | --- |");
        foreach (var diagnostic in invalid.Diagnostics)
        {
            section.WriteLine($"| {Line(diagnostic.Location.Line)} | {Line(diagnostic.Location.Column)} | {diagnostic.Code} | {Cell(diagnostic.MessageIn(culture))} |");
        }

        _sections.Add((0, new MarkdownPart(title, section.ToString(), Closing)));
    }

    public bool WritesAtCompletion => true;

    public void Complete()
    {
        using var head = new StringWriter(CultureInfo.InvariantCulture);
        var total = _decisions.Values.Sum();
        head.WriteLine(_zh ? "## MineralRules 检查结果" : "## MineralRules check");
        head.WriteLine();
        head.WriteLine(_zh ? "| 申请 | 符合规划 | 不符合规划 | 需人工复核 | 无效 |" : "| applications | compliant | non-compliant | needs review | invalid |");
        head.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        head.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {total + _invalid} | {_decisions.GetValueOrDefault(Decision.Compliant)} | {_decisions.GetValueOrDefault(Decision.NonCompliant)} | {_decisions.GetValueOrDefault(Decision.NeedsReview)} | {_invalid} |"));
        head.WriteLine();

        // The most serious first: invalid files, non-compliant, needs review (each in the order checked).
        MarkdownLimit.Write(output, head.ToString(), [.. _sections.OrderBy(s => s.Rank).Select(s => s.Part)], maxLength, (leftOut, count) => _zh
            ? string.Create(CultureInfo.InvariantCulture, $"**{count} 个申请中有 {leftOut} 个未列出**，以使本评论不超过 {maxLength:N0} 个字符；上方的统计数包括它们。要查看每个申请，请以 `--format text`（或 `json`、`junit`）运行同一条 `mineralrules check`。未列出的申请：")
            : string.Create(CultureInfo.InvariantCulture, $"**{leftOut} of {count} application(s) not listed** to keep this comment under {maxLength:N0} characters; the counts above include them. For every application, run the same `mineralrules check` with `--format text` (or `json`, `junit`). Not listed:"), _zh);
    }

    private static string Line(int line) => line > 0 ? line.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private string Title(Decision decision) => (decision == Decision.NonCompliant ? "❌ " : "⚠️ ") + (_zh ? Applications.ResultVocabularies.Decisions[decision].Zh : Applications.ResultVocabularies.Decisions[decision].En);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
