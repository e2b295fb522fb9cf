using MineralRules.Applications;
using MineralRules.Conditions;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Versioning;

/// <summary>A rule present in one version only.</summary>
internal sealed record RuleEntry(string RuleId, string ClauseRef, string Summary);

/// <summary>A rule in both versions whose text differs: each change as "what: old → new".</summary>
internal sealed record RuleChange(string RuleId, string ClauseRef, IReadOnlyList<string> Changes);

/// <summary>A mineral list whose minerals differ.</summary>
internal sealed record ListChange(string ListId, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, string? Status);

/// <summary>A sample whose decision or failing/review clauses differ under the new version.</summary>
internal sealed record SampleImpact(
    string Source,
    Decision OldDecision,
    Decision NewDecision,
    IReadOnlyList<string> OldFail,
    IReadOnlyList<string> NewFail,
    IReadOnlyList<string> OldReview,
    IReadOnlyList<string> NewReview);

/// <summary>What a legal officer reads before releasing a version: rules and lists changed, and the samples it moves.</summary>
internal sealed record RuleSetDiffReport(
    RuleSetInfo Old,
    RuleSetInfo New,
    IReadOnlyList<RuleEntry> Added,
    IReadOnlyList<RuleEntry> Removed,
    IReadOnlyList<RuleChange> Changed,
    IReadOnlyList<ListChange> Lists,
    IReadOnlyList<SampleImpact> Samples,
    int SamplesCompared,
    int SamplesBeforeEffective = 0)
{
    public bool HasRuleChanges => Added.Count + Removed.Count + Changed.Count + Lists.Count > 0;
}

/// <summary>
/// Compares two compiled versions of a rule set rule by rule (thresholds, lists, scopes, outcomes, citations, messages)
/// and, over sample applications, every decision and clause list the new version changes.
/// </summary>
internal static class RuleSetDiff
{
    public static RuleSetDiffReport Compare(CompiledRuleSet older, CompiledRuleSet newer, IReadOnlyList<(string Source, Application Application)> samples)
    {
        var oldRules = older.Definition.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var newRules = newer.Definition.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var added = newer.Definition.Rules.Where(r => !oldRules.ContainsKey(r.Id)).Select(Entry).ToList();
        var removed = older.Definition.Rules.Where(r => !newRules.ContainsKey(r.Id)).Select(Entry).ToList();
        var changed = new List<RuleChange>();
        foreach (var rule in newer.Definition.Rules)
        {
            if (oldRules.TryGetValue(rule.Id, out var before))
            {
                var changes = CompareRule(before, rule);
                if (changes.Count > 0)
                {
                    changed.Add(new RuleChange(rule.Id, rule.Clause.Ref, changes));
                }
            }
        }

        var impacts = new List<SampleImpact>();
        var beforeEffective = 0;
        foreach (var (source, application) in samples)
        {
            // A sample dated outside the new version's period (before it takes effect) is decided by the version in
            // force on its date, under the new rules as under the old: it does not change. The same rule as the
            // version's own (CoversDate).
            if (!newer.CoversDate(application.ApplicationDate))
            {
                beforeEffective++;
                continue;
            }

            var a = older.Evaluate(application);
            var b = newer.Evaluate(application);
            var impact = new SampleImpact(
                source,
                a.Decision,
                b.Decision,
                ExpectationCheck.Refs(a.Failures),
                ExpectationCheck.Refs(b.Failures),
                ExpectationCheck.Refs(a.Reviews),
                ExpectationCheck.Refs(b.Reviews));
            if (impact.OldDecision != impact.NewDecision || !impact.OldFail.SequenceEqual(impact.NewFail) || !impact.OldReview.SequenceEqual(impact.NewReview))
            {
                impacts.Add(impact);
            }
        }

        return new RuleSetDiffReport(older.Info, newer.Info, added, removed, changed, CompareLists(older.Definition, newer.Definition), impacts, samples.Count - beforeEffective, beforeEffective);
    }

    private static RuleEntry Entry(RuleDefinition rule) =>
        new(rule.Id, rule.Clause.Ref, rule.Condition is null ? "note" : $"{ConditionForms.Render(rule.Condition)} → {Code(rule.Outcome)}");

    private static List<string> CompareRule(RuleDefinition a, RuleDefinition b)
    {
        var changes = new List<string>();
        void Field(string what, string? x, string? y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                changes.Add($"{what}: {x ?? "(none)"} → {y ?? "(none)"}");
            }
        }

        Field("kind", a.Kind.ToString().ToLowerInvariant(), b.Kind.ToString().ToLowerInvariant());
        Field("clause.ref", a.Clause.Ref, b.Clause.Ref);
        Field("clause.zh", a.Clause.Text, b.Clause.Text);
        Field("clause.en", a.Clause.En, b.Clause.En);
        Words("scope.permit", a.Scope.Permits, b.Scope.Permits, Vocabularies.Permits, changes);
        Words("scope.actions", a.Scope.Actions, b.Scope.Actions, Vocabularies.Actions, changes);
        Words("scope.minerals", a.Scope.Minerals, b.Scope.Minerals, Vocabularies.Minerals, changes);
        Words("scope.exceptMinerals", a.Scope.ExceptMinerals, b.Scope.ExceptMinerals, Vocabularies.Minerals, changes);
        Words("scope.miningMethods", a.Scope.MiningMethods, b.Scope.MiningMethods, Vocabularies.MiningMethods, changes);
        Words("scope.zones", a.Scope.Zones, b.Scope.Zones, Vocabularies.Zones, changes);
        Set("scope.leagues", a.Scope.Leagues, b.Scope.Leagues, changes);
        Set("scope.counties", a.Scope.Counties, b.Scope.Counties, changes);
        ConditionForms.Diff("scope.when", a.Scope.When, b.Scope.When, changes);
        ConditionForms.Diff("condition", a.Condition, b.Condition, changes);
        Field("outcome", Code(a.Outcome), Code(b.Outcome));
        Field("outcomeWhenMet", Code(a.OutcomeWhenMet), Code(b.OutcomeWhenMet));
        Field("exemptable", a.Exemptable ? "true" : "false", b.Exemptable ? "true" : "false");
        Field("message.zh", a.Message.Zh, b.Message.Zh);
        Field("message.en", a.Message.En, b.Message.En);
        Field("messageWhenMet.zh", a.MessageWhenMet?.Zh, b.MessageWhenMet?.Zh);
        Field("messageWhenMet.en", a.MessageWhenMet?.En, b.MessageWhenMet?.En);
        return changes;
    }

    private static List<ListChange> CompareLists(RuleSetDefinition older, RuleSetDefinition newer)
    {
        var before = older.MineralLists.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var after = newer.MineralLists.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var changes = new List<ListChange>();
        foreach (var list in newer.MineralLists)
        {
            var old = before.TryGetValue(list.Id, out var o) ? o.Minerals : [];
            var addedMinerals = list.Minerals.Except(old).Select(Vocabularies.Minerals.Code).ToList();
            var removedMinerals = old.Except(list.Minerals).Select(Vocabularies.Minerals.Code).ToList();
            if (o is null || addedMinerals.Count + removedMinerals.Count > 0)
            {
                changes.Add(new ListChange(list.Id, addedMinerals, removedMinerals, o is null ? "added" : null));
            }
        }

        changes.AddRange(older.MineralLists.Where(l => !after.ContainsKey(l.Id))
            .Select(l => new ListChange(l.Id, [], [.. l.Minerals.Select(Vocabularies.Minerals.Code)], "removed")));
        return changes;
    }

    private static void Words<T>(string what, IReadOnlyList<T> a, IReadOnlyList<T> b, Vocabulary<T> vocabulary, List<string> changes)
        where T : struct, Enum =>
        Set(what, [.. a.Select(vocabulary.Code)], [.. b.Select(vocabulary.Code)], changes);

    private static void Set(string what, IReadOnlyList<string> a, IReadOnlyList<string> b, List<string> changes)
    {
        var plus = b.Except(a, StringComparer.Ordinal).ToList();
        var minus = a.Except(b, StringComparer.Ordinal).ToList();
        if (plus.Count + minus.Count > 0)
        {
            changes.Add($"{what}: {List(a)} → {List(b)}");
        }

        // A scope key left out covers any value (a written key is never empty: the reader refuses []), so an empty
        // list is shown as what it means, never as "[]", which reads as "none".
        static string List(IReadOnlyList<string> words) => words.Count == 0 ? "(any)" : $"[{string.Join(", ", words)}]";
    }

    private static string Code(Outcome outcome) => ResultVocabularies.Outcomes.Code(outcome);
}
