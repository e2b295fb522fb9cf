using MineralRules.Documents;

namespace MineralRules.Cli.Commands;

/// <summary>
/// Expands the files and folders given on the command line into application files, in a stable order. Inside a
/// folder, build output (<c>bin/</c>, <c>obj/</c>) and hidden folders are skipped: their JSON is not applications.
/// Links to folders are not followed and a folder that cannot be listed is not read: each is a problem of its own
/// (<c>MR1012</c>), and every other file is still found (<see cref="SafeFiles"/>).
/// </summary>
internal static class ApplicationFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The files, the paths that do not exist, and the folders (or links to folders) that were not read.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing, IReadOnlyList<Diagnostic> Problems) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var (found, unread) = SafeFiles.Walk(path, IsApplicationFile, IsSkippedFolder);
                files.AddRange(found);
                problems.AddRange(unread);
            }
            else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                // A file named explicitly is read whatever it is called; reading refuses special and oversized files.
                files.Add(path);
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files, missing, problems);
    }

    private static bool IsApplicationFile(string file) => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    private static bool IsSkippedFolder(string name) => name is "bin" or "obj" || name.StartsWith('.');

    /// <summary>Writes each folder problem in the contract's form; true when there were any.</summary>
    public static bool ReportProblems(IReadOnlyList<Diagnostic> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(CommonOptions.Describe(problem, CommonOptions.Display(problem.Location.Path)));
        }

        return problems.Count > 0;
    }

    /// <summary>
    /// Reads every application below a folder, each named by <paramref name="name"/>; writes every problem (a missing
    /// folder, an invalid file) to <paramref name="error"/>. Null when anything was invalid: nothing half-read is used.
    /// </summary>
    public static List<(string Source, Application Application)>? ReadAll(string folder, TextWriter error, Func<string, string> name)
    {
        var (files, missing, problems) = Expand([folder]);
        var invalid = CommonOptions.ReportMissing(missing, error) | ReportProblems(problems, error);

        var applications = new List<(string, Application)>();
        foreach (var file in files)
        {
            var read = ApplicationReader.ReadFile(file);
            if (read.Application is { } application)
            {
                applications.Add((name(file), application));
                continue;
            }

            invalid = true;
            foreach (var diagnostic in read.Diagnostics)
            {
                error.WriteLine(CommonOptions.Describe(diagnostic, CommonOptions.Display(file)));
            }
        }

        return invalid ? null : applications;
    }
}
