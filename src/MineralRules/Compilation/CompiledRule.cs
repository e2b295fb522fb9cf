using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>
/// One rule ready to evaluate: its scope and condition, and the verdicts that never vary (not-applicable, pass)
/// built once and shared by every evaluation (RuleIndex builds those that vary only with permit, action and mineral).
/// </summary>
internal sealed class CompiledRule
{
    public CompiledRule(RuleDefinition definition, CompiledScope scope, CompiledCondition? condition, RuleSetReadings readings)
    {
        Definition = definition;
        Scope = scope;
        Condition = condition;
        Readings = readings;
        NotApplicable = Verdict(Outcome.NotApplicable, null, [], null);
        Passed = Verdict(Outcome.Pass, null, [], null);
        PassesWhenMet = definition.OutcomeWhenMet == Outcome.Pass;
        _templates = [.. new[] { definition.Message, definition.MessageWhenMet, definition.Remedy, definition.RemedyWhenMet }.OfType<LocalizedText>().Select(MessageTemplate.Parse)];
        PassesWhenMetDespiteUnknownScope = PassesWhenMet && readings.UnknownScopeWhenMetPasses;
    }

    /// <summary>The rule's message and remedy templates (and those when met), parsed once.</summary>
    private readonly MessageTemplate[] _templates;

    /// <summary>How the rule's version reads what it leaves unsaid.</summary>
    public RuleSetReadings Readings { get; }

    /// <summary>True when a met condition passes even though a scope fact is absent (a met condition does not ask for it).</summary>
    public bool PassesWhenMetDespiteUnknownScope { get; }

    /// <summary>A verdict of this rule, with its further citations and legal bases; for a fail or review, its remedy and facts.</summary>
    public Verdict Verdict(Outcome outcome, LocalizedText? message, IReadOnlyList<string> missing, ExemptionReport? exemption, LocalizedText? remedy = null, IReadOnlyList<Fact>? facts = null) =>
        new(Id, outcome, Clause, message, missing, exemption)
        {
            AlsoCites = Definition.AlsoCites,
            Basis = Definition.Basis,
            Remedy = remedy,
            Facts = facts ?? [],
        };

    /// <summary>The facts a fail or review of this rule was decided on: the condition's, else those that put the application in scope.</summary>
    public FactSpec[] FactSpecs => Condition?.Facts is { Length: > 0 } facts ? facts : Scope.Facts;

    /// <summary>
    /// The parsed form of one of the rule's own texts (its message or remedy, or those when met), found by
    /// reference; any other text is parsed now.
    /// </summary>
    public MessageTemplate TemplateOf(LocalizedText text)
    {
        foreach (var template in _templates)
        {
            if (ReferenceEquals(template.Text, text))
            {
                return template;
            }
        }

        return MessageTemplate.Parse(text);
    }

    /// <summary>True unless a met condition means review (<c>outcomeWhenMet: review</c>).</summary>
    public bool PassesWhenMet { get; }

    public RuleDefinition Definition { get; }

    public string Id => Definition.Id;

    public ClauseReference Clause => Definition.Clause;

    public CompiledScope Scope { get; }

    /// <summary>Null for notes.</summary>
    public CompiledCondition? Condition { get; }

    public Verdict NotApplicable { get; }

    public Verdict Passed { get; }

    /// <summary>
    /// Review verdicts for absent facts, by the set of fields that made the rule undecidable: their message names
    /// only the fields, so one verdict serves every application that leaves out the same ones. A rule reads few
    /// fields, so there are few sets: a small array, replaced whole when one is added (readers never lock).
    /// </summary>
    private (FieldSet Missing, Verdict Verdict)[] _missingVerdicts = [];

    /// <summary>The cached review verdict for this set of absent fields, or null.</summary>
    public Verdict? MissingVerdict(FieldSet missing)
    {
        foreach (var (set, verdict) in Volatile.Read(ref _missingVerdicts))
        {
            if (set == missing)
            {
                return verdict;
            }
        }

        return null;
    }

    /// <summary>Caches the review verdict for a set of absent fields (the first one stored wins).</summary>
    public void CacheMissingVerdict(FieldSet missing, Verdict verdict)
    {
        while (true)
        {
            var current = Volatile.Read(ref _missingVerdicts);
            if (Array.Exists(current, c => c.Missing == missing))
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _missingVerdicts, [.. current, (missing, verdict)], current) == current)
            {
                return;
            }
        }
    }
}
