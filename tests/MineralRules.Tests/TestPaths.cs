namespace MineralRules.Tests;

/// <summary>Locates the repository's folders from the test binaries, so tests read the shipped rules and samples.</summary>
/// <remarks>
/// Walks up from the test assembly's folder rather than from <c>[CallerFilePath]</c>: a CI build maps source paths
/// to <c>/_/</c> (ContinuousIntegrationBuild), which names no real folder.
/// </remarks>
internal static class TestPaths
{
    public static string Repository { get; } = FindRepository(AppContext.BaseDirectory);

    public static string Rules => Path.Combine(Repository, "rules");

    /// <summary>The test-only rule set engine tests run on (a copy of rule set 1.0.0 as released; see its README).</summary>
    public static string TestRules => Path.Combine(Repository, "tests", "MineralRules.Tests", "TestRules");

    public static string Samples => Path.Combine(Repository, "samples", "applications");

    private static string FindRepository(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MineralRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"MineralRules.sln not found above {start}.");
    }
}
