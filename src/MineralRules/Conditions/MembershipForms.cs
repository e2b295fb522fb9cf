using System.Globalization;
using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>A field whose value must (or must not) be among some values.</summary>
internal sealed record MembershipCondition(
    SourceLocation Location,
    string Field,
    SourceLocation FieldLocation,
    IReadOnlyList<ScalarNode> Values,
    bool Negated) : ConditionDefinition(Location)
{
    public override ConditionForm Form => MembershipForm.Instance;
}

/// <summary>A field whose value must (or, negated, must not) be among the values.</summary>
internal sealed record BoundMembership(SourceLocation Location, Field Field, IReadOnlyList<object> Values, bool Negated) : BoundCondition(Location)
{
    public override ConditionForm Form => MembershipForm.Instance;
}

/// <summary>A list field (zones) that must include at least one of the values (or, negated, none of them).</summary>
internal sealed record IncludesCondition(
    SourceLocation Location,
    string Field,
    SourceLocation FieldLocation,
    IReadOnlyList<ScalarNode> Values,
    bool Negated) : ConditionDefinition(Location)
{
    public override ConditionForm Form => IncludesForm.Instance;
}

/// <summary>A word-list field that must include one of the values (or, negated, none).</summary>
internal sealed record BoundIncludes(SourceLocation Location, Field Field, IReadOnlyList<object> Values, bool Negated) : BoundCondition(Location)
{
    public override ConditionForm Form => IncludesForm.Instance;
}

/// <summary><c>oneOf</c> / <c>noneOf: { field, values }</c>: a word, number or text among values.</summary>
internal sealed class MembershipForm : ConditionForm<MembershipCondition, BoundMembership>
{
    public static readonly MembershipForm Instance = new();

    private MembershipForm()
    {
    }

    /// <summary>A bit per word (the words of a vocabulary, boxed), in a loop: no LINQ shape over ulong to JIT at load.</summary>
    internal static ulong Mask(IEnumerable<object> words)
    {
        var mask = 0UL;
        foreach (var word in words)
        {
            mask |= 1UL << Convert.ToInt32(word, CultureInfo.InvariantCulture);
        }

        return mask;
    }

    public override IReadOnlyList<string> Names { get; } = ["oneOf", "noneOf"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId) =>
        reader.FieldAndValues(body, name, ruleId) is var (field, fieldLocation, values)
            ? new MembershipCondition(location, field, fieldLocation, values, Negated: name == "noneOf")
            : null;

    protected override BoundCondition? Bind(MembershipCondition c, ConditionBinder binder, string ruleId)
    {
        var field = binder.FieldOf(c.Field, c.FieldLocation, ruleId);
        if (field is null)
        {
            return null;
        }

        if (field.Kind is not (FieldKind.Word or FieldKind.Integer or FieldKind.Text))
        {
            binder.Diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'{(c.Negated ? "noneOf" : "oneOf")}' works on a word, number or text field; '{field.Path}' is {ConditionBinder.Describe(field)}.{(field.Kind == FieldKind.WordList ? " Use includesAny or includesNone for a list." : string.Empty)}", $"'{(c.Negated ? "noneOf" : "oneOf")}' 用于词、数字或文本字段；{field.ZhNamed}是{ConditionBinder.DescribeZh(field)}。{(field.Kind == FieldKind.WordList ? "列表字段请使用 includesAny 或 includesNone。" : string.Empty)}", ruleId);
            return null;
        }

        var values = c.Values.Select(v => binder.Value(field, v, ruleId)).ToList();
        return values.Any(v => v is null) ? null : new BoundMembership(c.Location, field, values!, c.Negated);
    }

    protected override CompiledCondition Compile(BoundMembership c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics)
    {
        var field = c.Field;
        // What is required names only the rule's values: written once per language, when a message first needs it.
        var required = new string?[2];
        Func<Application, bool, Explanation> explain = (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), required[zh ? 0 : 1] ??= Required(zh));
        string Required(bool zh) => (c.Negated ? (zh ? "不得为" : "none of ") : (zh ? "应为" : "one of ")) + ValueText.Join(c.Values.Select(v => ValueText.Of(v, field, zh)), zh);
        if (field.Kind == FieldKind.Word && Enum.GetValues(field.ValueType).Length <= 64)
        {
            // A bit mask: one AND, no allocation.
            var mask = Mask(c.Values);
            return new WordIn(field.ReadInteger!, mask, c.Negated, Truth.MissingField(field.Id), explain);
        }

        if (field.Kind == FieldKind.Text)
        {
            var texts = new HashSet<string>(c.Values.Cast<string>(), StringComparer.Ordinal);
            var read = field.ReadText!;
            return new LeafCondition(a => read(a) is { } text ? Truth.Of(texts.Contains(text) != c.Negated) : Truth.MissingField(field.Id), explain);
        }

        var values = c.Values.ToHashSet();
        return ConditionCompiler.Boxed(field, value => values.Contains(value) != c.Negated, explain);
    }

    protected override IEnumerable<FactSpec> Facts(BoundMembership c, FieldCatalog fields) =>
        [new(c.Field, _ => (c.Negated ? "none of " : "one of ") + FactText.Words(c.Values, c.Field))];

    protected override string Render(MembershipCondition c) => $"{c.Field} {(c.Negated ? "none of" : "one of")} [{string.Join(", ", c.Values.Select(v => v.Value))}]";

    protected override string Describe(MembershipCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.Among(c.Field, [.. c.Values.Select(v => v.Value)], c.Negated, wording.Zh);

    protected override IEnumerable<string> FieldsRead(MembershipCondition c) => [c.Field];

    protected override void Summarize(MembershipCondition c, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists) =>
        lists.Add(new RuleValueList(c.Field, c.Negated ? "noneOf" : "oneOf", [.. c.Values.Select(v => v.Value)], inScope));

    public override JsonNode Schema(string name) => FieldAndValuesSchema();

    /// <summary><c>{ field, values }</c> with at least one value.</summary>
    internal static JsonObject FieldAndValuesSchema() =>
        FormSchema.Mapping(["field", "values"], ("field", FormSchema.Field()), ("values", FormSchema.Parse("""{ "type": "array", "minItems": 1 }""")));
}

/// <summary><c>includesAny</c> / <c>includesNone: { field, values }</c>: a list field (zones) including some of the values.</summary>
internal sealed class IncludesForm : ConditionForm<IncludesCondition, BoundIncludes>
{
    public static readonly IncludesForm Instance = new();

    private IncludesForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["includesAny", "includesNone"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId) =>
        reader.FieldAndValues(body, name, ruleId) is var (field, fieldLocation, values)
            ? new IncludesCondition(location, field, fieldLocation, values, Negated: name == "includesNone")
            : null;

    protected override BoundCondition? Bind(IncludesCondition c, ConditionBinder binder, string ruleId)
    {
        var field = binder.FieldOf(c.Field, c.FieldLocation, ruleId);
        if (field is null)
        {
            return null;
        }

        if (field.Kind != FieldKind.WordList)
        {
            binder.Diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'{(c.Negated ? "includesNone" : "includesAny")}' works on a list field such as location.zones; '{field.Path}' is {ConditionBinder.Describe(field)}. Use oneOf or noneOf.", $"'{(c.Negated ? "includesNone" : "includesAny")}' 用于列表字段，如 location.zones；{field.ZhNamed}是{ConditionBinder.DescribeZh(field)}。请使用 oneOf 或 noneOf。", ruleId);
            return null;
        }

        var values = c.Values.Select(v => binder.Word(field.Vocabulary!, field, v, ruleId)).ToList();
        return values.Any(v => v is null) ? null : new BoundIncludes(c.Location, field, values!, c.Negated);
    }

    protected override CompiledCondition Compile(BoundIncludes c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics)
    {
        var field = c.Field;
        var mask = MembershipForm.Mask(c.Values);
        var (read, unknown, negated) = (field.ReadWordMask!, field.ReadWordsUnknown!, c.Negated);

        // An absent list is unknown where the rule set reads it so (2.0.0: absent zones are not "none"), and so is a
        // word of a list given in part (zones from records, a zone without a layer); 1.0.0 read both as absent words.
        var absent = Truth.MissingField(field.Id);
        Func<Application, Truth> evaluate = compiler.Readings.AbsentZonesUnknown
            ? a => (read(a) & mask) != 0 ? Truth.Of(!negated) : (unknown(a) & mask) != 0 ? absent : Truth.Of(negated)
            : a => Truth.Of(((read(a) & mask) != 0) != negated);
        var required = new string?[2]; // names only the rule's values: written once per language, when first needed
        return new LeafCondition(evaluate, (a, zh) => new Explanation(ValueText.Of(field.Read(a), field, zh), required[zh ? 0 : 1] ??= Required(zh)));
        string Required(bool zh) => (c.Negated ? (zh ? "不在" : "none of ") : (zh ? "位于" : "one of ")) + ValueText.Join(c.Values.Select(v => ValueText.Of(v, field, zh)), zh);
    }

    protected override IEnumerable<FactSpec> Facts(BoundIncludes c, FieldCatalog fields) =>
        [new(c.Field, _ => (c.Negated ? "includes none of " : "includes one of ") + FactText.Words(c.Values, c.Field))];

    protected override string Render(IncludesCondition c) => $"{c.Field} {(c.Negated ? "includes none of" : "includes any of")} [{string.Join(", ", c.Values.Select(v => v.Value))}]";

    protected override string Describe(IncludesCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.Includes(c.Field, [.. c.Values.Select(v => v.Value)], c.Negated, wording.Zh);

    protected override IEnumerable<string> FieldsRead(IncludesCondition c) => [c.Field];

    protected override void Summarize(IncludesCondition c, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists) =>
        lists.Add(new RuleValueList(c.Field, c.Negated ? "includesNone" : "includesAny", [.. c.Values.Select(v => v.Value)], inScope));

    public override JsonNode Schema(string name) => MembershipForm.FieldAndValuesSchema();
}
