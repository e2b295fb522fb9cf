using System.Globalization;
using System.Text.Json;
using MineralRules.Evaluation;
using MineralRules.Versioning;

namespace MineralRules.Reporting;

/// <summary>Writes a rule-set diff as text or Markdown (in the reader's language) or JSON (keys and codes).</summary>
internal static class DiffReporter
{
    public static void Text(RuleSetDiffReport report, TextWriter output, CultureInfo culture)
    {
        var zh = ReportWords.IsZh(culture);
        output.WriteLine($"{report.Old.Id} {report.Old.Version} → {report.New.Version}");
        foreach (var rule in report.Added)
        {
            output.WriteLine($"  + {rule.RuleId} ({rule.ClauseRef}): {rule.Summary}");
        }

        foreach (var rule in report.Removed)
        {
            output.WriteLine($"  - {rule.RuleId} ({rule.ClauseRef}): {rule.Summary}");
        }

        foreach (var rule in report.Changed)
        {
            output.WriteLine($"  ~ {rule.RuleId} ({rule.ClauseRef})");
            foreach (var change in rule.Changes)
            {
                output.WriteLine($"      {Change(change, zh)}");
            }
        }

        foreach (var list in report.Lists)
        {
            output.WriteLine(zh
                ? $"  矿种清单 {list.ListId}{(list.Status is null ? string.Empty : $"（{ListStatus(list.Status, zh)}）")}：{ListChanges(list)}"
                : $"  list {list.ListId}{(list.Status is null ? string.Empty : $" ({list.Status})")}: {ListChanges(list)}");
        }

        if (!report.HasRuleChanges)
        {
            output.WriteLine(zh ? "  规则没有变化" : "  no rule changes");
        }

        output.WriteLine();
        output.WriteLine(zh ? $"样例：{report.SamplesCompared} 个中有 {report.Samples.Count} 个发生变化。{BeforeEffective(report, zh)}" : $"Samples: {report.Samples.Count} of {report.SamplesCompared} change.{BeforeEffective(report, zh)}");
        foreach (var sample in report.Samples)
        {
            output.WriteLine(zh ? $"  {sample.Source}：{SampleChanges(sample, zh)}" : $"  {sample.Source}: {SampleChanges(sample, zh)}");
        }
    }

    /// <summary>Markdown within <see cref="MarkdownLimit.MaxLength"/> characters (a pull-request comment), cut as <see cref="MarkdownLimit"/> cuts, in the reader's language.</summary>
    public static void Markdown(RuleSetDiffReport report, TextWriter output, CultureInfo culture, int maxLength = MarkdownLimit.MaxLength)
    {
        var zh = ReportWords.IsZh(culture);
        var head = $"## {report.Old.Id} {report.Old.Version} → {report.New.Version}{Environment.NewLine}{Environment.NewLine}";
        using var rules = new StringWriter(CultureInfo.InvariantCulture);
        rules.WriteLine(zh ? "| 变化 | 规则 | 条款 | 内容 |" : "| change | rule | clause | what |");
        rules.WriteLine("| --- | --- | --- | --- |");
        foreach (var rule in report.Added)
        {
            rules.WriteLine($"| {(zh ? "新增" : "added")} | `{rule.RuleId}` | {rule.ClauseRef} | {Cell(rule.Summary)} |");
        }

        foreach (var rule in report.Removed)
        {
            rules.WriteLine($"| {(zh ? "删除" : "removed")} | `{rule.RuleId}` | {rule.ClauseRef} | {Cell(rule.Summary)} |");
        }

        foreach (var rule in report.Changed)
        {
            rules.WriteLine($"| {(zh ? "修改" : "changed")} | `{rule.RuleId}` | {rule.ClauseRef} | {Cell(string.Join("<br>", rule.Changes.Select(c => Change(c, zh))))} |");
        }

        foreach (var list in report.Lists)
        {
            rules.WriteLine(zh
                ? $"| 矿种清单{ListStatus(list.Status ?? "changed", zh)} | `{list.ListId}` | | {Cell(ListChanges(list))} |"
                : $"| list {list.Status ?? "changed"} | `{list.ListId}` | | {Cell(ListChanges(list))} |");
        }

        using var samples = new StringWriter(CultureInfo.InvariantCulture);
        samples.WriteLine(zh ? $"**样例：**{report.SamplesCompared} 个中有 {report.Samples.Count} 个发生变化。{BeforeEffective(report, zh)}" : $"**Samples:** {report.Samples.Count} of {report.SamplesCompared} change.{BeforeEffective(report, zh)}");
        if (report.Samples.Count > 0)
        {
            samples.WriteLine();
            samples.WriteLine(zh ? "| 样例 | 变化 |" : "| sample | change |");
            samples.WriteLine("| --- | --- |");
            foreach (var sample in report.Samples)
            {
                samples.WriteLine($"| `{sample.Source}` | {Cell(SampleChanges(sample, zh))} |");
            }
        }

        MarkdownPart[] parts = zh
            ? [new("规则的变化", rules.ToString(), Environment.NewLine), new("发生变化的样例", samples.ToString(), string.Empty)]
            : [new("the rule changes", rules.ToString(), Environment.NewLine), new("the samples that change", samples.ToString(), string.Empty)];
        MarkdownLimit.Write(output, head, parts, maxLength, (leftOut, count) => zh
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}**{count} 部分中有 {leftOut} 部分未列出**，以使本评论不超过 {maxLength:N0} 个字符。要看全部内容，请用 `--format text`（或 `json`）再运行同一条 `mineralrules diff`。未列出的部分：")
            : string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}**{leftOut} of {count} part(s) not listed** to keep this comment under {maxLength:N0} characters. For everything, run the same `mineralrules diff` with `--format text` (or `json`). Not listed:"), zh);
    }

    public static void Json(RuleSetDiffReport report, TextWriter output)
    {
        var document = new
        {
            ruleSet = report.New.Id,
            oldVersion = report.Old.Version,
            newVersion = report.New.Version,
            added = report.Added.Select(r => new { rule = r.RuleId, clause = r.ClauseRef, summary = r.Summary }),
            removed = report.Removed.Select(r => new { rule = r.RuleId, clause = r.ClauseRef, summary = r.Summary }),
            changed = report.Changed.Select(r => new { rule = r.RuleId, clause = r.ClauseRef, changes = r.Changes }),
            lists = report.Lists.Select(l => new { list = l.ListId, status = l.Status ?? "changed", added = l.Added, removed = l.Removed }),
            samplesCompared = report.SamplesCompared,
            samplesBeforeEffective = report.SamplesBeforeEffective,
            samples = report.Samples.Select(s => new
            {
                source = s.Source,
                decision = new { old = ExpectationCheck.Code(s.OldDecision), @new = ExpectationCheck.Code(s.NewDecision) },
                fail = new { old = s.OldFail, @new = s.NewFail },
                review = new { old = s.OldReview, @new = s.NewReview },
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>The samples left out of the comparison by their date (before the new version, or after its effective-to), when there are any.</summary>
    private static string BeforeEffective(RuleSetDiffReport report, bool zh) => report.SamplesBeforeEffective == 0 ? string.Empty
        : report.New.EffectiveTo is { } to
            ? zh ? string.Create(CultureInfo.InvariantCulture, $"另有 {report.SamplesBeforeEffective} 个样例的日期不在 {report.New.Version} 的施行期间 {report.New.EffectiveFrom:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 内，仍适用其日期当日生效的版本，不发生变化。")
                : string.Create(CultureInfo.InvariantCulture, $" {report.SamplesBeforeEffective} more dated outside {report.New.EffectiveFrom:yyyy-MM-dd} – {to:yyyy-MM-dd}, when {report.New.Version} is in force, keep the version in force on their date and do not change.")
        : zh ? string.Create(CultureInfo.InvariantCulture, $"另有 {report.SamplesBeforeEffective} 个样例的日期早于 {report.New.Version} 的生效日期 {report.New.EffectiveFrom:yyyy-MM-dd}，仍适用其日期当日生效的版本，不发生变化。")
        : string.Create(CultureInfo.InvariantCulture, $" {report.SamplesBeforeEffective} more dated before {report.New.EffectiveFrom:yyyy-MM-dd}, when {report.New.Version} takes effect, keep the version in force on their date and do not change.");

    private static string ListChanges(ListChange list) => string.Join(", ", list.Added.Select(m => "+" + m).Concat(list.Removed.Select(m => "-" + m)));

    /// <summary>A change line as the diff words it, with its English words for "none" and "any" in Chinese for a Chinese reader.</summary>
    private static string Change(string change, bool zh) =>
        zh ? change.Replace("(none)", "（无）", StringComparison.Ordinal).Replace("(any)", "（任意）", StringComparison.Ordinal) : change;

    private static string ListStatus(string status, bool zh) => !zh ? status : status switch
    {
        "added" => "新增",
        "removed" => "删除",
        _ => "修改",
    };

    private static string SampleChanges(SampleImpact s, bool zh)
    {
        var parts = new List<string>();
        if (s.OldDecision != s.NewDecision)
        {
            parts.Add(zh ? $"{ReportWords.Decision(s.OldDecision, zh)} → {ReportWords.Decision(s.NewDecision, zh)}" : $"{ExpectationCheck.Code(s.OldDecision)} → {ExpectationCheck.Code(s.NewDecision)}");
        }

        if (!s.OldFail.SequenceEqual(s.NewFail))
        {
            parts.Add($"{(zh ? "不通过" : "fail")} [{string.Join(", ", s.OldFail)}] → [{string.Join(", ", s.NewFail)}]");
        }

        if (!s.OldReview.SequenceEqual(s.NewReview))
        {
            parts.Add($"{(zh ? "需复核" : "review")} [{string.Join(", ", s.OldReview)}] → [{string.Join(", ", s.NewReview)}]");
        }

        return string.Join(zh ? "；" : "; ", parts);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
