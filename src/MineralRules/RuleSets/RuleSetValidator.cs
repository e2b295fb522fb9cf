using System.Globalization;
using System.Text.RegularExpressions;
using MineralRules.Applications;
using MineralRules.Compilation;
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
    private ReferenceData _reference = ReferenceData.None;

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
        _reference = definition.Reference;
        CheckReference(definition.Reference);
        var citations = new ClauseCitations(definition, _diagnostics, _checkCitations);
        citations.CheckIndex();
        var seen = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        var rules = new List<ValidatedRule>();
        foreach (var rule in definition.Rules)
        {
            if (seen.TryGetValue(rule.Id, out var first))
            {
                _diagnostics.Add(rule.Location, DiagnosticCodes.DuplicateRuleId, $"The rule id '{rule.Id}' is already used at {first.Location}; give each rule its own id.", rule.Id);
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

            var condition = rule.Condition is null ? null : Bind(rule.Condition, rule.Id);
            var when = rule.Scope.When is null ? null : Bind(rule.Scope.When, rule.Id);
            rules.Add(new ValidatedRule(rule, condition, when));
        }

        return new ValidatedRuleSet(definition, rules);
    }

    private BoundCondition? Bind(ConditionDefinition condition, string ruleId)
    {
        switch (condition)
        {
            case CompareCondition c:
                return BindCompare(c, ruleId);
            case IsCondition c:
            {
                var field = FieldOf(c.Field, c.FieldLocation, ruleId);
                if (field is null)
                {
                    return null;
                }

                if (field.Kind is FieldKind.Capacity or FieldKind.WordList)
                {
                    _diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'is' cannot test '{field.Path}' ({Describe(field)}); use {(field.Kind == FieldKind.Capacity ? "atLeast/moreThan/atMost/lessThan with a unit" : "includesAny or includesNone")}.", ruleId);
                    return null;
                }

                return Value(field, c.Value, ruleId) is { } value ? new BoundIs(c.Location, field, value) : null;
            }

            case MembershipCondition c:
            {
                var field = FieldOf(c.Field, c.FieldLocation, ruleId);
                if (field is null)
                {
                    return null;
                }

                if (field.Kind is not (FieldKind.Word or FieldKind.Integer or FieldKind.Text))
                {
                    _diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'{(c.Negated ? "noneOf" : "oneOf")}' works on a word, number or text field; '{field.Path}' is {Describe(field)}.{(field.Kind == FieldKind.WordList ? " Use includesAny or includesNone for a list." : string.Empty)}", ruleId);
                    return null;
                }

                var values = c.Values.Select(v => Value(field, v, ruleId)).ToList();
                return values.Any(v => v is null) ? null : new BoundMembership(c.Location, field, values!, c.Negated);
            }

            case IncludesCondition c:
            {
                var field = FieldOf(c.Field, c.FieldLocation, ruleId);
                if (field is null)
                {
                    return null;
                }

                if (field.Kind != FieldKind.WordList)
                {
                    _diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'{(c.Negated ? "includesNone" : "includesAny")}' works on a list field such as location.zones; '{field.Path}' is {Describe(field)}. Use oneOf or noneOf.", ruleId);
                    return null;
                }

                var values = c.Values.Select(v => Word(field.Vocabulary!, field, v, ruleId)).ToList();
                return values.Any(v => v is null) ? null : new BoundIncludes(c.Location, field, values!, c.Negated);
            }

            case GivenCondition c:
            {
                var field = FieldOf(c.Field, c.FieldLocation, ruleId);
                if (field is null)
                {
                    return null;
                }

                if (field.Kind == FieldKind.WordList || field.IsMark)
                {
                    _diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'given' cannot test '{field.Path}' ({Describe(field)}{(field.IsMark ? ", a mark read as false when absent" : string.Empty)}); use includesAny/includesNone or is.", ruleId);
                    return null;
                }

                return new BoundGiven(c.Location, field);
            }

            case ProhibitedCondition c:
                return new BoundProhibited(c.Location);
            case ScaleMatchesCapacityCondition c:
                if (_reference.MineScale is { } table)
                {
                    return new BoundScaleMatchesCapacity(c.Location, table);
                }

                _diagnostics.Add(c.Location, DiagnosticCodes.InvalidRule, "'scaleMatchesCapacity' needs the mine production scale table (mineProductionScale) in the rule set's reference data.", ruleId);
                return null;
            case AllCondition c:
            {
                var parts = c.Parts.Select(p => Bind(p, ruleId)).ToList();
                return parts.Any(p => p is null) ? null : new BoundAll(c.Location, parts!);
            }

            case AnyCondition c:
            {
                var parts = c.Parts.Select(p => Bind(p, ruleId)).ToList();
                return parts.Any(p => p is null) ? null : new BoundAny(c.Location, parts!);
            }

            case NotCondition c:
                return Bind(c.Part, ruleId) is { } part ? new BoundNot(c.Location, part) : null;
            case ExpressionCondition c:
                return new BoundExpression(c.Location, c.Text);
            default:
                throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}.");
        }
    }

    private BoundCompare? BindCompare(CompareCondition c, string ruleId)
    {
        var form = RuleSetReader.FormName(c.Comparison);
        var field = FieldOf(c.Field, c.FieldLocation, ruleId);
        if (field is null)
        {
            return null;
        }

        var comparable = field.Kind is FieldKind.Integer or FieldKind.Decimal or FieldKind.Capacity or FieldKind.Date || (field.Kind == FieldKind.Word && field.IsOrdered);
        if (!comparable)
        {
            _diagnostics.Add(c.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'{form}' compares numbers, capacities, dates, scales or stages; '{field.Path}' is {Describe(field)}. Use 'is', 'oneOf' or 'noneOf'.", ruleId);
            return null;
        }

        if (c.Unit is not null && field.Kind != FieldKind.Capacity)
        {
            _diagnostics.Add(c.UnitLocation!, DiagnosticCodes.UnitMismatch, $"'{field.Path}' is {Describe(field)} and takes no unit; remove 'unit'.", ruleId);
            return null;
        }

        if (c.CompareTo is { } otherPath)
        {
            var other = FieldOf(otherPath, c.CompareToLocation!, ruleId);
            if (other is null)
            {
                return null;
            }

            var sameKind = other.Kind == field.Kind && (field.Kind != FieldKind.Word || other.ValueType == field.ValueType)
                || (field.Kind is FieldKind.Integer or FieldKind.Decimal && other.Kind is FieldKind.Integer or FieldKind.Decimal);
            if (!sameKind)
            {
                _diagnostics.Add(c.CompareToLocation!, DiagnosticCodes.FieldTypeMismatch, $"'{field.Path}' ({Describe(field)}) cannot be compared with '{other.Path}' ({Describe(other)}).", ruleId);
                return null;
            }

            if ((c.PlusMonths is not null || c.PlusDays is not null) && field.Kind != FieldKind.Date)
            {
                _diagnostics.Add((c.PlusMonthsLocation ?? c.PlusDaysLocation)!, DiagnosticCodes.FieldTypeMismatch, $"'{(c.PlusMonths is not null ? "plusMonths" : "plusDays")}' shifts dates; '{field.Path}' is {Describe(field)}.", ruleId);
                return null;
            }

            return new BoundCompare(c.Location, c.Comparison, field, null, null, null, null, other, c.PlusMonths) { PlusDays = c.PlusDays };
        }

        var value = c.Value!;
        switch (field.Kind)
        {
            case FieldKind.Integer or FieldKind.Decimal:
                return Threshold(value, c.Comparison, field, ruleId) is { } n ? new BoundCompare(c.Location, c.Comparison, field, n, null, null, null, null) : null;
            case FieldKind.Capacity:
            {
                var number = Threshold(value, c.Comparison, field, ruleId);
                if (c.Unit is null)
                {
                    _diagnostics.Add(value.Location, DiagnosticCodes.UnitMismatch, $"A capacity threshold needs its unit: add 'unit' ({string.Join(", ", UnitConversions.CapacitySymbols)}).", ruleId);
                    return null;
                }

                if (!UnitConversions.TryParseCapacityUnit(c.Unit, out var unit) && UnitConversions.TryParseMassUnit(c.Unit, out _))
                {
                    _diagnostics.Add(c.UnitLocation!, DiagnosticCodes.UnitMismatch, $"'{c.Unit}' is a mass, but '{field.Path}' is a capacity (an amount per year or per day) and a mass cannot convert to it; write a rate such as 万吨/年, Mt/a or t/d. Units: {string.Join(", ", UnitConversions.CapacitySymbols)}.", ruleId);
                    return null;
                }

                if (!UnitConversions.TryParseCapacityUnit(c.Unit, out unit))
                {
                    _diagnostics.Add(c.UnitLocation!, DiagnosticCodes.UnknownUnit, $"Unknown unit '{c.Unit}'.{Suggestions.DidYouMean(c.Unit, UnitConversions.CapacitySymbols)} Units: {string.Join(", ", UnitConversions.CapacitySymbols)}.", ruleId);
                    return null;
                }

                return number is { } amount ? new BoundCompare(c.Location, c.Comparison, field, amount, unit, null, null, null) : null;
            }

            case FieldKind.Date:
                return Value(field, value, ruleId) is DateOnly d ? new BoundCompare(c.Location, c.Comparison, field, null, null, null, d, null) : null;
            default:
                return Word(field.Vocabulary!, field, value, ruleId) is { } word
                    ? new BoundCompare(c.Location, c.Comparison, field, null, null, Convert.ToInt32(word, CultureInfo.InvariantCulture), null, null)
                    : null;
        }
    }

    private Field? FieldOf(string path, SourceLocation location, string ruleId)
    {
        if (_fields.Find(path) is { } field)
        {
            return field;
        }

        _diagnostics.Add(location, DiagnosticCodes.UnknownField, $"The application has no field '{path}'.{Suggestions.DidYouMean(path, _fields.Paths)} Fields are written as in the application document, e.g. capacity, environment.eiaApproved, location.zones.", ruleId);
        return null;
    }

    private object? Value(Field field, ScalarNode node, string ruleId)
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
        _diagnostics.AddRange(bag.ToSortedList());
        return value;
    }

    private object? Word(IVocabulary vocabulary, Field field, ScalarNode node, string ruleId)
    {
        if (vocabulary.TryParse(node.Value, out var value))
        {
            return value;
        }

        var codes = vocabulary.Codes.ToList();
        var allowed = codes.Count <= 12 ? $" Allowed: {string.Join(", ", codes)}." : " See the codes in docs/application.md.";
        var code = vocabulary.EnumType == typeof(Mineral) ? "mineral" : vocabulary.Name;
        _diagnostics.Add(node.Location, DiagnosticCodes.UnknownValue, $"Unknown {code} '{node.Value}' for '{field.Path}'.{Suggestions.DidYouMean(node.Value, codes)}{allowed}", ruleId);
        return null;
    }

    private decimal? Number(ScalarNode node, string ruleId) => Scalars.Decimal(node, _diagnostics, "the threshold 'value'", ruleId);

    /// <summary>
    /// A threshold the plan could have written: held exactly, not negative, and not zero where zero makes the
    /// comparison decide the same for every application (≥ 0 always holds, &lt; 0 never does).
    /// </summary>
    private decimal? Threshold(ScalarNode node, Comparison comparison, Field field, string ruleId)
    {
        if (Number(node, ruleId) is not { } value)
        {
            return null;
        }

        if (NumberProblem(node.Value, value) is { } problem)
        {
            _diagnostics.Add(node.Location, DiagnosticCodes.InvalidRule, $"The threshold {problem}", ruleId);
            return null;
        }

        if (value == 0 && comparison is Comparison.AtLeast or Comparison.LessThan)
        {
            var form = RuleSetReader.FormName(comparison);
            _diagnostics.Add(
                node.Location,
                DiagnosticCodes.InvalidRule,
                $"'{form}' with the threshold 0 decides the same for every application ('{field.Path}' is never below 0, so it {(comparison == Comparison.AtLeast ? "always holds and the rule can never fail" : "never holds and the rule always fails")}). Write the plan's number{(comparison == Comparison.LessThan ? ", or `prohibited: true` for a rule every application in scope violates" : string.Empty)}.",
                ruleId);
            return null;
        }

        return value;
    }

    /// <summary>
    /// What is wrong with a number written in a rule or reference file, or null: negative (capacities, counts,
    /// areas and rates are never below zero), or not held exactly (<c>1e-30</c> is read as 0, a 30th decimal is lost).
    /// </summary>
    internal static string? NumberProblem(string literal, decimal value)
    {
        if (value < 0 || literal.TrimStart().StartsWith('-'))
        {
            return $"'{literal}' is negative; capacities, counts, areas and rates are never below 0, so the rule could never decide as the plan says. Write the plan's number without a minus sign, e.g. 300.";
        }

        if (!IsExact(literal, value))
        {
            return value == 0
                ? $"'{literal}' is too small to be held and would be read as 0, which makes the rule decide the same for everyone. Write the plan's number in plain digits, e.g. 300 or 0.85."
                : $"'{literal}' cannot be held exactly (it would be read as {value.ToString(CultureInfo.InvariantCulture)}). Write the plan's number in plain digits with at most 28 decimal places, e.g. 300 or 0.85.";
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

        // literal = digits × 10^(exponent − fraction digits); value = unscaled × 10^(−scale).
        var written = System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        var shift = exponent - fraction.Length + value.Scale;
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
                _diagnostics.Add(row.Location, DiagnosticCodes.UnknownUnit, $"The row '{row.Name}' is verified and counted as {row.CountedAs}, but '{row.Unit}' is not a capacity unit ({string.Join(", ", UnitConversions.CapacitySymbols)}).");
            }
        }
    }

    private void CheckPlaceholders(RuleDefinition rule, LocalizedText text, (SourceLocation? Zh, SourceLocation? En) locations)
    {
        foreach (var (message, location) in new[] { (text.Zh, locations.Zh), (text.En, locations.En) })
        {
            if (BraceProblem(message) is { } problem)
            {
                _diagnostics.Add(location ?? rule.Location, DiagnosticCodes.UnknownPlaceholder, problem, rule.Id);
                continue;
            }

            foreach (Match match in PlaceholderPattern().Matches(message))
            {
                var name = match.Groups[1].Value;
                if (!Placeholders.Contains(name))
                {
                    _diagnostics.Add(location ?? rule.Location, DiagnosticCodes.UnknownPlaceholder, $"Unknown placeholder '{{{name}}}' in a message.{Suggestions.DidYouMean(name, Placeholders)} Placeholders: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.", rule.Id);
                }
            }
        }
    }

    /// <summary>
    /// A brace that would be printed as it stands instead of filled in: full-width ｛actual｝ (a Chinese input method's
    /// braces), doubled {{actual}}, an unclosed {actual or a stray }. Null when every brace pairs into a placeholder.
    /// </summary>
    internal static string? BraceProblem(string message)
    {
        string Fix(string name) =>
            Placeholders.Contains(name) ? $"write {{{name}}}" : $"write a placeholder with half-width braces: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}";

        if (FullWidthPattern().Match(message) is { Success: true } wide)
        {
            var name = wide.Value is "\uFF5B" or "\uFE5B" ? NameAfter(message, wide.Index + 1) : NameBefore(message, wide.Index);
            return $"The full-width brace '{wide.Value}' (typed with a Chinese input method) is printed as it stands, not filled in; switch to half-width (半角) and {Fix(name)}.";
        }

        var open = message.IndexOf("{{", StringComparison.Ordinal);
        var close = message.IndexOf("}}", StringComparison.Ordinal);
        if (open >= 0 || close >= 0)
        {
            var name = open >= 0 ? NameAfter(message, open + 2) : NameBefore(message, close);
            return $"Doubled braces '{(open >= 0 ? "{{" : "}}")}' are printed as they stand, not filled in; {Fix(name)} with one brace on each side.";
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
                    return $"A '}}' without its '{{' is printed as it stands; {Fix(NameBefore(message, i))}.";
                }

                start = -1;
            }
        }

        return start >= 0 ? $"The placeholder '{{{NameAfter(message, start + 1)}' is not closed and would be printed as it stands; {Fix(NameAfter(message, start + 1))}." : null;
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

    private static string Describe(Field field) => field.Kind switch
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

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
