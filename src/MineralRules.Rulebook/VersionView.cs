using System.Globalization;
using System.Text.Json;
using MineralRules.Tooling;

namespace MineralRules.Rulebook;

/// <summary>
/// What the pages of one rule-set version show, computed once when the site is built: the version, its rules in
/// plain words, its clauses by chapter, every sample evaluated with it (per rule: the samples giving each outcome),
/// and what changed since the previous version (from <see cref="RuleSetChanges"/>).
/// </summary>
internal sealed class VersionView
{
    public VersionView(CompiledRuleSet ruleSet, CompiledRuleSet? previous, IReadOnlyList<Sample> samples)
    {
        RuleSet = ruleSet;
        Previous = previous;
        Descriptions = ruleSet.Descriptions.ToDictionary(d => d.RuleId, StringComparer.Ordinal);
        Clauses = ruleSet.Clauses;
        Chapters = [.. Clauses.Select(c => c.Chapter).Distinct(StringComparer.Ordinal)];
        foreach (var sample in samples)
        {
            var attempt = ruleSet.TryEvaluate(sample.Application);
            if (attempt.Result is not { } result)
            {
                continue;
            }

            Results.Add((sample.Source, result));
            foreach (var verdict in result.Verdicts.Where(v => v.Outcome != Outcome.NotApplicable))
            {
                Samples(verdict.Rule, Code(verdict.Outcome)).Add(sample.Source);
            }

            foreach (var note in result.Notes)
            {
                Samples(note.Rule, NoteKey).Add(sample.Source);
            }
        }

        if (previous is not null)
        {
            using var json = new StringWriter(CultureInfo.InvariantCulture);
            RuleSetChanges.Compare(previous, ruleSet, samples).WriteJson(json);
            Changes = JsonDocument.Parse(json.ToString()).RootElement.Clone();
        }
    }

    /// <summary>The key of <see cref="SamplesByRule"/> for the samples that show a note.</summary>
    public const string NoteKey = "note";

    public CompiledRuleSet RuleSet { get; }

    public RuleSetInfo Info => RuleSet.Info;

    /// <summary>The version compared with: the one it supersedes, else the one before it.</summary>
    public CompiledRuleSet? Previous { get; }

    /// <summary><see cref="RuleSetChanges.WriteJson"/> from <see cref="Previous"/> to this version, or null for the first.</summary>
    public JsonElement? Changes { get; }

    public IReadOnlyDictionary<string, RuleDescription> Descriptions { get; }

    public IReadOnlyList<ClauseText> Clauses { get; }

    /// <summary>The chapters (<c>1</c> … <c>7</c>) in the plan's order.</summary>
    public IReadOnlyList<string> Chapters { get; }

    /// <summary>Each sample with its result under this version, in the samples' order.</summary>
    public List<(string Source, EvaluationResult Result)> Results { get; } = [];

    /// <summary>The folder of the version's pages: <c>&lt;id&gt;/&lt;version&gt;</c>.</summary>
    public string Folder => $"{Info.Id}/{Info.Version}";

    /// <summary>Outcome code (<see cref="PlainNames.Code"/>) or <see cref="NoteKey"/> → samples, per rule.</summary>
    public Dictionary<string, SortedDictionary<string, List<string>>> SamplesByRule { get; } = new(StringComparer.Ordinal);

    public string ChapterPath(string chapter) => $"{Folder}/chapter-{chapter}.html";

    public string IndexPath => $"{Folder}/index.html";

    public string SamplesPath => $"{Folder}/samples.html";

    /// <summary>The chapter page of a rule, with its anchor.</summary>
    public string RuleLink(string ruleId) =>
        Descriptions.TryGetValue(ruleId, out var rule) ? $"{ChapterPath(rule.Clause.Ref.Split('.')[0])}#{Html.RuleAnchor(ruleId)}" : IndexPath;

    public string ClauseLink(string reference) => $"{ChapterPath(reference.Split('.')[0])}#{Html.ClauseAnchor(reference)}";

    /// <summary>The title of a chapter (its clause index entry), or empty.</summary>
    public string ChapterTitle(string chapter) => Clauses.FirstOrDefault(c => c.Ref == chapter)?.Title ?? string.Empty;

    public static string Code(Outcome outcome) => PlainNames.Code(outcome);

    private List<string> Samples(string rule, string outcome)
    {
        if (!SamplesByRule.TryGetValue(rule, out var byOutcome))
        {
            SamplesByRule[rule] = byOutcome = new(StringComparer.Ordinal);
        }

        if (!byOutcome.TryGetValue(outcome, out var list))
        {
            byOutcome[outcome] = list = [];
        }

        return list;
    }
}
