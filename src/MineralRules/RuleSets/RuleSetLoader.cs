using MineralRules.Compilation;
using MineralRules.Conditions;
using MineralRules.Diagnostics;

namespace MineralRules.RuleSets;

/// <summary>
/// The whole pipeline for rule sets: read → validate → compile, for every version in a source, then the checks
/// across versions. All or nothing: one error anywhere and no rule set is returned, with every diagnostic.
/// </summary>
internal static class RuleSetLoader
{
    public static (IReadOnlyList<CompiledRuleSet> RuleSets, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Warnings) Load(IReadOnlyList<RuleFile> files, string sourceName, bool checkCitations = true, ConditionForms? forms = null)
    {
        var diagnostics = new DiagnosticBag();
        var compiled = new List<CompiledRuleSet>();
        var versions = new List<VersionInfo>();
        var plans = new Dictionary<string, Reference.PlanText>(StringComparer.Ordinal);
        var documents = new Dictionary<string, Documents.DocumentNode>(StringComparer.Ordinal);
        // One plain loop, not two LINQ queries: at the start of every cold load, [.. files.Where(...)] cost about 3 ms
        // (its generic ToArray code is JIT-compiled; docs/performance.md).
        var readable = new List<RuleFile>(files.Count);
        foreach (var file in files)
        {
            if (file.Error is null)
            {
                readable.Add(file);
            }
            else
            {
                diagnostics.Add(SourceLocation.File(file.Path), DiagnosticCodes.Unreadable, $"The file cannot be read: {file.Error}", $"无法读取该文件：{file.ErrorZh ?? file.Error}");
            }
        }

        var groups = RuleSource.GroupByVersion(readable);
        if (groups.Count == 0)
        {
            diagnostics.Add(SourceLocation.File(sourceName), DiagnosticCodes.NoRuleSets, $"No rule set found: expected rules/<id>/<version>/{RuleSource.ManifestName} with rule files beside it.", $"没有找到规则集：应有 rules/<id>/<version>/{RuleSource.ManifestName}，规则文件放在它旁边。");
        }

        foreach (var group in groups)
        {
            var isSealed = RuleSetSeal.Verify(group, diagnostics);
            if (!isSealed)
            {
                CheckDraft(group, sourceName, diagnostics);
            }

            var (folder, manifest, ruleFiles) = group;

            // The rule files are validated and compiled even when the manifest is broken, so that every error
            // is reported at once; such a version is never part of the result.
            var definition = new RuleSetReader(diagnostics, forms, plans, documents).Read(folder, manifest, ruleFiles);
            definition = definition with { Info = definition.Info with { Digest = RuleSource.Digest(group), Sealed = isSealed, Folder = folder } };
            if (definition.ManifestValid)
            {
                // Versions are checked against each other even when their rules have errors: all errors at once.
                versions.Add(new VersionInfo(definition.Info, definition.ManifestLocation, definition.EffectiveFromLocation ?? definition.ManifestLocation, definition.EffectiveToLocation ?? definition.ManifestLocation));
            }

            var fields = FieldCatalog.Default;
            var compiler = new RuleSetCompiler(fields, definition.Info.Readings);
            var validated = new RuleSetValidator(fields, diagnostics, checkCitations).Validate(definition);
            if (diagnostics.HasErrors)
            {
                // Nothing will load: only look for the expressions' own errors.
                compiler.CheckExpressions(validated, diagnostics);
            }
            else if (compiler.Compile(validated, diagnostics) is { } ruleSet)
            {
                compiled.Add(ruleSet);
            }
        }

        CheckVersions(versions, diagnostics);
        if (diagnostics.HasErrors)
        {
            return ([], diagnostics.ToSortedList(), diagnostics.Warnings);
        }

        // The catalog's order: by date, then version (a version that supersedes another on the same day comes after it), then id.
        var timeline = VersionTimeline.Order(compiled, r => r.Info);
        compiled.Clear();
        foreach (var entry in timeline)
        {
            compiled.Add(entry.Version);
        }

        return (compiled, [], diagnostics.Warnings);
    }

    /// <summary>The folders a version's files may live in besides its own: the plan's text and the reference tables.</summary>
    private static readonly string[] VersionSubfolders = ["source", "reference"];

    /// <summary>
    /// An unsealed version is a draft: it never loads from the embedded rules (a release is sealed before it is
    /// packed), and its files live in the version folder, source/ or reference/ — a file anywhere else (a copy left in
    /// a "drafts" folder) would silently become part of the rules, so it is an error.
    /// </summary>
    private static void CheckDraft(VersionFiles version, string sourceName, DiagnosticBag diagnostics)
    {
        if (sourceName == "embedded" && version.Manifest is not null)
        {
            diagnostics.Add(SourceLocation.File(version.Manifest.Path), DiagnosticCodes.Draft, $"The version is not sealed ({RuleSetSeal.FileName} is missing), so it is a draft and is not shipped: seal it with `mineralrules seal {version.Folder}` before release.", $"该版本未封存（缺少 {RuleSetSeal.FileName}），因此是草稿，不会随工具发布：发布前请用 `mineralrules seal {version.Folder}` 封存。");
        }

        foreach (var file in version.Files)
        {
            var relative = file.Path[(version.Folder.Length + 1)..];
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && (Array.IndexOf(VersionSubfolders, relative[..slash]) < 0 || relative.IndexOf('/', slash + 1) >= 0))
            {
                diagnostics.Add(SourceLocation.File(file.Path), DiagnosticCodes.Draft, $"A file in an unexpected folder of the version: rule files live in {version.Folder}/, the plan's text in source/, reference tables in reference/. Move it there, or out of the version folder if it is a draft.", $"该文件位于版本中意外的文件夹：规则文件应在 {version.Folder}/，规划文本在 source/，参考表在 reference/。请移到相应位置；如果是草稿，请移出版本文件夹。");
            }
        }
    }

    /// <summary>
    /// One version per id and number; on any date at most one rule set is in force. A later version supersedes an
    /// earlier one from its effective-from date, so only an explicit effective-to that reaches past it overlaps.
    /// </summary>
    /// <summary>True when one of the two versions (same id) is higher and says it supersedes the other.</summary>
    private static bool Supersedes(RuleSetInfo x, RuleSetInfo y)
    {
        var (newer, older) = x.Supersedes?.Version == y.Version ? (x, y) : (y, x);
        return newer.Id == older.Id && newer.Supersedes?.Version == older.Version && Versions.Compare(newer.Version, older.Version) > 0;
    }

    private static void CheckVersions(List<VersionInfo> versions, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, VersionInfo>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            if (!first.TryAdd($"{version.Info.Id}\n{version.Info.Version}", version))
            {
                var earlier = first[$"{version.Info.Id}\n{version.Info.Version}"];
                diagnostics.Add(version.Manifest, DiagnosticCodes.DuplicateVersion, $"{version.Info.Id} {version.Info.Version} is defined twice (also at {earlier.Manifest}).", $"{version.Info.Id} {version.Info.Version} 被定义了两次（另一处在 {earlier.Manifest}）。");
            }
        }

        // One timeline whatever the ids, in the catalog's order (same-day versions by version number).
        var timeline = VersionTimeline.Order(versions, v => v.Info);
        for (var i = 1; i < timeline.Count; i++)
        {
            var (earlier, earlierManifest, _, earlierTo) = timeline[i - 1].Version;
            var (later, laterManifest, laterFrom, _) = timeline[i].Version;
            // Two versions may take effect on the same day when the higher supersedes the other (its manifest
            // says so and why): the higher version applies.
            if (earlier.EffectiveFrom == later.EffectiveFrom && !Supersedes(later, earlier))
            {
                diagnostics.Add(laterFrom, DiagnosticCodes.OverlappingVersions, $"{later.Id} {later.Version} and {earlier.Id} {earlier.Version} ({earlierManifest}) both take effect on {later.EffectiveFrom:yyyy-MM-dd}; give the later version a later effectiveFrom.", $"{later.Id} {later.Version} 与 {earlier.Id} {earlier.Version}（{earlierManifest}）都在 {later.EffectiveFrom:yyyy-MM-dd} 生效；请给较新的版本一个较晚的 effectiveFrom。");
            }
            else if (earlier.EffectiveTo is { } to && to >= later.EffectiveFrom)
            {
                diagnostics.Add(earlierTo, DiagnosticCodes.OverlappingVersions, $"{earlier.Id} {earlier.Version} is in force until {to:yyyy-MM-dd}, past the start of {later.Id} {later.Version} on {later.EffectiveFrom:yyyy-MM-dd} ({laterManifest}); end it on {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd} or remove effectiveTo.", $"{earlier.Id} {earlier.Version} 的有效期至 {to:yyyy-MM-dd}，超过了 {later.Id} {later.Version} 的生效日期 {later.EffectiveFrom:yyyy-MM-dd}（{laterManifest}）；请让它在 {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd} 终止，或删除 effectiveTo。");
            }
        }

        CheckGaps(timeline, diagnostics);
    }

    /// <summary>
    /// No day without a version once one is in force: on the one timeline of all versions (whatever their ids), when a
    /// version ends (effectiveTo) more than a day before the next takes effect, an application dated between them
    /// would find no rule set. The error stands at the later manifest's effectiveFrom.
    /// </summary>
    private static void CheckGaps(List<VersionTimeline.Entry<VersionInfo>> timeline, DiagnosticBag diagnostics)
    {
        foreach (var (previous, next, lastDay) in timeline)
        {
            if (next is not null && lastDay is { } to && to.AddDays(1) < next.Info.EffectiveFrom)
            {
                var (earlier, later) = (previous.Info, next.Info);
                var sameId = earlier.Id == later.Id;
                var (earlierName, laterName) = sameId ? (earlier.Version, later.Version) : ($"{earlier.Id} {earlier.Version}", $"{later.Id} {later.Version}");
                var (none, noneZh) = sameId ? ($"No version of {later.Id} is", $"{later.Id} 在") : ("No rule set is", "在");
                var noneZhEnd = sameId ? "没有施行的版本" : "没有施行的规则集";
                diagnostics.Add(new Diagnostic(next.From, DiagnosticCodes.VersionGap, $"{none} in force from {to.AddDays(1):yyyy-MM-dd} to {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd}: {earlierName} ends on {to:yyyy-MM-dd} ({previous.To}) and {laterName} takes effect on {later.EffectiveFrom:yyyy-MM-dd}. Let {laterName} take effect on {to.AddDays(1):yyyy-MM-dd}, or end {earlierName} on {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd}.")
                {
                    MessageZh = $"{noneZh} {to.AddDays(1):yyyy-MM-dd} 至 {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd} 期间{noneZhEnd}：{earlierName} 于 {to:yyyy-MM-dd} 终止（{previous.To}），{laterName} 自 {later.EffectiveFrom:yyyy-MM-dd} 起施行。请把 {laterName} 的施行日期改为 {to.AddDays(1):yyyy-MM-dd}，或把 {earlierName} 的终止日期改为 {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd}。",
                });
            }
        }
    }
}

/// <summary>Semantic versions compared by their numbers (MAJOR.MINOR.PATCH), then ordinally.</summary>
internal static class Versions
{
    public static int Compare(string x, string y)
    {
        var a = Numbers(x);
        var b = Numbers(y);
        for (var i = 0; i < 3; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return string.CompareOrdinal(x, y);
    }

    private static long[] Numbers(string version)
    {
        var core = version.Split('-', 2)[0].Split('.');
        var numbers = new long[3];
        for (var i = 0; i < 3 && i < core.Length; i++)
        {
            _ = long.TryParse(core[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]);
        }

        return numbers;
    }
}

/// <summary>A version read from its manifest, with where its manifest and dates are, for the checks across versions.</summary>
internal sealed record VersionInfo(RuleSetInfo Info, SourceLocation Manifest, SourceLocation From, SourceLocation To);
