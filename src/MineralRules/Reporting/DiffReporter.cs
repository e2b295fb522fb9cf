using System.Globalization;
using System.Text.Json;
using MineralRules.Evaluation;
using MineralRules.Versioning;

namespace MineralRules.Reporting;

/// <summary>Writes a rule-set diff as text, Markdown or JSON.</summary>
internal static class DiffReporter
{
    public static void Text(RuleSetDiffReport report, TextWriter output)
    {
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
                output.WriteLine($"      {change}");
            }
        }

        foreach (var list in report.Lists)
        {
            output.WriteLine($"  list {list.ListId}{(list.Status is null ? string.Empty : $" ({list.Status})")}: {ListChanges(list)}");
        }

        if (!report.HasRuleChanges)
        {
            output.WriteLine("  no rule changes");
        }

        output.WriteLine();
        output.WriteLine($"Samples: {report.Samples.Count} of {report.SamplesCompared} change.{BeforeEffective(report)}");
        foreach (var sample in report.Samples)
        {
            output.WriteLine($"  {sample.Source}: {SampleChanges(sample)}");
        }
    }

    /// <summary>Markdown within <see cref="MarkdownLimit.MaxLength"/> characters (a pull-request comment), cut as <see cref="MarkdownLimit"/> cuts.</summary>
    public static void Markdown(RuleSetDiffReport report, TextWriter output, int maxLength = MarkdownLimit.MaxLength)
    {
        var head = $"## {report.Old.Id} {report.Old.Version} → {report.New.Version}{Environment.NewLine}{Environment.NewLine}";
        using var rules = new StringWriter(CultureInfo.InvariantCulture);
        rules.WriteLine("| change | rule | clause | what |");
        rules.WriteLine("| --- | --- | --- | --- |");
        foreach (var rule in report.Added)
        {
            rules.WriteLine($"| added | `{rule.RuleId}` | {rule.ClauseRef} | {Cell(rule.Summary)} |");
        }

        foreach (var rule in report.Removed)
        {
            rules.WriteLine($"| removed | `{rule.RuleId}` | {rule.ClauseRef} | {Cell(rule.Summary)} |");
        }

        foreach (var rule in report.Changed)
        {
            rules.WriteLine($"| changed | `{rule.RuleId}` | {rule.ClauseRef} | {Cell(string.Join("<br>", rule.Changes))} |");
        }

        foreach (var list in report.Lists)
        {
            rules.WriteLine($"| list {list.Status ?? "changed"} | `{list.ListId}` | | {Cell(ListChanges(list))} |");
        }

        using var samples = new StringWriter(CultureInfo.InvariantCulture);
        samples.WriteLine($"**Samples:** {report.Samples.Count} of {report.SamplesCompared} change.{BeforeEffective(report)}");
        if (report.Samples.Count > 0)
        {
            samples.WriteLine();
            samples.WriteLine("| sample | change |");
            samples.WriteLine("| --- | --- |");
            foreach (var sample in report.Samples)
            {
                samples.WriteLine($"| `{sample.Source}` | {Cell(SampleChanges(sample))} |");
            }
        }

        MarkdownPart[] parts = [new("the rule changes", rules.ToString(), Environment.NewLine), new("the samples that change", samples.ToString(), string.Empty)];
        MarkdownLimit.Write(output, head, parts, maxLength, (leftOut, count) =>
            string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}**{leftOut} of {count} part(s) not listed** to keep this comment under {maxLength:N0} characters. For everything, run the same `mineralrules diff` with `--format text` (or `json`). Not listed:"));
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

    /// <summary>The samples left out of the comparison by their date, when there are any.</summary>
    private static string BeforeEffective(RuleSetDiffReport report) => report.SamplesBeforeEffective == 0 ? string.Empty
        : report.New.EffectiveTo is { } to
            ? string.Create(CultureInfo.InvariantCulture, $" {report.SamplesBeforeEffective} more dated outside {report.New.EffectiveFrom:yyyy-MM-dd} – {to:yyyy-MM-dd}, when {report.New.Version} is in force, keep the version in force on their date and do not change.")
            : string.Create(CultureInfo.InvariantCulture, $" {report.SamplesBeforeEffective} more dated before {report.New.EffectiveFrom:yyyy-MM-dd}, when {report.New.Version} takes effect, keep the version in force on their date and do not change.");

    private static string ListChanges(ListChange list) => string.Join(", ", list.Added.Select(m => "+" + m).Concat(list.Removed.Select(m => "-" + m)));

    private static string SampleChanges(SampleImpact s)
    {
        var parts = new List<string>();
        if (s.OldDecision != s.NewDecision)
        {
            parts.Add($"{ExpectationCheck.Code(s.OldDecision)} → {ExpectationCheck.Code(s.NewDecision)}");
        }

        if (!s.OldFail.SequenceEqual(s.NewFail))
        {
            parts.Add($"fail [{string.Join(", ", s.OldFail)}] → [{string.Join(", ", s.NewFail)}]");
        }

        if (!s.OldReview.SequenceEqual(s.NewReview))
        {
            parts.Add($"review [{string.Join(", ", s.OldReview)}] → [{string.Join(", ", s.NewReview)}]");
        }

        return string.Join("; ", parts);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
