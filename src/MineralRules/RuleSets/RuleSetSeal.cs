using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.RuleSets;

namespace MineralRules;

/// <summary>
/// A released rule-set version is sealed: a <c>seal.yaml</c> beside its files lists every file of the version with its
/// SHA-256, and the version loads only while every listed file is present and unchanged and no other file has been
/// added (a draft left in a subfolder, a half-written save). An unsealed version is a draft: it loads from a folder
/// (<c>--rules</c>, a host's folder) but never from the library's embedded rules, and lint says it is a draft.
/// docs/authoring.md, "Releasing a version".
/// </summary>
public static class RuleSetSeal
{
    /// <summary>The seal's file name, in the version folder beside <c>manifest.yaml</c>.</summary>
    public const string FileName = RuleSource.SealName;

    /// <summary>Seals the version in a folder: checks that it loads, then writes its <c>seal.yaml</c> (replacing an older seal).</summary>
    /// <param name="versionFolder">The version's folder, e.g. <c>rules/nmg-mineral-plan-2021-2025/2.1.0</c>.</param>
    /// <returns>The seal written, or every diagnostic that stopped it (nothing is written then).</returns>
    public static SealResult Write(string versionFolder)
    {
        ArgumentNullException.ThrowIfNull(versionFolder);
        var folder = versionFolder.Replace('\\', '/').TrimEnd('/');
        if (!File.Exists(Path.Combine(folder, RuleSource.ManifestName)))
        {
            return new SealResult(null, [new Diagnostic(SourceLocation.File(folder), DiagnosticCodes.ManifestMissing, $"'{folder}' is not a rule-set version folder: it has no {RuleSource.ManifestName}. Seal one version at a time, e.g. rules/<id>/<version>.") { MessageZh = $"'{folder}' 不是规则集版本文件夹：其中没有 {RuleSource.ManifestName}。请一次封存一个版本，如 rules/<id>/<version>。" }]);
        }

        var found = RuleSource.FromFolder(folder);
        var files = found.Files.Where(f => f.Path != $"{folder}/{FileName}").ToList();
        var loaded = found.Problems.Count > 0 ? new RuleSetLoadResult(null, found.Problems) : RuleSetCatalog.Load(files, folder);
        if (loaded.Catalog is not { } catalog)
        {
            return new SealResult(null, loaded.Diagnostics);
        }

        var info = catalog.RuleSets.Single().Info;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # yaml-language-server: $schema=../../../schemas/seal.schema.json
            # Seal of rule set {info.Id} {info.Version}, written by `mineralrules seal`. Do not edit.
            # This version loads only while every file below is present and unchanged, and no other file is added.
            # To change a released version, release a new one (docs/authoring.md, "Releasing a version").
            id: {info.Id}
            version: {info.Version}
            digest: {info.Digest}
            files:

            """);
        foreach (var (path, hash) in Hashes(folder, files))
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {{ path: {path}, sha256: {hash} }}\n");
        }

        var sealPath = $"{folder}/{FileName}";
        File.WriteAllText(sealPath, text.ToString().ReplaceLineEndings("\n"));
        return new SealResult(sealPath, []);
    }

    /// <summary>
    /// Checks a sealed version's files against its seal; removes the seal from the files the reader sees. Returns
    /// true when the version is sealed (whether or not the files match: mismatches are diagnostics).
    /// </summary>
    internal static bool Verify(VersionFiles version, DiagnosticBag diagnostics)
    {
        var sealPath = $"{version.Folder}/{FileName}";
        var seal = version.Files.FirstOrDefault(f => f.Path == sealPath);
        if (seal is null)
        {
            return false;
        }

        version.Files.Remove(seal);
        var listed = Read(seal, diagnostics);
        if (listed is null)
        {
            return true;
        }

        // Plain loops and small classes on this path, no LINQ over tuples: it runs in every fresh process that loads
        // the embedded rules, where each generic shape over a value type is JIT-compiled (docs/performance.md).
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, hash) in Hashes(version.Folder, version.Manifest is null ? version.Files : [version.Manifest, .. version.Files]))
        {
            actual.Add(path, hash);
        }

        foreach (var (path, (hash, location)) in listed)
        {
            if (!actual.TryGetValue(path, out var found))
            {
                diagnostics.Add(location, DiagnosticCodes.SealMismatch, $"The sealed file '{path}' is missing from {version.Folder}/. A released version loads whole or not at all: restore the file, or release a new version.", $"封存的文件 '{path}' 在 {version.Folder}/ 中缺失。已发布的版本要么完整加载，要么不加载：请恢复该文件，或发布新版本。");
            }
            else if (found != hash)
            {
                diagnostics.Add(SourceLocation.File($"{version.Folder}/{path}"), DiagnosticCodes.SealMismatch, $"The file differs from the one sealed in {FileName} (line {location.Line}). A released version cannot change: undo the edit, or copy the version to a new version folder, edit it there and seal that (docs/authoring.md, \"Releasing a version\").", $"该文件与 {FileName} 中封存的不一致（第 {location.Line} 行）。已发布的版本不能修改：请撤销修改，或把该版本复制到新的版本文件夹，在那里修改并封存（见 docs/authoring.md 的 \"Releasing a version\"）。");
            }
        }

        var unlisted = new List<string>();
        foreach (var path in actual.Keys)
        {
            if (!listed.ContainsKey(path))
            {
                unlisted.Add(path);
            }
        }

        unlisted.Sort(StringComparer.Ordinal);
        foreach (var path in unlisted)
        {
            diagnostics.Add(SourceLocation.File($"{version.Folder}/{path}"), DiagnosticCodes.SealMismatch, $"The file is not part of the sealed version ({FileName} does not list it). Remove it (a draft belongs in a new version folder), or release a new version.", $"该文件不属于已封存的版本（{FileName} 中没有列出）。请删除它（草稿应放在新的版本文件夹中），或发布新版本。");
        }

        return true;
    }

    /// <summary>The hash of each file, by its path relative to the version folder, in ordinal order.</summary>
    private static List<FileHash> Hashes(string folder, IEnumerable<RuleFile> files)
    {
        var hashes = new List<FileHash>();
        foreach (var file in files)
        {
            hashes.Add(new FileHash(file.Path[(folder.Length + 1)..], RuleSource.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(file.Text)))));
        }

        hashes.Sort(static (x, y) => string.CompareOrdinal(x.Path, y.Path));
        return hashes;
    }

    private static Dictionary<string, SealedFile>? Read(RuleFile seal, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Count;
        if (YamlDocumentReader.Read(seal.Text, seal.Path, diagnostics) is not { } root
            || Scalars.Mapping(root, diagnostics, "a seal (keys: id, version, digest, files)") is not { } mapping)
        {
            return diagnostics.Count > before ? null : Broken(seal, diagnostics);
        }

        var reader = new MappingReader(mapping, diagnostics);
        reader.Optional("id");
        reader.Optional("version");
        reader.Optional("digest");
        var items = reader.Required("files", "the sealed files") is { } node ? Scalars.Sequence(node, diagnostics, "the sealed files") : null;
        reader.Finish("a seal");
        if (items is null)
        {
            return null;
        }

        var listed = new Dictionary<string, SealedFile>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (Scalars.Mapping(item, diagnostics, "a sealed file (keys: path, sha256)") is not { } file)
            {
                continue;
            }

            var entry = new MappingReader(file, diagnostics);
            var path = entry.Required("path", "the file's path") is { } p ? Scalars.String(p, diagnostics, "the file's path") : null;
            var hash = entry.Required("sha256", "the file's SHA-256") is { } h ? Scalars.String(h, diagnostics, "the file's SHA-256") : null;
            entry.Finish("a sealed file");
            if (path is not null && hash is not null && !listed.TryAdd(path, new SealedFile(hash, file.Location)))
            {
                diagnostics.Add(file.Location, DiagnosticCodes.SealMismatch, $"'{path}' is listed twice in the seal.", $"'{path}' 在封存记录中列出了两次。");
            }
        }

        return diagnostics.Count > before ? null : listed;
    }

    private static Dictionary<string, SealedFile>? Broken(RuleFile seal, DiagnosticBag diagnostics)
    {
        diagnostics.Add(SourceLocation.File(seal.Path), DiagnosticCodes.SealMismatch, "The seal is empty or not a mapping; write it again with `mineralrules seal <version-folder>`.", "封存记录为空或不是映射；请用 `mineralrules seal <version-folder>` 重新生成。");
        return null;
    }

    /// <summary>A file's path relative to its version folder and its SHA-256 in lower-case hex.</summary>
    private sealed record FileHash(string Path, string Hash);

    /// <summary>A file the seal lists: its SHA-256 and where the seal lists it.</summary>
    private sealed record SealedFile(string Hash, SourceLocation Location);
}

/// <summary>The outcome of sealing a version.</summary>
/// <param name="SealPath">The seal written, or null when the version did not load.</param>
/// <param name="Diagnostics">Why it was not sealed; empty when it was.</param>
public sealed record SealResult(string? SealPath, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the seal was written.</summary>
    public bool Sealed => SealPath is not null;
}
