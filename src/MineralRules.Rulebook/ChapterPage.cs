using System.Globalization;
using System.Text;

namespace MineralRules.Rulebook;

/// <summary>
/// A chapter of the plan in one version: each clause (anchor <c>#clause-5.2.1</c>) with the plan's words in Chinese
/// and the English beside them, then the rules enforcing it in plain words (anchor <c>#rule-&lt;id&gt;</c>), each with
/// the samples that give each of its outcomes.
/// </summary>
internal static class ChapterPage
{
    /// <summary>How many samples a rule lists per outcome before pointing to the samples page.</summary>
    private const int SamplesShown = 8;

    public static string Render(VersionView version, string chapter)
    {
        var html = new StringBuilder();
        var info = version.Info;
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\"><a href=\"index.html\">{Html.Text(info.Id)} {Html.Text(info.Version)}</a></p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>第{Html.Text(chapter)}章 {Html.Text(version.ChapterTitle(chapter))} <span class=\"en\" lang=\"en\">Chapter {Html.Text(chapter)}</span></h1>\n");
        html.Append("<nav class=\"chapters\"><p>");
        foreach (var other in version.Chapters)
        {
            html.Append(other == chapter ? $"<strong>{Html.Text(other)}</strong> " : $"<a href=\"chapter-{Html.Text(other)}.html\">{Html.Text(other)}</a> ");
        }

        html.Append("</p></nav>\n");
        foreach (var clause in version.Clauses.Where(c => c.Chapter == chapter))
        {
            Clause(html, version, clause);
        }

        return html.ToString();
    }

    private static void Clause(StringBuilder html, VersionView version, ClauseText clause)
    {
        var anchor = Html.ClauseAnchor(clause.Ref);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"clause\" id=\"{Html.Text(anchor)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"#{Html.Text(anchor)}\">{Html.Text(clause.Ref)}</a> {Html.Text(clause.Title)}");
        if (clause.StatusName is { } status)
        {
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"badge status-{Html.Text(clause.Status)}\">{Html.Bilingual(status.Zh, status.En)}</span>");
        }

        html.Append("</h2>\n");
        var zh = new StringBuilder();
        zh.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Text(PlainNames.Label("planText").Zh)}</h3>\n");
        zh.Append(clause.PlanText.Length > 0 ? $"<div class=\"plan-text\">{Html.Paragraphs(clause.PlanText)}</div>" : "<p class=\"muted\">（规则集的规划文本中无此条。）</p>\n");
        if (clause.Reason is { } reason)
        {
            zh.Append(CultureInfo.InvariantCulture, $"<p class=\"reason\"><strong>{Html.Text(clause.StatusName?.Zh)}：</strong>{Html.Text(reason.Zh)}</p>\n");
        }

        var en = new StringBuilder();
        en.Append("<h3>In English</h3>\n");
        if (clause.Reason is { } why)
        {
            en.Append(CultureInfo.InvariantCulture, $"<p class=\"reason\"><strong>{Html.Text(clause.StatusName?.En)}:</strong> {Html.Text(why.En)}</p>\n");
        }

        if (clause.Quotes.Count > 0)
        {
            en.Append("<p>The passages the rules quote, with their rendering:</p><ul class=\"quotes\">");
            foreach (var quote in clause.Quotes)
            {
                en.Append(CultureInfo.InvariantCulture, $"<li><q lang=\"zh-CN\">{Html.Text(quote.Text)}</q>{(quote.En.Length > 0 ? " — " + Html.Text(quote.En) : string.Empty)}</li>\n");
            }

            en.Append("</ul>\n");
        }
        else if (clause.Reason is null)
        {
            en.Append("<p class=\"muted\">No rule quotes this clause.</p>\n");
        }

        html.Append(Html.Pair(zh.ToString(), en.ToString()));
        if (clause.RuleIds.Count > 0)
        {
            var label = PlainNames.Label("rules");
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Bilingual(label.Zh, label.En)}</h3>\n");
            foreach (var ruleId in clause.RuleIds)
            {
                if (version.Descriptions.TryGetValue(ruleId, out var rule))
                {
                    Rule(html, version, rule);
                }
            }
        }

        html.Append("</section>\n");
    }

    private static void Rule(StringBuilder html, VersionView version, RuleDescription rule)
    {
        var anchor = Html.RuleAnchor(rule.RuleId);
        var (outcomeClass, badge) = rule.WhenViolated is { } outcome ? (VersionView.Code(outcome), PlainNames.Outcome(outcome)) : (VersionView.NoteKey, PlainNames.Label("note"));
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"rule\" id=\"{Html.Text(anchor)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h4><a href=\"#{Html.Text(anchor)}\"><code>{Html.Text(rule.RuleId)}</code></a><span class=\"badge outcome-{outcomeClass}\">{Html.Bilingual(badge.Zh, badge.En)}</span></h4>\n");
        html.Append(Html.Pair(Words(rule, Languages.Chinese), Words(rule, Languages.English)));
        Samples(html, version, rule);
        html.Append("</article>\n");
    }

    /// <summary>The rule's description as a definition list in one language.</summary>
    private static string Words(RuleDescription rule, System.Globalization.CultureInfo culture)
    {
        var html = new StringBuilder("<dl>");
        foreach (var line in rule.Lines(culture))
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{Html.Text(line.Label)}</dt><dd class=\"{Html.Text(line.Key)}\">{Html.Text(line.Text)}</dd>");
        }

        return html.Append("</dl>\n").ToString();
    }

    private static void Samples(StringBuilder html, VersionView version, RuleDescription rule)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"samples\"><h5>{Html.Bilingual("示例申请", "Samples")}</h5>");
        if (!version.SamplesByRule.TryGetValue(rule.RuleId, out var byOutcome) || byOutcome.Count == 0)
        {
            html.Append("<p class=\"muted\">（没有示例适用此规则。）<span lang=\"en\">No sample is in this rule's scope.</span></p></div>");
            return;
        }

        var shown = new[] { Outcome.Fail, Outcome.Review, Outcome.Pass }.Select(o => (Key: VersionView.Code(o), Name: PlainNames.Outcome(o)))
            .Append((Key: VersionView.NoteKey, Name: PlainNames.Label("noteShown")));
        foreach (var (outcome, name) in shown.Where(o => byOutcome.ContainsKey(o.Key)))
        {
            var sources = byOutcome[outcome];
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"outcome-{outcome}\" data-outcome=\"{outcome}\">{Html.Bilingual(name.Zh, name.En)} ({Html.Number(sources.Count)})</p><ul class=\"samples-{outcome}\">");
            // The samples written for this rule (their file names carry its id) first, then the others in path order.
            foreach (var source in sources.OrderBy(s => s.Contains(rule.RuleId, StringComparison.Ordinal) ? 0 : 1).Take(SamplesShown))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"samples.html#{Html.Text(Html.SampleAnchor(source))}\">{Html.Text(source)}</a></li>\n");
            }

            if (sources.Count > SamplesShown)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"muted\"><a href=\"samples.html\">…{Html.Number(sources.Count - SamplesShown)} more / 另有{Html.Number(sources.Count - SamplesShown)}件</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</div>");
    }
}
