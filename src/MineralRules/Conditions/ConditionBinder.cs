using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.RuleSets;
using MineralRules.Units;

namespace MineralRules.Conditions;

/// <summary>
/// Binds read conditions to the application's typed fields (<see cref="FieldCatalog"/>): each form binds itself
/// (<see cref="ConditionForm.Bind"/>) with the helpers here, every problem a located diagnostic.
/// </summary>
internal sealed class ConditionBinder(FieldCatalog fields, DiagnosticBag diagnostics, ReferenceData reference)
{
    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>The rule set's reference tables (the mine production scale table).</summary>
    public ReferenceData Reference => reference;

    public BoundCondition? Bind(ConditionDefinition condition, string ruleId) => condition.Form.Bind(condition, this, ruleId);

    /// <summary>The parts bound, or null when any part is wrong (every part is still bound, so every error is reported).</summary>
    public List<BoundCondition>? BindAll(IReadOnlyList<ConditionDefinition> parts, string ruleId)
    {
        var bound = parts.Select(p => Bind(p, ruleId)).ToList();
        return bound.Any(p => p is null) ? null : [.. bound.OfType<BoundCondition>()];
    }

    /// <summary>The field named, or null (an unknown field, reported with the nearest names).</summary>
    public Field? FieldOf(string path, SourceLocation location, string ruleId)
    {
        if (fields.Find(path) is { } field)
        {
            return field;
        }

        diagnostics.Add(location, DiagnosticCodes.UnknownField, $"The application has no field '{path}'.{Suggestions.DidYouMean(path, fields.Paths)} Fields are written as in the application document, e.g. capacity, environment.eiaApproved, location.zones.", $"申请中没有字段 '{path}'。{Suggestions.DidYouMeanZh(path, fields.Paths)}字段按申请文件中的写法书写，如 capacity、environment.eiaApproved、location.zones。", ruleId);
        return null;
    }

    /// <summary>A value written for the field, typed as the field holds it; null when it does not fit (reported).</summary>
    public object? Value(Field field, ScalarNode node, string ruleId)
    {
        var bag = new DiagnosticBag();
        object? value = field.Kind switch
        {
            FieldKind.Boolean => Scalars.Boolean(node, bag, $"a value of '{field.Path}'", ruleId),
            FieldKind.Integer => Scalars.Integer(node, bag, $"a value of '{field.Path}'", ruleId),
            FieldKind.Decimal => Scalars.Decimal(node, bag, $"a value of '{field.Path}'", ruleId),
            FieldKind.Date => Scalars.Date(node, bag, $"a value of '{field.Path}'", ruleId),
            FieldKind.Text => node.Value,
            FieldKind.Word => Word(field.Vocabulary!, field, node, ruleId),
            _ => null,
        };
        if (bag.Count > 0)
        {
            diagnostics.AddRange(bag.ToSortedList());
        }

        return value;
    }

    /// <summary>A word of the field's vocabulary, as its enum value; null when unknown (reported).</summary>
    public object? Word(IVocabulary vocabulary, Field field, ScalarNode node, string ruleId)
    {
        if (vocabulary.TryParse(node.Value, out var value))
        {
            return value;
        }

        var codes = vocabulary.Codes.ToList();
        var allowed = codes.Count <= 12 ? $" Allowed: {string.Join(", ", codes)}." : " See the codes in docs/application.md.";
        var allowedZh = codes.Count <= 12 ? $"可用的值：{string.Join(", ", codes)}。" : "可用的代码见 docs/application.md。";
        var code = vocabulary.EnumType == typeof(Mineral) ? "mineral" : vocabulary.Name;
        diagnostics.Add(
            node.Location,
            DiagnosticCodes.UnknownValue,
            $"Unknown {code} '{node.Value}' for '{field.Path}'.{Suggestions.DidYouMean(node.Value, codes)}{allowed}",
            $"{field.ZhNamed}的{Wording.Vocabulary(code)} '{node.Value}' 无法识别。{Suggestions.DidYouMeanZh(node.Value, codes)}{allowedZh}",
            ruleId);
        return null;
    }

    /// <summary>
    /// A threshold the plan could have written: held exactly, not negative, and not zero where zero makes the
    /// comparison decide the same for every application (≥ 0 always holds, &lt; 0 never does).
    /// </summary>
    public decimal? Threshold(ScalarNode node, Comparison comparison, Field field, string ruleId)
    {
        if (Scalars.Decimal(node, diagnostics, "the threshold 'value'", ruleId) is not { } value)
        {
            return null;
        }

        if (RuleSetValidator.NumberProblem(node.Value, value) is { } problem)
        {
            diagnostics.Add(node.Location, DiagnosticCodes.InvalidRule, $"The threshold {problem}", $"阈值 {RuleSetValidator.NumberProblemZh(node.Value, value)}", ruleId);
            return null;
        }

        if (value == 0 && comparison is Comparison.AtLeast or Comparison.LessThan)
        {
            var form = CompareForm.Name(comparison);
            diagnostics.Add(
                node.Location,
                DiagnosticCodes.InvalidRule,
                $"'{form}' with the threshold 0 decides the same for every application ('{field.Path}' is never below 0, so it {(comparison == Comparison.AtLeast ? "always holds and the rule can never fail" : "never holds and the rule always fails")}). Write the plan's number{(comparison == Comparison.LessThan ? ", or `prohibited: true` for a rule every application in scope violates" : string.Empty)}.",
                $"阈值为 0 的 '{form}' 对所有申请作出相同的判断（{field.ZhNamed}不会小于 0，因此{(comparison == Comparison.AtLeast ? "条件总是成立，规则永远不会不通过" : "条件从不成立，规则总是不通过")}）。请写出规划中的数字{(comparison == Comparison.LessThan ? "；适用范围内的申请一律违反的规则，请写 `prohibited: true`" : string.Empty)}。",
                ruleId);
            return null;
        }

        return value;
    }

    /// <summary>A field's type in words, for messages.</summary>
    public static string Describe(Field field) => field.Kind switch
    {
        FieldKind.Boolean => "true/false",
        FieldKind.Integer => "a whole number",
        FieldKind.Decimal => "a number",
        FieldKind.Date => "a date",
        FieldKind.Capacity => "a capacity with a unit",
        FieldKind.Word => $"a {field.Vocabulary!.Name}{(field.IsOrdered ? string.Empty : " (unordered)")}",
        FieldKind.WordList => $"a list of {field.Vocabulary!.Name}s",
        _ => "text",
    };

    /// <summary>The Chinese of <see cref="Describe"/>.</summary>
    public static string DescribeZh(Field field) => field.Kind switch
    {
        FieldKind.Boolean => "是/否（true/false）",
        FieldKind.Integer => "整数",
        FieldKind.Decimal => "数字",
        FieldKind.Date => "日期",
        FieldKind.Capacity => "带单位的产能",
        FieldKind.Word => $"{Wording.Vocabulary(field.Vocabulary!.Name)}{(field.IsOrdered ? string.Empty : "（无序）")}",
        FieldKind.WordList => $"{Wording.Vocabulary(field.Vocabulary!.Name)}列表",
        _ => "文本",
    };
}
