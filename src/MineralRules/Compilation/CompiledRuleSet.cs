using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Compilation;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules;

/// <summary>
/// One rule-set version, read, validated and compiled once. Immutable and thread-safe: share one instance across
/// threads and evaluate as many applications as needed.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly RuleIndex _index;
    private readonly FieldCatalog _fields;
    private IReadOnlyList<RuleSummary>? _summaries;
    private IReadOnlyList<RuleDescription>? _descriptions;
    private IReadOnlyList<ClauseText>? _clauses;

    internal CompiledRuleSet(RuleSetDefinition definition, IReadOnlyList<CompiledRule> rules, FieldCatalog fields)
    {
        Definition = definition;
        Info = definition.Info;
        _rules = rules;
        _index = new RuleIndex(rules);
        _fields = fields;
    }

    /// <summary>The rule set's id, version and period in force.</summary>
    public RuleSetInfo Info { get; }

    /// <summary>The ids of its rules, in evaluation order.</summary>
    public IReadOnlyList<string> RuleIds => [.. _rules.Select(r => r.Id)];

    /// <summary>
    /// Every rule, in evaluation order, as a host lists it on its own screens: clause (number, Chinese, English),
    /// outcomes, exemptability, scope, thresholds and lists, message and remedy templates, basis and further clauses,
    /// in the rule file's words. Built when first read, then shared.
    /// </summary>
    public IReadOnlyList<RuleSummary> Rules => LazyInitializer.EnsureInitialized(ref _summaries, () => [.. _rules.Select(r => RuleSummaries.From(r.Definition))]);

    /// <summary>
    /// Every rule in plain words, Chinese and English, in evaluation order (the rulebook, <c>explain</c>): scope,
    /// condition, thresholds with unit and boundary reading, outcome, texts and citations. Built when first read, then shared.
    /// </summary>
    public IReadOnlyList<RuleDescription> Descriptions => LazyInitializer.EnsureInitialized(ref _descriptions, () =>
        [.. _rules.Zip(Rules, (rule, summary) => Rulebook.PlainWords.Describe(rule.Definition, summary, Definition))]);

    /// <summary>
    /// Every clause of the plan the rule set indexes, in the plan's order (then any clause a rule cites outside the
    /// index): number, title, status and reason, the plan's own words, the quoted passages and the rules citing it.
    /// </summary>
    public IReadOnlyList<ClauseText> Clauses => LazyInitializer.EnsureInitialized(ref _clauses, () => ClauseTexts.From(Definition));

    internal IReadOnlyList<CompiledRule> CompiledRules => _rules;

    /// <summary>Which rules can apply to which applications (and their compiled programs).</summary>
    internal RuleIndex Index => _index;

    /// <summary>
    /// The zones each rule names (in its scope, or in a condition on <c>location.zones</c>) as a bit per zone, by rule
    /// id: where declared and derived zones disagree on one of them, the rule gives at least review (RecordOverlay).
    /// </summary>
    internal ulong ZonesNamed(string ruleId) => LazyInitializer.EnsureInitialized(ref _zonesNamed, () =>
        Rules.ToDictionary(
            r => r.Id,
            r => ZoneMask.Of(r.Scope.Zones.Concat(r.Lists.Where(l => l.Field == ApplicationFields.Zones.Path).SelectMany(l => l.Values))
                .Select(word => Vocabularies.Zones.TryParse(word, out var zone) ? zone : throw new InvalidOperationException($"Rule {r.Id} names '{word}', not a zone."))),
            StringComparer.Ordinal)).GetValueOrDefault(ruleId);

    private Dictionary<string, ulong>? _zonesNamed = null;

    /// <summary>A compiled rule by id, or null.</summary>
    internal CompiledRule? Rule(string ruleId) =>
        LazyInitializer.EnsureInitialized(ref _byId, () => _rules.ToDictionary(r => r.Id, StringComparer.Ordinal)).GetValueOrDefault(ruleId);

    private Dictionary<string, CompiledRule>? _byId = null;

    /// <summary>The rule set as read: clause index, plan text, reference data (for coverage and tools).</summary>
    internal RuleSetDefinition Definition { get; }

    /// <summary>True when this version is in force on <paramref name="date"/> by its own manifest.</summary>
    /// <param name="date">A date, usually the application date.</param>
    /// <returns>Whether effective-from ≤ date ≤ effective-to (open-ended without effective-to).</returns>
    public bool CoversDate(DateOnly date) => Info.EffectiveFrom <= date && (Info.EffectiveTo is null || date <= Info.EffectiveTo);

    /// <summary>
    /// Checks an application against every rule of this version. An application is validated first, as a document
    /// is, unless this very instance already passed validation (it came from <see cref="ApplicationReader"/>, or was
    /// validated or evaluated before): invalid input never gets a verdict.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <returns>The verdicts and the decision.</returns>
    /// <exception cref="InvalidApplicationException">The application is invalid; it carries every diagnostic.</exception>
    public EvaluationResult Evaluate(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (!application.IsValidated && ApplicationReader.Validate(application) is { Count: > 0 } problems)
        {
            throw new InvalidApplicationException(problems);
        }

        return Evaluator.Evaluate(Info, _index, _fields, application);
    }

    /// <summary>As <see cref="Evaluate(Application)"/> for a validated application, by the way given (tests compare them).</summary>
    internal EvaluationResult Evaluate(Application application, EvaluationPath path) => Evaluator.Evaluate(Info, _index, _fields, application, path);

    /// <summary>
    /// Checks an application against every rule of this version with the facts a host's records give about it
    /// (docs/records.md): a fact the records give overrides the declared one and each verdict names the record; where
    /// the declared zones disagree with the derived ones, a rule naming such a zone gives at least review.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="facts">The records' facts, gathered once for this application (<see cref="RecordFacts.None"/> for none).</param>
    /// <returns>The verdicts and the decision.</returns>
    /// <exception cref="InvalidApplicationException">The application is invalid; it carries every diagnostic.</exception>
    public EvaluationResult Evaluate(Application application, RecordFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Zones is null && facts.Register is null)
        {
            return Evaluate(application);
        }

        ArgumentNullException.ThrowIfNull(application);
        if (!application.IsValidated && ApplicationReader.Validate(application) is { Count: > 0 } problems)
        {
            throw new InvalidApplicationException(problems);
        }

        return WithRecords(application, facts);
    }

    /// <summary>As <see cref="Evaluate(Application, RecordFacts)"/>, returning diagnostics instead of throwing.</summary>
    /// <param name="application">The application.</param>
    /// <param name="facts">The records' facts (<see cref="RecordFacts.None"/> for none).</param>
    /// <returns>The result, or the application's diagnostics.</returns>
    public EvaluationAttempt TryEvaluate(Application application, RecordFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Zones is null && facts.Register is null)
        {
            return TryEvaluate(application);
        }

        ArgumentNullException.ThrowIfNull(application);
        var problems = ApplicationReader.Validate(application);
        return problems.Count > 0 ? new EvaluationAttempt(null, problems) : new EvaluationAttempt(WithRecords(application, facts), []);
    }

    private EvaluationResult WithRecords(Application application, RecordFacts facts)
    {
        // The declared application passed validation above; the records only put counts and zones in it.
        var effective = Records.RecordOverlay.Apply(application, facts);
        return Records.RecordOverlay.Explain(Evaluator.Evaluate(Info, _index, _fields, effective), application, effective, facts, this);
    }

    /// <summary>Checks an application against every rule of this version, returning diagnostics instead of throwing.</summary>
    /// <param name="application">The application.</param>
    /// <returns>The result, or the application's diagnostics (as the readers give them).</returns>
    public EvaluationAttempt TryEvaluate(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var problems = ApplicationReader.Validate(application);
        return problems.Count > 0 ? new EvaluationAttempt(null, problems) : new EvaluationAttempt(Evaluator.Evaluate(Info, _index, _fields, application), []);
    }
}
