using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>Never satisfied: every application in scope violates the rule (禁止, 不新建, 限制).</summary>
internal sealed record ProhibitedCondition(SourceLocation Location) : ConditionDefinition(Location)
{
    public override ConditionForm Form => ProhibitedForm.Instance;
}

/// <summary>Never met.</summary>
internal sealed record BoundProhibited(SourceLocation Location) : BoundCondition(Location)
{
    public override ConditionForm Form => ProhibitedForm.Instance;
}

/// <summary>
/// The declared mine scale agrees with the scale the verified rows of the mine production scale table (208号) give for
/// the capacity. Met when no verified row applies or a fact is absent: it is a cross-check, never a guess.
/// </summary>
internal sealed record ScaleMatchesCapacityCondition(SourceLocation Location) : ConditionDefinition(Location)
{
    public override ConditionForm Form => ScaleMatchesCapacityForm.Instance;
}

/// <summary>The declared scale agrees with the verified 208号 rows.</summary>
internal sealed record BoundScaleMatchesCapacity(SourceLocation Location, ScaleTable Table) : BoundCondition(Location)
{
    public override ConditionForm Form => ScaleMatchesCapacityForm.Instance;
}

/// <summary><c>prohibited: true</c>.</summary>
internal sealed class ProhibitedForm : ConditionForm<ProhibitedCondition, BoundProhibited>
{
    public static readonly ProhibitedForm Instance = new();

    private ProhibitedForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["prohibited"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId) =>
        reader.True(body, name, "Write `prohibited: true`; to lift a prohibition remove the rule.", "请写 `prohibited: true`；要解除禁止，请删除该规则。", ruleId) ? new ProhibitedCondition(location) : null;

    protected override BoundCondition Bind(ProhibitedCondition c, ConditionBinder binder, string ruleId) => new BoundProhibited(c.Location);

    protected override CompiledCondition Compile(BoundProhibited c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics) =>
        new LeafCondition(static _ => Truth.False, static (_, _) => Explanation.None);

    protected override IEnumerable<FactSpec> Facts(BoundProhibited c, FieldCatalog fields) => [];

    protected override string Render(ProhibitedCondition c) => "prohibited";

    protected override IEnumerable<string> FieldsRead(ProhibitedCondition c) => [];

    protected override string Describe(ProhibitedCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.Prohibited(wording);

    public override JsonNode Schema(string name) => FormSchema.Parse("""{ "const": true }""");
}

/// <summary><c>scaleMatchesCapacity: true</c>: the declared scale against the 208号 table.</summary>
internal sealed class ScaleMatchesCapacityForm : ConditionForm<ScaleMatchesCapacityCondition, BoundScaleMatchesCapacity>
{
    public static readonly ScaleMatchesCapacityForm Instance = new();

    private ScaleMatchesCapacityForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["scaleMatchesCapacity"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId) =>
        reader.True(body, name, "Write `scaleMatchesCapacity: true`.", "请写 `scaleMatchesCapacity: true`。", ruleId) ? new ScaleMatchesCapacityCondition(location) : null;

    protected override BoundCondition? Bind(ScaleMatchesCapacityCondition c, ConditionBinder binder, string ruleId)
    {
        if (binder.Reference.MineScale is { } table)
        {
            return new BoundScaleMatchesCapacity(c.Location, table);
        }

        binder.Diagnostics.Add(c.Location, DiagnosticCodes.InvalidRule, "'scaleMatchesCapacity' needs the mine production scale table (mineProductionScale) in the rule set's reference data.", "'scaleMatchesCapacity' 需要规则集参考数据中的矿山生产建设规模表（mineProductionScale）。", ruleId);
        return null;
    }

    protected override CompiledCondition Compile(BoundScaleMatchesCapacity c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics) =>
        new ScaleDerivation(c.Table).Compile();

    protected override IEnumerable<FactSpec> Facts(BoundScaleMatchesCapacity c, FieldCatalog fields) =>
        [new(ApplicationFields.Scale, _ => "the scale the capacity gives (国土资发〔2004〕208号)")];

    protected override string Render(ScaleMatchesCapacityCondition c) => "scale matches capacity";

    protected override string Describe(ScaleMatchesCapacityCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.ScaleMatchesCapacity(wording.Zh);

    protected override IEnumerable<string> FieldsRead(ScaleMatchesCapacityCondition c) => [ApplicationFields.Scale.Path, ApplicationFields.Capacity.Path];

    public override JsonNode Schema(string name) => FormSchema.Parse("""{ "const": true }""");
}
