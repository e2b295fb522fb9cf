namespace MineralRules.RuleSets;

/// <summary>A file of a rule-set tree: its display path (as reported in diagnostics) and its text.</summary>
/// <param name="Path">The display path.</param>
/// <param name="Text">The text; empty when the file could not be read.</param>
/// <param name="Error">Why the file could not be read, or null.</param>
internal sealed record RuleFile(string Path, string Text, string? Error = null);

/// <summary>Where rule sets come from: a folder on disk, or the rules embedded in the library.</summary>
internal static class RuleSource
{
    public const string ManifestName = "manifest.yaml";

    /// <summary>Every YAML file below a folder, with paths as the caller would write them.</summary>
    public static IReadOnlyList<RuleFile> FromFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(IsRuleSetFile)
            .Order(StringComparer.Ordinal)
            .Select(f => Read(f, f.Replace('\\', '/')));
        return [.. files];
    }

    /// <summary>Reads one file; a file that cannot be read is reported by the loader, never thrown.</summary>
    private static RuleFile Read(string file, string path)
    {
        try
        {
            return new RuleFile(path, File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RuleFile(path, string.Empty, e.Message);
        }
    }

    /// <summary>The rule sets embedded in the library (the repository's <c>rules/</c> folder).</summary>
    public static IReadOnlyList<RuleFile> Embedded()
    {
        var assembly = typeof(RuleSource).Assembly;
        var files = new List<RuleFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && IsRuleSetFile(n)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new RuleFile(name, reader.ReadToEnd()));
        }

        return files;
    }

    /// <summary>Groups files by the rule-set version they belong to: the nearest folder above holding a manifest.</summary>
    public static IReadOnlyList<(string Folder, RuleFile? Manifest, IReadOnlyList<RuleFile> Files)> GroupByVersion(IReadOnlyList<RuleFile> files)
    {
        var manifests = files.Where(f => FileName(f.Path) == ManifestName).ToDictionary(f => Folder(f.Path), StringComparer.Ordinal);
        var groups = manifests.Keys.ToDictionary(k => k, _ => new List<RuleFile>(), StringComparer.Ordinal);
        var orphans = new List<RuleFile>();
        foreach (var file in files.Where(f => FileName(f.Path) != ManifestName))
        {
            var folder = Folder(file.Path);
            while (folder.Length > 0 && !groups.ContainsKey(folder))
            {
                folder = Folder(folder);
            }

            if (groups.TryGetValue(folder, out var group))
            {
                group.Add(file);
            }
            else
            {
                orphans.Add(file);
            }
        }

        var result = groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (RuleFile?)manifests[g.Key], (IReadOnlyList<RuleFile>)g.Value))
            .ToList();
        foreach (var orphanFolder in orphans.GroupBy(o => Folder(o.Path), StringComparer.Ordinal))
        {
            result.Add((orphanFolder.Key, null, orphanFolder.ToList()));
        }

        return result;
    }

    public static string Folder(string path)
    {
        var cut = path.LastIndexOf('/');
        return cut < 0 ? string.Empty : path[..cut];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>YAML rule files and the plain-text sources they quote.</summary>
    private static bool IsRuleSetFile(string path) => IsYaml(path) || path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
}
