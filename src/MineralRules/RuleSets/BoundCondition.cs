using MineralRules.Conditions;

namespace MineralRules.RuleSets;

/// <summary>
/// A condition after validation: its fields resolved in the <see cref="Compilation.FieldCatalog"/> and its values typed.
/// The compiler takes only these, so nothing it compiles can be ill-typed.
/// </summary>
internal abstract record BoundCondition(SourceLocation Location)
{
    /// <summary>The form that compiles and explains this condition.</summary>
    public abstract ConditionForm Form { get; }
}

/// <summary>A rule after validation.</summary>
internal sealed record ValidatedRule(RuleDefinition Definition, BoundCondition? Condition, BoundCondition? When);

/// <summary>A rule-set version after validation: every rule bound, every id unique.</summary>
internal sealed record ValidatedRuleSet(RuleSetDefinition Definition, IReadOnlyList<ValidatedRule> Rules)
{
    public RuleSetInfo Info => Definition.Info;
}
