using MineralRules.Compilation;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules;

/// <summary>
/// One rule-set version, read, validated and compiled once. Immutable and thread-safe: share one instance across
/// threads and evaluate as many applications as needed.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly RuleIndex _index;
    private readonly FieldCatalog _fields;

    internal CompiledRuleSet(RuleSetDefinition definition, IReadOnlyList<CompiledRule> rules, FieldCatalog fields)
    {
        Definition = definition;
        Info = definition.Info;
        _rules = rules;
        _index = new RuleIndex(rules);
        _fields = fields;
    }

    /// <summary>The rule set's id, version and period in force.</summary>
    public RuleSetInfo Info { get; }

    /// <summary>The ids of its rules, in evaluation order.</summary>
    public IReadOnlyList<string> RuleIds => [.. _rules.Select(r => r.Id)];

    internal IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>The rule set as read: clause index, plan text, reference data (for coverage and tools).</summary>
    internal RuleSetDefinition Definition { get; }

    /// <summary>True when this version is in force on <paramref name="date"/> by its own manifest.</summary>
    /// <param name="date">A date, usually the application date.</param>
    /// <returns>Whether effective-from ≤ date ≤ effective-to (open-ended without effective-to).</returns>
    public bool CoversDate(DateOnly date) => Info.EffectiveFrom <= date && (Info.EffectiveTo is null || date <= Info.EffectiveTo);

    /// <summary>Checks an application against every rule of this version.</summary>
    /// <param name="application">A valid application (as returned by <see cref="ApplicationReader"/>).</param>
    /// <returns>The verdicts and the decision.</returns>
    public EvaluationResult Evaluate(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Evaluator.Evaluate(Info, _index, _fields, application);
    }
}
