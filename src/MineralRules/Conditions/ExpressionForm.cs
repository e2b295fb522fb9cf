using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>A boolean expression over the application's fields, parsed by RulesEngine's expression parser and sandboxed.</summary>
internal sealed record ExpressionCondition(SourceLocation Location, string Text) : ConditionDefinition(Location)
{
    public override ConditionForm Form => ExpressionForm.Instance;
}

/// <summary>An expression, compiled (and sandboxed) by the compiler.</summary>
internal sealed record BoundExpression(SourceLocation Location, string Text) : BoundCondition(Location)
{
    public override ConditionForm Form => ExpressionForm.Instance;
}

/// <summary>
/// <c>expression: "..."</c>, for what no declarative form fits. Its fields are known only to the parser, so it names
/// none for verdict locations and facts.
/// </summary>
internal sealed class ExpressionForm : ConditionForm<ExpressionCondition, BoundExpression>
{
    public static readonly ExpressionForm Instance = new();

    private ExpressionForm()
    {
    }

    public override IReadOnlyList<string> Names { get; } = ["expression"];

    /// <summary>Located at the text itself (the expression's own errors point into it).</summary>
    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId) =>
        reader.Text(body, "'expression'", ruleId) is { } text ? new ExpressionCondition(body.Location, text) : null;

    protected override BoundCondition Bind(ExpressionCondition c, ConditionBinder binder, string ruleId) => new BoundExpression(c.Location, c.Text);

    protected override CompiledCondition? Compile(BoundExpression c, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics) =>
        compiler.Expressions.Compile(c, ruleId, diagnostics);

    protected override IEnumerable<FactSpec> Facts(BoundExpression c, FieldCatalog fields) => [];

    protected override string Render(ExpressionCondition c) => $"expression \"{c.Text}\"";

    protected override string Describe(ExpressionCondition c, Rulebook.Wording wording) => Rulebook.PlainWords.Expression(c.Text, wording.Zh);

    protected override IEnumerable<string> FieldsRead(ExpressionCondition c) => [];

    public override JsonNode Schema(string name) => FormSchema.Parse("""
        { "type": "string", "minLength": 1, "maxLength": 1000, "description": "Only where no declarative form fits; checked and sandboxed at load." }
        """);
}
