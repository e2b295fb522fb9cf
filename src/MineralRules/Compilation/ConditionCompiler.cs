using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>
/// Compiles bound conditions into condition objects over the fields' typed readers: no code is generated at load
/// (expression trees compiled per leaf made up most of a cold load), and a leaf is one virtual call and one read.
/// Each form compiles itself (<see cref="ConditionForm.Compile"/>); composites combine leaves with three-valued logic
/// so a missing fact is never read as a pass or a fail.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly Lazy<ExpressionCompiler> _expressions;

    public ConditionCompiler(FieldCatalog fields, RuleSetReadings readings, Func<ExpressionCompiler> expressions)
    {
        Fields = fields;
        Readings = readings;

        // Built on the first expression condition only: most rule sets have none, and RulesEngine's parser is
        // costly to start.
        _expressions = new Lazy<ExpressionCompiler>(expressions, LazyThreadSafetyMode.None);
    }

    /// <summary>The application's facts.</summary>
    public FieldCatalog Fields { get; }

    /// <summary>How the rule set reads absent facts.</summary>
    public RuleSetReadings Readings { get; }

    /// <summary>The expression compiler, built on first use.</summary>
    public ExpressionCompiler Expressions => _expressions.Value;

    /// <summary>Compiles a rule's condition (or scope's when); its <see cref="CompiledCondition.Facts"/> say what it compares, for verdicts.</summary>
    public CompiledCondition? Compile(BoundCondition condition, string ruleId, DiagnosticBag diagnostics)
    {
        var compiled = CompilePart(condition, ruleId, diagnostics);
        compiled?.SetFacts(ConditionForms.Facts(condition, Fields));
        return compiled;
    }

    /// <summary>Compiles a part of a composite condition: only the whole condition's facts are read, so a part gets none.</summary>
    public CompiledCondition? CompilePart(BoundCondition condition, string ruleId, DiagnosticBag diagnostics) =>
        condition.Form.Compile(condition, this, ruleId, diagnostics);

    /// <summary>For kinds no rule form reads on the hot path: the boxed value, absent = missing.</summary>
    public static LeafCondition Boxed(Field field, Func<object, bool> test, Func<Application, bool, Explanation> explain) =>
        new(a => field.Read(a) is { } value ? Truth.Of(test(value)) : Truth.MissingField(field.Id), explain);
}
