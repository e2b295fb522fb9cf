using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>
/// One condition form of the rule files (<c>atLeast</c>, <c>oneOf</c>, <c>all</c>, ...): everything the engine knows
/// about it in one place — its names as written, how it is read, bound to typed fields, compiled, described in words,
/// which fields it reads, its JSON Schema fragment and how two versions of it differ. A form's definition and bound
/// records name their form (<see cref="ConditionDefinition.Form"/>, <see cref="BoundCondition.Form"/>), so everything
/// after reading dispatches on the node itself; <see cref="ConditionForms"/> lists the forms a reader knows.
/// </summary>
internal abstract class ConditionForm
{
    /// <summary>The keys that write this form in a rule file, e.g. <c>oneOf</c> and <c>noneOf</c>.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>Reads the body written under one of <see cref="Names"/>; null (with diagnostics) when it is wrong.</summary>
    /// <param name="name">The key as written.</param>
    /// <param name="body">The value under the key.</param>
    /// <param name="location">Where the key stands (a condition's location).</param>
    /// <param name="reader">Shared reading helpers and the recursion into parts.</param>
    /// <param name="ruleId">The rule, for diagnostics.</param>
    public abstract ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId);

    /// <summary>Resolves the fields and types the values; null (with located diagnostics) when it does not fit.</summary>
    public abstract BoundCondition? Bind(ConditionDefinition condition, ConditionBinder binder, string ruleId);

    /// <summary>Compiles the bound condition; null when a part reports an error (expressions).</summary>
    public abstract CompiledCondition? Compile(BoundCondition condition, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics);

    /// <summary>The facts the condition compares, with what it requires of each (a verdict's <c>facts</c>).</summary>
    public abstract IEnumerable<FactSpec> Facts(BoundCondition condition, FieldCatalog fields);

    /// <summary>The condition on one line, the way the rule file says it (rule summaries and diffs).</summary>
    public abstract string Render(ConditionDefinition condition);

    /// <summary>The application fields the condition reads, as written (a verdict points at the first the file holds).</summary>
    public abstract IEnumerable<string> FieldsRead(ConditionDefinition condition);

    /// <summary>The condition in plain words for people (the rulebook, <c>explain</c>); every form says itself.</summary>
    public abstract string Describe(ConditionDefinition condition, Rulebook.Wording wording);

    /// <summary>The JSON Schema of the value written under <paramref name="name"/>.</summary>
    public abstract JsonNode Schema(string name);

    /// <summary>
    /// The changes between two versions of this form, each as "what: old → new"; false when the form cannot say
    /// (then the two are compared as rendered).
    /// </summary>
    public virtual bool Diff(string what, ConditionDefinition older, ConditionDefinition newer, List<string> changes) => false;

    /// <summary>Adds the thresholds and value lists the condition tests to a rule's summary.</summary>
    public virtual void Summarize(ConditionDefinition condition, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists)
    {
    }

    /// <summary>The parts of a composite (all, any, not); none for a leaf.</summary>
    public virtual IEnumerable<BoundCondition> Parts(BoundCondition condition) => [];
}

/// <summary>A form with its own definition and bound records: the overrides receive them typed.</summary>
internal abstract class ConditionForm<TDefinition, TBound> : ConditionForm
    where TDefinition : ConditionDefinition
    where TBound : BoundCondition
{
    public sealed override BoundCondition? Bind(ConditionDefinition condition, ConditionBinder binder, string ruleId) => Bind((TDefinition)condition, binder, ruleId);

    public sealed override CompiledCondition? Compile(BoundCondition condition, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics) =>
        Compile((TBound)condition, compiler, ruleId, diagnostics);

    public sealed override IEnumerable<FactSpec> Facts(BoundCondition condition, FieldCatalog fields) => Facts((TBound)condition, fields);

    public sealed override string Render(ConditionDefinition condition) => Render((TDefinition)condition);

    public sealed override IEnumerable<string> FieldsRead(ConditionDefinition condition) => FieldsRead((TDefinition)condition);

    public sealed override string Describe(ConditionDefinition condition, Rulebook.Wording wording) => Describe((TDefinition)condition, wording);

    public sealed override bool Diff(string what, ConditionDefinition older, ConditionDefinition newer, List<string> changes) =>
        Diff(what, (TDefinition)older, (TDefinition)newer, changes);

    public sealed override void Summarize(ConditionDefinition condition, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists) =>
        Summarize((TDefinition)condition, inScope, thresholds, lists);

    public sealed override IEnumerable<BoundCondition> Parts(BoundCondition condition) => Parts((TBound)condition);

    protected abstract BoundCondition? Bind(TDefinition condition, ConditionBinder binder, string ruleId);

    protected abstract CompiledCondition? Compile(TBound condition, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics);

    protected abstract IEnumerable<FactSpec> Facts(TBound condition, FieldCatalog fields);

    protected abstract string Render(TDefinition condition);

    protected abstract IEnumerable<string> FieldsRead(TDefinition condition);

    protected abstract string Describe(TDefinition condition, Rulebook.Wording wording);

    protected virtual bool Diff(string what, TDefinition older, TDefinition newer, List<string> changes) => false;

    protected virtual void Summarize(TDefinition condition, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists)
    {
    }

    protected virtual IEnumerable<BoundCondition> Parts(TBound condition) => [];
}

/// <summary>Pieces of JSON Schema the forms share.</summary>
internal static class FormSchema
{
    /// <summary>An application field as a rule writes it: <c>capacity</c>, <c>environment.eiaApproved</c>.</summary>
    public static JsonObject Field() => new()
    {
        ["type"] = "string",
        ["pattern"] = "^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*$",
        ["description"] = "An application field, e.g. capacity or environment.eiaApproved.",
    };

    /// <summary><c>{ field, ... }</c>: a mapping with exactly the keys given, <paramref name="required"/> among them.</summary>
    public static JsonObject Mapping(string[] required, params (string Key, JsonNode Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (key, schema) in properties)
        {
            props[key] = schema;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray([.. required.Select(r => (JsonNode?)JsonValue.Create(r))]),
            ["properties"] = props,
        };
    }

    /// <summary>Parses a fragment written as JSON.</summary>
    public static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
