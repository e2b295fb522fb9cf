namespace MineralRules.Reporting;

/// <summary>
/// Writes the results of a check as they come — nothing is buffered across applications — then closes the report.
/// The formats of <c>mineralrules check --format</c> are made by <see cref="ResultReporters"/>; a host adds its own
/// format by implementing this interface (see docs/architecture.md, "Add a report format").
/// </summary>
public interface IResultReporter
{
    /// <summary>Writes one checked application.</summary>
    /// <param name="application">Where it came from, its result, and where in the file each verdict points.</param>
    void Report(ReportedApplication application);

    /// <summary>A file that could not be read or validated: it is part of every machine-readable report, never dropped.</summary>
    /// <param name="invalid">The file and its diagnostics.</param>
    void ReportInvalid(InvalidApplication invalid);

    /// <summary>Closes the report (a summary, the closing brackets); called once, after the last application.</summary>
    void Complete();

    /// <summary>
    /// True when the report is written only at <see cref="Complete"/> (a summary first: text, Markdown), so a host may
    /// draw progress meanwhile; false (the default) when it is written as results come.
    /// </summary>
    bool WritesAtCompletion => false;
}

/// <summary>A file that could not be read, validated or matched with a rule set, and why (diagnostics located in it).</summary>
/// <param name="Source">The file as the user named it.</param>
/// <param name="Diagnostics">Every problem found.</param>
public sealed record InvalidApplication(string Source, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The line of the first located diagnostic, or 0.</summary>
    public int Line => Diagnostics.FirstOrDefault(d => d.Location.Line > 0)?.Location.Line ?? 0;
}

/// <summary>One checked application: where it came from, its result, and where in the file each verdict points.</summary>
public sealed class ReportedApplication
{
    private readonly CompiledRuleSet? _ruleSet;

    /// <summary>An application that was not read from a file: its verdicts point at <paramref name="source"/> with no line.</summary>
    /// <param name="source">What to call the application in the report (a file name, a request id).</param>
    /// <param name="result">Its result.</param>
    public ReportedApplication(string source, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        Source = source;
        Result = result;
    }

    /// <summary>
    /// An application read from a file: each verdict points at the line of the first field its rule reads that the file
    /// holds, else the mineral, else the id; facts in JSON carry their lines.
    /// </summary>
    /// <param name="source">The file as the user named it; the path of every location.</param>
    /// <param name="result">Its result.</param>
    /// <param name="read">The application as read.</param>
    /// <param name="ruleSet">The rule set that gave <paramref name="result"/>.</param>
    /// <exception cref="ArgumentException">The rule set is not the one the result names.</exception>
    public ReportedApplication(string source, EvaluationResult result, ApplicationReadResult read, CompiledRuleSet ruleSet)
        : this(source, result)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (ruleSet.Info != result.RuleSet)
        {
            throw new ArgumentException($"The result is of rule set {result.RuleSet.Id} {result.RuleSet.Version}, not {ruleSet.Info.Id} {ruleSet.Info.Version}.", nameof(ruleSet));
        }

        Read = read;
        _ruleSet = ruleSet;
    }

    private ReportedApplication(ReportedApplication application)
    {
        Source = application.Source;
        Result = application.Result;
        Read = application.Read;
        _ruleSet = application._ruleSet;
    }

    /// <summary>The application as the user named it.</summary>
    public string Source { get; }

    /// <summary>
    /// True when only fail and review verdicts are to be written (<see cref="Reporting.ResultReporters.OnlyFailures"/>):
    /// a compliant application is counted in a summary but not listed, and pass and not-applicable verdicts are not listed.
    /// </summary>
    public bool OnlyFailures { get; private init; }

    /// <summary>Its result.</summary>
    public EvaluationResult Result { get; }

    /// <summary>The application as read, so facts can carry their lines; null when not read from a file.</summary>
    public ApplicationReadResult? Read { get; }

    /// <summary>Where in the application a verdict points: a line of the file, or the source with no line.</summary>
    /// <param name="verdict">A verdict of <see cref="Result"/>.</param>
    /// <returns>The location, with <see cref="Source"/> as its path.</returns>
    public SourceLocation Locate(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return Read is null || _ruleSet is null ? SourceLocation.File(Source) : VerdictLocations.Locate(verdict, Read, _ruleSet, Source);
    }

    /// <summary>The same application, marked to be reported with its fail and review verdicts only.</summary>
    internal ReportedApplication WithOnlyFailures() => new(this) { OnlyFailures = true };
}
