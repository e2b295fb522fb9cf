using MineralRules.Documents;

namespace MineralRules.Tooling;

/// <summary>
/// Expands the files and folders a user names into application files, in a stable order, as
/// <c>mineralrules check</c> does. Inside a folder, build output (<c>bin/</c>, <c>obj/</c>) and hidden folders are
/// skipped: their JSON is not applications. Links to folders are not followed and a folder that cannot be listed is not
/// read: each is a problem of its own (<c>MR1012</c>), and every other file is still found.
/// </summary>
public static class ApplicationFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Finds the application files (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>) named by or below <paramref name="paths"/>.</summary>
    /// <param name="paths">Files (read whatever they are called) and folders (searched below).</param>
    /// <returns>The files, the paths that do not exist, and the folders (or links to folders) that were not read.</returns>
    public static ApplicationFileSearch Find(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
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

        return new ApplicationFileSearch(files, missing, problems);
    }

    private static bool IsApplicationFile(string file) => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    private static bool IsSkippedFolder(string name) => name is "bin" or "obj" || name.StartsWith('.');
}

/// <summary>What <see cref="ApplicationFiles.Find"/> found.</summary>
/// <param name="Files">The application files, folder by folder in a stable order.</param>
/// <param name="Missing">The paths given that do not exist.</param>
/// <param name="Problems">The folders, or links to folders, that were not read (<c>MR1012</c>).</param>
public sealed record ApplicationFileSearch(IReadOnlyList<string> Files, IReadOnlyList<string> Missing, IReadOnlyList<Diagnostic> Problems);
