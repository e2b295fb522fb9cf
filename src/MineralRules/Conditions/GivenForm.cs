using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>
/// The application gives the field a value (a text: one that is not blank): true when it does, false when it is absent
/// or blank — never a missing fact, for facts whose absence is itself the answer ("no other agreement case is claimed",
/// "no processing figures are given").
/// </summary>
internal sealed record GivenCondition(SourceLocation Location, string Field, SourceLocation FieldLocation) : ConditionDefinition(Location)
{
    public override ConditionForm Form => GivenForm.Instance;
}

/// <summary>The application gives the text field a value that is not blank (absent is false, never missing).</summary>
internal sealed record BoundGiven(SourceLocation Location, Field Field) : BoundCondition(Location)
{
    public override ConditionForm Form => GivenForm.Instance;
}

/// <summary><c>given: { field: grant.agreementBasis }</c>: the application gives a non-empty value.</summary>
internal sealed class GivenForm : ConditionForm<GivenCondition, BoundGiven>
{
    public static readonly GivenForm Instance = new();

    private GivenForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["given"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId)
    {
        if (Scalars.Mapping(body, reader.Diagnostics, "'given' ({ field })", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, reader.Diagnostics, ruleId);
        var fieldNode = m.Required("field", "the application field, e.g. grant.agreementBasis");
        m.Finish("'given'");
        return reader.Text(fieldNode, "'field'", ruleId) is { } field ? new GivenCondition(location, field, fieldNode!.Location) : null;
    }

    protected override BoundCondition? Bind(GivenCondition c, ConditionBinder binder, string ruleId)
    {
        var field = binder.FieldOf(c.Field, c.FieldLocation, ruleId);
        if (field is null)
        {
            return null;
        }

        if (field.Kind == FieldKind.WordList || field.IsMark)
        {
            binder.Diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'given' cannot test '{field.Path}' ({ConditionBinder.Describe(field)}{(field.IsMark ? ", a mark read as false when absent" : string.Empty)}); use includesAny/includesNone or is.", $"'given' 不能检验{field.ZhNamed}（{ConditionBinder.DescribeZh(field)}{(field.IsMark ? "，未填写时按 false 读取的标记" : string.Empty)}）；请使用 includesAny/includesNone 或 is。", ruleId);
            return null;
        }

        return new BoundGiven(c.Location, field);
    }

    /// <summary>A fact the application gives (a text: not blank): false when absent, never missing.</summary>
    protected override CompiledCondition Compile(BoundGiven c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics)
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

    protected override IEnumerable<FactSpec> Facts(BoundGiven c, FieldCatalog fields) => [new(c.Field, _ => FactText.Present)];

    protected override string Render(GivenCondition c) => $"{c.Field} given";

    protected override string Describe(GivenCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.Given(c.Field, wording.Zh);

    protected override IEnumerable<string> FieldsRead(GivenCondition c) => [c.Field];

    public override JsonNode Schema(string name)
    {
        var schema = FormSchema.Mapping(["field"], ("field", FormSchema.Field()));
        schema["description"] = "True when the application gives the field (a text: not blank); false when absent — never a missing fact.";
        return schema;
    }
}
