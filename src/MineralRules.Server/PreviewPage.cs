using System.Globalization;
using System.Net;
using System.Text;

namespace MineralRules.Server;

/// <summary>
/// The preview page's HTML, rendered on the server (no script, no CDN, no external fonts): the form, the served rules'
/// state (a broken edit's located errors while the last good rules serve), and a checked application's decision and
/// verdicts — clause, the plan's words, message, remedy and the facts compared — in Chinese with English beside
/// (English first for an English reader).
/// </summary>
internal sealed class PreviewPage
{
    private readonly StringBuilder _html = new();
    private readonly bool _chineseFirst;
    private readonly CultureInfo _culture;

    public PreviewPage(CultureInfo culture)
    {
        _culture = culture;
        _chineseFirst = Languages.IsChinese(culture);
    }

    /// <summary>The reader's language.</summary>
    public CultureInfo Culture => _culture;

    /// <summary>What the page shows below the form.</summary>
    /// <param name="Text">The application as pasted (kept in the text area).</param>
    /// <param name="Checked">The checked application, or null before any check.</param>
    /// <param name="Problem">A problem with the request itself (no input, too large), or null.</param>
    /// <param name="Sample">The sample loaded into the text area, or null.</param>
    public sealed record Content(string Text, CheckedApplication? Checked, string? Problem, string? Sample = null);

    public string Render(ServedRules rules, IReadOnlyList<string> samples, string? version, Content content)
    {
        var catalog = rules.Host.Current;
        Raw($"<!DOCTYPE html>\n<html lang=\"{(_chineseFirst ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\">");
        Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Raw($"<title>{E(Pick("申请预检", "Application preview"))} — MineralRules</title><style>{Style}</style></head><body>");
        Raw($"<header><h1>{Both("申请预检", "Application preview")}</h1>");
        Raw($"<p class=\"served\">{Both("所用规则", "Rules served")}: ");
        Raw(string.Join("; ", catalog.RuleSets.Select(r => E($"{r.Info.Id} {r.Info.Version} ({Range(r.Info)}){(r.Info.Sealed ? "" : Pick(" 草稿", " draft"))}"))));
        Raw($" · {E(rules.FolderName ?? ServerText.For(_culture).EmbeddedRules)}{(rules.Watching ? " · " + Both("监视修改中", "watching for edits") : "")}</p>");
        Raw($"<nav><a href=\"?lang=zh\">中文</a> · <a href=\"?lang=en\">English</a></nav></header><main>");

        if (rules.Errors.Count > 0)
        {
            Raw($"<section class=\"broken\" id=\"rule-errors\"><h2>{Both("规则文件有错误，未载入", "The edited rules have errors and were not loaded")}</h2>");
            Raw($"<p>{Both("仍以上次可用的规则判断", "The last good rules are serving")} ({E(rules.State.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC).</p><ul>");
            foreach (var diagnostic in rules.Errors)
            {
                Raw($"<li><code>{E(rules.Shown(diagnostic).Format(_culture))}</code></li>");
            }

            Raw("</ul></section>");
        }

        if (rules.State.Warnings.Count > 0)
        {
            Raw($"<section class=\"warnings\" id=\"rule-warnings\"><h2>{Both("规则文件的警告", "Warnings in the rule files")}</h2><ul>");
            foreach (var diagnostic in rules.State.Warnings)
            {
                Raw($"<li><code>{E(rules.Shown(diagnostic).Format(_culture))}</code></li>");
            }

            Raw("</ul></section>");
        }

        Form(catalog, samples, version, content.Text, content.Sample);
        if (content.Problem is { } problem)
        {
            Raw($"<section class=\"invalid\" id=\"result\"><h2>{Both("无法检查", "Not checked")}</h2><p>{E(problem)}</p></section>");
        }
        else if (content.Checked is { } checkedApplication)
        {
            Result(checkedApplication);
        }

        Raw("</main></body></html>");
        return _html.ToString();
    }

    private void Form(RuleSetCatalog catalog, IReadOnlyList<string> samples, string? version, string text, string? selectedSample)
    {
        var lang = _chineseFirst ? "zh" : "en";
        if (samples.Count > 0)
        {
            Raw($"<form method=\"get\" action=\"/preview\" class=\"samples\"><input type=\"hidden\" name=\"lang\" value=\"{lang}\"><label>{Both("示例申请", "Sample application")} <select name=\"sample\">");
            foreach (var sample in samples)
            {
                Raw($"<option{(sample == selectedSample ? " selected" : "")}>{E(sample)}</option>");
            }

            Raw($"</select></label> <button type=\"submit\">{Both("载入", "Load")}</button></form>");
        }

        Raw($"<form method=\"post\" action=\"/preview?lang={lang}\" enctype=\"multipart/form-data\" id=\"check\">");
        Raw($"<label for=\"application\">{Both("粘贴申请（YAML 或 JSON）", "Paste an application (YAML or JSON)")}</label>");
        Raw($"<textarea id=\"application\" name=\"application\" rows=\"18\" spellcheck=\"false\">{E(text)}</textarea>");
        Raw($"<p><label>{Both("或上传文件", "or upload a file")} <input type=\"file\" id=\"file\" name=\"file\" accept=\".yaml,.yml,.json\"></label></p>");
        Raw($"<p><label>{Both("规则版本", "Rule-set version")} <select name=\"version\"><option value=\"\">{Plain("申请日期适用的版本", "in force on the application date")}</option>");
        foreach (var ruleSet in catalog.RuleSets)
        {
            // A version that more than one rule set has is offered once per rule set, named by its id (RuleChoice.FromMenu).
            var info = ruleSet.Info;
            var shared = catalog.RuleSets.Count(r => r.Info.Version == info.Version) > 1;
            var value = shared ? $"{info.Id} {info.Version}" : info.Version;
            var selected = value == version ? " selected" : "";
            Raw($"<option value=\"{E(value)}\"{selected}>{E(value)}</option>");
        }

        Raw($"</select></label> <button type=\"submit\" id=\"submit\">{Both("检查", "Check")}</button></p></form>");
    }

    private void Result(CheckedApplication checkedApplication)
    {
        if (checkedApplication.Result is not { } result)
        {
            Raw($"<section class=\"invalid\" id=\"result\"><h2 id=\"decision\">{Both(ServerText.Zh.InvalidTitle, ServerText.En.InvalidTitle)}</h2><ul class=\"diagnostics\">");
            foreach (var diagnostic in checkedApplication.Errors)
            {
                Raw($"<li><code>{E(diagnostic.Format(_culture))}</code></li>");
            }

            Raw("</ul></section>");
            return;
        }

        // The library's one vocabulary of decisions and outcomes: the words of the CLI, the rulebook and the API.
        var (words, css) = (PlainNames.Decision(result.Decision), ResultJson.DecisionCode(result.Decision));
        Raw($"<section id=\"result\" class=\"{css}\"><h2 id=\"decision\" data-decision=\"{css}\">{Both(words.Zh, words.En)}</h2>");
        Raw($"<p class=\"served\">{E(result.Application)} · {E(result.RuleSet.Id)} {E(result.RuleSet.Version)} · {E(result.RuleSet.Digest)}</p>");
        var shown = result.Verdicts.Where(v => v.Outcome is Outcome.Fail or Outcome.Review).ToList();
        if (shown.Count == 0)
        {
            Raw($"<p>{Both("所有适用规则均通过。", "Every rule that applies passes.")}</p>");
        }

        foreach (var verdict in shown)
        {
            Verdict(verdict, checkedApplication.Read);
        }

        Raw("</section>");
    }

    private void Verdict(Verdict verdict, ApplicationReadResult read)
    {
        var fail = verdict.Outcome == Outcome.Fail;
        Raw($"<article class=\"verdict {(fail ? "fail" : "review")}\" data-rule=\"{E(verdict.Rule)}\" data-clause=\"{E(verdict.Clause.Ref)}\">");
        Raw($"<h3><span class=\"outcome\">{Both(PlainNames.Outcome(verdict.Outcome).Zh, PlainNames.Outcome(verdict.Outcome).En)}</span> <span class=\"clause\">{E(verdict.Clause.Ref)}</span> <code>{E(verdict.Rule)}</code></h3>");
        Raw($"<blockquote class=\"quote\"><span lang=\"zh\">{E(verdict.Clause.Text)}</span><br><span lang=\"en\" class=\"en\">{E(verdict.Clause.En)}</span></blockquote>");
        if (verdict.Message is { } message)
        {
            Raw($"<p class=\"message\"><b>{Both("结论", "Finding")}</b> {Text(message)}</p>");
        }

        if (verdict.Remedy is { } remedy)
        {
            Raw($"<p class=\"remedy\"><b>{Both("整改", "Remedy")}</b> {Text(remedy)}</p>");
        }

        if (verdict.Facts.Count > 0)
        {
            Raw($"<table class=\"facts\"><thead><tr><th>{Both("事实", "Fact")}</th><th>{Both("申请所写", "As written")}</th><th>{Both("要求", "Required")}</th><th>{Both("来源", "Source")}</th></tr></thead><tbody>");
            foreach (var fact in verdict.Facts)
            {
                var line = fact.Source == "application" && read.LineOf(fact.Field) is { } at ? string.Create(CultureInfo.InvariantCulture, $" ({Pick("第", "line ")}{at}{Pick("行", "")})") : "";
                Raw($"<tr><td><code>{E(fact.Field)}</code></td><td>{E(fact.Value ?? "—")}</td><td>{E(fact.Required)}</td><td>{E(fact.Source)}{E(line)}</td></tr>");
            }

            Raw("</tbody></table>");
        }

        if (verdict.Missing.Count > 0)
        {
            Raw($"<p class=\"missing\"><b>{Both("缺少", "Missing")}</b> {E(string.Join(", ", verdict.Missing))}</p>");
        }

        if (verdict.Basis.Count > 0)
        {
            Raw($"<p class=\"basis\"><b>{Both("依据", "Basis")}</b> {E(string.Join("; ", verdict.Basis.Select(b => string.Join(" ", new[] { b.Title, b.Number, b.Article }.Where(p => p is not null)))))}</p>");
        }

        Raw("</article>");
    }

    private string Text(LocalizedText text) =>
        _chineseFirst
            ? $"<span lang=\"zh\">{E(text.Zh)}</span><br><span lang=\"en\" class=\"en\">{E(text.En)}</span>"
            : $"<span lang=\"en\">{E(text.En)}</span><br><span lang=\"zh\" class=\"en\">{E(text.Zh)}</span>";

    private string Both(string zh, string en) =>
        _chineseFirst ? $"{E(zh)} <span class=\"en\">{E(en)}</span>" : $"{E(en)} <span class=\"en\">{E(zh)}</span>";

    private string Plain(string zh, string en) => _chineseFirst ? E($"{zh} · {en}") : E($"{en} · {zh}");

    private string Pick(string zh, string en) => _chineseFirst ? zh : en;

    private void Raw(string html) => _html.Append(html);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private string Range(RuleSetInfo info) => info.EffectiveTo is { } to
        ? $"{Date(info.EffectiveFrom)} – {Date(to)}"
        : Pick($"{Date(info.EffectiveFrom)} 起", $"from {Date(info.EffectiveFrom)}");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b;line-height:1.5}
        h1{font-size:1.5rem;margin:.2rem 0}.en{color:#555;font-size:.9em}.served{color:#444;font-size:.85rem}
        nav{font-size:.85rem}textarea{width:100%;font-family:monospace;font-size:.85rem;box-sizing:border-box}
        button{font-size:1rem;padding:.3rem 1.2rem}.samples{margin:.5rem 0}
        .broken{border:2px solid #b00020;background:#fdecee;padding:.5rem 1rem;margin:.5rem 0}
        .warnings{border:1px solid #d08a00;background:#fff6e5;padding:.3rem 1rem;margin:.5rem 0;font-size:.9rem}
        .invalid{border-left:6px solid #b00020;padding-left:1rem}.compliant h2{color:#1b6e20}.non-compliant h2{color:#b00020}.needs-review h2{color:#8a5a00}
        .verdict{border:1px solid #ccc;border-left:6px solid #b00020;padding:.4rem 1rem;margin:.8rem 0}.verdict.review{border-left-color:#d08a00}
        .clause{font-weight:bold;font-size:1.1em}.quote{margin:.3rem 0;padding:.3rem .8rem;background:#f4f4f4;border-left:3px solid #999}
        table.facts{border-collapse:collapse;font-size:.85rem}table.facts td,table.facts th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
        code{font-size:.85em}
        """;
}
