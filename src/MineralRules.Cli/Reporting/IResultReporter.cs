namespace MineralRules.Cli.Reporting;

/// <summary>Writes results as they come (nothing buffered across applications), then closes the report.</summary>
internal interface IResultReporter
{
    void Report(ReportedApplication application);

    void Complete();
}

/// <summary>One checked application: where it came from, its result, and where in the file each verdict points.</summary>
internal sealed record ReportedApplication(string Source, EvaluationResult Result, Func<Verdict, SourceLocation> Locate);
