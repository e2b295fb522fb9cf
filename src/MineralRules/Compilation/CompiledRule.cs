using System.Collections.Concurrent;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>
/// One rule ready to evaluate: its scope and condition as delegates, and the verdicts that never vary
/// (not-applicable, pass) built once and shared by every evaluation.
/// </summary>
internal sealed class CompiledRule
{
    public CompiledRule(RuleDefinition definition, Func<Application, Truth> scope, CompiledCondition? condition)
    {
        Definition = definition;
        Scope = scope;
        Condition = condition;
        NotApplicable = new Verdict(definition.Id, Outcome.NotApplicable, definition.Clause, null, [], null);
        Passed = new Verdict(definition.Id, Outcome.Pass, definition.Clause, null, [], null);
        if (definition.Message is { } message && !HasPlaceholder(message))
        {
            // A message without placeholders reads the same for every application: build the verdict once.
            Violated = new Verdict(definition.Id, definition.Outcome, definition.Clause, message, [], null);
        }

        if (definition.MessageWhenMet is { } whenMet && !HasPlaceholder(whenMet))
        {
            MetForReview = new Verdict(definition.Id, Outcome.Review, definition.Clause, whenMet, [], null);
        }
    }

    public RuleDefinition Definition { get; }

    public string Id => Definition.Id;

    public ClauseReference Clause => Definition.Clause;

    public Func<Application, Truth> Scope { get; }

    /// <summary>Null for notes.</summary>
    public CompiledCondition? Condition { get; }

    public Verdict NotApplicable { get; }

    public Verdict Passed { get; }

    /// <summary>The verdict when the condition is violated and no exemption is claimed, where its message has no placeholder; else null.</summary>
    public Verdict? Violated { get; }

    /// <summary>The review verdict when an <c>outcomeWhenMet: review</c> condition is met, where its message has no placeholder; else null.</summary>
    public Verdict? MetForReview { get; }

    /// <summary>
    /// Review verdicts for absent facts, by the set of fields that made the rule undecidable: their message names
    /// only the fields, so one verdict serves every application that leaves out the same ones. Bounded by the
    /// subsets of the few fields one rule reads; thread-safe.
    /// </summary>
    public ConcurrentDictionary<FieldSet, Verdict> MissingVerdicts { get; } = new();

    private static bool HasPlaceholder(LocalizedText text) =>
        text.Zh.Contains('{', StringComparison.Ordinal) || text.En.Contains('{', StringComparison.Ordinal);
}
