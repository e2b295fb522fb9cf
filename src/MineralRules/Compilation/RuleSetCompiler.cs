using MineralRules.Diagnostics;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>Compiles a validated rule set: each rule's scope and condition into delegates. Any error means no rule set.</summary>
internal sealed class RuleSetCompiler
{
    private readonly FieldCatalog _fields;
    private readonly ConditionCompiler _conditions;
    private readonly ScopeCompiler _scopes;

    public RuleSetCompiler(FieldCatalog fields)
    {
        _fields = fields;
        _conditions = new ConditionCompiler(fields, new ExpressionCompiler(fields));
        _scopes = new ScopeCompiler(fields, _conditions);
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
                rules.Add(new CompiledRule(definition, scope, condition));
            }
        }

        return diagnostics.Count > before ? null : new CompiledRuleSet(ruleSet.Definition, rules, _fields);
    }
}
