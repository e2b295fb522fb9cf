using System.Globalization;
using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>A field that must have one value (<c>is</c>).</summary>
internal sealed record IsCondition(SourceLocation Location, string Field, SourceLocation FieldLocation, ScalarNode Value) : ConditionDefinition(Location)
{
    public override ConditionForm Form => IsForm.Instance;
}

/// <summary>A field that must equal a value (bool, number, word as its enum value, date, text).</summary>
internal sealed record BoundIs(SourceLocation Location, Field Field, object Value) : BoundCondition(Location)
{
    public override ConditionForm Form => IsForm.Instance;
}

/// <summary><c>is: { field, value }</c>.</summary>
internal sealed class IsForm : ConditionForm<IsCondition, BoundIs>
{
    public static readonly IsForm Instance = new();

    private IsForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["is"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId)
    {
        if (Scalars.Mapping(body, reader.Diagnostics, "'is' ({ field, value })", ruleId) is not { } is_)
        {
            return null;
        }

        var m = new MappingReader(is_, reader.Diagnostics, ruleId);
        var fieldNode = m.Required("field", "the application field, e.g. environment.eiaApproved");
        var valueNode = m.Required("value", "the value it must have, e.g. true");
        m.Finish("'is'");
        var field = reader.Text(fieldNode, "'field'", ruleId);
        return field is null || valueNode is null ? null : new IsCondition(location, field, fieldNode!.Location, reader.ScalarOrError(valueNode, ruleId)!);
    }

    protected override BoundCondition? Bind(IsCondition c, ConditionBinder binder, string ruleId)
    {
        var field = binder.FieldOf(c.Field, c.FieldLocation, ruleId);
        if (field is null)
        {
            return null;
        }

        if (field.Kind is FieldKind.Capacity or FieldKind.WordList)
        {
            binder.Diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'is' cannot test '{field.Path}' ({ConditionBinder.Describe(field)}); use {(field.Kind == FieldKind.Capacity ? "atLeast/moreThan/atMost/lessThan with a unit" : "includesAny or includesNone")}.", $"'is' 不能检验{field.ZhNamed}（{ConditionBinder.DescribeZh(field)}）；请使用{(field.Kind == FieldKind.Capacity ? "带单位的 atLeast/moreThan/atMost/lessThan" : " includesAny 或 includesNone")}。", ruleId);
            return null;
        }

        return binder.Value(field, c.Value, ruleId) is { } value ? new BoundIs(c.Location, field, value) : null;
    }

    protected override CompiledCondition Compile(BoundIs c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics)
    {
        var field = c.Field;
        var absent = Truth.MissingField(field.Id);
        var required = new string?[2]; // the rule's value, written once per language when a message first needs it
        Func<Application, bool, Explanation> explain = (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), required[zh ? 0 : 1] ??= ValueText.Of(c.Value, field, zh));
        return field.Kind switch
        {
            FieldKind.Boolean => new EqualTo<bool>(field.ReadBoolean!, (bool)c.Value, absent, explain),
            FieldKind.Word => new EqualTo<int>(field.ReadInteger!, Convert.ToInt32(c.Value, CultureInfo.InvariantCulture), absent, explain),
            FieldKind.Integer => new EqualTo<int>(field.ReadInteger!, (int)c.Value, absent, explain),
            FieldKind.Decimal => new EqualTo<decimal>(field.ReadNumber!, (decimal)c.Value, absent, explain),
            FieldKind.Date => new EqualTo<DateOnly>(field.ReadDate!, (DateOnly)c.Value, absent, explain),
            _ => ConditionCompiler.Boxed(field, value => Equals(value, c.Value), explain),
        };
    }

    protected override IEnumerable<FactSpec> Facts(BoundIs c, FieldCatalog fields) => [new(c.Field, _ => "= " + FactText.Of(c.Value, c.Field))];

    protected override string Render(IsCondition c) => $"{c.Field} is {c.Value.Value}";

    protected override string Describe(IsCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.Is(c.Field, c.Value.Value, negated: false, wording.Zh);

    protected override IEnumerable<string> FieldsRead(IsCondition c) => [c.Field];

    protected override void Summarize(IsCondition c, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists) =>
        lists.Add(new RuleValueList(c.Field, "is", [c.Value.Value], inScope));

    public override JsonNode Schema(string name) => FormSchema.Mapping(["field", "value"], ("field", FormSchema.Field()), ("value", new JsonObject()));
}
