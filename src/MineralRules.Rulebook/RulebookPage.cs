namespace MineralRules.Rulebook;

/// <summary>One page or file of the rulebook.</summary>
/// <param name="Path">Its path in the site, relative and with '/' (<c>index.html</c>, <c>nmg-mineral-plan-2021-2025/2.0.0/chapter-5.html</c>).</param>
/// <param name="ContentType">Its media type with charset (<c>text/html; charset=utf-8</c>, <c>text/css; charset=utf-8</c>).</param>
/// <param name="Content">Its text.</param>
public sealed record RulebookPage(string Path, string ContentType, string Content)
{
    /// <summary>The media type of the pages.</summary>
    public const string HtmlType = "text/html; charset=utf-8";

    /// <summary>The media type of the style sheet.</summary>
    public const string CssType = "text/css; charset=utf-8";
}
