namespace MineralRules;

/// <summary>
/// The configured records (zone layers, the rights register) could not be opened or could not answer: a check never
/// falls back to declared facts when a configured record fails, so the application gets no verdict (the tool exits
/// with 2). Carries every problem found, each located where the record has a location.
/// </summary>
public sealed class RecordsException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="diagnostics">Every problem, in file and line order.</param>
    public RecordsException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Creates the exception from the problems found and the failure that caused them.</summary>
    /// <param name="diagnostics">Every problem, in file and line order.</param>
    /// <param name="inner">The failure underneath (a database error, an unreadable file).</param>
    public RecordsException(IReadOnlyList<Diagnostic> diagnostics, Exception inner)
        : base(BuildMessage(diagnostics), inner) => Diagnostics = diagnostics;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics) =>
        $"The records could not be used ({diagnostics.Count} error(s)):{System.Environment.NewLine}"
        + string.Join(System.Environment.NewLine, diagnostics);
}
