using MineralRules.Evaluation;

namespace MineralRules;

/// <summary>
/// What a sample application must get: the <c>expect</c> block of a sample file, read with the application
/// (<see cref="ApplicationReadResult.Expect"/>) but not part of it. Used by <c>mineralrules test</c> and the project's
/// sample tests.
/// </summary>
public sealed record Expectation
{
    /// <summary>The expected decision.</summary>
    public Decision? Decision { get; init; }

    /// <summary>The clause references expected to fail.</summary>
    public IReadOnlyList<string> Fail { get; init; } = [];

    /// <summary>The clause references expected to need review.</summary>
    public IReadOnlyList<string> Review { get; init; } = [];

    /// <summary>
    /// How a result differs from this expectation: the decision (when one is expected) and the sets of failing and
    /// review clause refs, one line each (<c>fail: expected [5.2.1], got [] (missing 5.2.1)</c>).
    /// </summary>
    /// <param name="result">The sample's result.</param>
    /// <param name="culture">The culture of the reader: Chinese lines for a <c>zh</c> culture; English when null or any other.</param>
    /// <returns>The differences; empty when the result is as expected.</returns>
    public IReadOnlyList<string> Differences(EvaluationResult result, System.Globalization.CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ExpectationCheck.Differences(this, result, culture?.TwoLetterISOLanguageName == "zh");
    }
}
