using System.Linq.Expressions;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Tokenizer;
using System.Reflection;
using MineralRules.Applications;
using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Evaluation;
using MineralRules.RuleSets;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace MineralRules.Compilation;

/// <summary>
/// Compiles the expression form with RulesEngine's <see cref="RuleExpressionParser"/> — parse once, sandbox, compile
/// once — never through <c>ExecuteAllRulesAsync</c>. The application's top-level fields are the expression's
/// variables (<c>block.basicUnits &gt;= 1</c>, <c>deposit.otherMiningRights == 0</c>). A parse error or a sandbox refusal
/// is a load error at the expression's line, never a verdict.
/// </summary>
internal sealed class ExpressionCompiler
{
    /// <summary>Longer expressions belong in a declarative form or in several rules.</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting the parser is given: brackets, unary operators and conditionals (it recurses per each).</summary>
    public const int MaxNesting = 16;

    /// <summary>The deepest expression tree accepted after parsing (operators chained or nested).</summary>
    public const int MaxDepth = 48;

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
                .Where(p => p.Name is not nameof(Application.Exemptions))
                .Select(p => (Expression.Parameter(p.PropertyType, FieldNames.ToKey(p.Name)), p)),
        ];
    }

    public CompiledCondition? Compile(BoundExpression expression, string ruleId, DiagnosticBag diagnostics)
    {
        if (expression.Text.Length > MaxLength)
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionNotAllowed, $"The expression is {expression.Text.Length} characters long; the limit is {MaxLength}. Split it or use declarative forms.", $"表达式长 {expression.Text.Length} 个字符，上限为 {MaxLength}。请拆分它或改用声明式形式。", ruleId);
            return null;
        }

        // The parser recurses per bracket, per unary operator and per conditional: anything deeper than the cap is
        // refused before it runs, counted on the parser's own tokens (which know its string escapes, "\""), so no
        // rule text can exhaust the stack of the thread that loads it.
        List<Token> tokens;
        try
        {
            tokens = Tokens(expression.Text);
        }
        catch (System.Linq.Dynamic.Core.Exceptions.ParseException e)
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionSyntax, $"The expression does not compile at character {e.Position + 1}: {e.Message.TrimEnd('.')}.", $"表达式在第 {e.Position + 1} 个字符处无法编译：{e.Message.TrimEnd('.')}。", ruleId);
            return null;
        }

        if (Nesting(tokens) > MaxNesting)
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionNotAllowed, $"The expression nests brackets, unary operators (!, -) and conditionals (? :) more than {MaxNesting} deep. Simplify it or use declarative forms (all, any, not).", $"表达式中括号、一元运算符（!、-）和条件运算（? :）的嵌套超过 {MaxNesting} 层。请简化它或改用声明式形式（all、any、not）。", ruleId);
            return null;
        }

        Expression body;
        try
        {
            body = _parser.Parse(expression.Text, [.. _variables.Select(v => v.Parameter)], typeof(bool));
        }
#pragma warning disable CA1031 // Whatever the parser throws, the rule set must not load: a located diagnostic, never a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            if (e.Message.StartsWith("Expression of type 'Boolean' expected", StringComparison.Ordinal))
            {
                diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionType, "The expression must be true or false (a comparison such as block.basicUnits >= 1), but it gives a value of another type.", "表达式的结果必须是 true 或 false（如 block.basicUnits >= 1 这样的比较），但它给出的是其他类型的值。", ruleId);
                return null;
            }

            var position = e is System.Linq.Dynamic.Core.Exceptions.ParseException pe ? $" at character {pe.Position + 1}" : string.Empty;
            var positionZh = e is System.Linq.Dynamic.Core.Exceptions.ParseException pz ? $"（第 {pz.Position + 1} 个字符处）" : string.Empty;
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionSyntax, $"The expression does not compile{position}: {e.Message.TrimEnd('.')}. Fields are written as in the application, e.g. block.basicUnits, deposit.otherMiningRights.", $"表达式无法编译{positionZh}：{e.Message.TrimEnd('.')}。字段按申请中的写法书写，如 block.basicUnits、deposit.otherMiningRights。", ruleId);
            return null;
        }

        // Second guard against a swallowed parse error, and against rules that decide nothing: an expression that is
        // a constant (true, (true), false) reads no fact. Write `prohibited: true` for a rule every application in
        // scope violates; remove a rule every application passes.
        if (body is ConstantExpression { Value: bool constant })
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionSyntax, $"The expression '{expression.Text.Trim()}' is the constant {constant.ToString().ToLowerInvariant()} and reads no application field; a parse error may hide behind it. Write a condition on the application's fields, or `prohibited: true` for a rule every application in scope violates.", $"表达式 '{expression.Text.Trim()}' 是常量 {constant.ToString().ToLowerInvariant()}，没有读取任何申请字段；其背后可能隐藏着解析错误。请写一个基于申请字段的条件；适用范围内的申请一律违反的规则，请写 `prohibited: true`。", ruleId);
            return null;
        }

        if (body.Type != typeof(bool))
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionType, $"The expression must be true or false, but it gives {body.Type.Name}.", $"表达式的结果必须是 true 或 false，但它给出的是 {body.Type.Name}。", ruleId);
            return null;
        }

        var parameters = _variables.Select(v => v.Parameter).ToHashSet();
        var violations = ExpressionSandbox.Check(body, parameters, MaxDepth);
        if (violations.Count > 0)
        {
            foreach (var violation in violations.Distinct())
            {
                diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionNotAllowed, $"The expression leaves the sandbox: {violation}.", $"表达式超出了沙箱允许的范围：{violation}。", ruleId);
            }

            return null;
        }

        if (ExpressionSandbox.EnumNumbers(body, tokens.Where(t => t.Id is TokenId.StringLiteral or TokenId.Identifier).Select(t => t.Text.Trim('"', '\'')).ToHashSet(StringComparer.OrdinalIgnoreCase)) is { Count: > 0 } numbers)
        {
            foreach (var number in numbers)
            {
                diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionType, number, $"表达式把词与数字比较（{number}）；词按名称比较，从不按数字比较。", ruleId);
            }

            return null;
        }

        // Integer arithmetic checked (overflow throws, so the verdict is review, never a wrapped number) and text
        // compared ordinally (never by the host's culture).
        body = ExpressionSandbox.Harden(body);
        var used = UsedFields(body);
        if (used.Count == 0)
        {
            diagnostics.Add(expression.Location, DiagnosticCodes.ExpressionType, "The expression reads no application field, so it gives the same answer for every application. Write a condition on the application's fields, e.g. block.basicUnits >= 1.", "表达式没有读取任何申请字段，因此对所有申请给出相同的答案。请写一个基于申请字段的条件，如 block.basicUnits >= 1。", ruleId);
            return null;
        }

        var bound = new ParameterBinder(_variables.ToDictionary(v => v.Parameter, v => (Expression)Expression.Property(App, v.Property)), _fields).Visit(body);
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
#pragma warning disable CA1031 // Documented in docs/rule-format.md: an expression that throws is never a pass nor a fail.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                // Overflow, division by zero, an absent record the field checks did not cover, a bad argument:
                // the expression could not decide, so a person does ("review", with the generic message). No
                // allocation on the hot path: the try costs nothing until something throws.
                return Truth.MissingFields(FieldSet.Empty);
            }
        }

        // Why an evaluation threw, asked only when a review's message is read: the expression is run again.
        string? Undecided(Application application, bool zh)
        {
            try
            {
                predicate(application);
                return null;
            }
            catch (OverflowException)
            {
                return zh ? "表达式计算中的数值超出取值范围（溢出），结果不可信" : "a number in the expression's arithmetic overflows its range (overflow), so its result cannot be trusted";
            }
            catch (DivideByZeroException)
            {
                return zh ? "表达式中出现除以零" : "the expression divides by zero";
            }
#pragma warning disable CA1031 // As in Evaluate: any other failure is named by its kind, never rethrown.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                return zh ? $"表达式计算失败（{e.GetType().Name}）" : $"the expression failed ({e.GetType().Name})";
            }
        }

        return new LeafCondition(
            Evaluate,
            (a, zh) => new Explanation(ValueText.Join(used.Select(f => $"{f.Path} = {ValueText.Of(f.Read(a), f, zh)}"), zh), expression.Text),
            Undecided);
    }

    /// <summary>The expression's tokens, read by the parser's own tokenizer (a loop, no recursion).</summary>
    private static List<Token> Tokens(string text)
    {
        var parser = new TextParser(new ParsingConfig(), text);
        var tokens = new List<Token>();
        while (parser.CurrentToken.Id != TokenId.End)
        {
            tokens.Add(parser.CurrentToken);
            parser.NextToken();
        }

        return tokens;
    }

    /// <summary>
    /// How deep the parser will recurse, counted conservatively: each bracket <c>( [ {</c> opens a level; within
    /// a level each conditional or coalescing operator (<c>?</c>, <c>??</c>, <c>=&gt;</c>) adds one for the rest of
    /// it, and each run of unary operators (<c>!</c>, <c>not</c>, <c>-</c>, <c>+</c> where an operand is expected)
    /// adds its length until the next binary operator.
    /// </summary>
    internal static int Nesting(IReadOnlyList<Token> tokens)
    {
        var frames = new Stack<(int Base, int Persistent, int Unary)>();
        var current = (Base: 0, Persistent: 0, Unary: 0);
        var deepest = 0;
        var operandExpected = true;
        foreach (var token in tokens)
        {
            switch (token.Id)
            {
                case TokenId.OpenParen or TokenId.OpenBracket or TokenId.OpenCurlyParen:
                    frames.Push(current);
                    current = (current.Base + current.Persistent + current.Unary + 1, 0, 0);
                    operandExpected = true;
                    break;
                case TokenId.CloseParen or TokenId.CloseBracket or TokenId.CloseCurlyParen:
                    current = frames.Count > 0 ? frames.Pop() : current;
                    operandExpected = false;
                    break;
                case TokenId.Exclamation or TokenId.Minus or TokenId.Plus when operandExpected:
                    current.Unary++;
                    break;
                case TokenId.Question or TokenId.NullCoalescing or TokenId.Lambda:
                    current.Persistent++;
                    current.Unary = 0;
                    operandExpected = true;
                    break;
                case TokenId.Identifier or TokenId.StringLiteral or TokenId.IntegerLiteral or TokenId.RealLiteral:
                    operandExpected = false;
                    break;
                default:
                    // A binary operator, a comma or a colon: the unary run before it has ended.
                    current.Unary = 0;
                    operandExpected = true;
                    break;
            }

            deepest = Math.Max(deepest, current.Base + current.Persistent + current.Unary);
        }

        return deepest;
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

    /// <summary>
    /// Replaces each variable with the application's property it stands for, and each member chain that names a
    /// catalog field (location.zones) with the field's null-propagating read, so that an absent record reads as
    /// the declarative forms read it (absent zones = none) instead of throwing.
    /// </summary>
    private sealed class ParameterBinder(Dictionary<ParameterExpression, Expression> map, FieldCatalog fields) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var bound) ? bound : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            var names = new List<string>();
            Expression? current = node;
            while (current is MemberExpression m)
            {
                names.Insert(0, FieldNames.ToKey(m.Member.Name));
                current = m.Expression;
            }

            if (current is ParameterExpression p && map.ContainsKey(p)
                && fields.Find(p.Name + "." + string.Join('.', names)) is { } field && field.AccessType == node.Type)
            {
                return field.Access(App);
            }

            return base.VisitMember(node);
        }
    }
}
