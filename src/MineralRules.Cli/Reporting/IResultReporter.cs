namespace MineralRules.Cli.Reporting;

/// <summary>Writes results as they come (nothing buffered across applications), then closes the report.</summary>
internal interface IResultReporter
{
    void Report(string source, EvaluationResult result);

    void Complete();
}
