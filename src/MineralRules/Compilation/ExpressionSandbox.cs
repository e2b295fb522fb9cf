using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using MineralRules.Applications;

namespace MineralRules.Compilation;

/// <summary>
/// Walks a parsed rule expression and allows only what a rule about an application needs: the application's own
/// fields, literals, arithmetic, comparison and boolean operators, and a short list of pure functions with bounded
/// work. Everything else — GetType() and reflection, files, environment, processes, type loading, lambdas
/// (loops), allocation of strings or arrays — is refused at load.
/// </summary>
internal sealed class ExpressionSandbox : ExpressionVisitor
{
    private static readonly HashSet<string> MathFunctions = ["Abs", "Min", "Max", "Round", "Floor", "Ceiling"];
    private static readonly HashSet<string> StringFunctions = ["Contains", "StartsWith", "EndsWith", "Equals", "IsNullOrEmpty"];

    private readonly IReadOnlySet<ParameterExpression> _parameters;
    private readonly int _maxDepth;
    private readonly List<string> _violations = [];
    private int _depth;

    private ExpressionSandbox(IReadOnlySet<ParameterExpression> parameters, int maxDepth)
    {
        _parameters = parameters;
        _maxDepth = maxDepth;
    }

    /// <summary>Every construct the expression uses that the sandbox refuses; empty when it is safe.</summary>
    /// <param name="expression">The parsed expression.</param>
    /// <param name="parameters">The application's fields, the only variables allowed.</param>
    /// <param name="maxDepth">The deepest tree allowed; deeper is refused before anything is compiled.</param>
    public static IReadOnlyList<string> Check(Expression expression, IReadOnlySet<ParameterExpression> parameters, int maxDepth = 48)
    {
        var sandbox = new ExpressionSandbox(parameters, maxDepth);
        sandbox.Visit(expression);
        return sandbox._violations;
    }

    /// <summary>Types whose properties an expression may read: the application's records and their values.</summary>
    internal static bool IsFactType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.Namespace == typeof(Application).Namespace && t.Assembly == typeof(Application).Assembly && !t.IsSubclassOf(typeof(Exception));
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        if (_depth >= _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (!_violations.Contains(DepthViolation))
            {
                _violations.Add(DepthViolation);
            }

            return node;
        }

        if ((Nullable.GetUnderlyingType(node.Type) ?? node.Type) is var t && (t == typeof(double) || t == typeof(float)))
        {
            // Binary floating point gives NaN and infinity without throwing (x / 0.0), and every comparison with
            // NaN is false: a verdict would hang on that silently. Fields are decimal or whole numbers.
            if (!_violations.Contains(FloatingPointViolation))
            {
                _violations.Add(FloatingPointViolation);
            }

            return node;
        }

        _depth++;
        try
        {
            return VisitAllowed(node);
        }
        finally
        {
            _depth--;
        }
    }

    private const string FloatingPointViolation = "floating-point numbers (double, float) are not allowed: they give NaN or infinity instead of an error (x / 0.0), and a comparison with NaN decides silently; decimal fields compare with decimal literals (block.basicUnits >= 1.5), whole-number fields with whole numbers";

    private string DepthViolation => $"the expression is nested more than {_maxDepth} operators deep; split it into several rules or use declarative forms";

    private Expression VisitAllowed(Expression node)
    {
        switch (node.NodeType)
        {
            case ExpressionType.Constant or ExpressionType.Parameter or ExpressionType.MemberAccess or ExpressionType.Call
                or ExpressionType.Convert or ExpressionType.ConvertChecked
                or ExpressionType.Not or ExpressionType.Negate or ExpressionType.NegateChecked or ExpressionType.UnaryPlus
                or ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.And or ExpressionType.Or
                or ExpressionType.Equal or ExpressionType.NotEqual
                or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                or ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked
                or ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo
                or ExpressionType.Conditional or ExpressionType.Coalesce:
                return base.Visit(node)!;
            default:
                _violations.Add($"'{node.NodeType}' is not allowed in a rule expression (only fields, literals, arithmetic, comparisons and and/or/not)");
                return node;
        }
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        var t = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
        var allowed = node.Value is null || t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(string) || t == typeof(DateOnly);
        if (!allowed)
        {
            _violations.Add($"a constant of type {t.Name} is not allowed");
        }
        else if (node.Value is string s && s.Length > 1000)
        {
            _violations.Add("a text literal longer than 1000 characters is not allowed");
        }

        return node;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!_parameters.Contains(node))
        {
            _violations.Add($"'{node.Name}' is not a field of the application");
        }

        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var declaring = node.Member.DeclaringType!;
        if (declaring == typeof(Capacity))
        {
            // capacity.value >= 300 compares the bare number whatever its unit: 300 t/a would pass a 300 万吨/年 minimum.
            _violations.Add($"reading a capacity's '{FieldNames.ToKey(node.Member.Name)}' compares bare numbers whatever their units (300 t/a would pass a 300 万吨/年 minimum); write the declarative form `atLeast: {{ field: capacity, value: 300, unit: 万吨/年 }}` (or atMost, moreThan, lessThan), which converts units exactly");
            return node;
        }

        var allowed = node.Member is PropertyInfo && node.Expression is not null
            && (IsFactType(declaring)
                || (declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(Nullable<>) && node.Member.Name is "Value" or "HasValue")
                || (declaring == typeof(string) && node.Member.Name == "Length")
                || (declaring == typeof(DateOnly) && node.Member.Name is "Year" or "Month" or "Day" or "DayNumber")
                || (node.Member.Name == "Count" && IsFactList(node.Expression.Type)));
        if (!allowed)
        {
            _violations.Add($"reading '{declaring.Name}.{node.Member.Name}' is not allowed (only the application's fields)");
            return node;
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var declaring = method.DeclaringType!;
        var allowed =
            (declaring == typeof(Math) && MathFunctions.Contains(method.Name))
            || (declaring == typeof(decimal) && (method.Name.StartsWith("op_", StringComparison.Ordinal) || method.Name is "Compare" or "Round" or "Floor" or "Ceiling"))
            || (declaring == typeof(string) && StringFunctions.Contains(method.Name) && !node.Arguments.Any(a => a.Type != typeof(string)))
            || (declaring == typeof(Enumerable) && method.Name is "Contains" or "Count" or "Any" && node.Arguments.Count <= 2 && IsFactList(node.Arguments[0].Type)
                && node.Arguments.Skip(1).All(a => a.NodeType != ExpressionType.Lambda && a.NodeType != ExpressionType.Quote));
        if (!allowed)
        {
            _violations.Add($"calling '{declaring.Name}.{method.Name}' is not allowed");
            return node;
        }

        if (node.Arguments.Any(a => a is ConstantExpression { Value: null }))
        {
            // StartsWith(null) and the like can only throw when checked: refuse them now.
            _violations.Add($"'{declaring.Name}.{method.Name}' is given null, which it cannot take");
            return node;
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Method is { } method && !(method.DeclaringType == typeof(decimal) || method.DeclaringType == typeof(DateOnly) || method.DeclaringType == typeof(string) && method.Name is "op_Equality" or "op_Inequality" or "Equals"))
        {
            _violations.Add($"the operator '{method.DeclaringType?.Name}.{method.Name}' is not allowed");
            return node;
        }

        if (node.Left.Type == typeof(string) && node.NodeType == ExpressionType.Add)
        {
            _violations.Add("joining text is not allowed in a rule expression");
            return node;
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var t = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
        if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked
            && !(t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(DateOnly) || IsFactType(t) || t == typeof(string)))
        {
            _violations.Add($"converting to {t.Name} is not allowed");
            return node;
        }

        if (node.Method is { } method && method.DeclaringType != typeof(decimal))
        {
            _violations.Add($"the operator '{method.DeclaringType?.Name}.{method.Name}' is not allowed");
            return node;
        }

        return base.VisitUnary(node);
    }

    /// <summary>
    /// The enum constants an expression compares that no word in its text names: the parser turns a number into a
    /// word (<c>mineral == 99</c>, <c>mineral &gt; 3</c>), which decides by a number no document writes.
    /// </summary>
    /// <param name="expression">The parsed expression.</param>
    /// <param name="words">The text literals and identifiers the expression is written with.</param>
    internal static IReadOnlyList<string> EnumNumbers(Expression expression, IReadOnlySet<string> words)
    {
        var finder = new EnumConstants();
        finder.Visit(expression);
        return
        [
            .. finder.Found
                .Where(c => !Enum.IsDefined(c.GetType(), c) || !words.Contains(c.ToString()))
                .Select(c => $"The expression compares a {c.GetType().Name} with the number {Convert.ToInt64(c, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)}; {(Enum.IsDefined(c.GetType(), c) ? "write the word instead (e.g. \"" + c + "\")" : "no such word exists")}. Words are compared by name, never by number.")
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Rewrites an expression the sandbox accepted so that it decides honestly: integer <c>+ - *</c>, negation
    /// and conversions are checked (an overflow throws, and the verdict is review instead of a wrapped number),
    /// and text is compared ordinally (<c>StartsWith</c>, <c>EndsWith</c>, <c>Contains</c>, <c>Equals</c>), so a
    /// verdict never depends on the host's culture nor on characters its collation ignores (U+00AD, U+0000).
    /// </summary>
    /// <param name="expression">An expression <see cref="Check"/> found no violation in.</param>
    /// <returns>The expression to compile.</returns>
    internal static Expression Harden(Expression expression) => new Hardening().Visit(expression);

    private static bool IsFactList(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && type.GetGenericArguments()[0].IsEnum
        && IsFactType(type.GetGenericArguments()[0]);

    private sealed class EnumConstants : ExpressionVisitor
    {
        public List<Enum> Found { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is Enum value)
            {
                Found.Add(value);
            }

            return node;
        }
    }

    private sealed class Hardening : ExpressionVisitor
    {
        private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
        private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!;
        private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;
        private static readonly MethodInfo EqualsText = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(StringComparison)])!;
        private static readonly MethodInfo EqualsTexts = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;

        protected override Expression VisitBinary(BinaryExpression node)
        {
            var visited = base.VisitBinary(node);
            if (visited is BinaryExpression { Method: null } b && IsInteger(b.Type))
            {
                var checkedType = b.NodeType switch
                {
                    ExpressionType.Add => ExpressionType.AddChecked,
                    ExpressionType.Subtract => ExpressionType.SubtractChecked,
                    ExpressionType.Multiply => ExpressionType.MultiplyChecked,
                    _ => b.NodeType,
                };
                return checkedType == b.NodeType ? b : Expression.MakeBinary(checkedType, b.Left, b.Right, b.IsLiftedToNull, null);
            }

            return visited;
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var visited = base.VisitUnary(node);
            return visited switch
            {
                UnaryExpression { NodeType: ExpressionType.Negate, Method: null } u when IsInteger(u.Type) => Expression.NegateChecked(u.Operand),
                UnaryExpression { NodeType: ExpressionType.Convert, Method: null } u => Expression.ConvertChecked(u.Operand, u.Type),
                _ => visited,
            };
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = base.VisitMethodCall(node);
            if (visited is not MethodCallExpression { Method.DeclaringType: var declaring } call || declaring != typeof(string)
                || call.Arguments.Any(a => a.Type != typeof(string)))
            {
                return visited;
            }

            var ordinal = Expression.Constant(StringComparison.Ordinal);
            return (call.Method.Name, call.Object, call.Arguments.Count) switch
            {
                (nameof(string.StartsWith), { } text, 1) => Expression.Call(text, StartsWith, call.Arguments[0], ordinal),
                (nameof(string.EndsWith), { } text, 1) => Expression.Call(text, EndsWith, call.Arguments[0], ordinal),
                (nameof(string.Contains), { } text, 1) => Expression.Call(text, Contains, call.Arguments[0], ordinal),
                (nameof(string.Equals), { } text, 1) => Expression.Call(text, EqualsText, call.Arguments[0], ordinal),
                (nameof(string.Equals), null, 2) => Expression.Call(EqualsTexts, call.Arguments[0], call.Arguments[1], ordinal),
                _ => visited,
            };
        }

        private static bool IsInteger(Type type) =>
            Type.GetTypeCode(Nullable.GetUnderlyingType(type) ?? type) is TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16
                or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64;
    }
}
