namespace MineralRules;

/// <summary>
/// The outcome of <c>TryEvaluate</c>: a result, or the diagnostics that stopped the application from getting one
/// (invalid input, no rule set in force, an unknown version) — never both, never an exception.
/// </summary>
/// <param name="Result">The result, when the application was evaluated.</param>
/// <param name="Diagnostics">Why it was not; empty when it was.</param>
public sealed record EvaluationAttempt(EvaluationResult? Result, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the application was evaluated.</summary>
    public bool Succeeded => Result is not null;
}
