// Why this file is about 400 lines: it is one condition form — the four comparisons (atLeast, moreThan, atMost,
// lessThan) over five kinds of threshold (number with unit, capacity, scale or stage word, date, another field) —
// read, bound, compiled, explained and diffed in one place, as every form is (docs/architecture.md).
using System.Globalization;
using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.RuleSets;
using MineralRules.Units;

namespace MineralRules.Conditions;

/// <summary>
/// A field compared with a threshold (a number with its unit, a scale or stage word, a date) or another field;
/// a date field may be shifted by whole months (<c>plusMonths</c>: "less than 3 months left").
/// </summary>
internal sealed record CompareCondition(
    SourceLocation Location,
    Comparison Comparison,
    string Field,
    SourceLocation FieldLocation,
    ScalarNode? Value,
    string? Unit,
    SourceLocation? UnitLocation,
    string? CompareTo,
    SourceLocation? CompareToLocation,
    int? PlusMonths = null,
    SourceLocation? PlusMonthsLocation = null) : ConditionDefinition(Location)
{
    /// <summary>Whole days added to the compareTo date ("30 days before expiry": <c>plusDays: -30</c>).</summary>
    public int? PlusDays { get; init; }

    public SourceLocation? PlusDaysLocation { get; init; }

    public override ConditionForm Form => CompareForm.Instance;
}

/// <summary>A field against a threshold or another field. Exactly one of the threshold forms is set.</summary>
internal sealed record BoundCompare(
    SourceLocation Location,
    Comparison Comparison,
    Field Field,
    decimal? Number,
    CapacityUnit? Unit,
    int? Ordinal,
    DateOnly? Date,
    Field? Other,
    int? PlusMonths = null) : BoundCondition(Location)
{
    /// <summary>Whole days added to the other (date) field.</summary>
    public int? PlusDays { get; init; }

    public override ConditionForm Form => CompareForm.Instance;
}

/// <summary><c>atLeast</c>, <c>moreThan</c>, <c>atMost</c>, <c>lessThan</c>: a field against a threshold or another field.</summary>
internal sealed class CompareForm : ConditionForm<CompareCondition, BoundCompare>
{
    public static readonly CompareForm Instance = new();

    private CompareForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["atLeast", "moreThan", "atMost", "lessThan"];

    /// <summary>The key that writes the comparison.</summary>
    public static string Name(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "atLeast",
        Comparison.MoreThan => "moreThan",
        Comparison.AtMost => "atMost",
        _ => "lessThan",
    };

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId)
    {
        var comparison = name switch
        {
            "atLeast" => Comparison.AtLeast,
            "moreThan" => Comparison.MoreThan,
            "atMost" => Comparison.AtMost,
            _ => Comparison.LessThan,
        };
        var diagnostics = reader.Diagnostics;
        var form = Name(comparison);
        if (Scalars.Mapping(body, diagnostics, $"'{form}' ({{ field, value, unit }} or {{ field, compareTo }})", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, diagnostics, ruleId);
        var fieldNode = m.Required("field", "the application field, e.g. capacity");
        var valueNode = m.Optional("value");
        var unitNode = m.Optional("unit");
        var compareToNode = m.Optional("compareTo");
        var plusMonthsNode = m.Optional("plusMonths");
        var plusDaysNode = m.Optional("plusDays");
        m.Finish($"'{form}'");
        var plusMonths = plusMonthsNode is null ? null : Scalars.Integer(plusMonthsNode, diagnostics, "'plusMonths'", ruleId);
        var plusDays = plusDaysNode is null ? null : Scalars.Integer(plusDaysNode, diagnostics, "'plusDays'", ruleId);
        foreach (var (shift, shiftName) in new[] { (plusMonthsNode, "plusMonths"), (plusDaysNode, "plusDays") })
        {
            if (shift is not null && compareToNode is null)
            {
                diagnostics.Add(shift.Location, DiagnosticCodes.InvalidRule, $"'{shiftName}' shifts the date named by 'compareTo'; add 'compareTo' or remove '{shiftName}'.", $"'{shiftName}' 用于平移 'compareTo' 所指的日期；请加上 'compareTo' 或删除 '{shiftName}'。", ruleId);
                return null;
            }
        }

        if (plusMonthsNode is not null && plusDaysNode is not null)
        {
            diagnostics.Add(plusDaysNode.Location, DiagnosticCodes.InvalidRule, "Shift the date by 'plusMonths' or by 'plusDays', not both.", "日期只能用 'plusMonths' 或 'plusDays' 之一平移，不能两者都用。", ruleId);
            return null;
        }

        // A shift beyond a century is an editing mistake, and past the calendar's range it cannot be computed.
        if ((plusMonths is { } months && Math.Abs((long)months) > Dates.MaxMonths) || (plusDays is { } days && Math.Abs((long)days) > Dates.MaxDays))
        {
            var (node, shiftName, limit, value) = plusMonths is not null ? (plusMonthsNode!, "plusMonths", Dates.MaxMonths, plusMonths.Value) : (plusDaysNode!, "plusDays", Dates.MaxDays, plusDays!.Value);
            diagnostics.Add(node.Location, DiagnosticCodes.InvalidRule, string.Create(CultureInfo.InvariantCulture, $"'{shiftName}' must be between -{limit} and {limit} (a century either way); it is {value}."), string.Create(CultureInfo.InvariantCulture, $"'{shiftName}' 必须在 -{limit} 至 {limit} 之间（前后各一百年）；现为 {value}。"), ruleId);
            return null;
        }

        var field = reader.Text(fieldNode, "'field'", ruleId);
        var unit = unitNode is null ? null : reader.Text(unitNode, "'unit'", ruleId);
        var compareTo = compareToNode is null ? null : reader.Text(compareToNode, "'compareTo'", ruleId);
        if ((valueNode is null) == (compareToNode is null))
        {
            diagnostics.Add(mapping.Location, DiagnosticCodes.MissingKey, $"'{form}' needs either 'value' (a threshold) or 'compareTo' (another field), not both or neither.", $"'{form}' 须二选一：'value'（阈值）或 'compareTo'（另一个字段），不能都写，也不能都不写。", ruleId);
            return null;
        }

        return field is null
            ? null
            : new CompareCondition(location, comparison, field, fieldNode!.Location, valueNode is null ? null : reader.ScalarOrError(valueNode, ruleId), unit, unitNode?.Location, compareTo, compareToNode?.Location, plusMonths, plusMonthsNode?.Location)
            {
                PlusDays = plusDays,
                PlusDaysLocation = plusDaysNode?.Location,
            };
    }

    protected override BoundCondition? Bind(CompareCondition c, ConditionBinder binder, string ruleId)
    {
        var diagnostics = binder.Diagnostics;
        var form = Name(c.Comparison);
        var field = binder.FieldOf(c.Field, c.FieldLocation, ruleId);
        if (field is null)
        {
            return null;
        }

        var comparable = field.Kind is FieldKind.Integer or FieldKind.Decimal or FieldKind.Capacity or FieldKind.Date || (field.Kind == FieldKind.Word && field.IsOrdered);
        if (!comparable)
        {
            diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'{form}' compares numbers, capacities, dates, scales or stages; '{field.Path}' is {ConditionBinder.Describe(field)}. Use 'is', 'oneOf' or 'noneOf'.", $"'{form}' 用于比较数字、产能、日期、规模或勘查程度；{field.ZhNamed}是{ConditionBinder.DescribeZh(field)}。请使用 'is'、'oneOf' 或 'noneOf'。", ruleId);
            return null;
        }

        if (c.Unit is not null && field.Kind != FieldKind.Capacity)
        {
            diagnostics.Add(c.UnitLocation!, DiagnosticCodes.UnitMismatch, $"'{field.Path}' is {ConditionBinder.Describe(field)} and takes no unit; remove 'unit'.", $"{field.ZhNamed}是{ConditionBinder.DescribeZh(field)}，没有单位；请删除 'unit'。", ruleId);
            return null;
        }

        if (c.CompareTo is { } otherPath)
        {
            var other = binder.FieldOf(otherPath, c.CompareToLocation!, ruleId);
            if (other is null)
            {
                return null;
            }

            var sameKind = other.Kind == field.Kind && (field.Kind != FieldKind.Word || other.ValueType == field.ValueType)
                || (field.Kind is FieldKind.Integer or FieldKind.Decimal && other.Kind is FieldKind.Integer or FieldKind.Decimal);
            if (!sameKind)
            {
                diagnostics.Add(c.CompareToLocation!, DiagnosticCodes.FieldTypeMismatch, $"'{field.Path}' ({ConditionBinder.Describe(field)}) cannot be compared with '{other.Path}' ({ConditionBinder.Describe(other)}).", $"{field.ZhNamed}（{ConditionBinder.DescribeZh(field)}）不能与{other.ZhNamed}（{ConditionBinder.DescribeZh(other)}）比较。", ruleId);
                return null;
            }

            if ((c.PlusMonths is not null || c.PlusDays is not null) && field.Kind != FieldKind.Date)
            {
                diagnostics.Add((c.PlusMonthsLocation ?? c.PlusDaysLocation)!, DiagnosticCodes.FieldTypeMismatch, $"'{(c.PlusMonths is not null ? "plusMonths" : "plusDays")}' shifts dates; '{field.Path}' is {ConditionBinder.Describe(field)}.", $"'{(c.PlusMonths is not null ? "plusMonths" : "plusDays")}' 用于平移日期；{field.ZhNamed}是{ConditionBinder.DescribeZh(field)}。", ruleId);
                return null;
            }

            return new BoundCompare(c.Location, c.Comparison, field, null, null, null, null, other, c.PlusMonths) { PlusDays = c.PlusDays };
        }

        var value = c.Value!;
        switch (field.Kind)
        {
            case FieldKind.Integer or FieldKind.Decimal:
                return binder.Threshold(value, c.Comparison, field, ruleId) is { } n ? new BoundCompare(c.Location, c.Comparison, field, n, null, null, null, null) : null;
            case FieldKind.Capacity:
            {
                var number = binder.Threshold(value, c.Comparison, field, ruleId);
                if (c.Unit is null)
                {
                    diagnostics.Add(value.Location, DiagnosticCodes.UnitMismatch, $"A capacity threshold needs its unit: add 'unit' ({string.Join(", ", UnitConversions.CapacitySymbols)}).", $"产能阈值需要单位：请加上 'unit'（{string.Join(", ", UnitConversions.CapacitySymbols)}）。", ruleId);
                    return null;
                }

                if (!UnitConversions.TryParseCapacityUnit(c.Unit, out var unit) && UnitConversions.TryParseMassUnit(c.Unit, out _))
                {
                    diagnostics.Add(c.UnitLocation!, DiagnosticCodes.UnitMismatch, $"'{c.Unit}' is a mass, but '{field.Path}' is a capacity (an amount per year or per day) and a mass cannot convert to it; write a rate such as 万吨/年, Mt/a or t/d. Units: {string.Join(", ", UnitConversions.CapacitySymbols)}.", $"'{c.Unit}' 是质量单位，但{field.ZhNamed}是产能（每年或每天的量），质量无法换算为产能；请写速率单位，如 万吨/年、Mt/a 或 t/d。可用的单位：{string.Join(", ", UnitConversions.CapacitySymbols)}。", ruleId);
                    return null;
                }

                if (!UnitConversions.TryParseCapacityUnit(c.Unit, out unit))
                {
                    diagnostics.Add(c.UnitLocation!, DiagnosticCodes.UnknownUnit, $"Unknown unit '{c.Unit}'.{Suggestions.DidYouMean(c.Unit, UnitConversions.CapacitySymbols)} Units: {string.Join(", ", UnitConversions.CapacitySymbols)}.", $"未知的单位 '{c.Unit}'。{Suggestions.DidYouMeanZh(c.Unit, UnitConversions.CapacitySymbols)}可用的单位：{string.Join(", ", UnitConversions.CapacitySymbols)}。", ruleId);
                    return null;
                }

                return number is { } amount ? new BoundCompare(c.Location, c.Comparison, field, amount, unit, null, null, null) : null;
            }

            case FieldKind.Date:
                return binder.Value(field, value, ruleId) is DateOnly d ? new BoundCompare(c.Location, c.Comparison, field, null, null, null, d, null) : null;
            default:
                return binder.Word(field.Vocabulary!, field, value, ruleId) is { } word
                    ? new BoundCompare(c.Location, c.Comparison, field, null, null, Convert.ToInt32(word, CultureInfo.InvariantCulture), null, null)
                    : null;
        }
    }

    protected override CompiledCondition Compile(BoundCompare c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics)
    {
        var field = c.Field;
        if (field.Kind == FieldKind.Capacity)
        {
            return CapacityCompare(c, compiler.Fields);
        }

        // A fixed threshold reads the same for every application: written once per language, when first needed.
        var fixedRequired = new string?[2];
        Func<Application, bool, Explanation> explain = (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), c.Other is null ? fixedRequired[zh ? 0 : 1] ??= Required(null, zh) : Required(a, zh));
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

        string? Required(Application? a, bool zh) =>
            c.Other is { } o ? ((c.PlusMonths is not null || c.PlusDays is not null) && o.Read(a!) is DateOnly od ? ValueText.Of(Dates.Shift(od, c.PlusMonths, c.PlusDays), o, zh) : ValueText.Of(o.Read(a!), o, zh))
            : c.Ordinal is { } n ? field.Vocabulary!.Display(Enum.ToObject(field.ValueType, n), zh)
            : c.Date is { } d ? ValueText.Of(d, field, zh)
            : UnitConversions.Format(c.Number!.Value);
    }

    private static LeafCondition CapacityCompare(BoundCompare c, FieldCatalog fields)
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

        string? fixedRequired = null; // the same for every application: written when first needed
        return new LeafCondition(evaluate, (a, zh) =>
        {
            var actual = capacity.Read(a) as Capacity;
            var operatingDays = a.OperatingDaysPerYear;
            if (c.Other is { } o)
            {
                return new Explanation(ValueText.Of(actual, capacity, zh), ValueText.Of(o.Read(a), o, zh));
            }

            var required = fixedRequired ??= UnitConversions.WithUnit(c.Number!.Value, c.Unit!.Value);
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

    protected override IEnumerable<FactSpec> Facts(BoundCompare c, FieldCatalog fields)
    {
        var sign = FactText.Sign(c.Comparison);
        if (c.Other is { } other)
        {
            var shift = c.PlusMonths is { } m ? $" {(m < 0 ? "−" : "+")} {Math.Abs(m).ToString(CultureInfo.InvariantCulture)} months"
                : c.PlusDays is { } d ? $" {(d < 0 ? "−" : "+")} {Math.Abs(d).ToString(CultureInfo.InvariantCulture)} days"
                : string.Empty;
            return [new(c.Field, a =>
            {
                var value = other.Read(a);
                if (value is DateOnly date && (c.PlusMonths is not null || c.PlusDays is not null))
                {
                    value = Dates.Shift(date, c.PlusMonths, c.PlusDays);
                }

                return $"{sign} {other.Path}{shift} ({FactText.Of(value, other) ?? "not given"})";
            })];
        }

        var threshold = c.Unit is { } unit ? UnitConversions.WithUnit(c.Number!.Value, unit)
            : c.Ordinal is { } n ? c.Field.Vocabulary!.Code(Enum.ToObject(c.Field.ValueType, n))
            : c.Date is { } date ? FactText.Of(date, c.Field)!
            : UnitConversions.Format(c.Number!.Value);
        var text = $"{sign} {threshold}";
        return [new(c.Field, _ => text)];
    }

    protected override string Render(CompareCondition c) =>
        $"{c.Field} {FactText.Sign(c.Comparison)} {(c.CompareTo is { } other ? other + Shift(c.PlusMonths, c.PlusDays) : c.Value?.Value + (c.Unit is null ? string.Empty : " " + c.Unit))}";

    protected override string Describe(CompareCondition c, Rulebook.Wording wording) =>
        Rulebook.PlainWords.Threshold(new RuleThreshold(c.Field, Name(c.Comparison), c.Value?.Value, c.Unit, c.CompareTo, c.PlusMonths, c.PlusDays, wording.InScope), wording.Zh);

    protected override IEnumerable<string> FieldsRead(CompareCondition c) => c.CompareTo is { } other ? [c.Field, other] : [c.Field];

    /// <summary>The same comparison of the same fields: its threshold or shift changed.</summary>
    protected override bool Diff(string what, CompareCondition x, CompareCondition y, List<string> changes)
    {
        if (!(x.Field == y.Field && x.Comparison == y.Comparison && x.CompareTo == y.CompareTo && x.Unit == y.Unit))
        {
            return false;
        }

        var sign = FactText.Sign(x.Comparison);
        if (x.Value?.Value != y.Value?.Value)
        {
            changes.Add($"{what} {x.Field} {sign}: {x.Value?.Value} → {y.Value?.Value}{(y.Unit is null ? string.Empty : " " + y.Unit)}");
        }

        if (x.PlusMonths != y.PlusMonths)
        {
            changes.Add($"{what} {x.Field} {sign} {x.CompareTo}: plus {x.PlusMonths ?? 0} → {y.PlusMonths ?? 0} months");
        }

        if (x.PlusDays != y.PlusDays)
        {
            changes.Add($"{what} {x.Field} {sign} {x.CompareTo}: plus {x.PlusDays ?? 0} → {y.PlusDays ?? 0} days");
        }

        return true;
    }

    /// <summary>The shift of the other date, as a rule's summary line writes it (<c> + 3 months</c>, <c> + -30 days</c>).</summary>
    private static string Shift(int? months, int? days) =>
        (months is { } m ? $" + {m} months" : string.Empty) + (days is { } d ? $" + {d} days" : string.Empty);

    protected override void Summarize(CompareCondition c, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists) =>
        thresholds.Add(new RuleThreshold(c.Field, Name(c.Comparison), c.Value?.Value, c.Unit, c.CompareTo, c.PlusMonths, c.PlusDays, inScope));

    public override JsonNode Schema(string name) => FormSchema.Mapping(
        ["field"],
        ("field", FormSchema.Field()),
        ("value", FormSchema.Parse("""{ "type": ["number", "string"] }""")),
        ("unit", new JsonObject
        {
            ["enum"] = new JsonArray([.. UnitConversions.CapacitySpellings.Select(s => (JsonNode?)JsonValue.Create(s))]),
            ["description"] = "The threshold's unit (capacity fields).",
        }),
        ("compareTo", FormSchema.Field()),
        ("plusMonths", FormSchema.Parse("""{ "type": "integer" }""")),
        ("plusDays", FormSchema.Parse("""{ "type": "integer", "description": "Whole days added to the compareTo date (e.g. -30)." }""")));
}
