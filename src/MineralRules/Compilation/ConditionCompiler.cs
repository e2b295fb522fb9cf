using System.Collections.Frozen;
using System.Globalization;
using MineralRules.Diagnostics;
using MineralRules.Evaluation;
using MineralRules.RuleSets;
using MineralRules.Units;

namespace MineralRules.Compilation;

/// <summary>
/// Compiles bound conditions into condition objects over the fields' typed readers: no code is generated at load
/// (expression trees compiled per leaf made up most of a cold load), and a leaf is one virtual call and one read.
/// Composites combine leaves with three-valued logic so a missing fact is never read as a pass or a fail.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly FieldCatalog _fields;
    private readonly RuleSetReadings _readings;
    private readonly Lazy<ExpressionCompiler> _expressions;

    public ConditionCompiler(FieldCatalog fields, RuleSetReadings readings, Func<ExpressionCompiler> expressions)
    {
        _fields = fields;
        _readings = readings;

        // Built on the first expression condition only: most rule sets have none, and RulesEngine's parser is
        // costly to start.
        _expressions = new Lazy<ExpressionCompiler>(expressions, LazyThreadSafetyMode.None);
    }

    /// <summary>Compiles a condition; its <see cref="CompiledCondition.Facts"/> say what it compares, for verdicts.</summary>
    public CompiledCondition? Compile(BoundCondition condition, string ruleId, DiagnosticBag diagnostics)
    {
        var compiled = CompileForm(condition, ruleId, diagnostics);
        compiled?.SetFacts(FactText.For(condition, _fields));
        return compiled;
    }

    private CompiledCondition? CompileForm(BoundCondition condition, string ruleId, DiagnosticBag diagnostics) => condition switch
    {
        BoundCompare c => Compare(c),
        BoundIs c => Is(c),
        BoundMembership c => Membership(c),
        BoundIncludes c => Includes(c),
        BoundGiven c => Given(c),
        BoundProhibited => new LeafCondition(static _ => Truth.False, static (_, _) => Explanation.None),
        BoundScaleMatchesCapacity c => new ScaleDerivation(c.Table).Compile(),
        BoundAll c => Parts(c.Parts, ruleId, diagnostics) is { } parts ? new AllOf(parts) : null,
        BoundAny c => Parts(c.Parts, ruleId, diagnostics) is { } parts ? new AnyOf(parts) : null,
        BoundNot c => Compile(c.Part, ruleId, diagnostics) is { } part ? new NotOf(part) : null,
        BoundExpression c => _expressions.Value.Compile(c, ruleId, diagnostics),
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };

    private CompiledCondition[]? Parts(IReadOnlyList<BoundCondition> parts, string ruleId, DiagnosticBag diagnostics)
    {
        var compiled = parts.Select(p => Compile(p, ruleId, diagnostics)).ToList();
        return compiled.Contains(null) ? null : [.. compiled.OfType<CompiledCondition>()];
    }

    private CompiledCondition Compare(BoundCompare c)
    {
        var field = c.Field;
        if (field.Kind == FieldKind.Capacity)
        {
            return CapacityCompare(c);
        }

        Func<Application, bool, Explanation> explain = (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), Required(a, zh));
        if (c.Other is { } other)
        {
            var missing = new AbsentSides(Truth.MissingField(field.Id), Truth.MissingField(other.Id), Truth.MissingFields(FieldSet.Of(field.Id).Union(FieldSet.Of(other.Id))));
            return field.Kind == FieldKind.Date && other.Kind == FieldKind.Date
                ? new CompareFields<DateOnly>(field.ReadDate!, c.PlusMonths is not null || c.PlusDays is not null ? a => other.ReadDate!(a) is { } d ? Dates.Shift(d, c.PlusMonths, c.PlusDays) : null : other.ReadDate!, c.Comparison, missing, explain)
                : field.Kind == FieldKind.Word && other.Kind == FieldKind.Word
                ? new CompareFields<int>(field.ReadInteger!, other.ReadInteger!, c.Comparison, missing, explain)
                : new CompareFields<decimal>(field.ReadNumber!, other.ReadNumber!, c.Comparison, missing, explain);
        }

        var absent = Truth.MissingField(field.Id);
        return c.Ordinal is { } ordinal ? new CompareThreshold<int>(field.ReadInteger!, ordinal, c.Comparison, absent, explain)
            : c.Date is { } date ? new CompareThreshold<DateOnly>(field.ReadDate!, date, c.Comparison, absent, explain)
            : new CompareThreshold<decimal>(field.ReadNumber!, c.Number!.Value, c.Comparison, absent, explain);

        string? Required(Application a, bool zh) =>
            c.Other is { } o ? ((c.PlusMonths is not null || c.PlusDays is not null) && o.Read(a) is DateOnly od ? ValueText.Of(Dates.Shift(od, c.PlusMonths, c.PlusDays), o, zh) : ValueText.Of(o.Read(a), o, zh))
            : c.Ordinal is { } n ? field.Vocabulary!.Display(Enum.ToObject(field.ValueType, n), zh)
            : c.Date is { } d ? ValueText.Of(d, field, zh)
            : UnitConversions.Format(c.Number!.Value);
    }

    private LeafCondition CapacityCompare(BoundCompare c)
    {
        var days = ApplicationFields.OperatingDaysPerYear;
        var capacity = c.Field;
        var (readCapacity, readDays, comparison) = (capacity.ReadCapacity!, days.ReadInteger!, c.Comparison);
        Func<Application, Truth> evaluate;
        if (c.Other is { } other)
        {
            var readOther = other.ReadCapacity!;
            evaluate = a => CompareCapacities(readCapacity(a), readOther(a), readDays(a), comparison, capacity.Id, other.Id, days.Id);
        }
        else
        {
            var (threshold, unit) = (c.Number!.Value, c.Unit!.Value);
            evaluate = a => CompareCapacity(readCapacity(a), readDays(a), threshold, unit, comparison, capacity.Id, days.Id);
        }

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

    private static CompiledCondition Is(BoundIs c)
    {
        var field = c.Field;
        var absent = Truth.MissingField(field.Id);
        Func<Application, bool, Explanation> explain = (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), ValueText.Of(c.Value, field, zh));
        return field.Kind switch
        {
            FieldKind.Boolean => new EqualTo<bool>(field.ReadBoolean!, (bool)c.Value, absent, explain),
            FieldKind.Word => new EqualTo<int>(field.ReadInteger!, Convert.ToInt32(c.Value, CultureInfo.InvariantCulture), absent, explain),
            FieldKind.Integer => new EqualTo<int>(field.ReadInteger!, (int)c.Value, absent, explain),
            FieldKind.Decimal => new EqualTo<decimal>(field.ReadNumber!, (decimal)c.Value, absent, explain),
            FieldKind.Date => new EqualTo<DateOnly>(field.ReadDate!, (DateOnly)c.Value, absent, explain),
            _ => Boxed(field, value => Equals(value, c.Value), explain),
        };
    }

    private static CompiledCondition Membership(BoundMembership c)
    {
        var field = c.Field;
        Func<Application, bool, Explanation> explain = (a, zh) => new Explanation(
            ValueText.Of(field.Read(a), field, zh),
            (c.Negated ? (zh ? "不得为" : "none of ") : (zh ? "应为" : "one of ")) + ValueText.Join(c.Values.Select(v => ValueText.Of(v, field, zh)), zh));
        if (field.Kind == FieldKind.Word && Enum.GetValues(field.ValueType).Length <= 64)
        {
            // A bit mask: one AND, no allocation.
            var mask = c.Values.Aggregate(0UL, (m, v) => m | (1UL << Convert.ToInt32(v, CultureInfo.InvariantCulture)));
            return new WordIn(field.ReadInteger!, mask, c.Negated, Truth.MissingField(field.Id), explain);
        }

        if (field.Kind == FieldKind.Text)
        {
            var texts = c.Values.Cast<string>().ToFrozenSet(StringComparer.Ordinal);
            var read = field.ReadText!;
            return new LeafCondition(a => read(a) is { } text ? Truth.Of(texts.Contains(text) != c.Negated) : Truth.MissingField(field.Id), explain);
        }

        var values = c.Values.ToHashSet();
        return Boxed(field, value => values.Contains(value) != c.Negated, explain);
    }

    private LeafCondition Includes(BoundIncludes c)
    {
        var field = c.Field;
        var mask = c.Values.Aggregate(0UL, (m, v) => m | (1UL << Convert.ToInt32(v, CultureInfo.InvariantCulture)));
        var (read, given, negated) = (field.ReadWordMask!, field.ReadWordsGiven!, c.Negated);

        // An absent list is unknown where the rule set reads it so (2.0.0: absent zones are not "none"); 1.0.0
        // read it as empty.
        var absent = Truth.MissingField(field.Id);
        Func<Application, Truth> evaluate = _readings.AbsentZonesUnknown
            ? a => given(a) ? Truth.Of(((read(a) & mask) != 0) != negated) : absent
            : a => Truth.Of(((read(a) & mask) != 0) != negated);
        return new LeafCondition(evaluate, (a, zh) => new Explanation(
            ValueText.Of(field.Read(a), field, zh),
            (c.Negated ? (zh ? "不在" : "none of ") : (zh ? "位于" : "one of ")) + ValueText.Join(c.Values.Select(v => ValueText.Of(v, field, zh)), zh)));
    }

    /// <summary>A fact the application gives (a text: not blank): false when absent, never missing.</summary>
    private static LeafCondition Given(BoundGiven c)
    {
        var field = c.Field;
        Func<Application, bool, Explanation> explain = (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), zh ? "须填写" : "given");
        if (field.ReadText is { } text)
        {
            return new LeafCondition(a => Truth.Of(!string.IsNullOrWhiteSpace(text(a))), explain);
        }

        var read = field.Read;
        return new LeafCondition(a => Truth.Of(read(a) is not null), explain);
    }

    /// <summary>For kinds no rule form reads on the hot path: the boxed value, absent = missing.</summary>
    private static LeafCondition Boxed(Field field, Func<object, bool> test, Func<Application, bool, Explanation> explain) =>
        new(a => field.Read(a) is { } value ? Truth.Of(test(value)) : Truth.MissingField(field.Id), explain);

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
