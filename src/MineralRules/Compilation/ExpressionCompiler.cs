using System.Linq.Expressions;
using System.Reflection;
using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Evaluation;
using MineralRules.RuleSets;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace MineralRules.Compilation;

/// <summary>
/// Compiles the expression form with RulesEngine's <see cref="RuleExpressionParser"/> — parse once, sandbox, compile
/// once — never through <c>ExecuteAllRulesAsync</c>. The application's top-level fields are the expression's
/// variables (<c>capacity.value &gt;= 300</c>, <c>block.basicUnits &gt;= 1</c>). A parse error or a sandbox refusal
/// is a load error at the expression's line, never a verdict.
/// </summary>
internal sealed class ExpressionCompiler
{
    /// <summary>Longer expressions belong in a declarative form or in several rules.</summary>
    public const int MaxLength = 2000;

    private static readonly ParameterExpression App = Expression.Parameter(typeof(Application), "app");

    private readonly FieldCatalog _fields;
    private readonly RuleExpressionParser _parser;
    private readonly IReadOnlyList<(ParameterExpression Parameter, PropertyInfo Property)> _variables;

    public ExpressionCompiler(FieldCatalog fields)
    {
        _fields = fields;

        // Parse errors must surface as load errors, never as "failed rule" results. Beware the naming: with
        // EnableExceptionAsErrorMessageForRuleExpressionParsing = false, RulesEngine swallows a parse error and
        // returns the constant false — a typo would read as a failing verdict. True (its default) makes it throw.
        _parser = new RuleExpressionParser(new ReSettings
        {
            EnableExceptionAsErrorMessage = false,
            EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
            IgnoreException = false,
            CustomTypes = [],
        });
        _variables =
        [
            .. typeof(Application).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.Name is not (nameof(Application.Exemptions) or nameof(Application.Expect)))
                .Select(p => (Expression.Parameter(p.PropertyType, FieldNames.ToKey(p.Name)), p)),
        ];
    }

    public CompiledCondition? Compile(BoundExpression expression, string ruleId, DiagnosticBag diagnostics)
    {
        if (expression.Text.Length > MaxLength)
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionNotAllowed, $"The expression is {expression.Text.Length} characters long; the limit is {MaxLength}. Split it or use declarative forms.", ruleId);
            return null;
        }

        Expression body;
        try
        {
            body = _parser.Parse(expression.Text, [.. _variables.Select(v => v.Parameter)], typeof(bool));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var position = e is System.Linq.Dynamic.Core.Exceptions.ParseException pe ? $" at character {pe.Position + 1}" : string.Empty;
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionSyntax, $"The expression does not compile{position}: {e.Message.TrimEnd('.')}. Fields are written as in the application, e.g. capacity.value, block.basicUnits.", ruleId);
            return null;
        }

        // Second guard against a swallowed parse error: only the literal text may become a constant.
        if (body is ConstantExpression { Value: bool constant } && !string.Equals(expression.Text.Trim(), constant ? "true" : "false", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionSyntax, $"The expression does not compile: the parser reduced '{expression.Text}' to the constant {constant.ToString().ToLowerInvariant()}, which hides an error. Check the expression's syntax.", ruleId);
            return null;
        }

        if (body.Type != typeof(bool))
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionType, $"The expression must be true or false, but it gives {body.Type.Name}.", ruleId);
            return null;
        }

        var parameters = _variables.Select(v => v.Parameter).ToHashSet();
        var violations = ExpressionSandbox.Check(body, parameters);
        if (violations.Count > 0)
        {
            foreach (var violation in violations.Distinct())
            {
                diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionNotAllowed, $"The expression leaves the sandbox: {violation}.", ruleId);
            }

            return null;
        }

        var used = UsedFields(body);
        var bound = new ParameterBinder(_variables.ToDictionary(v => v.Parameter, v => (Expression)Expression.Property(App, v.Property))).Visit(body);
        var predicate = Expression.Lambda<Func<Application, bool>>(bound, App).Compile();
        var checks = used
            .Select(f => (f.Id, IsAbsent: Expression.Lambda<Func<Application, bool>>(Expression.Equal(f.Access(App), Expression.Constant(null, f.AccessType)), App).Compile()))
            .ToArray();

        Truth Evaluate(Application application)
        {
            var missing = FieldSet.Empty;
            foreach (var (id, isAbsent) in checks)
            {
                if (isAbsent(application))
                {
                    missing = missing.Union(FieldSet.Of(id));
                }
            }

            if (!missing.IsEmpty)
            {
                return Truth.MissingFields(missing);
            }

            try
            {
                return Truth.Of(predicate(application));
            }
            catch (ArithmeticException)
            {
                // Overflow or division by zero: a person decides, never a guessed outcome.
                return Truth.MissingFields(FieldSet.Empty);
            }
        }

        return new LeafCondition(Evaluate, (a, zh) => new Explanation(
            ValueText.Join(used.Select(f => $"{f.Path} = {ValueText.Of(f.Read(a), f, zh)}"), zh),
            expression.Text));
    }

    /// <summary>The catalog fields an expression reads: the longest field path along each member chain.</summary>
    private List<Field> UsedFields(Expression body)
    {
        var collector = new MemberChainCollector();
        collector.Visit(body);
        var used = new List<Field>();
        foreach (var chain in collector.Chains)
        {
            for (var length = chain.Count; length > 0; length--)
            {
                if (_fields.Find(string.Join('.', chain.Take(length))) is { } field)
                {
                    if (!used.Contains(field))
                    {
                        used.Add(field);
                    }

                    break;
                }
            }
        }

        return used;
    }

    /// <summary>Collects member chains rooted at a variable, as camelCase paths (capacity.value → [capacity, value]).</summary>
    private sealed class MemberChainCollector : ExpressionVisitor
    {
        public List<List<string>> Chains { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            var names = new List<string>();
            Expression? current = node;
            while (current is MemberExpression m)
            {
                if (!(m.Member.DeclaringType is { IsGenericType: true } d && d.GetGenericTypeDefinition() == typeof(Nullable<>)))
                {
                    names.Insert(0, FieldNames.ToKey(m.Member.Name));
                }

                current = m.Expression;
            }

            if (current is ParameterExpression p)
            {
                names.Insert(0, p.Name!);
                Chains.Add(names);
                return node;
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Chains.Add([node.Name!]);
            return node;
        }
    }

    /// <summary>Replaces each variable with the application's property it stands for.</summary>
    private sealed class ParameterBinder(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var bound) ? bound : node;
    }
}
