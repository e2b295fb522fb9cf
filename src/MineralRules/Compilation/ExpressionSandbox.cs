using System.Linq.Expressions;
using System.Reflection;

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

        if (_depth >= _maxDepth)
        {
            if (!_violations.Contains(DepthViolation))
            {
                _violations.Add(DepthViolation);
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

    private static bool IsFactList(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && type.GetGenericArguments()[0].IsEnum
        && IsFactType(type.GetGenericArguments()[0]);
}
