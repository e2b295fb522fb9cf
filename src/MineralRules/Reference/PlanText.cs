using System.Text;
using System.Text.RegularExpressions;

namespace MineralRules.Reference;

/// <summary>A numbered part of the plan: a chapter (5), a section (5.2) or a numbered item (5.2.1).</summary>
internal sealed record PlanClause(string Ref, string Title, int Line);

/// <summary>
/// The plan's text, kept in the rule set (source/plan.zh.txt), and the clause numbering read from its headings:
/// 第X章 → chapter, 第X节 → section, "1." at the start of a line in a section → item. Quotes are checked against
/// the text with all white space removed, because the published text breaks lines and spaces numbers at random.
/// </summary>
internal sealed partial class PlanText
{
    private const string Numerals = "一二三四五六七八九十";

    private readonly string _compact;
    private readonly string[] _lines;
    private readonly Dictionary<string, PlanClause> _clauses;

    private PlanText(string compact, string[] lines, IReadOnlyList<PlanClause> clauses)
    {
        _compact = compact;
        _lines = lines;
        Clauses = clauses;
        _clauses = clauses.ToDictionary(c => c.Ref, StringComparer.Ordinal);
    }

    /// <summary>Every chapter, section and numbered item, in the plan's order.</summary>
    public IReadOnlyList<PlanClause> Clauses { get; }

    public static PlanText Parse(string text)
    {
        var clauses = new List<PlanClause>();
        var lines = text.Split('\n');

        // The body starts after the table of contents, at the line "总则".
        var start = Array.FindIndex(lines, l => l.Trim() == "总则");
        int chapter = 0, section = 0, item = 0;
        for (var i = Math.Max(start, 0); i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (ChapterPattern().Match(line) is { Success: true } c)
            {
                chapter = Numerals.IndexOf(c.Groups[1].Value, StringComparison.Ordinal) + 1;
                section = item = 0;
                clauses.Add(new PlanClause($"{chapter}", c.Groups[2].Value.Trim(), i + 1));
            }
            else if (SectionPattern().Match(line) is { Success: true } s && chapter > 0)
            {
                section = Numerals.IndexOf(s.Groups[1].Value, StringComparison.Ordinal) + 1;
                item = 0;
                clauses.Add(new PlanClause($"{chapter}.{section}", s.Groups[2].Value.Trim(), i + 1));
            }
            else if (ItemPattern().Match(line) is { Success: true } n && section > 0 && int.Parse(n.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == item + 1)
            {
                // Items are numbered 1, 2, 3 ... in order; a line that merely starts with a number is not one.
                item++;
                var title = n.Groups[2].Value;
                var stop = title.IndexOf('。', StringComparison.Ordinal);
                clauses.Add(new PlanClause($"{chapter}.{section}.{item}", (stop > 0 ? title[..stop] : title).Trim(), i + 1));
            }
        }

        return new PlanText(Compact(text), lines, clauses);
    }

    public bool HasClause(string reference) => _clauses.ContainsKey(reference);

    public PlanClause? Clause(string reference) => _clauses.GetValueOrDefault(reference);

    /// <summary>
    /// True when the quote occurs in the plan, white space ignored. A quote may leave words out with an ellipsis
    /// (…… or …): each part must then occur, in order.
    /// </summary>
    public bool Contains(string quote) => ContainsInOrder(_compact, quote);

    /// <summary>True when the quote stands within the clause: from its heading to the next heading of its level or above.</summary>
    public bool ClauseContains(string reference, string quote)
    {
        if (!_clauses.TryGetValue(reference, out var clause))
        {
            return false;
        }

        var depth = Depth(reference);
        var index = Clauses.ToList().IndexOf(clause);
        var end = Clauses.Skip(index + 1).FirstOrDefault(c => Depth(c.Ref) <= depth)?.Line ?? _lines.Length + 1;
        var body = string.Concat(_lines[(clause.Line - 1)..(end - 1)]);
        return ContainsInOrder(Compact(body), quote);
    }

    /// <summary>
    /// The clause's own words, as published (line breaks kept, each line trimmed): from its heading to the next heading
    /// of any level, so a chapter or section gives its lead-in without its parts; empty for a clause the plan lacks.
    /// </summary>
    public string OwnText(string reference)
    {
        if (!_clauses.TryGetValue(reference, out var clause))
        {
            return string.Empty;
        }

        var index = Clauses.ToList().IndexOf(clause);
        var end = index + 1 < Clauses.Count ? Clauses[index + 1].Line : _lines.Length + 1;
        return string.Join("\n", _lines[(clause.Line - 1)..(end - 1)].Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static bool ContainsInOrder(string compactText, string quote)
    {
        var parts = Compact(quote).Split('…', StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        foreach (var part in parts)
        {
            var found = compactText.IndexOf(part, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + part.Length;
        }

        return parts.Length > 0;
    }

    private static int Depth(string reference) => reference.Count(c => c == '.');

    public static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^第([一二三四五六七八九十]+)章(.+)$")]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^第([一二三四五六七八九十]+)节(.+)$")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^(\d{1,2})\.(.+)$")]
    private static partial Regex ItemPattern();
}
