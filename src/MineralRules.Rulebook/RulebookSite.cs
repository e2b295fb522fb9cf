using System.Collections.Frozen;
using System.Text;
using MineralRules.Tooling;

namespace MineralRules.Rulebook;

/// <summary>
/// The rulebook legal staff read: static, server-rendered HTML built once from a catalog and sample applications —
/// an index of rule sets and versions, a page per version (effective range, what changed), a page per chapter of the
/// plan per version (each clause in Chinese with English beside it, the rules enforcing it in plain words, the samples
/// showing each outcome), the samples, and search. No JavaScript, no external resources; immutable once built, so one
/// instance can serve many requests (<c>mineralrules serve</c> mounts it at <c>/</c>) or be written to a folder
/// (<c>mineralrules rulebook --out</c>).
/// </summary>
public sealed class RulebookSite
{
    private readonly FrozenDictionary<string, RulebookPage> _pages;
    private readonly IReadOnlyList<VersionView> _versions;

    private RulebookSite(IReadOnlyList<VersionView> versions)
    {
        _versions = versions;
        var pages = new List<RulebookPage>
        {
            new(Styles.Path, RulebookPage.CssType, Styles.Css),
            Page("index.html", "规划规则手册 Rulebook", SitePages.Index(versions)),
            Page(SitePages.SearchPath, "检索 Search", SitePages.SearchIndex(versions)),
        };
        foreach (var version in versions)
        {
            var title = $"{version.Info.Id} {version.Info.Version}";
            pages.Add(Page(version.IndexPath, title, VersionPages.Version(version)));
            pages.Add(Page(version.SamplesPath, $"{title} 示例 Samples", VersionPages.Samples(version)));
            foreach (var chapter in version.Chapters)
            {
                pages.Add(Page(version.ChapterPath(chapter), $"{title} 第{chapter}章 {version.ChapterTitle(chapter)}", ChapterPage.Render(version, chapter)));
            }
        }

        _pages = pages.ToFrozenDictionary(p => p.Path, StringComparer.Ordinal);
        Paths = [.. pages.Select(p => p.Path)];
    }

    /// <summary>Every page's path, index first.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Builds the site: evaluates every sample with every version once.</summary>
    /// <param name="catalog">The rule sets.</param>
    /// <param name="samples">Sample applications (named by their file paths); may be empty.</param>
    /// <returns>The site.</returns>
    public static RulebookSite Build(RuleSetCatalog catalog, IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(samples);
        var versions = new List<VersionView>();
        foreach (var group in catalog.RuleSets.GroupBy(r => r.Info.Id, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(r => r.Info.EffectiveFrom).ThenBy(r => SortKey(r.Info.Version)).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var info = ordered[i].Info;
                var previous = info.Supersedes is { } superseded ? ordered.FirstOrDefault(r => r.Info.Version == superseded.Version) : null;
                previous ??= i > 0 ? ordered[i - 1] : null;
                versions.Add(new VersionView(ordered[i], previous, samples));
            }
        }

        return new RulebookSite(versions);
    }

    /// <summary>The page at a path, or null: <c>""</c> and <c>"/"</c> are the index; a leading '/', a query and a trailing '/' (its index.html) are allowed.</summary>
    /// <param name="path">The path as requested.</param>
    /// <returns>The page, or null.</returns>
    public RulebookPage? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var clean = path.Split('?', '#')[0].TrimStart('/');
        if (clean.Length == 0 || clean.EndsWith('/'))
        {
            clean += "index.html";
        }

        return _pages.GetValueOrDefault(clean) ?? _pages.GetValueOrDefault(clean + "/index.html") ?? _pages.GetValueOrDefault(clean + ".html");
    }

    /// <summary>
    /// Searches every version by clause number (<c>5.2.1</c>, or <c>5.2</c> for its items), by mineral (a Chinese or
    /// English name or code: 煤, coal) and by keyword in the clause texts and the rules' words. The page is served at
    /// <c>/search</c>, so its links are relative to the site's root.
    /// </summary>
    /// <param name="query">What the reader typed.</param>
    /// <returns>The results page (path <c>search</c>).</returns>
    public RulebookPage Search(string query)
    {
        var q = (query ?? string.Empty).Trim();
        return Page("search", q.Length == 0 ? "检索 Search" : $"检索 Search: {q}", SitePages.SearchResults(_versions, q));
    }

    /// <summary>Writes every page under a folder (created when missing), for a web server or a shared drive.</summary>
    /// <param name="folder">The folder.</param>
    public void WriteTo(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var path in Paths)
        {
            var file = System.IO.Path.Combine(folder, path.Replace('/', System.IO.Path.DirectorySeparatorChar));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, _pages[path].Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    /// <summary>
    /// The shared page frame — header, navigation, the style sheet — around a body, for a page served at the site's
    /// root level (the server's preview page reuses it). The title is escaped; the body is HTML as given.
    /// </summary>
    /// <param name="title">The page's title (text).</param>
    /// <param name="bodyHtml">The page's content (HTML).</param>
    /// <returns>The whole page.</returns>
    public string Layout(string title, string bodyHtml) => Frame(title, bodyHtml, depth: 0);

    /// <summary>The frame for a page <paramref name="depth"/> folders below the root: its links climb back with "../".</summary>
    internal static string Frame(string title, string bodyHtml, int depth)
    {
        var root = string.Concat(Enumerable.Repeat("../", depth));
        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{Html.Text(title)}</title>
            <link rel="stylesheet" href="{root}{Styles.Path}" />
            </head>
            <body>
            <header class="site"><a class="home" href="{root}index.html">规划规则手册 <span lang="en">Rulebook</span></a>
            <nav><a href="{root}index.html">规则集 <span lang="en">Rule sets</span></a> <a href="{root}{SitePages.SearchPath}">检索 <span lang="en">Search</span></a></nav></header>
            <main>
            {bodyHtml}
            </main>
            <footer class="site"><p>内蒙古自治区矿产资源总体规划（2021—2025年）规则 · <span lang="en">generated by mineralrules; the plan's own words are authoritative</span></p></footer>
            </body>
            </html>

            """;
    }

    private static RulebookPage Page(string path, string title, string body) =>
        new(path, RulebookPage.HtmlType, Frame(title, body, path.Count(c => c == '/')));

    /// <summary>Orders versions numerically (1.10.0 after 1.9.0) when they are numbers.</summary>
    private static string SortKey(string version) =>
        string.Join('.', version.Split('.', '-').Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : p));
}
