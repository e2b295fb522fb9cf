using MineralRules.Applications;
using MineralRules.RuleSets;
using MineralRules.Conditions;

namespace MineralRules;

/// <summary>
/// One rule of a compiled rule set as a host shows it on its own screens (<see cref="CompiledRuleSet.Rules"/>): its
/// clause, outcomes, scope, thresholds and lists, texts and citations, in the rule file's words. Message and remedy
/// texts are the templates, with their placeholders (<c>{actual}</c>, <c>{required}</c>) as written.
/// </summary>
public sealed record RuleSummary
{
    /// <summary>The rule's id, e.g. <c>coal.new-underground.min-capacity</c>.</summary>
    public required string Id { get; init; }

    /// <summary><c>check</c> (a rule with an outcome) or <c>note</c> (context shown on a result, never an outcome).</summary>
    public required string Kind { get; init; }

    /// <summary>The clause of record: its number, the plan's Chinese words and an English rendering.</summary>
    public required ClauseReference Clause { get; init; }

    /// <summary>Further clauses the rule cites (<c>alsoCites</c>).</summary>
    public IReadOnlyList<ClauseReference> AlsoCites { get; init; } = [];

    /// <summary>National instruments the rule relies on (<c>basis</c>).</summary>
    public IReadOnlyList<LegalBasis> Basis { get; init; } = [];

    /// <summary>The outcome when the condition is violated (fail or review); null for a note.</summary>
    public Outcome? Outcome { get; init; }

    /// <summary>The outcome when the condition is met (pass, or review for "allowed only conditionally"); null for a note.</summary>
    public Outcome? OutcomeWhenMet { get; init; }

    /// <summary>True for clauses worded 原则上: a claimed exemption turns fail into review.</summary>
    public bool Exemptable { get; init; }

    /// <summary>Which applications the rule covers.</summary>
    public required RuleScopeSummary Scope { get; init; }

    /// <summary>The condition on one line, as the rule file says it (e.g. <c>capacity ≥ 300 万吨/年</c>); null for a note.</summary>
    public string? Condition { get; init; }

    /// <summary>Every comparison in the condition and in the scope's <c>when</c>, in the order written.</summary>
    public IReadOnlyList<RuleThreshold> Thresholds { get; init; } = [];

    /// <summary>Every list of values tested (<c>is</c>, <c>oneOf</c>, <c>noneOf</c>, <c>includesAny</c>, <c>includesNone</c>), in the order written.</summary>
    public IReadOnlyList<RuleValueList> Lists { get; init; } = [];

    /// <summary>The message template shown when violated (for a note: when in scope).</summary>
    public required LocalizedText Message { get; init; }

    /// <summary>The message template shown when met with review.</summary>
    public LocalizedText? MessageWhenMet { get; init; }

    /// <summary>What to do about a fail or review (template).</summary>
    public LocalizedText? Remedy { get; init; }

    /// <summary>What to do when met with review (template).</summary>
    public LocalizedText? RemedyWhenMet { get; init; }

    /// <summary>The reading of the clause the rule rests on (<c>interpretation</c>).</summary>
    public LocalizedText? Interpretation { get; init; }
}

/// <summary>Which applications a rule covers, as contract words. An empty list means "any"; leagues and counties are GB/T 2260 codes.</summary>
public sealed record RuleScopeSummary
{
    /// <summary>Permits (<c>exploration</c>, <c>mining</c>).</summary>
    public IReadOnlyList<string> Permits { get; init; } = [];

    /// <summary>Actions (<c>new</c>, <c>expansion</c>, ...).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Minerals covered, named directly or through <see cref="MineralList"/> (expanded).</summary>
    public IReadOnlyList<string> Minerals { get; init; } = [];

    /// <summary>The mineral list named (<c>mineralList</c>), or null.</summary>
    public string? MineralList { get; init; }

    /// <summary>Minerals excepted, directly or through <see cref="ExceptMineralList"/> (expanded).</summary>
    public IReadOnlyList<string> ExceptMinerals { get; init; } = [];

    /// <summary>The mineral list excepted (<c>exceptMineralList</c>), or null.</summary>
    public string? ExceptMineralList { get; init; }

    /// <summary>Mining methods (<c>underground</c>, <c>open-pit</c>).</summary>
    public IReadOnlyList<string> MiningMethods { get; init; } = [];

    /// <summary>Zones: the application lies in at least one of them.</summary>
    public IReadOnlyList<string> Zones { get; init; } = [];

    /// <summary>Leagues and cities, as GB/T 2260 codes.</summary>
    public IReadOnlyList<string> Leagues { get; init; } = [];

    /// <summary>Banners and counties, as GB/T 2260 codes.</summary>
    public IReadOnlyList<string> Counties { get; init; } = [];

    /// <summary>A further condition on the facts for the rule to apply, on one line; or null.</summary>
    public string? When { get; init; }
}

/// <summary>A comparison of a field with a threshold or with another field.</summary>
/// <param name="Field">The application field, e.g. <c>capacity</c>.</param>
/// <param name="Comparison"><c>atLeast</c>, <c>moreThan</c>, <c>atMost</c> or <c>lessThan</c>, as the rule file writes it.</param>
/// <param name="Value">The threshold as written (<c>300</c>, <c>large</c>, <c>2024-01-01</c>), or null when compared with a field.</param>
/// <param name="Unit">The threshold's unit (<c>万吨/年</c>), or null.</param>
/// <param name="CompareTo">The other field compared with, or null.</param>
/// <param name="PlusMonths">Whole months added to <paramref name="CompareTo"/>, or null.</param>
/// <param name="PlusDays">Whole days added to <paramref name="CompareTo"/>, or null.</param>
/// <param name="InScope">True when the comparison is part of the scope's <c>when</c>, false when of the condition.</param>
public sealed record RuleThreshold(string Field, string Comparison, string? Value, string? Unit, string? CompareTo, int? PlusMonths, int? PlusDays, bool InScope);

/// <summary>A field tested against a list of values.</summary>
/// <param name="Field">The application field, e.g. <c>location.zones</c>.</param>
/// <param name="Test"><c>is</c>, <c>oneOf</c>, <c>noneOf</c>, <c>includesAny</c> or <c>includesNone</c>, as the rule file writes it.</param>
/// <param name="Values">The values as written.</param>
/// <param name="InScope">True when the test is part of the scope's <c>when</c>, false when of the condition.</param>
public sealed record RuleValueList(string Field, string Test, IReadOnlyList<string> Values, bool InScope);

/// <summary>Builds <see cref="RuleSummary"/> from a rule as read: the one place the public listing is made.</summary>
internal static class RuleSummaries
{
    public static RuleSummary From(RuleDefinition rule)
    {
        var thresholds = new List<RuleThreshold>();
        var lists = new List<RuleValueList>();
        ConditionForms.Summarize(rule.Condition, inScope: false, thresholds, lists);
        ConditionForms.Summarize(rule.Scope.When, inScope: true, thresholds, lists);
        var isNote = rule.Kind == RuleKind.Note;
        return new RuleSummary
        {
            Id = rule.Id,
            Kind = isNote ? "note" : "check",
            Clause = rule.Clause,
            AlsoCites = [.. rule.AlsoCites],
            Basis = [.. rule.Basis],
            Outcome = isNote ? null : rule.Outcome,
            OutcomeWhenMet = isNote ? null : rule.OutcomeWhenMet,
            Exemptable = rule.Exemptable,
            Scope = new RuleScopeSummary
            {
                Permits = [.. rule.Scope.Permits.Select(Vocabularies.Permits.Code)],
                Actions = [.. rule.Scope.Actions.Select(Vocabularies.Actions.Code)],
                Minerals = [.. rule.Scope.Minerals.Select(Vocabularies.Minerals.Code)],
                MineralList = rule.Scope.MineralList,
                ExceptMinerals = [.. rule.Scope.ExceptMinerals.Select(Vocabularies.Minerals.Code)],
                ExceptMineralList = rule.Scope.ExceptMineralList,
                MiningMethods = [.. rule.Scope.MiningMethods.Select(Vocabularies.MiningMethods.Code)],
                Zones = [.. rule.Scope.Zones.Select(Vocabularies.Zones.Code)],
                Leagues = [.. rule.Scope.Leagues],
                Counties = [.. rule.Scope.Counties],
                When = rule.Scope.When is { } when ? ConditionForms.Render(when) : null,
            },
            Condition = rule.Condition is { } condition ? ConditionForms.Render(condition) : null,
            Thresholds = [.. thresholds],
            Lists = [.. lists],
            Message = rule.Message,
            MessageWhenMet = rule.MessageWhenMet,
            Remedy = rule.Remedy,
            RemedyWhenMet = rule.RemedyWhenMet,
            Interpretation = rule.Interpretation,
        };
    }
}
