namespace MineralRules.Tests;

/// <summary>The embedded rule sets, loaded once for the whole test run (the catalog is immutable and thread-safe).</summary>
internal static class Fixtures
{
    private static readonly Lazy<RuleSetCatalog> EmbeddedCatalog = new(RuleSetCatalog.LoadEmbedded);

    public static RuleSetCatalog Catalog => EmbeddedCatalog.Value;

    /// <summary>Reads an application from YAML text; fails the test if it is invalid.</summary>
    public static Application Read(string yaml, string path = "test.yaml")
    {
        var result = ApplicationReader.Read(yaml, path);
        Assert.That(result.Diagnostics, Is.Empty, "the test application must be valid");
        return result.Application!;
    }

    /// <summary>Evaluates YAML text against the rule set in force on its date.</summary>
    public static EvaluationResult Evaluate(string yaml) => Catalog.Evaluate(Read(yaml));

    /// <summary>The verdict of one rule.</summary>
    public static Verdict VerdictOf(this EvaluationResult result, string ruleId) =>
        result.Verdicts.Single(v => v.Rule == ruleId);
}
