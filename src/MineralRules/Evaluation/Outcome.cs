namespace MineralRules;

/// <summary>The outcome of one rule for one application (docs/results.md).</summary>
public enum Outcome
{
    /// <summary>The rule applies and the application satisfies it (<c>pass</c>).</summary>
    Pass,

    /// <summary>The rule applies and the application violates it (<c>fail</c>).</summary>
    Fail,

    /// <summary>
    /// The rule applies and a person must decide: the plan allows it only conditionally, an exemption is claimed,
    /// the minerals are restricted, or a fact the rule needs is missing (<c>review</c>).
    /// </summary>
    Review,

    /// <summary>The rule's scope does not cover the application (<c>not-applicable</c>).</summary>
    NotApplicable,
}

/// <summary>The decision on an application (docs/results.md; the plan's 7.2).</summary>
public enum Decision
{
    /// <summary>No verdict fails or needs review (<c>compliant</c>).</summary>
    Compliant,

    /// <summary>At least one verdict fails (<c>non-compliant</c>).</summary>
    NonCompliant,

    /// <summary>No verdict fails, at least one needs review (<c>needs-review</c>).</summary>
    NeedsReview,
}
