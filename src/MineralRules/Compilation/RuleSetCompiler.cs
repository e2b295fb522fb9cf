using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>Compiles a validated rule set: each rule's scope and condition into delegates. Any error means no rule set.</summary>
internal sealed class RuleSetCompiler
{
    private readonly FieldCatalog _fields;
    private readonly ConditionCompiler _conditions;
    private readonly ScopeCompiler _scopes;
    private readonly RuleSetReadings _readings;

    /// <param name="fields">The application's facts.</param>
    /// <param name="readings">How the version reads what it leaves unsaid (absent zones ...).</param>
    public RuleSetCompiler(FieldCatalog fields, RuleSetReadings readings)
    {
        _fields = fields;
        _readings = readings;
        _conditions = new ConditionCompiler(fields, readings, () => new ExpressionCompiler(fields));
        _scopes = new ScopeCompiler(_conditions, readings);
    }

    /// <summary>
    /// For a rule set that already has errors and will not load: compiles only its expressions, the one part of
    /// compiling that can find more mistakes, so that every error is still reported without the cost of building
    /// the delegates of every declarative condition.
    /// </summary>
    public void CheckExpressions(ValidatedRuleSet ruleSet, DiagnosticBag diagnostics)
    {
        var expressions = new ExpressionCompiler(_fields);
        foreach (var rule in ruleSet.Rules)
        {
            foreach (var condition in new[] { rule.Condition, rule.When })
            {
                foreach (var expression in condition is null ? [] : ConditionForms.Nodes(condition).OfType<BoundExpression>())
                {
                    expressions.Compile(expression, rule.Definition.Id, diagnostics);
                }
            }
        }
    }

    public CompiledRuleSet? Compile(ValidatedRuleSet ruleSet, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Count;
        var rules = new List<CompiledRule>();
        foreach (var rule in ruleSet.Rules)
        {
            var definition = rule.Definition;
            var scope = _scopes.Compile(definition.Scope, rule.When, definition.Id, diagnostics);
            var condition = rule.Condition is null ? null : _conditions.Compile(rule.Condition, definition.Id, diagnostics);
            if (scope is not null && (condition is not null || rule.Condition is null))
            {
                rules.Add(new CompiledRule(definition, scope, condition, _readings));
            }
        }

        return diagnostics.Count > before ? null : new CompiledRuleSet(ruleSet.Definition, rules, _fields);
    }
}
