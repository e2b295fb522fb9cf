using MineralRules.Applications;

namespace MineralRules.RuleSets;

/// <summary>Whether a rule checks the application or only adds context to the result.</summary>
internal enum RuleKind
{
    /// <summary>A check with an outcome.</summary>
    Check,

    /// <summary>Informational: shown on the result as context when in scope, never an outcome.</summary>
    Note,
}

/// <summary>One rule as written in YAML, after reading and before compiling.</summary>
internal sealed record RuleDefinition
{
    public required string Id { get; init; }

    public required SourceLocation Location { get; init; }

    public required RuleKind Kind { get; init; }

    public required ClauseReference Clause { get; init; }

    /// <summary>Where the clause's ref and quote are written, for errors about them.</summary>
    public SourceLocation? ClauseRefLocation { get; init; }

    public SourceLocation? ClauseQuoteLocation { get; init; }

    public required ScopeDefinition Scope { get; init; }

    /// <summary>What a compliant application satisfies; null for notes.</summary>
    public ConditionDefinition? Condition { get; init; }

    /// <summary>The outcome when the condition is violated (fail or review).</summary>
    public Outcome Outcome { get; init; } = Outcome.Fail;

    /// <summary>The outcome when the condition is met: pass, or review for "allowed only conditionally".</summary>
    public Outcome OutcomeWhenMet { get; init; } = Outcome.Pass;

    /// <summary>True for clauses worded 原则上: a claimed exemption turns fail into review.</summary>
    public bool Exemptable { get; init; }

    /// <summary>Shown when violated (for notes: shown when in scope).</summary>
    public required LocalizedText Message { get; init; }

    /// <summary>Shown when met with <see cref="OutcomeWhenMet"/> review.</summary>
    public LocalizedText? MessageWhenMet { get; init; }

    /// <summary>Where the message's zh and en texts are written, for errors about their placeholders.</summary>
    public (SourceLocation? Zh, SourceLocation? En) MessageLocations { get; init; }

    /// <summary>Where messageWhenMet's zh and en texts are written.</summary>
    public (SourceLocation? Zh, SourceLocation? En) MessageWhenMetLocations { get; init; }

    /// <summary>Further clauses of the plan the rule cites beside its clause of record (<c>alsoCites</c>).</summary>
    public IReadOnlyList<ClauseReference> AlsoCites { get; init; } = [];

    /// <summary>Where each <c>alsoCites</c> quote is written, for errors about it.</summary>
    public IReadOnlyList<SourceLocation> AlsoCitesLocations { get; init; } = [];

    /// <summary>National instruments the rule relies on (<c>basis</c>).</summary>
    public IReadOnlyList<LegalBasis> Basis { get; init; } = [];

    /// <summary>The reading the rule rests on (<c>interpretation</c>).</summary>
    public LocalizedText? Interpretation { get; init; }

    /// <summary>What to do about a fail or review (<c>remedy</c>); placeholders like the message's.</summary>
    public LocalizedText? Remedy { get; init; }

    /// <summary>Where the remedy's zh and en texts are written.</summary>
    public (SourceLocation? Zh, SourceLocation? En) RemedyLocations { get; init; }

    /// <summary>What to do when the condition is met with <see cref="OutcomeWhenMet"/> review (<c>remedyWhenMet</c>).</summary>
    public LocalizedText? RemedyWhenMet { get; init; }

    /// <summary>Where remedyWhenMet's zh and en texts are written.</summary>
    public (SourceLocation? Zh, SourceLocation? En) RemedyWhenMetLocations { get; init; }
}

/// <summary>Which applications a rule covers. Empty sets mean "any".</summary>
internal sealed record ScopeDefinition
{
    /// <summary>
    /// The list keys the rule file writes (permit, actions, minerals, mineralList, zones ...). A key left out means
    /// "any" and its list is empty; a key written is never empty (the reader refuses <c>zones: []</c> and
    /// <c>permit:</c>), and the compiler refuses a written key whose list came out empty, so "none" can never be
    /// read as "any".
    /// </summary>
    public IReadOnlySet<string> Named { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Where the scope stands in its rule file.</summary>
    public SourceLocation? Location { get; init; }

    public IReadOnlyList<Permit> Permits { get; init; } = [];

    public IReadOnlyList<PermitAction> Actions { get; init; } = [];

    /// <summary>Minerals named directly or through a list (lists already expanded).</summary>
    public IReadOnlyList<Mineral> Minerals { get; init; } = [];

    public IReadOnlyList<Mineral> ExceptMinerals { get; init; } = [];

    /// <summary>The mineral list the scope names (<c>mineralList</c>), already expanded into <see cref="Minerals"/>; null when none.</summary>
    public string? MineralList { get; init; }

    /// <summary>The mineral list the scope excepts (<c>exceptMineralList</c>), already expanded into <see cref="ExceptMinerals"/>.</summary>
    public string? ExceptMineralList { get; init; }

    public IReadOnlyList<MiningMethod> MiningMethods { get; init; } = [];

    /// <summary>The application must lie in at least one of these zones.</summary>
    public IReadOnlyList<Zone> Zones { get; init; } = [];

    /// <summary>GB/T 2260 league codes.</summary>
    public IReadOnlyList<string> Leagues { get; init; } = [];

    /// <summary>GB/T 2260 banner/county codes.</summary>
    public IReadOnlyList<string> Counties { get; init; } = [];

    /// <summary>A further condition on the facts for the rule to apply.</summary>
    public ConditionDefinition? When { get; init; }
}

/// <summary>A named list of minerals (banned, restricted, exempt ...), kept in one place and referred to by id.</summary>
internal sealed record MineralList(string Id, SourceLocation Location, LocalizedText? Title, string? Clause, IReadOnlyList<Mineral> Minerals);

/// <summary>Whether an application can be checked against a clause of the plan (clauses.md).</summary>
internal enum ClauseStatus
{
    /// <summary>Rules check applications against it.</summary>
    Checkable,

    /// <summary>Shown as context only (notes), never an outcome.</summary>
    Informational,

    /// <summary>Not about permits; the entry says why.</summary>
    NotCheckable,
}

/// <summary>One chapter, section or numbered item of the plan in the rule set's clause index.</summary>
internal sealed record ClauseIndexEntry(string Ref, string Title, ClauseStatus Status, LocalizedText Reason, SourceLocation Location);

/// <summary>A whole rule-set version as read: manifest, lists and rules, with positions.</summary>
internal sealed record RuleSetDefinition(
    RuleSetInfo Info,
    SourceLocation ManifestLocation,
    IReadOnlyList<MineralList> MineralLists,
    IReadOnlyList<RuleDefinition> Rules,
    Reference.PlanText? Plan,
    ReferenceData Reference,
    IReadOnlyList<ClauseIndexEntry> ClauseIndex)
{
    /// <summary>
    /// False when the manifest is missing or has an error: the rule files are still validated (so their errors are
    /// reported too), but the version is never compiled into a catalog.
    /// </summary>
    public bool ManifestValid { get; init; } = true;

    /// <summary>Where the manifest writes effectiveFrom, for errors about overlapping versions.</summary>
    public SourceLocation? EffectiveFromLocation { get; init; }

    /// <summary>Where the manifest writes effectiveTo, when it does.</summary>
    public SourceLocation? EffectiveToLocation { get; init; }
}
