using System.Linq.Expressions;
using System.Reflection;
using MineralRules.Diagnostics;
using MineralRules.Evaluation;
using MineralRules.RuleSets;
using MineralRules.Units;

namespace MineralRules.Compilation;

/// <summary>
/// Compiles bound conditions into delegates. Each declarative leaf becomes one expression tree over the typed
/// application (null-propagating field access, then the comparison), compiled once; composites combine leaves
/// with three-valued logic so a missing fact is never read as a pass or a fail.
/// </summary>
internal sealed class ConditionCompiler
{
    private static readonly ParameterExpression App = Expression.Parameter(typeof(Application), "app");
    private static readonly ConstantExpression TrueTruth = Expression.Constant(Truth.True);
    private static readonly ConstantExpression FalseTruth = Expression.Constant(Truth.False);

    private readonly FieldCatalog _fields;
    private readonly ExpressionCompiler _expressions;

    public ConditionCompiler(FieldCatalog fields, ExpressionCompiler expressions)
    {
        _fields = fields;
        _expressions = expressions;
    }

    public CompiledCondition? Compile(BoundCondition condition, string ruleId, DiagnosticBag diagnostics) => condition switch
    {
        BoundCompare c => Compare(c),
        BoundIs c => Is(c),
        BoundMembership c => Membership(c),
        BoundIncludes c => Includes(c),
        BoundProhibited => new LeafCondition(static _ => Truth.False, static (_, _) => Explanation.None),
        BoundScaleMatchesCapacity c => new ScaleDerivation(c.Table).Compile(),
        BoundAll c => Parts(c.Parts, ruleId, diagnostics) is { } parts ? new AllOf(parts) : null,
        BoundAny c => Parts(c.Parts, ruleId, diagnostics) is { } parts ? new AnyOf(parts) : null,
        BoundNot c => Compile(c.Part, ruleId, diagnostics) is { } part ? new NotOf(part) : null,
        BoundExpression c => _expressions.Compile(c, ruleId, diagnostics),
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };

    private CompiledCondition[]? Parts(IReadOnlyList<BoundCondition> parts, string ruleId, DiagnosticBag diagnostics)
    {
        var compiled = parts.Select(p => Compile(p, ruleId, diagnostics)).ToList();
        return compiled.Contains(null) ? null : [.. compiled.OfType<CompiledCondition>()];
    }

    private LeafCondition Compare(BoundCompare c)
    {
        var field = c.Field;
        if (field.Kind == FieldKind.Capacity)
        {
            return CapacityCompare(c);
        }

        // value == null ? Missing(field) : (other == null ? Missing(other) : (value op threshold ? True : False))
        var value = Expression.Variable(field.AccessType, "value");
        Expression left = Expression.Property(value, "Value");
        Expression right;
        var variables = new List<ParameterExpression> { value };
        var assigns = new List<Expression> { Expression.Assign(value, field.Access(App)) };
        Expression? otherMissing = null;
        if (c.Other is { } other)
        {
            var otherValue = Expression.Variable(other.AccessType, "other");
            variables.Add(otherValue);
            assigns.Add(Expression.Assign(otherValue, other.Access(App)));
            right = Expression.Property(otherValue, "Value");
            if (c.PlusMonths is { } months)
            {
                right = Expression.Call(right, typeof(DateOnly).GetMethod(nameof(DateOnly.AddMonths))!, Expression.Constant(months));
            }

            otherMissing = Expression.Equal(otherValue, Expression.Constant(null, other.AccessType));
            if (left.Type != right.Type)
            {
                left = Expression.Convert(left, typeof(decimal));
                right = Expression.Convert(right, typeof(decimal));
            }
        }
        else if (c.Ordinal is { } ordinal)
        {
            left = Expression.Convert(left, typeof(int));
            right = Expression.Constant(ordinal);
        }
        else if (c.Date is { } date)
        {
            right = Expression.Constant(date);
        }
        else
        {
            left = Expression.Convert(left, typeof(decimal));
            right = Expression.Constant(c.Number!.Value);
        }

        Expression compare = c.Comparison switch
        {
            Comparison.AtLeast => Expression.GreaterThanOrEqual(left, right),
            Comparison.MoreThan => Expression.GreaterThan(left, right),
            Comparison.AtMost => Expression.LessThanOrEqual(left, right),
            _ => Expression.LessThan(left, right),
        };
        Expression decided = Expression.Condition(compare, TrueTruth, FalseTruth);
        if (otherMissing is not null)
        {
            decided = Expression.Condition(otherMissing, Missing(c.Other!), decided);
        }

        // Both sides absent: name both, so the applicant supplies everything at once.
        Expression valueMissing = otherMissing is null
            ? Missing(field)
            : Expression.Condition(otherMissing, Expression.Constant(Truth.MissingFields(FieldSet.Of(field.Id).Union(FieldSet.Of(c.Other!.Id)))), Missing(field));
        var body = Expression.Block(
            typeof(Truth),
            variables,
            [.. assigns, Expression.Condition(Expression.Equal(value, Expression.Constant(null, field.AccessType)), valueMissing, decided)]);
        var evaluate = Expression.Lambda<Func<Application, Truth>>(body, App).Compile();

        string? Required(Application a, bool zh) =>
            c.Other is { } o ? (c.PlusMonths is { } m && o.Read(a) is DateOnly od ? ValueText.Of(od.AddMonths(m), o, zh) : ValueText.Of(o.Read(a), o, zh))
            : c.Ordinal is { } n ? field.Vocabulary!.Display(Enum.ToObject(field.ValueType, n), zh)
            : c.Date is { } d ? ValueText.Of(d, field, zh)
            : UnitConversions.Format(c.Number!.Value);
        return new LeafCondition(evaluate, (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), Required(a, zh)));
    }

    private LeafCondition CapacityCompare(BoundCompare c)
    {
        var days = _fields.Find("operatingDaysPerYear")!;
        var capacity = c.Field;
        Expression call;
        if (c.Other is { } other)
        {
            call = Expression.Call(
                typeof(ConditionCompiler).GetMethod(nameof(CompareCapacities), BindingFlags.NonPublic | BindingFlags.Static)!,
                capacity.Access(App),
                other.Access(App),
                days.Access(App),
                Expression.Constant(c.Comparison),
                Expression.Constant(capacity.Id),
                Expression.Constant(other.Id),
                Expression.Constant(days.Id));
        }
        else
        {
            call = Expression.Call(
                typeof(ConditionCompiler).GetMethod(nameof(CompareCapacity), BindingFlags.NonPublic | BindingFlags.Static)!,
                capacity.Access(App),
                days.Access(App),
                Expression.Constant(c.Number!.Value),
                Expression.Constant(c.Unit!.Value),
                Expression.Constant(c.Comparison),
                Expression.Constant(capacity.Id),
                Expression.Constant(days.Id));
        }

        var evaluate = Expression.Lambda<Func<Application, Truth>>(call, App).Compile();
        return new LeafCondition(evaluate, (a, zh) =>
        {
            var actual = capacity.Read(a) as Capacity;
            var operatingDays = a.OperatingDaysPerYear;
            if (c.Other is { } o)
            {
                return new Explanation(ValueText.Of(actual, capacity, zh), ValueText.Of(o.Read(a), o, zh));
            }

            var required = UnitConversions.WithUnit(c.Number!.Value, c.Unit!.Value);
            if (actual is null || actual.Unit == c.Unit)
            {
                return new Explanation(ValueText.Of(actual, capacity, zh), required);
            }

            // Show the figure as given and, where it converts, in the threshold's unit.
            var converted = UnitConversions.Convert(actual, c.Unit!.Value, operatingDays);
            var text = converted is { } v ? $"{actual} (= {UnitConversions.WithUnit(decimal.Round(v, 4), c.Unit!.Value)})" : actual.ToString();
            return new Explanation(text, required);
        });
    }

    private LeafCondition Is(BoundIs c)
    {
        var field = c.Field;
        var value = Expression.Variable(field.AccessType, "value");
        var expected = Expression.Constant(c.Value, field.ValueType);
        Expression equal = field.ValueType.IsValueType
            ? Expression.Equal(Expression.Property(value, "Value"), expected)
            : Expression.Equal(value, expected);
        var body = Expression.Block(
            typeof(Truth),
            [value],
            Expression.Assign(value, field.Access(App)),
            Expression.Condition(
                Expression.Equal(value, Expression.Constant(null, field.AccessType)),
                Missing(field),
                Expression.Condition(equal, TrueTruth, FalseTruth)));
        var evaluate = Expression.Lambda<Func<Application, Truth>>(body, App).Compile();
        return new LeafCondition(evaluate, (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), ValueText.Of(c.Value, field, zh)));
    }

    private LeafCondition Membership(BoundMembership c)
    {
        var field = c.Field;
        var value = Expression.Variable(field.AccessType, "value");
        Expression member;
        if (field.Kind == FieldKind.Word && Enum.GetValues(field.ValueType).Length <= 64)
        {
            // A bit mask: one AND, no allocation.
            var mask = c.Values.Aggregate(0UL, (m, v) => m | (1UL << Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));
            var bit = Expression.LeftShift(Expression.Constant(1UL), Expression.Convert(Expression.Property(value, "Value"), typeof(int)));
            member = Expression.NotEqual(Expression.And(bit, Expression.Constant(mask)), Expression.Constant(0UL));
        }
        else
        {
            var setType = typeof(HashSet<>).MakeGenericType(field.ValueType);
            var set = Activator.CreateInstance(setType)!;
            foreach (var v in c.Values)
            {
                setType.GetMethod("Add")!.Invoke(set, [v]);
            }

            Expression item = field.ValueType.IsValueType ? Expression.Property(value, "Value") : value;
            member = Expression.Call(Expression.Constant(set), setType.GetMethod("Contains")!, item);
        }

        if (c.Negated)
        {
            member = Expression.Not(member);
        }

        var body = Expression.Block(
            typeof(Truth),
            [value],
            Expression.Assign(value, field.Access(App)),
            Expression.Condition(
                Expression.Equal(value, Expression.Constant(null, field.AccessType)),
                Missing(field),
                Expression.Condition(member, TrueTruth, FalseTruth)));
        var evaluate = Expression.Lambda<Func<Application, Truth>>(body, App).Compile();
        return new LeafCondition(evaluate, (a, zh) => new Explanation(
            ValueText.Of(field.Read(a), field, zh),
            (c.Negated ? (zh ? "不得为" : "none of ") : (zh ? "应为" : "one of ")) + ValueText.Join(c.Values.Select(v => ValueText.Of(v, field, zh)), zh)));
    }

    private LeafCondition Includes(BoundIncludes c)
    {
        var field = c.Field;
        var element = field.ValueType.GetGenericArguments()[0];
        var setType = typeof(HashSet<>).MakeGenericType(element);
        var set = Activator.CreateInstance(setType)!;
        foreach (var v in c.Values)
        {
            setType.GetMethod("Add")!.Invoke(set, [v]);
        }

        var method = typeof(ConditionCompiler).GetMethod(nameof(IncludesAny), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
        Expression includes = Expression.Call(method, field.Access(App), Expression.Constant(set));
        if (c.Negated)
        {
            includes = Expression.Not(includes);
        }

        // A list is never missing: the contract reads an absent list of zones as "none of them".
        var evaluate = Expression.Lambda<Func<Application, Truth>>(Expression.Condition(includes, TrueTruth, FalseTruth), App).Compile();
        return new LeafCondition(evaluate, (a, zh) => new Explanation(
            ValueText.Of(field.Read(a), field, zh),
            (c.Negated ? (zh ? "不在" : "none of ") : (zh ? "位于" : "one of ")) + ValueText.Join(c.Values.Select(v => ValueText.Of(v, field, zh)), zh)));
    }

    private static ConstantExpression Missing(Field field) => Expression.Constant(Truth.MissingField(field.Id));

    private static bool IncludesAny<T>(IReadOnlyList<T> list, HashSet<T> values)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (values.Contains(list[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static Truth CompareCapacity(Capacity? actual, int? days, decimal threshold, CapacityUnit unit, Comparison comparison, int capacityId, int daysId)
    {
        if (actual is null)
        {
            return Truth.MissingField(capacityId);
        }

        return Decide(UnitConversions.Compare(actual, days, threshold, unit), comparison, capacityId, daysId);
    }

    private static Truth CompareCapacities(Capacity? actual, Capacity? other, int? days, Comparison comparison, int capacityId, int otherId, int daysId)
    {
        if (actual is null || other is null)
        {
            return Truth.MissingFields((actual is null ? FieldSet.Of(capacityId) : FieldSet.Empty).Union(other is null ? FieldSet.Of(otherId) : FieldSet.Empty));
        }

        return Decide(UnitConversions.Compare(actual, days, other.Value, other.Unit), comparison, capacityId, daysId);
    }

    private static Truth Decide(CapacityComparison result, Comparison comparison, int capacityId, int daysId) => result switch
    {
        CapacityComparison.NeedsOperatingDays => Truth.MissingField(daysId),
        CapacityComparison.Incomparable => Truth.MissingField(capacityId),
        _ => Truth.Of(comparison switch
        {
            Comparison.AtLeast => result != CapacityComparison.Less,
            Comparison.MoreThan => result == CapacityComparison.Greater,
            Comparison.AtMost => result != CapacityComparison.Greater,
            _ => result == CapacityComparison.Less,
        }),
    };
}
