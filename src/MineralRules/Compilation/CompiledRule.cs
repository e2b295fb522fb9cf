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
    }

    public RuleDefinition Definition { get; }

    public string Id => Definition.Id;

    public ClauseReference Clause => Definition.Clause;

    public Func<Application, Truth> Scope { get; }

    /// <summary>Null for notes.</summary>
    public CompiledCondition? Condition { get; }

    public Verdict NotApplicable { get; }

    public Verdict Passed { get; }
}
