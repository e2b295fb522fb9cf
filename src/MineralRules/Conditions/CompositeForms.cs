using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>All of the parts hold.</summary>
internal sealed record AllCondition(SourceLocation Location, IReadOnlyList<ConditionDefinition> Parts) : ConditionDefinition(Location)
{
    public override ConditionForm Form => AllForm.Instance;
}

/// <summary>At least one of the parts holds.</summary>
internal sealed record AnyCondition(SourceLocation Location, IReadOnlyList<ConditionDefinition> Parts) : ConditionDefinition(Location)
{
    public override ConditionForm Form => AnyForm.Instance;
}

/// <summary>The part does not hold.</summary>
internal sealed record NotCondition(SourceLocation Location, ConditionDefinition Part) : ConditionDefinition(Location)
{
    public override ConditionForm Form => NotForm.Instance;
}

/// <summary>All parts hold.</summary>
internal sealed record BoundAll(SourceLocation Location, IReadOnlyList<BoundCondition> Parts) : BoundCondition(Location)
{
    public override ConditionForm Form => AllForm.Instance;
}

/// <summary>Some part holds.</summary>
internal sealed record BoundAny(SourceLocation Location, IReadOnlyList<BoundCondition> Parts) : BoundCondition(Location)
{
    public override ConditionForm Form => AnyForm.Instance;
}

/// <summary>The part does not hold.</summary>
internal sealed record BoundNot(SourceLocation Location, BoundCondition Part) : BoundCondition(Location)
{
    public override ConditionForm Form => NotForm.Instance;
}

/// <summary><c>all</c> / <c>any</c>: a list of conditions, each read, bound and compiled through its own form.</summary>
internal abstract class ListForm<TDefinition, TBound> : ConditionForm<TDefinition, TBound>
    where TDefinition : ConditionDefinition
    where TBound : BoundCondition
{
    protected abstract string Name { get; }

    public sealed override IReadOnlyList<string> Names => [Name];

    protected abstract IReadOnlyList<ConditionDefinition> PartsOf(TDefinition condition);

    protected abstract IReadOnlyList<BoundCondition> PartsOf(TBound condition);

    protected abstract TDefinition Create(SourceLocation location, IReadOnlyList<ConditionDefinition> parts);

    protected abstract TBound Create(SourceLocation location, IReadOnlyList<BoundCondition> parts);

    protected abstract CompiledCondition Combine(CompiledCondition[] parts, ConditionCompiler compiler);

    public sealed override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId)
    {
        if (Scalars.Sequence(body, reader.Diagnostics, $"'{name}' (a list of conditions)", ruleId) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            reader.Diagnostics.Add(body.Location, DiagnosticCodes.InvalidRule, $"'{name}' needs at least one condition.", $"'{name}' 至少需要一个条件。", ruleId);
            return null;
        }

        var parts = items.Select(i => reader.Read(i, ruleId)).ToList();
        return parts.Any(p => p is null) ? null : Create(location, parts!);
    }

    protected sealed override BoundCondition? Bind(TDefinition condition, ConditionBinder binder, string ruleId) =>
        binder.BindAll(PartsOf(condition), ruleId) is { } parts ? Create(condition.Location, parts) : null;

    protected sealed override CompiledCondition? Compile(TBound condition, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics)
    {
        var compiled = PartsOf(condition).Select(p => compiler.CompilePart(p, ruleId, diagnostics)).ToList();
        return compiled.Contains(null) ? null : Combine([.. compiled.OfType<CompiledCondition>()], compiler);
    }

    /// <summary>The parts' facts, one per field, first first (a loop rather than DistinctBy over an int key, which is JIT-compiled at every cold load).</summary>
    protected sealed override IEnumerable<FactSpec> Facts(TBound condition, FieldCatalog fields)
    {
        var facts = new List<FactSpec>();
        foreach (var part in PartsOf(condition))
        {
            foreach (var fact in ConditionForms.Facts(part, fields))
            {
                if (!facts.Exists(f => f.Field.Id == fact.Field.Id))
                {
                    facts.Add(fact);
                }
            }
        }

        return facts;
    }

    protected sealed override string Render(TDefinition condition) => $"{Name}({string.Join("; ", PartsOf(condition).Select(ConditionForms.Render))})";

    protected sealed override IEnumerable<string> FieldsRead(TDefinition condition) => PartsOf(condition).SelectMany(ConditionForms.FieldsRead);

    protected sealed override string Describe(TDefinition condition, Rulebook.Wording wording) => Rulebook.PlainWords.Combine(Name, [.. PartsOf(condition).Select(p => ConditionForms.Describe(p, wording.Nested))], wording);

    /// <summary>As many parts in both: each part compared with its counterpart.</summary>
    protected sealed override bool Diff(string what, TDefinition older, TDefinition newer, List<string> changes)
    {
        var (x, y) = (PartsOf(older), PartsOf(newer));
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            ConditionForms.Diff($"{what}.{Name}[{i}]", x[i], y[i], changes);
        }

        return true;
    }

    protected sealed override void Summarize(TDefinition condition, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists)
    {
        foreach (var part in PartsOf(condition))
        {
            ConditionForms.Summarize(part, inScope, thresholds, lists);
        }
    }

    protected sealed override IEnumerable<BoundCondition> Parts(TBound condition) => PartsOf(condition);

    public sealed override JsonNode Schema(string name) => FormSchema.Parse("""{ "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } }""");
}

/// <summary><c>all: [ ... ]</c>.</summary>
internal sealed class AllForm : ListForm<AllCondition, BoundAll>
{
    public static readonly AllForm Instance = new();

    private AllForm()
    {
    }

    protected override string Name => "all";

    protected override IReadOnlyList<ConditionDefinition> PartsOf(AllCondition condition) => condition.Parts;

    protected override IReadOnlyList<BoundCondition> PartsOf(BoundAll condition) => condition.Parts;

    protected override AllCondition Create(SourceLocation location, IReadOnlyList<ConditionDefinition> parts) => new(location, parts);

    protected override BoundAll Create(SourceLocation location, IReadOnlyList<BoundCondition> parts) => new(location, parts);

    protected override CompiledCondition Combine(CompiledCondition[] parts, ConditionCompiler compiler) => new AllOf(parts);
}

/// <summary><c>any: [ ... ]</c>.</summary>
internal sealed class AnyForm : ListForm<AnyCondition, BoundAny>
{
    public static readonly AnyForm Instance = new();

    private AnyForm()
    {
    }

    protected override string Name => "any";

    protected override IReadOnlyList<ConditionDefinition> PartsOf(AnyCondition condition) => condition.Parts;

    protected override IReadOnlyList<BoundCondition> PartsOf(BoundAny condition) => condition.Parts;

    protected override AnyCondition Create(SourceLocation location, IReadOnlyList<ConditionDefinition> parts) => new(location, parts);

    protected override BoundAny Create(SourceLocation location, IReadOnlyList<BoundCondition> parts) => new(location, parts);

    protected override CompiledCondition Combine(CompiledCondition[] parts, ConditionCompiler compiler) =>
        new AnyOf(parts, compiler.Readings.CorrectedWording ? AnyOf.LastPlainPart(parts) : parts.Length - 1);
}

/// <summary><c>not: { ... }</c>.</summary>
internal sealed class NotForm : ConditionForm<NotCondition, BoundNot>
{
    public static readonly NotForm Instance = new();

    private NotForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["not"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId) =>
        reader.Read(body, ruleId) is { } part ? new NotCondition(location, part) : null;

    protected override BoundCondition? Bind(NotCondition c, ConditionBinder binder, string ruleId) =>
        binder.Bind(c.Part, ruleId) is { } part ? new BoundNot(c.Location, part) : null;

    protected override CompiledCondition? Compile(BoundNot c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics) =>
        compiler.CompilePart(c.Part, ruleId, diagnostics) is { } part ? new NotOf(part) : null;

    protected override IEnumerable<FactSpec> Facts(BoundNot c, FieldCatalog fields) =>
        ConditionForms.Facts(c.Part, fields).Select(f => f with { Required = a => "not " + f.Required(a) });

    protected override string Render(NotCondition c) => $"not({ConditionForms.Render(c.Part)})";

    protected override IEnumerable<string> FieldsRead(NotCondition c) => ConditionForms.FieldsRead(c.Part);

    protected override string Describe(NotCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.Not(c.Part, wording);

    protected override bool Diff(string what, NotCondition older, NotCondition newer, List<string> changes)
    {
        ConditionForms.Diff($"{what}.not", older.Part, newer.Part, changes);
        return true;
    }

    protected override void Summarize(NotCondition c, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists) =>
        ConditionForms.Summarize(c.Part, inScope, thresholds, lists);

    protected override IEnumerable<BoundCondition> Parts(BoundNot c) => [c.Part];

    public override JsonNode Schema(string name) => FormSchema.Parse("""{ "$ref": "#/$defs/condition" }""");
}
