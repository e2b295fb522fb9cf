namespace MineralRules;

/// <summary>What became of an exemption claimed by the application.</summary>
public enum ExemptionStatus
{
    /// <summary>The clause is worded 原则上 and the claim turned a fail into review (<c>applied</c>).</summary>
    Applied,

    /// <summary>The provision is not worded 原则上, so the claim cannot change its outcome (<c>ignored</c>).</summary>
    Ignored,

    /// <summary>The exemptable provisions of the clause did not fail, so the claim changed nothing (<c>not-needed</c>).</summary>
    NotNeeded,
}

/// <summary>An exemption claim and what became of it, on a verdict or on the result.</summary>
/// <param name="Clause">The clause the exemption is claimed for.</param>
/// <param name="Basis">The basis the applicant gives.</param>
/// <param name="Status">Applied, ignored, or not needed.</param>
/// <param name="Reason">Why, in Chinese and English.</param>
public sealed record ExemptionReport(string Clause, string Basis, ExemptionStatus Status, LocalizedText Reason);

/// <summary>The outcome of one rule for one application.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Outcome">Pass, fail, review or not applicable.</param>
/// <param name="Clause">The clause the rule enforces: reference, the plan's words, English.</param>
/// <param name="Message">For fail and review: what is wrong, with the actual and required values; null otherwise.</param>
/// <param name="Missing">The absent facts that made the outcome review (field paths such as <c>capacity</c>).</param>
/// <param name="Exemption">The exemption claimed for this rule's clause, when one was and the rule was violated.</param>
public sealed record Verdict(
    string Rule,
    Outcome Outcome,
    ClauseReference Clause,
    LocalizedText? Message,
    IReadOnlyList<string> Missing,
    ExemptionReport? Exemption)
{
    /// <summary>For fail and review: what the applicant or the authority does next; null for pass and not applicable, and under rule sets without remedies (1.0.0).</summary>
    public LocalizedText? Remedy { get; init; }

    /// <summary>Further clauses of the plan the rule cites beside <see cref="Clause"/>.</summary>
    public IReadOnlyList<ClauseReference> AlsoCites { get; init; } = [];

    /// <summary>The national instruments the rule relies on besides the plan.</summary>
    public IReadOnlyList<LegalBasis> Basis { get; init; } = [];

    /// <summary>
    /// For fail and review: each fact compared — field, value as written, what was required, where it came from; a
    /// missing fact has a null value and requires <c>present</c>. Formed when first read. Empty for pass and not applicable.
    /// </summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];
}

/// <summary>Context an informational clause adds to a result (e.g. a priority mineral); never an outcome.</summary>
/// <param name="Rule">The note's rule id.</param>
/// <param name="Clause">The clause it cites.</param>
/// <param name="Message">The note, in Chinese and English.</param>
public sealed record Note(string Rule, ClauseReference Clause, LocalizedText Message);

/// <summary>The result of checking one application against one rule set.</summary>
/// <param name="Application">The application's id.</param>
/// <param name="RuleSet">The rule set used (id, version, period in force).</param>
/// <param name="Decision">Non-compliant if any verdict fails, needs-review if any needs review, else compliant.</param>
/// <param name="Verdicts">One verdict per rule, in rule-set order, including not-applicable ones.</param>
/// <param name="Notes">Informational context from clauses that never decide.</param>
/// <param name="Exemptions">Each exemption the application claimed, and what became of it.</param>
public sealed record EvaluationResult(
    string Application,
    RuleSetInfo RuleSet,
    Decision Decision,
    IReadOnlyList<Verdict> Verdicts,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<ExemptionReport> Exemptions)
{
    /// <summary>The verdicts that fail.</summary>
    public IEnumerable<Verdict> Failures => Verdicts.Where(v => v.Outcome == Outcome.Fail);

    /// <summary>The verdicts that need review.</summary>
    public IEnumerable<Verdict> Reviews => Verdicts.Where(v => v.Outcome == Outcome.Review);
}
