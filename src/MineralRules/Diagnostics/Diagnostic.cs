namespace MineralRules;

/// <summary>
/// A problem found while reading or validating an application or a rule set. Diagnostics are values:
/// they are collected and reported together, never thrown one at a time.
/// </summary>
/// <param name="Location">Where the problem is.</param>
/// <param name="Code">A stable code such as <c>MR1001</c>; see <c>docs/diagnostics.md</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="RuleId">The rule the problem belongs to, when it belongs to one.</param>
public sealed record Diagnostic(SourceLocation Location, string Code, string Message, string? RuleId = null)
{
    /// <summary>Formats as <c>path:line:column: error CODE: message (rule id)</c>.</summary>
    /// <returns>The diagnostic on one line.</returns>
    public override string ToString() =>
        RuleId is null
            ? $"{Location}: error {Code}: {Message}"
            : $"{Location}: error {Code}: {Message} (rule {RuleId})";
}
