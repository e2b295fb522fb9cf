namespace MineralRules;

/// <summary>
/// Thrown when rule sets cannot be loaded. It carries every diagnostic found, not only the first;
/// no part of a rule set with an error is ever loaded.
/// </summary>
public sealed class RuleSetLoadException : Exception
{
    /// <summary>Creates the exception from the diagnostics that prevented loading.</summary>
    /// <param name="diagnostics">All problems found, in file and line order.</param>
    public RuleSetLoadException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Every problem found, each with its location.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics) =>
        $"The rule sets could not be loaded ({diagnostics.Count} error(s)):{System.Environment.NewLine}"
        + string.Join(System.Environment.NewLine, diagnostics);
}
