using System.Globalization;

namespace MineralRules;

/// <summary>
/// A problem found while reading or validating an application or a rule set. Diagnostics are values:
/// they are collected and reported together, never thrown one at a time.
/// </summary>
/// <param name="Location">Where the problem is.</param>
/// <param name="Code">A stable code such as <c>MR1001</c>; see <c>docs/diagnostics.md</c>.</param>
/// <param name="Message">What is wrong and how to fix it, in English.</param>
/// <param name="RuleId">The rule the problem belongs to, when it belongs to one.</param>
public sealed record Diagnostic(SourceLocation Location, string Code, string Message, string? RuleId = null)
{
    /// <summary>What is wrong and how to fix it, in Chinese; null where no Chinese text is written (the English one is shown).</summary>
    public string? MessageZh { get; init; }

    /// <summary>An error refuses the file or the rule set; a warning is reported and changes nothing that loads.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>The message in the reader's language: Chinese for a <c>zh</c> culture when it is written, English otherwise.</summary>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>The message.</returns>
    public string MessageIn(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "zh" && MessageZh is { } zh ? zh : Message;
    }

    /// <summary>Formats as <c>path:line:column: error CODE: message (rule id)</c> (<c>warning</c> for a warning), in English.</summary>
    /// <returns>The diagnostic on one line.</returns>
    public override string ToString() => Line(Message, zh: false);

    /// <summary>
    /// Formats as <c>path:line:column: error CODE: message (rule id)</c> with the message in the reader's language;
    /// the words before the message stay as they are (tools parse them), and a Chinese line names the rule as <c>（规则 id）</c>.
    /// </summary>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>The diagnostic on one line.</returns>
    public string Format(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var zh = culture.TwoLetterISOLanguageName == "zh" && MessageZh is not null;
        return Line(zh ? MessageZh! : Message, zh);
    }

    private string Line(string message, bool zh)
    {
        var severity = Severity == DiagnosticSeverity.Warning ? "warning" : "error";
        return RuleId is null ? $"{Location}: {severity} {Code}: {message}"
            : zh ? $"{Location}: {severity} {Code}: {message}（规则 {RuleId}）"
            : $"{Location}: {severity} {Code}: {message} (rule {RuleId})";
    }
}

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file or rule set is refused.</summary>
    Error = 0,

    /// <summary>Reported; nothing is refused because of it.</summary>
    Warning = 1,
}
