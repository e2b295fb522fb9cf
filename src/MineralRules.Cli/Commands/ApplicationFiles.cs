namespace MineralRules.Cli.Commands;

/// <summary>
/// Expands the files and folders given on the command line into application files, in a stable order. Inside a
/// folder, build output (<c>bin/</c>, <c>obj/</c>) and hidden folders are skipped: their JSON is not applications.
/// </summary>
internal static class ApplicationFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The files, or the paths that do not exist.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !InSkippedFolder(path, f))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files, missing);
    }

    private static bool InSkippedFolder(string root, string file) =>
        Path.GetRelativePath(root, Path.GetDirectoryName(file)!)
            .Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part is "bin" or "obj" || (part.StartsWith('.') && part is not "." and not ".."));

    /// <summary>
    /// Reads every application below a folder, each named by <paramref name="name"/>; writes every problem (a missing
    /// folder, an invalid file) to <paramref name="error"/>. Null when anything was invalid: nothing half-read is used.
    /// </summary>
    public static List<(string Source, Application Application)>? ReadAll(string folder, TextWriter error, Func<string, string> name)
    {
        var (files, missing) = Expand([folder]);
        var invalid = CommonOptions.ReportMissing(missing, error);

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
