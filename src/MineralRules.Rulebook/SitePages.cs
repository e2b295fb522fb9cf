using System.Globalization;
using System.Text;

namespace MineralRules.Rulebook;

/// <summary>The pages at the site's root: the index of rule sets and versions, the search page and search results.</summary>
internal static class SitePages
{
    public const string SearchPath = "search.html";

    public static string Index(IReadOnlyList<VersionView> versions)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Bilingual("规划规则手册", "Rulebook")}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Html.Bilingual("本手册以通俗语言列出规划各条款、执行条款的规则及示例申请。规划原文为准。", "Every clause of the plan, the rules that enforce it in plain words, and the sample applications that show each outcome. The plan's own words are authoritative.")}</p>\n");
        foreach (var group in versions.GroupBy(v => v.Info.Id, StringComparer.Ordinal))
        {
            var latest = group.Last().Info;
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{Html.Text("ruleset-" + group.Key)}\">{Html.Text(latest.Title.Zh)} <span class=\"en\" lang=\"en\">{Html.Text(latest.Title.En)}</span></h2>\n");
            html.Append(CultureInfo.InvariantCulture, $"<p><code>{Html.Text(group.Key)}</code> · {Html.Text(latest.Source.Title)}（{Html.Text(latest.Source.Number)}）</p>\n");
            html.Append("<table class=\"versions\"><thead><tr><th>版本 <span lang=\"en\">Version</span></th><th>生效期间 <span lang=\"en\">In force</span></th><th>状态 <span lang=\"en\">Status</span></th><th>规则 <span lang=\"en\">Rules</span></th><th>摘要 <span lang=\"en\">Digest</span></th></tr></thead><tbody>");
            foreach (var version in group.Reverse())
            {
                var info = version.Info;
                html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{Html.Text($"version-{info.Id}-{info.Version}")}\"><td><a href=\"{Html.Text(version.IndexPath)}\">{Html.Text(info.Version)}</a>{(info.Supersedes is { } s ? $" <span class=\"muted\">（取代 {Html.Text(s.Version)} <span lang=\"en\">supersedes {Html.Text(s.Version)}</span>）</span>" : string.Empty)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td><span lang=\"zh-CN\">{Html.Text(VersionPages.Range(info, zh: true))}</span><br /><span lang=\"en\" class=\"en\">{Html.Text(VersionPages.Range(info, zh: false))}</span></td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{(info.Sealed ? Html.Bilingual("已发布", "released") : Html.Bilingual("草稿", "draft"))}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{Html.Number(version.Descriptions.Count)}</td><td><code>{Html.Text(info.Digest)}</code></td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        return html.ToString();
    }

    /// <summary>
    /// The search page of the built site: the whole index as tables, for the browser's find (Ctrl+F). It has no form,
    /// since a static folder cannot answer one; the form is on <see cref="SearchResults"/>, which a server answers at <c>/search</c>.
    /// </summary>
    public static string SearchIndex(IReadOnlyList<VersionView> versions)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Bilingual("检索", "Search")}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"find\">{Html.Bilingual("请用浏览器的“查找”（Ctrl+F）在下列索引中搜索条款号、矿种或关键词。", "Use the browser's find (Ctrl+F) on the index below: clause numbers, minerals, keywords.")}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{Html.Bilingual("由规则服务器（mineralrules serve）提供的手册另有检索框，地址为 /search。", "A rulebook served by the rules server (mineralrules serve) also has a search form, at /search.")}</p>\n");
        foreach (var version in versions.AsEnumerable().Reverse())
        {
            var info = version.Info;
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Text(info.Id)} {Html.Text(info.Version)}</h2>\n");
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Bilingual("条款", "Clauses")}</h3><table class=\"index-clauses\"><thead><tr><th>条款 <span lang=\"en\">Clause</span></th><th>标题 <span lang=\"en\">Title</span></th><th>可否检查 <span lang=\"en\">Checkable</span></th><th>规则 <span lang=\"en\">Rules</span></th></tr></thead><tbody>");
            foreach (var clause in version.Clauses)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Html.Text(version.ClauseLink(clause.Ref))}\">{Html.Text(clause.Ref)}</a></td><td lang=\"zh-CN\">{Html.Text(clause.Title)}</td><td>{(clause.StatusName is { } s ? Html.Bilingual(s.Zh, s.En) : string.Empty)}</td><td>{RuleLinks(version, clause.RuleIds)}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Bilingual("矿种", "Minerals")}</h3><table class=\"index-minerals\"><thead><tr><th>矿种 <span lang=\"en\">Mineral</span></th><th>规则 <span lang=\"en\">Rules</span></th></tr></thead><tbody>");
            foreach (var (mineral, rules) in Minerals(version))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Bilingual(mineral.Zh, mineral.En)} <code>{Html.Text(mineral.Code)}</code></td><td>{RuleLinks(version, rules)}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Bilingual("关键词：规则引用的原文", "Keywords: the passages the rules quote")}</h3><table class=\"index-keywords\"><thead><tr><th>条款 <span lang=\"en\">Clause</span></th><th>原文 <span lang=\"en\">Plan</span></th><th lang=\"en\">English</th></tr></thead><tbody>");
            foreach (var clause in version.Clauses)
            {
                foreach (var quote in clause.Quotes)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Html.Text(version.ClauseLink(clause.Ref))}\">{Html.Text(clause.Ref)}</a></td><td lang=\"zh-CN\">{Html.Text(quote.Text)}</td><td lang=\"en\">{Html.Text(quote.En)}</td></tr>\n");
                }
            }

            html.Append("</tbody></table>\n");
        }

        return html.ToString();
    }

    /// <summary>The results of a search, newest version first: clauses by number, rules by mineral, clauses and rules by keyword.</summary>
    public static string SearchResults(IReadOnlyList<VersionView> versions, string query)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Bilingual("检索", "Search")}</h1>\n");
        html.Append(Form(query));
        if (query.Length == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Html.Bilingual("请输入条款号（如 5.2.1）、矿种（如 煤、coal）或关键词。", "Type a clause number (5.2.1), a mineral (煤, coal) or a keyword.")} <a href=\"{SearchPath}\">{Html.Bilingual("全部索引", "Full index")}</a></p>\n");
            return html.ToString();
        }

        var found = 0;
        foreach (var version in versions.AsEnumerable().Reverse())
        {
            var clauses = version.Clauses.Where(c => c.Ref == query || c.Ref.StartsWith(query + ".", StringComparison.Ordinal)).ToList();
            var minerals = Minerals(version).Where(m => Matches(m.Mineral, query)).ToList();
            var keywordClauses = version.Clauses.Where(c => !clauses.Contains(c) && ClauseMentions(c, query)).ToList();
            var keywordRules = version.Descriptions.Values.Where(r => RuleMentions(r, query)).Select(r => r.RuleId).ToList();
            if (clauses.Count + minerals.Count + keywordClauses.Count + keywordRules.Count == 0)
            {
                continue;
            }

            found++;
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"results\" id=\"{Html.Text($"results-{version.Info.Id}-{version.Info.Version}")}\"><h2>{Html.Text(version.Info.Id)} {Html.Text(version.Info.Version)}</h2>\n");
            if (clauses.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Bilingual("条款号", "By clause number")}</h3><ul class=\"hits-clauses\">");
                foreach (var clause in clauses)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Html.Text(version.ClauseLink(clause.Ref))}\">{Html.Text(clause.Ref)} {Html.Text(clause.Title)}</a> {RuleLinks(version, clause.RuleIds)}</li>\n");
                }

                html.Append("</ul>\n");
            }

            if (minerals.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Bilingual("矿种", "By mineral")}</h3><ul class=\"hits-minerals\">");
                foreach (var (mineral, rules) in minerals)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{Html.Bilingual(mineral.Zh, mineral.En)}: {RuleLinks(version, rules)}</li>\n");
                }

                html.Append("</ul>\n");
            }

            if (keywordClauses.Count + keywordRules.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Bilingual("关键词", "By keyword")}</h3><ul class=\"hits-keywords\">");
                foreach (var clause in keywordClauses)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Html.Text(version.ClauseLink(clause.Ref))}\">{Html.Text(clause.Ref)} {Html.Text(clause.Title)}</a></li>\n");
                }

                foreach (var rule in keywordRules)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{RuleLinks(version, [rule])} <span class=\"muted\">{Html.Text(version.Descriptions[rule].Clause.Ref)}</span></li>\n");
                }

                html.Append("</ul>\n");
            }

            html.Append("</section>\n");
        }

        if (found == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"none\">{Html.Bilingual($"没有与“{query}”相符的条款或规则。", $"No clause or rule matches '{query}'.")}</p>\n");
        }

        return html.ToString();
    }

    private static string Form(string query) =>
        $"<form class=\"search\" action=\"search\" method=\"get\"><label for=\"q\">条款号、矿种或关键词 <span lang=\"en\">Clause, mineral or keyword</span></label><br /><input type=\"search\" id=\"q\" name=\"q\" value=\"{Html.Text(query)}\" /> <button type=\"submit\">检索 Search</button></form>";

    /// <summary>Rule links from a page at the site's root.</summary>
    private static string RuleLinks(VersionView version, IEnumerable<string> rules) =>
        string.Join(" ", rules.Select(id => $"<a href=\"{Html.Text(version.RuleLink(id))}\"><code>{Html.Text(id)}</code></a>"));

    /// <summary>Every mineral a rule's scope names, with the rules naming it, in the order first named.</summary>
    private static List<(NamedWord Mineral, List<string> Rules)> Minerals(VersionView version)
    {
        var minerals = new List<(NamedWord Mineral, List<string> Rules)>();
        foreach (var rule in version.Descriptions.Values)
        {
            foreach (var mineral in rule.Minerals)
            {
                var at = minerals.FindIndex(m => m.Mineral.Code == mineral.Code);
                if (at < 0)
                {
                    minerals.Add((mineral, [rule.RuleId]));
                }
                else
                {
                    minerals[at].Rules.Add(rule.RuleId);
                }
            }
        }

        return minerals;
    }

    private static bool Matches(NamedWord word, string query) =>
        string.Equals(word.Code, query, StringComparison.OrdinalIgnoreCase)
        || word.Zh.Contains(query, StringComparison.Ordinal)
        || word.En.Contains(query, StringComparison.OrdinalIgnoreCase);

    private static bool ClauseMentions(ClauseText clause, string query) =>
        Contains(clause.Title, query) || Contains(clause.PlanText, query)
        || clause.Quotes.Any(q => Contains(q.Text, query) || Contains(q.En, query))
        || (clause.Reason is { } reason && (Contains(reason.Zh, query) || Contains(reason.En, query)));

    private static bool RuleMentions(RuleDescription rule, string query) =>
        Contains(rule.RuleId, query)
        || rule.Lines(Languages.Chinese).Any(l => Contains(l.Text, query))
        || rule.Lines(Languages.English).Any(l => Contains(l.Text, query));

    private static bool Contains(string text, string query) => text.Contains(query, StringComparison.OrdinalIgnoreCase);
}
