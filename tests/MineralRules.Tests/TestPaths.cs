using System.Runtime.CompilerServices;

namespace MineralRules.Tests;

/// <summary>Locates the repository's folders from the test sources, so tests read the shipped rules and samples.</summary>
internal static class TestPaths
{
    public static string Repository { get; } = FindRepository();

    public static string Rules => Path.Combine(Repository, "rules");

    public static string Samples => Path.Combine(Repository, "samples", "applications");

    private static string FindRepository([CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MineralRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MineralRules.sln not found above the tests.");
    }
}
