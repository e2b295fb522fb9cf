using MineralRules.Compilation;

namespace MineralRules.RuleSets;

/// <summary>
/// A condition after validation: its fields resolved in the <see cref="FieldCatalog"/> and its values typed.
/// The compiler takes only these, so nothing it compiles can be ill-typed.
/// </summary>
internal abstract record BoundCondition(SourceLocation Location);

/// <summary>A field against a threshold or another field. Exactly one of the threshold forms is set.</summary>
internal sealed record BoundCompare(
    SourceLocation Location,
    Comparison Comparison,
    Field Field,
    decimal? Number,
    CapacityUnit? Unit,
    int? Ordinal,
    DateOnly? Date,
    Field? Other,
    int? PlusMonths = null) : BoundCondition(Location)
{
    /// <summary>Whole days added to the other (date) field.</summary>
    public int? PlusDays { get; init; }
}

/// <summary>A field that must equal a value (bool, number, word as its enum value, date, text).</summary>
internal sealed record BoundIs(SourceLocation Location, Field Field, object Value) : BoundCondition(Location);

/// <summary>A field whose value must (or, negated, must not) be among the values.</summary>
internal sealed record BoundMembership(SourceLocation Location, Field Field, IReadOnlyList<object> Values, bool Negated) : BoundCondition(Location);

/// <summary>A word-list field that must include one of the values (or, negated, none).</summary>
internal sealed record BoundIncludes(SourceLocation Location, Field Field, IReadOnlyList<object> Values, bool Negated) : BoundCondition(Location);

/// <summary>The application gives the text field a value that is not blank (absent is false, never missing).</summary>
internal sealed record BoundGiven(SourceLocation Location, Field Field) : BoundCondition(Location);

/// <summary>The declared scale agrees with the verified 208号 rows.</summary>
internal sealed record BoundScaleMatchesCapacity(SourceLocation Location, ScaleTable Table) : BoundCondition(Location);

/// <summary>Never met.</summary>
internal sealed record BoundProhibited(SourceLocation Location) : BoundCondition(Location);

/// <summary>All parts hold.</summary>
internal sealed record BoundAll(SourceLocation Location, IReadOnlyList<BoundCondition> Parts) : BoundCondition(Location);

/// <summary>Some part holds.</summary>
internal sealed record BoundAny(SourceLocation Location, IReadOnlyList<BoundCondition> Parts) : BoundCondition(Location);

/// <summary>The part does not hold.</summary>
internal sealed record BoundNot(SourceLocation Location, BoundCondition Part) : BoundCondition(Location);

/// <summary>An expression, compiled (and sandboxed) by the compiler.</summary>
internal sealed record BoundExpression(SourceLocation Location, string Text) : BoundCondition(Location);

/// <summary>A rule after validation.</summary>
internal sealed record ValidatedRule(RuleDefinition Definition, BoundCondition? Condition, BoundCondition? When);

/// <summary>A rule-set version after validation: every rule bound, every id unique.</summary>
internal sealed record ValidatedRuleSet(RuleSetDefinition Definition, IReadOnlyList<ValidatedRule> Rules)
{
    public RuleSetInfo Info => Definition.Info;
}
