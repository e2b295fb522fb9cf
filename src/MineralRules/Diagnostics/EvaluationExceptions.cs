namespace MineralRules;

/// <summary>An application is not valid input: it gets no verdict. Carries the same coded diagnostics the readers give.</summary>
public sealed class InvalidApplicationException : ArgumentException
{
    /// <summary>Creates the exception from every problem found.</summary>
    /// <param name="diagnostics">The problems, each naming the application and the field.</param>
    public InvalidApplicationException(IReadOnlyList<Diagnostic> diagnostics)
        : base($"The application is invalid:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, diagnostics)}", "application") =>
        Diagnostics = diagnostics;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

/// <summary>No loaded rule set applies: none is in force on the application date, or the version asked for is not loaded.</summary>
public sealed class RuleSetNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception from the diagnostic saying why.</summary>
    /// <param name="diagnostic">MR2002 (none in force) or MR2003 (unknown version).</param>
    public RuleSetNotFoundException(Diagnostic diagnostic)
        : base(diagnostic?.Message) => Diagnostic = diagnostic ?? throw new ArgumentNullException(nameof(diagnostic));

    /// <summary>Why no rule set applies.</summary>
    public Diagnostic Diagnostic { get; }
}
