namespace MineralRules.RuleSets;

/// <summary>The comparison a threshold expresses, in the plan's own terms (clauses.md, "Boundaries").</summary>
internal enum Comparison
{
    /// <summary>≥: 不低于, 不得小于, 以上 (the number itself passes).</summary>
    AtLeast,

    /// <summary>&gt;: the number itself fails, as in "30万吨以下 ... 不再新建".</summary>
    MoreThan,

    /// <summary>≤: 不超过, 以内.</summary>
    AtMost,

    /// <summary>&lt;: 不足, 不满.</summary>
    LessThan,
}

/// <summary>
/// A condition a compliant application satisfies. The declarative forms cover what legal staff write; the
/// expression form is for what no declarative form fits.
/// </summary>
internal abstract record ConditionDefinition(SourceLocation Location);

/// <summary>
/// A field compared with a threshold (a number with its unit, a scale or stage word, a date) or another field;
/// a date field may be shifted by whole months (<c>plusMonths</c>: "less than 3 months left").
/// </summary>
internal sealed record CompareCondition(
    SourceLocation Location,
    Comparison Comparison,
    string Field,
    SourceLocation FieldLocation,
    Documents.ScalarNode? Value,
    string? Unit,
    SourceLocation? UnitLocation,
    string? CompareTo,
    SourceLocation? CompareToLocation,
    int? PlusMonths = null,
    SourceLocation? PlusMonthsLocation = null) : ConditionDefinition(Location)
{
    /// <summary>Whole days added to the compareTo date ("30 days before expiry": <c>plusDays: -30</c>).</summary>
    public int? PlusDays { get; init; }

    public SourceLocation? PlusDaysLocation { get; init; }
}

/// <summary>A field that must have one value (<c>is</c>).</summary>
internal sealed record IsCondition(SourceLocation Location, string Field, SourceLocation FieldLocation, Documents.ScalarNode Value)
    : ConditionDefinition(Location);

/// <summary>A field whose value must (or must not) be among some values.</summary>
internal sealed record MembershipCondition(
    SourceLocation Location,
    string Field,
    SourceLocation FieldLocation,
    IReadOnlyList<Documents.ScalarNode> Values,
    bool Negated) : ConditionDefinition(Location);

/// <summary>A list field (zones) that must include at least one of the values (or, negated, none of them).</summary>
internal sealed record IncludesCondition(
    SourceLocation Location,
    string Field,
    SourceLocation FieldLocation,
    IReadOnlyList<Documents.ScalarNode> Values,
    bool Negated) : ConditionDefinition(Location);

/// <summary>
/// The declared mine scale agrees with the scale the verified rows of the mine production scale table (208号) give for
/// the capacity. Met when no verified row applies or a fact is absent: it is a cross-check, never a guess.
/// </summary>
internal sealed record ScaleMatchesCapacityCondition(SourceLocation Location) : ConditionDefinition(Location);

/// <summary>
/// The application gives the field a value (a text: one that is not blank): true when it does, false when it is absent
/// or blank — never a missing fact, for facts whose absence is itself the answer ("no other agreement case is claimed",
/// "no processing figures are given").
/// </summary>
internal sealed record GivenCondition(SourceLocation Location, string Field, SourceLocation FieldLocation) : ConditionDefinition(Location);

/// <summary>Never satisfied: every application in scope violates the rule (禁止, 不新建, 限制).</summary>
internal sealed record ProhibitedCondition(SourceLocation Location) : ConditionDefinition(Location);

/// <summary>All of the parts hold.</summary>
internal sealed record AllCondition(SourceLocation Location, IReadOnlyList<ConditionDefinition> Parts) : ConditionDefinition(Location);

/// <summary>At least one of the parts holds.</summary>
internal sealed record AnyCondition(SourceLocation Location, IReadOnlyList<ConditionDefinition> Parts) : ConditionDefinition(Location);

/// <summary>The part does not hold.</summary>
internal sealed record NotCondition(SourceLocation Location, ConditionDefinition Part) : ConditionDefinition(Location);

/// <summary>A boolean expression over the application's fields, parsed by RulesEngine's expression parser and sandboxed.</summary>
internal sealed record ExpressionCondition(SourceLocation Location, string Text) : ConditionDefinition(Location);
