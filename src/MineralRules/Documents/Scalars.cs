using System.Globalization;
using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>Strict scalar conversions: a word where a number belongs, or "300" in quotes, is a located error.</summary>
internal static class Scalars
{
    public static string? String(DocumentNode node, DiagnosticBag diagnostics, string what, string? ruleId = null)
    {
        if (node is ScalarNode { IsNull: false } s)
        {
            return s.Value;
        }

        diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected {what} (text), found {node.Describe()}.", $"{Wording.Before(Wording.Zh(what))}应为文本，实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }

    public static bool? Boolean(DocumentNode node, DiagnosticBag diagnostics, string what, string? ruleId = null)
    {
        if (node is ScalarNode { Quoted: false } s)
        {
            switch (s.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected {what} as true or false, found {node.Describe()}.", $"{Wording.Before(Wording.Zh(what))}应为 `true` 或 `false`，实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }

    public static decimal? Decimal(DocumentNode node, DiagnosticBag diagnostics, string what, string? ruleId = null)
    {
        if (node is ScalarNode { Quoted: false, IsNull: false } s
            && decimal.TryParse(s.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected {what} as a number (digits, e.g. 300 or 0.85), found {node.Describe()}.", $"{Wording.Before(Wording.Zh(what))}应为数字（如 300 或 0.85），实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }

    public static int? Integer(DocumentNode node, DiagnosticBag diagnostics, string what, string? ruleId = null)
    {
        if (node is ScalarNode { Quoted: false, IsNull: false } s
            && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected {what} as a whole number, found {node.Describe()}.", $"{Wording.Before(Wording.Zh(what))}应为整数，实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }

    public static DateOnly? Date(DocumentNode node, DiagnosticBag diagnostics, string what, string? ruleId = null)
    {
        if (node is ScalarNode { IsNull: false } s)
        {
            if (TryParseIsoDate(s.Value, out var date))
            {
                return date;
            }

            diagnostics.Add(
                node.Location,
                DiagnosticCodes.BadDate,
                $"'{DocumentText.Shown(s.Value)}' is not a valid date for {what}; write an existing calendar date as YYYY-MM-DD (e.g. 2024-05-01).",
                $"'{DocumentText.Shown(s.Value)}' 不是{Wording.Before(Wording.Zh(what))}的有效日期；请按 YYYY-MM-DD 写一个实际存在的日期（如 2024-05-01）。",
                ruleId);
            return null;
        }

        diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected {what} as a date YYYY-MM-DD, found {node.Describe()}.", $"{Wording.Before(Wording.Zh(what))}应为 YYYY-MM-DD 格式的日期，实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }

    /// <summary>A calendar date written exactly YYYY-MM-DD (ASCII digits, an existing day), as the contract writes dates.</summary>
    /// <remarks>
    /// "O" is DateOnly's round-trip format, exactly <c>yyyy'-'MM'-'dd</c> in the invariant culture. Written as the
    /// custom format "yyyy-MM-dd" the parser checks each unquoted '-' for a "GMT" designator with a culture-aware,
    /// case-ignoring comparison, which loads the collation tables on the first date of a process (docs/performance.md).
    /// </remarks>
    public static bool TryParseIsoDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static IReadOnlyList<DocumentNode>? Sequence(DocumentNode node, DiagnosticBag diagnostics, string what, string? ruleId = null)
    {
        if (node is SequenceNode sequence)
        {
            return sequence.Items;
        }

        diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected {what} as a list (e.g. [a, b]), found {node.Describe()}.", $"{Wording.Before(Wording.Zh(what))}应为列表（如 [a, b]），实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }

    public static MappingNode? Mapping(DocumentNode node, DiagnosticBag diagnostics, string what, string? ruleId = null)
    {
        if (node is MappingNode mapping)
        {
            return mapping;
        }

        diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected {what} as a mapping of keys and values, found {node.Describe()}.", $"{Wording.Before(Wording.Zh(what))}应为由键和值组成的映射，实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }
}
