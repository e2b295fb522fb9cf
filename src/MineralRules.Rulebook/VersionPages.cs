using System.Globalization;
using System.Text;

namespace MineralRules.Rulebook;

/// <summary>A version's own page (effective range, digest, supersession, what changed, chapters) and its samples page.</summary>
internal static class VersionPages
{
    public static string Version(VersionView version)
    {
        var info = version.Info;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Text(info.Title.Zh)} {Html.Text(info.Version)} <span class=\"en\" lang=\"en\">{Html.Text(info.Title.En)}</span></h1>\n");
        html.Append("<table class=\"facts\"><tbody>");
        Row(html, "生效期间", "In force", Range(info, zh: true), Range(info, zh: false));
        Row(html, "依据文件", "Source", $"{info.Source.Title}（{info.Source.Number}），{Html.Date(info.Source.Issued)}印发", $"issued {Html.Date(info.Source.Issued)}, published {Html.Date(info.Source.Published)}");
        Row(html, "状态", "Status", info.Sealed ? "已发布（已封存）" : "草稿（未封存）", info.Sealed ? "released (sealed)" : "draft (not sealed)");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>摘要 <span lang=\"en\">Digest</span></th><td colspan=\"2\"><code>{Html.Text(info.Digest)}</code></td></tr>\n");
        if (info.Supersedes is { } superseded)
        {
            Row(html, "取代版本", "Supersedes", superseded.Version, superseded.Version);
        }

        html.Append("</tbody></table>\n");
        if (info.Supersedes is { } why)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Bilingual("取代理由", "Why it supersedes " + why.Version)}</h2>\n");
            html.Append(Html.Pair(Html.Paragraphs(why.Reason.Zh), Html.Paragraphs(why.Reason.En)));
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Bilingual("各章", "Chapters")}</h2><ul class=\"chapters\">");
        foreach (var chapter in version.Chapters)
        {
            var rules = version.Clauses.Where(c => c.Chapter == chapter).Sum(c => c.RuleIds.Count);
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"chapter-{Html.Text(chapter)}.html\">第{Html.Text(chapter)}章 {Html.Text(version.ChapterTitle(chapter))}</a> <span class=\"muted\">{Html.Number(rules)} 条规则 <span lang=\"en\">rules</span></span></li>\n");
        }

        html.Append("</ul>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"samples.html\">{Html.Bilingual($"示例申请（{version.Results.Count}件）", $"Sample applications ({version.Results.Count})")}</a></p>\n");
        Changes(html, version);
        return html.ToString();
    }

    public static string Samples(VersionView version)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\"><a href=\"index.html\">{Html.Text(version.Info.Id)} {Html.Text(version.Info.Version)}</a></p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Bilingual("示例申请", "Sample applications")}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Html.Bilingual($"每件示例按本版本（{version.Info.Version}）检查的结论，以及不通过、需复核的条款。", $"Each sample as version {version.Info.Version} decides it, with its failing and review clauses.")}</p>\n");
        html.Append("<table><thead><tr><th>示例 <span lang=\"en\">Sample</span></th><th>申请日期 <span lang=\"en\">Date</span></th><th>结论 <span lang=\"en\">Decision</span></th><th>不通过 / 需复核 <span lang=\"en\">Fail / review</span></th></tr></thead><tbody>");
        foreach (var (source, result) in version.Results)
        {
            var decision = PlainNames.Decision(result.Decision);
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{Html.Text(Html.SampleAnchor(source))}\"><td><code>{Html.Text(source)}</code></td><td>{Html.Text(result.Application)}</td><td>{Html.Bilingual(decision.Zh, decision.En)}</td><td>");
            foreach (var verdict in result.Failures.Concat(result.Reviews))
            {
                var outcome = PlainNames.Outcome(verdict.Outcome);
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"outcome-{VersionView.Code(verdict.Outcome)}\">{Html.Text(outcome.Zh)} <a href=\"{Html.Text(LocalLink(version, verdict.Rule))}\">{Html.Text(verdict.Clause.Ref)} <code>{Html.Text(verdict.Rule)}</code></a></div>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        return html.ToString();
    }

    /// <summary>"2022-08-19 起" / "from 2022-08-19", with its end or "until a later version supersedes it".</summary>
    public static string Range(RuleSetInfo info, bool zh) => info.EffectiveTo is { } to
        ? (zh ? $"{Html.Date(info.EffectiveFrom)} 至 {Html.Date(to)}" : $"{Html.Date(info.EffectiveFrom)} to {Html.Date(to)}")
        : (zh ? $"{Html.Date(info.EffectiveFrom)} 起，至新版本取代为止" : $"from {Html.Date(info.EffectiveFrom)} until a later version supersedes it");

    private static void Row(StringBuilder html, string zhLabel, string enLabel, string zh, string en) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{Html.Text(zhLabel)} <span lang=\"en\">{Html.Text(enLabel)}</span></th><td lang=\"zh-CN\">{Html.Text(zh)}</td><td lang=\"en\">{Html.Text(en)}</td></tr>\n");

    /// <summary>What changed since the previous version: rules added, removed and changed (old → new), lists, samples.</summary>
    private static void Changes(StringBuilder html, VersionView version)
    {
        if (version.Changes is not { } changes || version.Previous is not { } previous)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Bilingual("变更", "Changes")}</h2><p>{Html.Bilingual("这是本规则集的第一个版本。", "This is the rule set's first version.")}</p>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"changes\">{Html.Bilingual($"自 {previous.Info.Version} 以来的变更", $"What changed since {previous.Info.Version}")}</h2>\n");
        html.Append("<table class=\"changes\"><thead><tr><th>变更 <span lang=\"en\">Change</span></th><th>规则 <span lang=\"en\">Rule</span></th><th>条款 <span lang=\"en\">Clause</span></th><th>内容（旧 → 新） <span lang=\"en\">What (old → new)</span></th></tr></thead><tbody>");
        var rows = 0;
        foreach (var (kind, zh, en) in new[] { ("added", "新增", "added"), ("removed", "删除", "removed"), ("changed", "修改", "changed") })
        {
            foreach (var rule in changes.GetProperty(kind).EnumerateArray())
            {
                rows++;
                var id = rule.GetProperty("rule").GetString() ?? string.Empty;
                var clause = rule.GetProperty("clause").GetString() ?? string.Empty;
                var what = kind == "changed"
                    ? string.Concat(rule.GetProperty("changes").EnumerateArray().Select(c => $"<div><code>{Html.Text(c.GetString())}</code></div>"))
                    : $"<code>{Html.Text(rule.GetProperty("summary").GetString())}</code>";
                var link = kind == "removed" ? $"<code>{Html.Text(id)}</code>" : $"<a href=\"{Html.Text(LocalLink(version, id))}\"><code>{Html.Text(id)}</code></a>";
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"change-{kind}\"><td>{Html.Bilingual(zh, en)}</td><td>{link}</td><td>{Html.Text(clause)}</td><td>{what}</td></tr>\n");
            }
        }

        foreach (var list in changes.GetProperty("lists").EnumerateArray())
        {
            rows++;
            var words = list.GetProperty("added").EnumerateArray().Select(m => "+" + m.GetString())
                .Concat(list.GetProperty("removed").EnumerateArray().Select(m => "-" + m.GetString()));
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"change-list\"><td>{Html.Bilingual("矿种清单", "mineral list")}</td><td><code>{Html.Text(list.GetProperty("list").GetString())}</code></td><td></td><td><code>{Html.Text(list.GetProperty("status").GetString())}: {Html.Text(string.Join(", ", words))}</code></td></tr>\n");
        }

        if (rows == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"4\">{Html.Bilingual("规则无变更。", "No rule changes.")}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        var compared = changes.GetProperty("samplesCompared").GetInt32();
        var moved = changes.GetProperty("samples").GetArrayLength();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Html.Bilingual($"示例：{compared}件中有{moved}件的结论或条款随之改变。", $"Samples: {moved} of {compared} get another decision or other clauses.")}</p>\n");
        if (moved > 0)
        {
            html.Append("<ul class=\"moved\">");
            foreach (var sample in changes.GetProperty("samples").EnumerateArray())
            {
                var source = sample.GetProperty("source").GetString() ?? string.Empty;
                var decision = sample.GetProperty("decision");
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"samples.html#{Html.Text(Html.SampleAnchor(source))}\">{Html.Text(source)}</a> <code>{Html.Text(decision.GetProperty("old").GetString())} → {Html.Text(decision.GetProperty("new").GetString())}</code></li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    /// <summary>A rule's link from a page in the version's own folder.</summary>
    private static string LocalLink(VersionView version, string ruleId) => version.RuleLink(ruleId)[(version.Folder.Length + 1)..];
}
