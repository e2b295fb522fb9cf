using System.Globalization;

namespace MineralRules.Reporting;

/// <summary>
/// The length limit of Markdown reports (a pull-request comment; <c>check</c> and <c>diff --format markdown</c>) and
/// the one way they are cut: the head, then the parts in the order given (the most important first) while they fit; a
/// part too long for the comment on its own is shortened by whole lines rather than dropped; then a line saying how many
/// parts were left out, and their names, one a line, while they fit ("and N more").
/// </summary>
internal static class MarkdownLimit
{
    /// <summary>The longest report, in characters (UTF-16 code units, as written): under GitHub's 65,536 for a comment.</summary>
    public const int MaxLength = 60_000;

    /// <summary>Room kept after the parts for the line saying what was left out and the names of what was.</summary>
    internal const int Reserve = 2_000;

    /// <summary>Writes a report within <paramref name="maxLength"/> characters.</summary>
    /// <param name="output">Where it goes.</param>
    /// <param name="head">Always written first (the summary).</param>
    /// <param name="parts">The parts, most important first.</param>
    /// <param name="maxLength">The longest report.</param>
    /// <param name="leftOutLine">The line saying how many of how many parts were left out (and how to see them all).</param>
    /// <param name="zh">Whether the report is in Chinese (the words this class adds: "and N more", "lines not shown").</param>
    public static void Write(TextWriter output, string head, IReadOnlyList<MarkdownPart> parts, int maxLength, Func<int, int, string> leftOutLine, bool zh = false)
    {
        output.Write(head);
        var length = head.Length;
        if (length + parts.Sum(p => p.Length) <= maxLength)
        {
            foreach (var part in parts)
            {
                output.Write(part.Body);
                output.Write(part.Closing);
            }

            return;
        }

        var room = maxLength - Reserve;
        var written = 0;
        for (; written < parts.Count; written++)
        {
            var part = parts[written];
            if (length + part.Length <= room)
            {
                output.Write(part.Body);
                output.Write(part.Closing);
                length += part.Length;
                continue;
            }

            // Too long for the comment on its own: shortened, never dropped (when its first line still fits).
            if (part.Length > room - head.Length && Shorten(part, room - length, zh) is { } shortened)
            {
                output.Write(shortened);
                length += shortened.Length;
                written++;
            }

            break;
        }

        var leftOut = parts.Count - written;
        if (leftOut == 0)
        {
            return;
        }

        var line = leftOutLine(leftOut, parts.Count) + Environment.NewLine;
        output.Write(line);
        length += line.Length;
        for (var i = written; i < parts.Count; i++)
        {
            var name = $"- {parts[i].Name}{Environment.NewLine}";
            var more = More(parts.Count - i - 1, zh);
            if (length + name.Length + (i + 1 < parts.Count ? more.Length : 0) > maxLength)
            {
                output.Write(More(parts.Count - i, zh));
                return;
            }

            output.Write(name);
            length += name.Length;
        }
    }

    /// <summary>The part's first lines that fit in <paramref name="room"/> with a line saying how many were not shown, then its closing; null when not even its first line fits.</summary>
    private static string? Shorten(MarkdownPart part, int room, bool zh)
    {
        var lines = part.Body.Split(Environment.NewLine).ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var kept = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            var marker = Marker(lines.Count - kept.Count - 1, zh);
            if (length + line.Length + Environment.NewLine.Length + marker.Length + part.Closing.Length > room)
            {
                break;
            }

            kept.Add(line);
            length += line.Length + Environment.NewLine.Length;
        }

        return kept.Count == 0 ? null : string.Join(Environment.NewLine, kept) + Environment.NewLine + Marker(lines.Count - kept.Count, zh) + part.Closing;
    }

    private static string Marker(int dropped, bool zh) => zh
        ? string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}_……另有 {dropped} 行未显示：这一部分太长，一条评论放不下。_{Environment.NewLine}")
        : string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}_… {dropped} more line(s) not shown: this part is too long for one comment._{Environment.NewLine}");

    private static string More(int count, bool zh) => zh
        ? string.Create(CultureInfo.InvariantCulture, $"- 另有 {count} 个{Environment.NewLine}")
        : string.Create(CultureInfo.InvariantCulture, $"- and {count} more{Environment.NewLine}");
}

/// <summary>A part of a Markdown report that the limit may leave out or shorten.</summary>
/// <param name="Name">What to call it when left out: one compact line.</param>
/// <param name="Body">Its text, ending with a new line; shortened by whole lines.</param>
/// <param name="Closing">What always follows the body (closing a folded section).</param>
internal sealed record MarkdownPart(string Name, string Body, string Closing)
{
    /// <summary>Its length as written whole.</summary>
    public int Length => Body.Length + Closing.Length;
}
