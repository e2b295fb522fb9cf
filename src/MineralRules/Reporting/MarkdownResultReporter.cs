using System.Globalization;

namespace MineralRules.Reporting;

/// <summary>
/// Markdown for a pull-request comment: the summary first (the counts), then each application that is not compliant,
/// folded (<c>&lt;details&gt;</c>) with its verdicts. The whole report stays within <see cref="MaxLength"/> characters
/// however many applications there are (a comment host refuses longer ones): details that do not fit are left out, and
/// a line says how many and how to get the full report. Each application's section is formed as it comes and written at
/// <see cref="Complete"/>, the one place the summary is known.
/// </summary>
internal sealed class MarkdownResultReporter(TextWriter output, CultureInfo culture, int maxLength = MarkdownResultReporter.MaxLength) : IResultReporter
{
    /// <summary>The longest report, in characters (UTF-16 code units, as written): under GitHub's 65,536 for a comment.</summary>
    public const int MaxLength = 60_000;

    /// <summary>Room kept for the line saying what was left out.</summary>
    private const int Reserve = 400;

    private readonly Dictionary<Decision, int> _decisions = [];
    private readonly List<string> _sections = [];
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
        section.WriteLine($"<details><summary>{Title(result.Decision)} <code>{Html(application.Source)}</code></summary>");
        section.WriteLine();
        section.WriteLine($"Application {Cell(result.Application)}, rule set {result.RuleSet.Id} {result.RuleSet.Version}.");
        section.WriteLine();
        section.WriteLine("| outcome | clause | rule | line | message | remedy |");
        section.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var verdict in result.Failures.Concat(result.Reviews))
        {
            var location = application.Locate(verdict);
            section.WriteLine($"| {Codes.Outcome(verdict.Outcome)} | {verdict.Clause.Ref} {Cell(verdict.Clause.Text)} | `{verdict.Rule}` | {Line(location.Line)} | {Cell(verdict.Message?.In(culture) ?? string.Empty)} | {Cell(verdict.Remedy?.In(culture) ?? string.Empty)} |");
        }

        section.WriteLine();
        section.WriteLine("</details>");
        section.WriteLine();
        _sections.Add(section.ToString());
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        _invalid++;
        using var section = new StringWriter(CultureInfo.InvariantCulture);
        section.WriteLine($"<details><summary>🚫 invalid input (no verdict) <code>{Html(invalid.Source)}</code></summary>");
        section.WriteLine();
        section.WriteLine("| line | column | code | message |");
        section.WriteLine("| --- | --- | --- | --- |");
        foreach (var diagnostic in invalid.Diagnostics)
        {
            section.WriteLine($"| {Line(diagnostic.Location.Line)} | {Line(diagnostic.Location.Column)} | {diagnostic.Code} | {Cell(diagnostic.Message)} |");
        }

        section.WriteLine();
        section.WriteLine("</details>");
        section.WriteLine();
        _sections.Add(section.ToString());
    }

    public void Complete()
    {
        using var head = new StringWriter(CultureInfo.InvariantCulture);
        var total = _decisions.Values.Sum();
        head.WriteLine("## MineralRules check");
        head.WriteLine();
        head.WriteLine("| applications | compliant | non-compliant | needs review | invalid |");
        head.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        head.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {total + _invalid} | {_decisions.GetValueOrDefault(Decision.Compliant)} | {_decisions.GetValueOrDefault(Decision.NonCompliant)} | {_decisions.GetValueOrDefault(Decision.NeedsReview)} | {_invalid} |"));
        head.WriteLine();
        var text = head.ToString();
        output.Write(text);
        var length = text.Length;

        // Every section when they all fit; otherwise as many as fit with room for the line saying what was left out.
        var all = length + _sections.Sum(s => s.Length);
        var budget = all <= maxLength ? maxLength : maxLength - Reserve;
        var leftOut = 0;
        foreach (var section in _sections)
        {
            if (leftOut == 0 && length + section.Length <= budget)
            {
                output.Write(section);
                length += section.Length;
            }
            else
            {
                leftOut++;
            }
        }

        if (leftOut > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"**{leftOut} of {_sections.Count} application(s) not listed** to keep this comment under {maxLength:N0} characters; the counts above include them. For every application, run the same `mineralrules check` with `--format text` (or `json`, `junit`)."));
        }
    }

    private static string Line(int line) => line > 0 ? line.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Title(Decision decision) => (decision == Decision.NonCompliant ? "❌ " : "⚠️ ") + Applications.ResultVocabularies.Decisions[decision].En;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
