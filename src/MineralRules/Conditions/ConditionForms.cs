using System.Text.Json.Nodes;
using MineralRules.Compilation;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>
/// The condition forms a rule file may use, in the order messages list them. <see cref="Default"/> holds the
/// engine's forms; <see cref="With"/> gives a registry with one more (a test's own form), without changing the
/// default. The reader looks a key up here; the JSON Schema's <c>$defs.condition</c> is generated from here
/// (<see cref="Schema"/>) and a test holds schemas/rule-file.schema.json to it.
/// </summary>
internal sealed class ConditionForms
{
    private readonly ConditionForm[] _forms;
    private readonly Dictionary<string, ConditionForm> _byName = new(StringComparer.Ordinal);

    private ConditionForms(ConditionForm[] forms)
    {
        _forms = forms;
        foreach (var form in forms)
        {
            foreach (var name in form.Names)
            {
                if (!_byName.TryAdd(name, form))
                {
                    throw new ArgumentException($"Two condition forms are named '{name}'.", nameof(forms));
                }
            }
        }

        Names = [.. forms.SelectMany(f => f.Names)];
    }

    /// <summary>The engine's forms.</summary>
    public static ConditionForms Default { get; } = new(
    [
        CompareForm.Instance,
        IsForm.Instance,
        MembershipForm.Instance,
        IncludesForm.Instance,
        GivenForm.Instance,
        ProhibitedForm.Instance,
        ScaleMatchesCapacityForm.Instance,
        AllForm.Instance,
        AnyForm.Instance,
        NotForm.Instance,
        ExpressionForm.Instance,
    ]);

    /// <summary>Every name a rule file may write, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<ConditionForm> Forms => _forms;

    /// <summary>This registry with one more form (its names must be new).</summary>
    public ConditionForms With(ConditionForm form) => new([.. _forms, form]);

    /// <summary>The form written with this key, or null.</summary>
    public ConditionForm? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The JSON Schema of a condition (<c>$defs.condition</c> of rule-file.schema.json): exactly one form.</summary>
    public JsonObject Schema()
    {
        var properties = new JsonObject();
        foreach (var form in _forms)
        {
            foreach (var name in form.Names)
            {
                properties[name] = form.Schema(name);
            }
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["minProperties"] = 1,
            ["maxProperties"] = 1,
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["description"] = $"Exactly one form: {string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}.",
        };
    }

    /// <summary>A condition on one line, as the rule file says it.</summary>
    public static string Render(ConditionDefinition condition) => condition.Form.Render(condition);

    /// <summary>A condition in plain words, in Chinese or English (<see cref="Rulebook.PlainWords"/>).</summary>
    public static string Describe(ConditionDefinition condition, Rulebook.Wording wording) => condition.Form.Describe(condition, wording);

    /// <summary>The fields a condition reads (composites: their parts'), in the order written.</summary>
    public static IEnumerable<string> FieldsRead(ConditionDefinition? condition) => condition is null ? [] : condition.Form.FieldsRead(condition);

    /// <summary>The facts a bound condition compares (composites: their parts', each field once).</summary>
    public static FactSpec[] Facts(BoundCondition condition, FieldCatalog fields) => [.. condition.Form.Facts(condition, fields)];

    /// <summary>Adds the changes between two versions of a condition to <paramref name="changes"/>.</summary>
    public static void Diff(string what, ConditionDefinition? older, ConditionDefinition? newer, List<string> changes)
    {
        if (older is null && newer is null)
        {
            return;
        }

        if (older is not null && newer is not null && older.Form == newer.Form && older.Form.Diff(what, older, newer, changes))
        {
            return;
        }

        var (old, @new) = (older is null ? "(none)" : Render(older), newer is null ? "(none)" : Render(newer));
        if (old != @new)
        {
            changes.Add($"{what}: {old} → {@new}");
        }
    }

    /// <summary>The thresholds and value lists a condition tests, for a rule's summary.</summary>
    public static void Summarize(ConditionDefinition? condition, bool inScope, List<RuleThreshold> thresholds, List<RuleValueList> lists) =>
        condition?.Form.Summarize(condition, inScope, thresholds, lists);

    /// <summary>Every bound node of a condition, the condition first, then its parts depth first.</summary>
    public static IEnumerable<BoundCondition> Nodes(BoundCondition condition) =>
        condition.Form.Parts(condition).SelectMany(Nodes).Prepend(condition);
}
