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
        foreach (var unreadable in files.Where(f => f.Error is not null))
        {
            diagnostics.Add(SourceLocation.File(unreadable.Path), DiagnosticCodes.Unreadable, $"The file cannot be read: {unreadable.Error}");
        }

        var groups = RuleSource.GroupByVersion([.. files.Where(f => f.Error is null)]);
        if (groups.Count == 0)
        {
            diagnostics.Add(SourceLocation.File(sourceName), DiagnosticCodes.NoRuleSets, $"No rule set found: expected rules/<id>/<version>/{RuleSource.ManifestName} with rule files beside it.");
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
            var definition = new RuleSetReader(diagnostics, forms, plans).Read(folder, manifest, ruleFiles);
            definition = definition with { Info = definition.Info with { Digest = RuleSource.Digest(group), Sealed = isSealed } };
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

        // By date, then version (a version that supersedes another on the same day comes after it), then id.
        compiled.Sort((x, y) => x.Info.EffectiveFrom != y.Info.EffectiveFrom ? x.Info.EffectiveFrom.CompareTo(y.Info.EffectiveFrom)
            : Versions.Compare(x.Info.Version, y.Info.Version) is var byVersion and not 0 ? byVersion
            : string.CompareOrdinal(x.Info.Id, y.Info.Id));
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
            diagnostics.Add(SourceLocation.File(version.Manifest.Path), DiagnosticCodes.Draft, $"The version is not sealed ({RuleSetSeal.FileName} is missing), so it is a draft and is not shipped: seal it with `mineralrules seal {version.Folder}` before release.");
        }

        foreach (var file in version.Files)
        {
            var relative = file.Path[(version.Folder.Length + 1)..];
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && (Array.IndexOf(VersionSubfolders, relative[..slash]) < 0 || relative.IndexOf('/', slash + 1) >= 0))
            {
                diagnostics.Add(SourceLocation.File(file.Path), DiagnosticCodes.Draft, $"A file in an unexpected folder of the version: rule files live in {version.Folder}/, the plan's text in source/, reference tables in reference/. Move it there, or out of the version folder if it is a draft.");
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
                diagnostics.Add(version.Manifest, DiagnosticCodes.DuplicateVersion, $"{version.Info.Id} {version.Info.Version} is defined twice (also at {earlier.Manifest}).");
            }
        }

        // Stable, as the ordering by date was: equal dates keep the order the versions were read in.
        var ordered = new List<VersionInfo>(versions);
        var position = new Dictionary<VersionInfo, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < versions.Count; i++)
        {
            position[versions[i]] = i;
        }

        ordered.Sort((x, y) => x.Info.EffectiveFrom != y.Info.EffectiveFrom ? x.Info.EffectiveFrom.CompareTo(y.Info.EffectiveFrom) : position[x].CompareTo(position[y]));
        for (var i = 1; i < ordered.Count; i++)
        {
            var (earlier, earlierManifest, _, earlierTo) = ordered[i - 1];
            var (later, laterManifest, laterFrom, _) = ordered[i];
            // Two versions may take effect on the same day when the higher supersedes the other (its manifest
            // says so and why): the higher version applies.
            if (earlier.EffectiveFrom == later.EffectiveFrom && !Supersedes(later, earlier))
            {
                diagnostics.Add(laterFrom, DiagnosticCodes.OverlappingVersions, $"{later.Id} {later.Version} and {earlier.Id} {earlier.Version} ({earlierManifest}) both take effect on {later.EffectiveFrom:yyyy-MM-dd}; give the later version a later effectiveFrom.");
            }
            else if (earlier.EffectiveTo is { } to && to >= later.EffectiveFrom)
            {
                diagnostics.Add(earlierTo, DiagnosticCodes.OverlappingVersions, $"{earlier.Id} {earlier.Version} is in force until {to:yyyy-MM-dd}, past the start of {later.Id} {later.Version} on {later.EffectiveFrom:yyyy-MM-dd} ({laterManifest}); end it on {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd} or remove effectiveTo.");
            }
        }

        CheckGaps(ordered, diagnostics);
    }

    /// <summary>
    /// No day without a version once one is in force: of two consecutive versions of one id, when the earlier ends
    /// (effectiveTo) more than a day before the later takes effect, an application dated between them would find no
    /// rule set. The error stands at the later manifest's effectiveFrom.
    /// </summary>
    private static void CheckGaps(List<VersionInfo> ordered, DiagnosticBag diagnostics)
    {
        foreach (var versions in ordered.GroupBy(v => v.Info.Id, StringComparer.Ordinal))
        {
            VersionInfo? previous = null;
            foreach (var version in versions)
            {
                if (previous is { Info: { EffectiveTo: { } to } earlier } && to.AddDays(1) < version.Info.EffectiveFrom)
                {
                    var later = version.Info;
                    diagnostics.Add(new Diagnostic(version.From, DiagnosticCodes.VersionGap, $"No version of {later.Id} is in force from {to.AddDays(1):yyyy-MM-dd} to {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd}: {earlier.Version} ends on {to:yyyy-MM-dd} ({previous.To}) and {later.Version} takes effect on {later.EffectiveFrom:yyyy-MM-dd}. Let {later.Version} take effect on {to.AddDays(1):yyyy-MM-dd}, or end {earlier.Version} on {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd}.")
                    {
                        MessageZh = $"{later.Id} 在 {to.AddDays(1):yyyy-MM-dd} 至 {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd} 期间没有施行的版本：{earlier.Version} 于 {to:yyyy-MM-dd} 终止（{previous.To}），{later.Version} 自 {later.EffectiveFrom:yyyy-MM-dd} 起施行。请把 {later.Version} 的施行日期改为 {to.AddDays(1):yyyy-MM-dd}，或把 {earlier.Version} 的终止日期改为 {later.EffectiveFrom.AddDays(-1):yyyy-MM-dd}。",
                    });
                }

                previous = version;
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
