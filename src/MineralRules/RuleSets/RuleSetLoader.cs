using MineralRules.Compilation;
using MineralRules.Diagnostics;

namespace MineralRules.RuleSets;

/// <summary>
/// The whole pipeline for rule sets: read → validate → compile, for every version in a source, then the checks
/// across versions. All or nothing: one error anywhere and no rule set is returned, with every diagnostic.
/// </summary>
internal static class RuleSetLoader
{
    public static (IReadOnlyList<CompiledRuleSet> RuleSets, IReadOnlyList<Diagnostic> Diagnostics) Load(IReadOnlyList<RuleFile> files, string sourceName, bool checkCitations = true)
    {
        var diagnostics = new DiagnosticBag();
        var fields = FieldCatalog.Default;
        var compiler = new RuleSetCompiler(fields);
        var compiled = new List<(CompiledRuleSet RuleSet, SourceLocation Manifest)>();
        var groups = RuleSource.GroupByVersion(files);
        if (groups.Count == 0)
        {
            diagnostics.Add(SourceLocation.File(sourceName), DiagnosticCodes.NoRuleSets, $"No rule set found: expected rules/<id>/<version>/{RuleSource.ManifestName} with rule files beside it.");
        }

        foreach (var (folder, manifest, ruleFiles) in groups)
        {
            var definition = new RuleSetReader(diagnostics).Read(folder, manifest, ruleFiles);
            if (definition is null)
            {
                continue;
            }

            var validated = new RuleSetValidator(fields, diagnostics, checkCitations).Validate(definition);
            if (compiler.Compile(validated, diagnostics) is { } ruleSet)
            {
                compiled.Add((ruleSet, definition.ManifestLocation));
            }
        }

        CheckVersions(compiled, diagnostics);
        return diagnostics.HasErrors
            ? ([], diagnostics.ToSortedList())
            : ([.. compiled.Select(c => c.RuleSet).OrderBy(r => r.Info.EffectiveFrom).ThenBy(r => r.Info.Id, StringComparer.Ordinal)], []);
    }

    /// <summary>
    /// One version per id and number; on any date at most one rule set is in force. A later version supersedes an
    /// earlier one from its effective-from date, so only an explicit effective-to that reaches past it overlaps.
    /// </summary>
    private static void CheckVersions(List<(CompiledRuleSet RuleSet, SourceLocation Manifest)> compiled, DiagnosticBag diagnostics)
    {
        foreach (var group in compiled.GroupBy(c => (c.RuleSet.Info.Id, c.RuleSet.Info.Version)).Where(g => g.Count() > 1))
        {
            foreach (var (_, manifest) in group.Skip(1))
            {
                diagnostics.Add(manifest, DiagnosticCodes.DuplicateVersion, $"{group.Key.Id} {group.Key.Version} is defined twice (also at {group.First().Manifest}).");
            }
        }

        var ordered = compiled.OrderBy(c => c.RuleSet.Info.EffectiveFrom).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (earlier, earlierManifest) = ordered[i - 1];
            var (later, laterManifest) = ordered[i];
            if (earlier.Info.EffectiveFrom == later.Info.EffectiveFrom)
            {
                diagnostics.Add(laterManifest, DiagnosticCodes.OverlappingVersions, $"{later.Info.Id} {later.Info.Version} and {earlier.Info.Id} {earlier.Info.Version} ({earlierManifest}) both take effect on {later.Info.EffectiveFrom:yyyy-MM-dd}; give the later version a later effectiveFrom.");
            }
            else if (earlier.Info.EffectiveTo is { } to && to >= later.Info.EffectiveFrom)
            {
                diagnostics.Add(earlierManifest, DiagnosticCodes.OverlappingVersions, $"{earlier.Info.Id} {earlier.Info.Version} is in force until {to:yyyy-MM-dd}, past the start of {later.Info.Id} {later.Info.Version} on {later.Info.EffectiveFrom:yyyy-MM-dd} ({laterManifest}); end it on {later.Info.EffectiveFrom.AddDays(-1):yyyy-MM-dd} or remove effectiveTo.");
            }
        }
    }
}
