using System.Text.RegularExpressions;

namespace MineralRules.Reference;

/// <summary>The plan's clause numbering: <c>chapter.section[.item]</c>, e.g. <c>5.2.1</c> (clauses.md).</summary>
internal static partial class ClauseNumbers
{
    /// <summary>True for a clause reference such as <c>3.1</c> or <c>5.2.1</c>.</summary>
    public static bool IsReference(string? text) => text is not null && ReferencePattern().IsMatch(text);

    [GeneratedRegex(@"^[1-9][0-9]?\.[1-9][0-9]?(\.[1-9][0-9]?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
