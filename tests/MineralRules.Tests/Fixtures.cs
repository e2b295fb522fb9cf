namespace MineralRules.Tests;

/// <summary>
/// The rule sets tests run on, loaded once for the whole run (catalogs are immutable and thread-safe). Engine,
/// reporting and CLI tests use the test-only rule set under TestRules/ (<see cref="Catalog"/>), so releasing a
/// version or changing a threshold in rules/ breaks only the tests about the shipped rules (<see cref="Shipped"/>:
/// samples, coverage, faithfulness, docs/clauses.md).
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<RuleSetCatalog> TestCatalog = new(() => RuleSetCatalog.LoadFromFolder(TestPaths.TestRules));
    private static readonly Lazy<RuleSetCatalog> ShippedCatalog = new(RuleSetCatalog.LoadEmbedded);

    /// <summary>The test-only rule set (TestRules/): what engine tests run on.</summary>
    public static RuleSetCatalog Catalog => TestCatalog.Value;

    /// <summary>The rule sets shipped in the library (rules/): for tests of the shipped rules only.</summary>
    public static RuleSetCatalog Shipped => ShippedCatalog.Value;

    /// <summary>
    /// A new underground coal mine of 400 万吨/年 in 鄂尔多斯市 that meets every rule of 1.0.0, every fact given; tests
    /// derive their cases from it by replacing one line. Line 7 is the capacity.
    /// </summary>
    public const string CompliantCoalMine = """
        id: COAL-OK
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: coal
        miningMethod: underground
        capacity: { value: 400, unit: 万吨/年 }
        scale: large
        depositScale: large
        explorationStage: exploration
        block: { otherHolders: 0 }
        deposit: { otherMiningRights: 0 }
        grant: { method: listing, stateCouncilKeyProject: false }
        environment: { greenMineStandard: true, restorationPlanFiled: true }
        associatedMinerals: { industrialValue: false }
        location: { league: 鄂尔多斯市, zones: [energy-base] }
        coal: { rank: thermal, toxicSubstancesExceedStandard: false }
        """;

    /// <summary>The compliant coal mine with another id and capacity (万吨/年).</summary>
    public static string CoalMine(string id, int capacity) => CompliantCoalMine
        .Replace("id: COAL-OK", $"id: {id}", StringComparison.Ordinal)
        .Replace("value: 400,", $"value: {capacity},", StringComparison.Ordinal);

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

    /// <summary>Runs <paramref name="work"/> on that many threads released at the same moment; their results by thread.</summary>
    public static T[] AtOnce<T>(int threads, Func<int, T> work)
    {
        using var start = new Barrier(threads);
        var results = new T[threads];
        var running = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = work(t);
        })).ToList();
        running.ForEach(t => t.Start());
        running.ForEach(t => t.Join());
        return results;
    }
}
