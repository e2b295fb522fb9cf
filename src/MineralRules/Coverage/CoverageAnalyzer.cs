using MineralRules.RuleSets;

namespace MineralRules.Coverage;

/// <summary>How one rule is exercised by the sample applications.</summary>
internal sealed record RuleCoverage(
    string RuleId,
    ClauseReference Clause,
    RuleKind Kind,
    Outcome ViolationOutcome,
    bool Exemptable,
    IReadOnlyDictionary<Outcome, IReadOnlyList<string>> Samples,
    IReadOnlyList<string> NoteSamples,
    LocalizedText? CitationProblem)
{
    /// <summary>Samples in which the rule is violated: its violation outcome, for a reason other than a missing fact.</summary>
    public IReadOnlyList<string> Violating { get; init; } = [];
}

/// <summary>One clause of the index with the rules that cite it.</summary>
internal sealed record ClauseCoverage(ClauseIndexEntry Entry, IReadOnlyList<RuleCoverage> Rules);

/// <summary>The coverage of a rule set: every clause → its rules → the samples exercising each outcome, and the gaps.</summary>
internal sealed record CoverageReport(
    RuleSetInfo RuleSet,
    int SampleCount,
    IReadOnlyList<ClauseCoverage> Clauses,
    IReadOnlyList<RuleCoverage> UnindexedRules,
    IReadOnlyList<LocalizedText> Problems)
{
    public bool Complete => Problems.Count == 0;
}

/// <summary>
/// Builds the coverage report: evaluates every sample against the rule set and lists, per clause of the index, the
/// rules citing it and the samples giving each outcome. A gap is a problem: a checkable clause without a rule, an
/// informational one without a note, a rule never violated by any sample, or a citation not in the plan.
/// </summary>
internal static class CoverageAnalyzer
{
    public static CoverageReport Analyze(CompiledRuleSet ruleSet, IReadOnlyList<(string Source, Application Application)> samples)
    {
        var definition = ruleSet.Definition;
        var byRule = ruleSet.CompiledRules.ToDictionary(r => r.Id, _ => Enum.GetValues<Outcome>().ToDictionary(o => o, _ => new List<string>()), StringComparer.Ordinal);
        var violating = ruleSet.CompiledRules.ToDictionary(r => r.Id, _ => new List<string>(), StringComparer.Ordinal);
        var notes = ruleSet.CompiledRules.ToDictionary(r => r.Id, _ => new List<string>(), StringComparer.Ordinal);
        var rulesById = ruleSet.CompiledRules.ToDictionary(r => r.Id, r => r.Definition, StringComparer.Ordinal);
        foreach (var (source, application) in samples)
        {
            var result = ruleSet.Evaluate(application);
            foreach (var verdict in result.Verdicts)
            {
                byRule[verdict.Rule][verdict.Outcome].Add(source);
                var rule = rulesById[verdict.Rule];
                var violated = verdict.Outcome == Outcome.Fail
                    || (verdict.Outcome == Outcome.Review && rule.Outcome == Outcome.Review && verdict.Missing.Count == 0)
                    || verdict.Exemption?.Status == ExemptionStatus.Applied;
                if (violated)
                {
                    violating[verdict.Rule].Add(source);
                }
            }

            foreach (var note in result.Notes)
            {
                notes[note.Rule].Add(source);
            }
        }

        RuleCoverage Describe(Compilation.CompiledRule rule) => new(
            rule.Id,
            rule.Clause,
            rule.Definition.Kind,
            rule.Definition.Outcome,
            rule.Definition.Exemptable,
            byRule[rule.Id].ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value),
            notes[rule.Id],
            definition.Plan is { } plan ? ClauseCitations.Problem(rule.Definition, plan) : null)
        {
            Violating = violating[rule.Id],
        };

        var problems = new List<LocalizedText>();
        var indexed = definition.ClauseIndex.Select(e => e.Ref).ToHashSet(StringComparer.Ordinal);
        var clauses = new List<ClauseCoverage>();
        foreach (var entry in definition.ClauseIndex)
        {
            var rules = ruleSet.CompiledRules.Where(r => r.Clause.Ref == entry.Ref).Select(Describe).ToList();
            clauses.Add(new ClauseCoverage(entry, rules));
            if (entry.Status == ClauseStatus.Checkable && !rules.Any(r => r.Kind == RuleKind.Check))
            {
                problems.Add(new($"条款 {entry.Ref}（{entry.Title}）可检查，但没有规则检查它。", $"Clause {entry.Ref} ({entry.Title}) is checkable but no rule checks it."));
            }

            if (entry.Status == ClauseStatus.Informational && !rules.Any(r => r.Kind == RuleKind.Note))
            {
                problems.Add(new($"条款 {entry.Ref}（{entry.Title}）仅供参考，但没有提示（note）引用它。", $"Clause {entry.Ref} ({entry.Title}) is informational but no note cites it."));
            }
        }

        var unindexed = ruleSet.CompiledRules.Where(r => !indexed.Contains(r.Clause.Ref)).Select(Describe).ToList();
        if (definition.ClauseIndex.Count == 0)
        {
            problems.Add(new("规则集没有条款索引（clauseIndex）：覆盖报告无法说明哪些条款可检查。", "The rule set has no clause index (clauseIndex): coverage cannot say which clauses are checkable."));
        }

        foreach (var rule in clauses.SelectMany(c => c.Rules).Concat(unindexed))
        {
            if (rule.Kind == RuleKind.Check && rule.Violating.Count == 0)
            {
                problems.Add(new($"规则 {rule.RuleId} 没有违反它的样例（结果 {Code(rule.ViolationOutcome)}）。", $"Rule {rule.RuleId} has no sample that violates it (outcome {Code(rule.ViolationOutcome)})."));
            }

            if (rule.Kind == RuleKind.Note && rule.NoteSamples.Count == 0)
            {
                problems.Add(new($"没有样例显示提示 {rule.RuleId}。", $"Note {rule.RuleId} is shown by no sample."));
            }

            if (rule.CitationProblem is { } citation)
            {
                problems.Add(new($"规则 {rule.RuleId}：{citation.Zh}。", $"Rule {rule.RuleId}: {citation.En}."));
            }
        }

        foreach (var rule in unindexed)
        {
            problems.Add(new($"规则 {rule.RuleId} 引用的条款不在条款索引中。", $"Rule {rule.RuleId} cites a clause that is not in the clause index."));
        }

        return new CoverageReport(ruleSet.Info, samples.Count, clauses, unindexed, problems);
    }

    public static string Code(Outcome outcome) => Applications.ResultVocabularies.Outcomes.Code(outcome);
}
