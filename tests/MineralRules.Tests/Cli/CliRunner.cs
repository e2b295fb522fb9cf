using MineralRules.Cli;

namespace MineralRules.Tests.Cli;

/// <summary>Runs the command line in-process and captures what it writes.</summary>
internal static class CliRunner
{
    /// <summary>
    /// Runs a command on the test-only rule set (TestRules/): <c>--rules</c> is added to the commands that take it
    /// unless the test names its own folder, so CLI tests do not change when the shipped rules do.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args) =>
        RunWithShippedRules(args.Length > 0 && args[0] is "check" or "test" && !args.Contains("--rules") ? [.. args, "--rules", TestPaths.TestRules] : args);

    /// <summary>Runs a command as a user would, on the rules embedded in the tool.</summary>
    public static (int ExitCode, string Output, string Error) RunWithShippedRules(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApplication.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mineralrules-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Copies the shipped rules here, for tests that edit them.</summary>
    public string CopyTestRules()
    {
        var target = System.IO.Path.Combine(Path, "rules");
        CopyFolder(TestPaths.TestRules, target);
        return target;
    }

    /// <summary>Copies a folder and everything below it.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
