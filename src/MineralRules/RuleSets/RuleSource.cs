using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules.RuleSets;

/// <summary>A file of a rule-set tree: its display path (as reported in diagnostics) and its text.</summary>
/// <param name="Path">The display path.</param>
/// <param name="Text">The text; empty when the file could not be read.</param>
/// <param name="Error">Why the file could not be read, or null.</param>
/// <param name="ErrorZh">The same in Chinese, or null.</param>
internal sealed record RuleFile(string Path, string Text, string? Error = null, string? ErrorZh = null);

/// <summary>Where rule sets come from: a folder on disk, or the rules embedded in the library.</summary>
internal static class RuleSource
{
    public const string ManifestName = "manifest.yaml";

    /// <summary>
    /// Every YAML file below a folder, with paths as the caller would write them, and every problem met finding and
    /// reading them (folders that cannot be listed, links to folders, special or oversized files): all as
    /// diagnostics, nothing thrown (<see cref="SafeFiles"/>).
    /// </summary>
    public static (IReadOnlyList<RuleFile> Files, IReadOnlyList<Diagnostic> Problems) FromFolder(string folder, long maxFileSize = MineralRulesOptions.DefaultMaxFileSize)
    {
        var (paths, problems) = SafeFiles.Walk(folder, IsRuleSetFile);
        var files = new List<RuleFile>(paths.Count);
        foreach (var file in paths)
        {
            var path = file.Replace('\\', '/');
            if (SafeFiles.TryReadText(file, maxFileSize, out var text, out var error))
            {
                files.Add(new RuleFile(path, text));
            }
            else
            {
                files.Add(new RuleFile(path, string.Empty, error!.Value.Message, error.Value.MessageZh));
            }
        }

        return (files, [.. problems.Select(p => p with { Location = p.Location with { Path = p.Location.Path.Replace('\\', '/') } })]);
    }

    /// <summary>The rule sets embedded in the library (the repository's <c>rules/</c> folder).</summary>
    public static IReadOnlyList<RuleFile> Embedded()
    {
        // Plain loops and arrays here and in GroupByVersion: this runs first in a fresh process, where every
        // generic LINQ shape is compiled before it runs (docs/performance.md, cold start).
        var assembly = typeof(RuleSource).Assembly;
        var names = Array.FindAll(assembly.GetManifestResourceNames(), n => n.StartsWith("rules/", StringComparison.Ordinal) && IsRuleSetFile(n));
        Array.Sort(names, StringComparer.Ordinal);
        var files = new List<RuleFile>(names.Length);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            files.Add(new RuleFile(name, ReadText(stream)));
        }

        return files;
    }

    /// <summary>
    /// An embedded file's text: its UTF-8 bytes decoded at once (a byte order mark dropped), as StreamReader reads
    /// them but without growing a StringBuilder through the whole file; a UTF-16 or UTF-32 file (a byte order mark
    /// of its own) is left to StreamReader.
    /// </summary>
    private static string ReadText(Stream stream)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        if (bytes.Length >= 2 && (bytes[0] is 0xFE or 0xFF || (bytes[0] == 0 && bytes[1] == 0)))
        {
            using var reader = new StreamReader(new MemoryStream(bytes));
            return reader.ReadToEnd();
        }

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return System.Text.Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }

    /// <summary>Groups files by the rule-set version they belong to: the nearest folder above holding a manifest.</summary>
    public static IReadOnlyList<VersionFiles> GroupByVersion(IReadOnlyList<RuleFile> files)
    {
        var groups = new Dictionary<string, VersionFiles>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (FileName(file.Path) == ManifestName)
            {
                groups[Folder(file.Path)] = new VersionFiles(Folder(file.Path), file, []);
            }
        }

        var orphans = new Dictionary<string, VersionFiles>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (FileName(file.Path) == ManifestName)
            {
                continue;
            }

            var folder = Folder(file.Path);
            while (folder.Length > 0 && !groups.ContainsKey(folder))
            {
                folder = Folder(folder);
            }

            if (groups.TryGetValue(folder, out var group))
            {
                group.Files.Add(file);
            }
            else
            {
                var own = Folder(file.Path);
                if (!orphans.TryGetValue(own, out var orphan))
                {
                    orphans[own] = orphan = new VersionFiles(own, null, []);
                }

                orphan.Files.Add(file);
            }
        }

        var result = new List<VersionFiles>(groups.Count + orphans.Count);
        result.AddRange(InFolderOrder(groups));
        result.AddRange(InFolderOrder(orphans));
        return result;
    }

    private static VersionFiles[] InFolderOrder(Dictionary<string, VersionFiles> byFolder)
    {
        var folders = new string[byFolder.Count];
        byFolder.Keys.CopyTo(folders, 0);
        Array.Sort(folders, StringComparer.Ordinal);
        return Array.ConvertAll(folders, f => byFolder[f]);
    }

    /// <summary>The name of a seal written beside a released version's files; never part of its digest.</summary>
    public const string SealName = "seal.yaml";

    /// <summary>
    /// The digest of one version's own files: SHA-256 over, for each file in ordinal order of its path relative to
    /// the version folder, the path, a line feed, the UTF-8 byte count, a line feed and the text as UTF-8. A seal
    /// file beside them is left out, so sealing a version never changes its digest.
    /// </summary>
    public static string Digest(VersionFiles version)
    {
        var files = new List<DigestedFile>();
        foreach (var file in version.Manifest is null ? version.Files : [version.Manifest, .. version.Files])
        {
            var relative = file.Path.Length > version.Folder.Length ? file.Path[(version.Folder.Length + 1)..] : FileName(file.Path);
            if (relative != SealName)
            {
                files.Add(new(relative, System.Text.Encoding.UTF8.GetBytes(file.Text)));
            }
        }

        // A small class, not a tuple: List<T>.Sort over a value tuple is JIT-compiled at every cold load.
        files.Sort(static (x, y) => string.CompareOrdinal(x.Path, y.Path));
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n" + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
            hash.AppendData(bytes);
        }

        return "sha256:" + Hex(hash.GetHashAndReset());
    }

    /// <summary>
    /// Bytes as lower-case hex, as <see cref="Convert.ToHexStringLower(byte[])"/> writes them. A plain loop: the
    /// framework's vectorised encoder is not in its precompiled image and would be JIT-compiled at every cold load
    /// (docs/performance.md), for the 32 bytes of a hash.
    /// </summary>
    public static string Hex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = HexDigits[bytes[i] >> 4];
            chars[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private const string HexDigits = "0123456789abcdef";

    private sealed record DigestedFile(string Path, byte[] Bytes);

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

/// <summary>The files of one rule-set version: its folder, its manifest (null for files with none above them) and the rest.</summary>
/// <param name="Folder">The version's folder (the manifest's).</param>
/// <param name="Manifest">The manifest, or null.</param>
/// <param name="Files">The other files, in path order.</param>
internal sealed record VersionFiles(string Folder, RuleFile? Manifest, List<RuleFile> Files);
