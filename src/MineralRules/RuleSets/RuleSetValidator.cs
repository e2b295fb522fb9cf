using System.Globalization;
using System.Text.RegularExpressions;
using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Units;

namespace MineralRules.RuleSets;

/// <summary>
/// Checks a read rule set against the application's facts: every field named exists, every value has the field's
/// type, every threshold unit converts to what the field holds, every placeholder is known, every rule id unique.
/// The result binds conditions to typed fields for the compiler.
/// </summary>
internal sealed partial class RuleSetValidator
{
    /// <summary>The placeholders a message may use.</summary>
    private static IReadOnlyList<string> Placeholders => Evaluation.MessageTemplates.Placeholders;

    private readonly FieldCatalog _fields;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _checkCitations;

    /// <param name="fields">The application's facts.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="checkCitations">False only for the coverage report, which lists citation problems itself.</param>
    public RuleSetValidator(FieldCatalog fields, DiagnosticBag diagnostics, bool checkCitations = true)
    {
        _fields = fields;
        _diagnostics = diagnostics;
        _checkCitations = checkCitations;
    }

    public ValidatedRuleSet Validate(RuleSetDefinition definition)
    {
        CheckReference(definition.Reference);
        var citations = new ClauseCitations(definition, _diagnostics, _checkCitations);
        citations.CheckIndex();
        var binder = new ConditionBinder(_fields, _diagnostics, definition.Reference);
        var seen = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        var rules = new List<ValidatedRule>();
        foreach (var rule in definition.Rules)
        {
            if (seen.TryGetValue(rule.Id, out var first))
            {
                _diagnostics.Add(rule.Location, DiagnosticCodes.DuplicateRuleId, $"The rule id '{rule.Id}' is already used at {first.Location}; give each rule its own id.", $"规则编号 '{rule.Id}' 已在 {first.Location} 使用；每条规则须有自己的编号。", rule.Id);
                continue;
            }

            seen.Add(rule.Id, rule);
            citations.CheckRule(rule);
            CheckPlaceholders(rule, rule.Message, rule.MessageLocations);
            if (rule.MessageWhenMet is { } whenMet)
            {
                CheckPlaceholders(rule, whenMet, rule.MessageWhenMetLocations);
            }

            if (rule.Remedy is { } remedy)
            {
                CheckPlaceholders(rule, remedy, rule.RemedyLocations);
            }

            if (rule.RemedyWhenMet is { } remedyWhenMet)
            {
                CheckPlaceholders(rule, remedyWhenMet, rule.RemedyWhenMetLocations);
            }

            var condition = rule.Condition is null ? null : binder.Bind(rule.Condition, rule.Id);
            var when = rule.Scope.When is null ? null : binder.Bind(rule.Scope.When, rule.Id);
            rules.Add(new ValidatedRule(rule, condition, when));
        }

        return new ValidatedRuleSet(definition, rules);
    }

    /// <summary>
    /// What is wrong with a number written in a rule or reference file, or null: negative (capacities, counts,
    /// areas and rates are never below zero), or not held exactly (<c>1e-30</c> is read as 0, a 30th decimal is lost).
    /// </summary>
    internal static string? NumberProblem(string literal, decimal value) => NumberProblems(literal, value)?.En;

    /// <summary>The Chinese of <see cref="NumberProblem"/>.</summary>
    internal static string? NumberProblemZh(string literal, decimal value) => NumberProblems(literal, value)?.Zh;

    private static (string En, string Zh)? NumberProblems(string literal, decimal value)
    {
        if (value < 0 || literal.TrimStart().StartsWith('-'))
        {
            return ($"'{literal}' is negative; capacities, counts, areas and rates are never below 0, so the rule could never decide as the plan says. Write the plan's number without a minus sign, e.g. 300.",
                $"'{literal}' 是负数；产能、数量、面积和比率都不会小于 0，规则将无法按规划作出判断。请不带负号写出规划中的数字，如 300。");
        }

        if (!IsExact(literal, value))
        {
            return value == 0
                ? ($"'{literal}' is too small to be held and would be read as 0, which makes the rule decide the same for everyone. Write the plan's number in plain digits, e.g. 300 or 0.85.",
                    $"'{literal}' 太小，无法保存，会被读作 0，使规则对所有申请作出相同的判断。请用普通数字写出规划中的数字，如 300 或 0.85。")
                : ($"'{literal}' cannot be held exactly (it would be read as {value.ToString(CultureInfo.InvariantCulture)}). Write the plan's number in plain digits with at most 28 decimal places, e.g. 300 or 0.85.",
                    $"'{literal}' 无法精确保存（会被读作 {value.ToString(CultureInfo.InvariantCulture)}）。请用普通数字写出规划中的数字，小数不超过 28 位，如 300 或 0.85。");
        }

        return null;
    }

    /// <summary>True when the decimal equals the number the literal writes (digits, a point, an exponent).</summary>
    private static bool IsExact(string literal, decimal value)
    {
        var match = NumberLiteralPattern().Match(literal.Trim());
        if (!match.Success)
        {
            return true; // not a plain number (the parser's own concern); nothing to compare
        }

        var fraction = match.Groups[2].Value;
        var digits = (match.Groups[1].Value + fraction).TrimStart('0');
        if (digits.Length == 0)
        {
            return value == 0;
        }

        if (!int.TryParse(match.Groups[3].Value is { Length: > 0 } e ? e : "0", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || Math.Abs(exponent) > 100 || digits.Length > 100)
        {
            return false;
        }

        if (match.Groups[3].Length == 0 && digits.Length <= 28 && fraction.Length <= 28)
        {
            // At most 28 digits and 28 decimals without an exponent are a decimal exactly, so the literal is the value
            // when the two are equal: no BigInteger (nor its assembly, at every cold load) for the numbers rules write.
            var whole = match.Groups[1].Value;
            var text = fraction.Length == 0 ? whole : (whole.Length == 0 ? "0" : whole) + "." + fraction;
            return decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) == Math.Abs(value);
        }

        return IsExactBig(digits, exponent - fraction.Length, value);
    }

    /// <summary>
    /// <see cref="IsExact"/> for a literal with an exponent or more than 28 digits, in whole numbers. A method of its
    /// own: a method naming BigInteger loads its assembly when it is first called, whichever branch runs.
    /// </summary>
    private static bool IsExactBig(string digits, int exponent, decimal value)
    {
        // literal = digits × 10^exponent; value = unscaled × 10^(−scale).
        var written = System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        var shift = exponent + value.Scale;
        var bits = decimal.GetBits(value);
        var unscaled = (new System.Numerics.BigInteger((uint)bits[2]) << 64) | (new System.Numerics.BigInteger((uint)bits[1]) << 32) | new System.Numerics.BigInteger((uint)bits[0]);
        return shift >= 0
            ? written * System.Numerics.BigInteger.Pow(10, shift) == unscaled
            : written == unscaled * System.Numerics.BigInteger.Pow(10, -shift);
    }

    [GeneratedRegex(@"^[+-]?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLiteralPattern();

    /// <summary>Rows the engine compares capacities with must have a capacity unit it knows.</summary>
    private void CheckReference(ReferenceData reference)
    {
        foreach (var row in reference.MineScale?.Rows ?? [])
        {
            if (row.Verified && row.Minerals.Count > 0 && ScaleDerivation.Compares(row) && !UnitConversions.TryParseCapacityUnit(row.Unit, out _))
            {
                _diagnostics.Add(row.Location, DiagnosticCodes.UnknownUnit, $"The row '{row.Name}' is verified and counted as {row.CountedAs}, but '{row.Unit}' is not a capacity unit ({string.Join(", ", UnitConversions.CapacitySymbols)}).", $"行 '{row.Name}' 已核实，计量对象为 {row.CountedAs}，但 '{row.Unit}' 不是产能单位（{string.Join(", ", UnitConversions.CapacitySymbols)}）。");
            }
        }
    }

    private void CheckPlaceholders(RuleDefinition rule, LocalizedText text, (SourceLocation? Zh, SourceLocation? En) locations)
    {
        foreach (var (message, location) in new[] { (text.Zh, locations.Zh), (text.En, locations.En) })
        {
            if (BraceProblem(message) is { } problem)
            {
                _diagnostics.Add(location ?? rule.Location, DiagnosticCodes.UnknownPlaceholder, problem.En, problem.Zh, rule.Id);
                continue;
            }

            foreach (Match match in PlaceholderPattern().Matches(message))
            {
                var name = match.Groups[1].Value;
                if (!Placeholders.Contains(name))
                {
                    _diagnostics.Add(location ?? rule.Location, DiagnosticCodes.UnknownPlaceholder, $"Unknown placeholder '{{{name}}}' in a message.{Suggestions.DidYouMean(name, Placeholders)} Placeholders: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.", $"提示信息中有未知的占位符 '{{{name}}}'。{Suggestions.DidYouMeanZh(name, Placeholders)}可用的占位符：{string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}。", rule.Id);
                }
            }
        }
    }

    /// <summary>
    /// A brace that would be printed as it stands instead of filled in: full-width ｛actual｝ (a Chinese input method's
    /// braces), doubled {{actual}}, an unclosed {actual or a stray }. Null when every brace pairs into a placeholder.
    /// </summary>
    internal static (string En, string Zh)? BraceProblem(string message)
    {
        string Fix(string name) =>
            Placeholders.Contains(name) ? $"write {{{name}}}" : $"write a placeholder with half-width braces: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}";

        string FixZh(string name) =>
            Placeholders.Contains(name) ? $"写作 {{{name}}}" : $"用半角花括号写占位符：{string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}";

        if (FullWidthPattern().Match(message) is { Success: true } wide)
        {
            var name = wide.Value is "\uFF5B" or "\uFE5B" ? NameAfter(message, wide.Index + 1) : NameBefore(message, wide.Index);
            return ($"The full-width brace '{wide.Value}' (typed with a Chinese input method) is printed as it stands, not filled in; switch to half-width (半角) and {Fix(name)}.",
                $"全角花括号 '{wide.Value}'（用中文输入法输入）会按原样显示，不会被替换；请切换为半角，并{FixZh(name)}。");
        }

        var open = message.IndexOf("{{", StringComparison.Ordinal);
        var close = message.IndexOf("}}", StringComparison.Ordinal);
        if (open >= 0 || close >= 0)
        {
            var name = open >= 0 ? NameAfter(message, open + 2) : NameBefore(message, close);
            return ($"Doubled braces '{(open >= 0 ? "{{" : "}}")}' are printed as they stand, not filled in; {Fix(name)} with one brace on each side.",
                $"双花括号 '{(open >= 0 ? "{{" : "}}")}' 会按原样显示，不会被替换；请{FixZh(name)}，两侧各用一个花括号。");
        }

        var start = -1;
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] == '{')
            {
                if (start >= 0)
                {
                    break; // a second '{' before the first is closed
                }

                start = i;
            }
            else if (message[i] == '}')
            {
                if (start < 0)
                {
                    return ($"A '}}' without its '{{' is printed as it stands; {Fix(NameBefore(message, i))}.",
                        $"没有对应 '{{' 的 '}}' 会按原样显示；请{FixZh(NameBefore(message, i))}。");
                }

                start = -1;
            }
        }

        return start >= 0
            ? ($"The placeholder '{{{NameAfter(message, start + 1)}' is not closed and would be printed as it stands; {Fix(NameAfter(message, start + 1))}.",
                $"占位符 '{{{NameAfter(message, start + 1)}' 没有闭合，会按原样显示；请{FixZh(NameAfter(message, start + 1))}。")
            : null;
    }

    /// <summary>The word (ASCII letters) that starts at an index, after any spaces.</summary>
    private static string NameAfter(string text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        var end = index;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return text[index..end];
    }

    /// <summary>The word (ASCII letters) that ends at an index, before any spaces.</summary>
    private static string NameBefore(string text, int index)
    {
        while (index > 0 && text[index - 1] == ' ')
        {
            index--;
        }

        var begin = index;
        while (begin > 0 && char.IsAsciiLetter(text[begin - 1]))
        {
            begin--;
        }

        return text[begin..index];
    }

    [GeneratedRegex("[\uFF5B\uFF5D\uFE5B\uFE5C]", RegexOptions.CultureInvariant)]
    private static partial Regex FullWidthPattern();

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
