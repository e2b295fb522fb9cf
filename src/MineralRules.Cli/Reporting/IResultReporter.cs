namespace MineralRules.Cli.Reporting;

/// <summary>Writes results as they come (nothing buffered across applications), then closes the report.</summary>
internal interface IResultReporter
{
    void Report(ReportedApplication application);

    /// <summary>A file that could not be read or validated: it is part of every machine-readable report, never dropped.</summary>
    void ReportInvalid(InvalidApplication invalid);

    void Complete();
}

/// <summary>A file that could not be read, validated or matched with a rule set, and why (diagnostics located in it).</summary>
internal sealed record InvalidApplication(string Source, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The line of the first located diagnostic, or 0.</summary>
    public int Line => Diagnostics.FirstOrDefault(d => d.Location.Line > 0)?.Location.Line ?? 0;
}

/// <summary>One checked application: where it came from, its result, and where in the file each verdict points.</summary>
internal sealed record ReportedApplication(string Source, EvaluationResult Result, Func<Verdict, SourceLocation> Locate)
{
    /// <summary>The application as read, so facts can carry their lines; null when not read from a file.</summary>
    public ApplicationReadResult? Read { get; init; }
}
