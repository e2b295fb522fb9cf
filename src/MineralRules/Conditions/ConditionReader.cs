using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.RuleSets;

namespace MineralRules.Conditions;

/// <summary>
/// Reads a condition (<c>condition:</c>, <c>scope.when:</c>, the parts of all/any/not) through the registry: a
/// mapping with exactly one key, the key a form's name. Shared helpers for the forms' bodies live here.
/// </summary>
internal sealed class ConditionReader
{
    private readonly ConditionForms _forms;
    private readonly Func<DocumentNode?, string, string?, string?> _text;

    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="forms">The forms a rule file may use.</param>
    /// <param name="text">The reader's text check (a string without unreadable characters).</param>
    public ConditionReader(DiagnosticBag diagnostics, ConditionForms forms, Func<DocumentNode?, string, string?, string?> text)
    {
        Diagnostics = diagnostics;
        _forms = forms;
        _text = text;
    }

    public DiagnosticBag Diagnostics { get; }

    public ConditionDefinition? Read(DocumentNode node, string? ruleId)
    {
        var names = _forms.Names;
        if (node is not MappingNode mapping || mapping.Entries.Count != 1)
        {
            Diagnostics.Add(
                node.Location,
                DiagnosticCodes.InvalidRule,
                $"A condition is a mapping with exactly one form ({string.Join(", ", names)}), e.g. `atLeast: {{ field: capacity, value: 300, unit: 万吨/年 }}`; found {node.Describe()}{(node is MappingNode mn ? $" with {mn.Entries.Count} keys" : string.Empty)}.",
                $"条件是一个只含一种形式（{string.Join(", ", names)}）的映射，如 `atLeast: {{ field: capacity, value: 300, unit: 万吨/年 }}`；实际为{Wording.After(node.DescribeZh())}{(node is MappingNode mz ? $"，含 {mz.Entries.Count} 个键" : string.Empty)}。",
                ruleId);
            return null;
        }

        var (key, body) = mapping.Entries[0];
        if (_forms.Find(key.Value) is { } form)
        {
            return form.Read(key.Value, body, key.Location, this, ruleId);
        }

        Diagnostics.Add(
            key.Location,
            DiagnosticCodes.UnknownKey,
            $"Unknown condition form '{key.Value}'.{Suggestions.DidYouMean(key.Value, names)} Forms: {string.Join(", ", names)}.",
            $"未知的条件形式 '{key.Value}'。{Suggestions.DidYouMeanZh(key.Value, names)}可用的形式：{string.Join(", ", names)}。",
            ruleId);
        return null;
    }

    /// <summary>A string without unreadable characters, or null (reported).</summary>
    public string? Text(DocumentNode? node, string what, string? ruleId) => _text(node, what, ruleId);

    /// <summary>A single value (not null, not a list or mapping), or null (reported).</summary>
    public ScalarNode? ScalarOrError(DocumentNode node, string? ruleId)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return scalar;
        }

        Diagnostics.Add(node.Location, DiagnosticCodes.WrongType, $"Expected a single value, found {node.Describe()}.", $"应为单个值，实际为{Wording.After(node.DescribeZh())}。", ruleId);
        return null;
    }

    /// <summary><c>{ field, values }</c> with at least one value, or null (reported).</summary>
    public (string Field, SourceLocation FieldLocation, IReadOnlyList<ScalarNode> Values)? FieldAndValues(DocumentNode body, string form, string? ruleId)
    {
        if (Scalars.Mapping(body, Diagnostics, $"'{form}' ({{ field, values }})", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, Diagnostics, ruleId);
        var fieldNode = m.Required("field", "the application field, e.g. scale");
        var valuesNode = m.Required("values", "the values, e.g. [medium, large]");
        m.Finish($"'{form}'");
        var field = Text(fieldNode, "'field'", ruleId);
        if (field is null || valuesNode is null || Scalars.Sequence(valuesNode, Diagnostics, "'values'", ruleId) is not { } items)
        {
            return null;
        }

        var values = items.Select(i => ScalarOrError(i, ruleId)).ToList();
        if (values.Count == 0)
        {
            Diagnostics.Add(valuesNode.Location, DiagnosticCodes.InvalidRule, "'values' must name at least one value.", "'values' 至少要列出一个值。", ruleId);
        }

        return values.Any(v => v is null) || values.Count == 0 ? null : (field, fieldNode!.Location, values!);
    }

    /// <summary><c>name: true</c> for a form that takes no arguments, or null (reported).</summary>
    public bool True(DocumentNode body, string name, string ruleHint, string ruleHintZh, string? ruleId)
    {
        if (Scalars.Boolean(body, Diagnostics, $"'{name}'", ruleId) is true)
        {
            return true;
        }

        Diagnostics.Add(body.Location, DiagnosticCodes.InvalidRule, ruleHint, ruleHintZh, ruleId);
        return false;
    }
}
