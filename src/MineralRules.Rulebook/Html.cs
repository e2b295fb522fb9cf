using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MineralRules.Rulebook;

/// <summary>
/// Writing the rulebook's HTML: every text goes through <see cref="Text"/> (an <see cref="HtmlEncoder"/> that keeps
/// Chinese readable and escapes markup), every element is closed (XHTML-style, so the pages parse as XML), and the
/// two languages are marked <c>lang="zh-CN"</c> and <c>lang="en"</c>.
/// </summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A text, escaped for an element's content or an attribute's value.</summary>
    public static string Text(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    /// <summary>A number, culture-invariant.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as yyyy-MM-dd.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Chinese text in an element marked <c>lang="zh-CN"</c>.</summary>
    public static string Zh(string tag, string? text, string? cssClass = null) => Element(tag, "zh-CN", text, cssClass);

    /// <summary>An English text in an element marked <c>lang="en"</c>.</summary>
    public static string En(string tag, string? text, string? cssClass = null) => Element(tag, "en", text, cssClass);

    /// <summary>Chinese and English side by side (a two-column pair that stacks on a narrow screen).</summary>
    public static string Pair(string zhHtml, string enHtml) =>
        $"<div class=\"pair\"><div class=\"zh\" lang=\"zh-CN\">{zhHtml}</div><div class=\"en\" lang=\"en\">{enHtml}</div></div>\n";

    /// <summary>A link; <paramref name="href"/> and the text are escaped.</summary>
    public static string Link(string href, string text, string? lang = null) =>
        $"<a href=\"{Text(href)}\"{(lang is null ? string.Empty : $" lang=\"{lang}\"")}>{Text(text)}</a>";

    /// <summary>A bilingual heading text: Chinese, then English in a span marked <c>lang="en"</c>.</summary>
    public static string Bilingual(string zh, string en) => $"{Text(zh)} <span class=\"en\" lang=\"en\">{Text(en)}</span>";

    /// <summary>Lines of text as paragraphs.</summary>
    public static string Paragraphs(string text) =>
        string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => $"<p>{Text(l)}</p>"));

    /// <summary>The anchor of a clause: <c>clause-5.2.1</c>.</summary>
    public static string ClauseAnchor(string reference) => "clause-" + reference;

    /// <summary>The anchor of a rule: <c>rule-coal.new-underground.min-capacity</c>.</summary>
    public static string RuleAnchor(string ruleId) => "rule-" + ruleId;

    /// <summary>The anchor of a sample, from its source path: letters, digits, '.', '_' and '-' kept, the rest '-'.</summary>
    public static string SampleAnchor(string source)
    {
        var builder = new StringBuilder("sample-", source.Length + 7);
        foreach (var c in source)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        return builder.ToString();
    }

    private static string Element(string tag, string lang, string? text, string? cssClass) =>
        $"<{tag} lang=\"{lang}\"{(cssClass is null ? string.Empty : $" class=\"{cssClass}\"")}>{Text(text)}</{tag}>";
}
