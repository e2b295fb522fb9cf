using MineralRules.Diagnostics;
using MineralRules.RuleSets;

namespace MineralRules;

/// <summary>
/// Every rule-set version from one source, compiled once: the embedded default (the rules shipped in this package)
/// or a folder. Immutable and thread-safe. The application date picks the version in force; a version can also be
/// asked for explicitly.
/// </summary>
public sealed class RuleSetCatalog
{
    private RuleSetCatalog(IReadOnlyList<CompiledRuleSet> ruleSets, string source)
    {
        RuleSets = ruleSets;
        Source = source;
    }

    /// <summary>The versions, ordered by the date they take effect, then by version.</summary>
    public IReadOnlyList<CompiledRuleSet> RuleSets { get; }

    /// <summary>Where the rule sets came from: <c>embedded</c> or the folder's path.</summary>
    public string Source { get; }

    /// <summary>Loads the rule sets embedded in the library.</summary>
    /// <returns>The compiled catalog.</returns>
    /// <exception cref="RuleSetLoadException">The embedded rules do not load (a packaging bug); it lists why.</exception>
    public static RuleSetCatalog LoadEmbedded()
    {
        var result = TryLoadEmbedded();
        return result.Catalog ?? throw new RuleSetLoadException(result.Diagnostics);
    }

    /// <summary>Loads the rule sets below a folder (each version in <c>&lt;id&gt;/&lt;version&gt;/</c> beside its manifest).</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The compiled catalog.</returns>
    /// <exception cref="RuleSetLoadException">Any rule file has an error; nothing is loaded and every error is listed.</exception>
    public static RuleSetCatalog LoadFromFolder(string folder)
    {
        var result = TryLoadFromFolder(folder);
        return result.Catalog ?? throw new RuleSetLoadException(result.Diagnostics);
    }

    /// <summary>Loads the embedded rule sets, returning diagnostics instead of throwing.</summary>
    /// <returns>The catalog, or every diagnostic.</returns>
    public static RuleSetLoadResult TryLoadEmbedded()
    {
        return Load(RuleSource.Embedded(), "embedded");
    }

    /// <summary>Loads the rule sets below a folder, returning diagnostics instead of throwing.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The catalog, or every diagnostic; never a partly loaded catalog.</returns>
    public static RuleSetLoadResult TryLoadFromFolder(string folder) => TryLoadFromFolder(folder, MineralRulesOptions.DefaultMaxFileSize);

    /// <summary>
    /// Loads the rule sets below a folder, returning diagnostics instead of throwing — also for the file system's
    /// reasons: a folder that cannot be listed, a link to a folder (never followed), a FIFO, device or socket (never
    /// opened), a file larger than <paramref name="maxFileSize"/> (never read) are each an <c>MR1012</c> diagnostic.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="maxFileSize">The largest rule file read, in bytes.</param>
    /// <returns>The catalog, or every diagnostic; never a partly loaded catalog.</returns>
    public static RuleSetLoadResult TryLoadFromFolder(string folder, long maxFileSize)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFileSize);
        if (!Directory.Exists(folder))
        {
            return new RuleSetLoadResult(null, [new Diagnostic(SourceLocation.File(folder), DiagnosticCodes.FileNotFound, "The rules folder does not exist.") { MessageZh = "规则文件夹不存在。" }]);
        }

        var found = RuleSource.FromFolder(folder, maxFileSize);
        var result = Load(found, folder);

        // The files are read once; a second look after loading makes sure none changed meanwhile (an editor saving
        // in place, a save by rename), so a half-written save is refused, never served (F14).
        var changed = Changed(found.Files, RuleSource.FromFolder(folder, maxFileSize).Files);
        return changed.Count == 0 ? result : new RuleSetLoadResult(null, [.. changed, .. result.Diagnostics]) { Warnings = result.Warnings };
    }

    /// <summary>The files that differ between two readings of a folder: changed, added or removed.</summary>
    private static List<Diagnostic> Changed(IReadOnlyList<RuleFile> first, IReadOnlyList<RuleFile> second)
    {
        var before = first.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var after = second.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var changed = new List<Diagnostic>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            if (!before.TryGetValue(path, out var was) || !after.TryGetValue(path, out var now) || was.Text != now.Text || was.Error != now.Error)
            {
                changed.Add(new Diagnostic(SourceLocation.File(path), DiagnosticCodes.ChangedWhileRead, "The file changed while the rules were being loaded (it is being saved or edited); nothing was loaded. Load again once the save is complete.")
                {
                    MessageZh = "加载规则时该文件发生了变化（正在保存或编辑）；未加载任何规则。请在保存完成后重新加载。",
                });
            }
        }

        return changed;
    }

    /// <summary>The version in force on a date: the latest to take effect on or before it, unless it ended before it.</summary>
    /// <param name="date">The application date.</param>
    /// <returns>The rule set, or null when none is in force.</returns>
    public CompiledRuleSet? InForceOn(DateOnly date)
    {
        // Ordered by effective-from, then version: the last to take effect on or before the date supersedes the
        // earlier ones; of versions taking effect on the same day, the highest applies (clauses.md, "Versions").
        CompiledRuleSet? found = null;
        foreach (var ruleSet in RuleSets)
        {
            if (ruleSet.Info.EffectiveFrom <= date)
            {
                found = ruleSet;
            }
        }

        return found is not null && found.CoversDate(date) ? found : null;
    }

    /// <summary>
    /// Finds a version by number (and id, when several rule sets are loaded). Without an id, a version number that
    /// several rule sets share finds nothing (never an arbitrary one of them): name the id.
    /// </summary>
    /// <param name="version">The version, e.g. <c>1.0.0</c>.</param>
    /// <param name="id">The rule set's id; null for any.</param>
    /// <returns>The rule set, or null (none, or several without an id).</returns>
    public CompiledRuleSet? Find(string version, string? id = null)
    {
        CompiledRuleSet? found = null;
        foreach (var ruleSet in RuleSets)
        {
            if (ruleSet.Info.Version != version || (id is not null && ruleSet.Info.Id != id))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = ruleSet;
        }

        return found;
    }

    /// <summary>
    /// Validates an application and checks it against the version in force on its date (or the version asked for).
    /// </summary>
    /// <param name="application">The application: read by <see cref="ApplicationReader"/> or built in code; either way
    /// validated as a document is.</param>
    /// <param name="version">A version to use instead of the one in force; null for the one in force.</param>
    /// <returns>The verdicts and the decision.</returns>
    /// <exception cref="InvalidApplicationException">The application is invalid; it carries every diagnostic.</exception>
    /// <exception cref="RuleSetNotFoundException">No rule set is in force on the date, or the version is unknown.</exception>
    public EvaluationResult Evaluate(Application application, string? version = null) => Evaluate(application, RecordFacts.None, version);

    /// <summary>
    /// As <see cref="Evaluate(Application, string?)"/>, with the facts a host's records give about the application
    /// (<see cref="CompiledRuleSet.Evaluate(Application, RecordFacts)"/>).
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="facts">The records' facts, gathered once for this application.</param>
    /// <param name="version">A version to use instead of the one in force; null for the one in force.</param>
    /// <returns>The verdicts and the decision.</returns>
    /// <exception cref="InvalidApplicationException">The application is invalid; it carries every diagnostic.</exception>
    /// <exception cref="RuleSetNotFoundException">No rule set is in force on the date, or the version is unknown.</exception>
    public EvaluationResult Evaluate(Application application, RecordFacts facts, string? version = null)
    {
        var attempt = TryEvaluate(application, facts, version);
        return attempt.Result ?? throw (attempt.Diagnostics[0].Code is DiagnosticCodes.NoRuleSetInForce or DiagnosticCodes.UnknownRuleSetVersion
            ? new RuleSetNotFoundException(attempt.Diagnostics[0])
            : new InvalidApplicationException(attempt.Diagnostics));
    }

    /// <summary>
    /// Validates an application and checks it against the version in force on its date (or the version asked for),
    /// returning diagnostics instead of throwing.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="version">A version to use instead of the one in force; null for the one in force.</param>
    /// <returns>The result, or why there is none: the application's diagnostics (as the readers give them), or MR2002/MR2003.</returns>
    public EvaluationAttempt TryEvaluate(Application application, string? version = null) => TryEvaluate(application, RecordFacts.None, version);

    /// <summary>As <see cref="TryEvaluate(Application, string?)"/>, with the facts a host's records give about the application.</summary>
    /// <param name="application">The application.</param>
    /// <param name="facts">The records' facts, gathered once for this application.</param>
    /// <param name="version">A version to use instead of the one in force; null for the one in force.</param>
    /// <returns>The result, or why there is none.</returns>
    public EvaluationAttempt TryEvaluate(Application application, RecordFacts facts, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(facts);
        var problems = ApplicationReader.Validate(application);
        if (problems.Count > 0)
        {
            return new EvaluationAttempt(null, problems);
        }

        if (Select(application.ApplicationDate, version, out _) is not { } ruleSet)
        {
            var code = version is null ? DiagnosticCodes.NoRuleSetInForce : DiagnosticCodes.UnknownRuleSetVersion;
            var why = WhyNone(application.ApplicationDate, version)!;
            return new EvaluationAttempt(null, [new Diagnostic(SourceLocation.File($"application {application.Id}"), code, why.En) { MessageZh = why.Zh }]);
        }

        return new EvaluationAttempt(ruleSet.Evaluate(application, facts), []);
    }

    /// <summary>Picks the rule set for a date or an explicit version, or explains why there is none.</summary>
    /// <param name="date">The application date.</param>
    /// <param name="version">An explicit version, or null.</param>
    /// <param name="error">Why nothing was found, else null.</param>
    /// <returns>The rule set, or null.</returns>
    public CompiledRuleSet? Select(DateOnly date, string? version, out string? error)
    {
        var selected = version is not null ? Find(version) : InForceOn(date);
        error = selected is null ? WhyNone(date, version)!.En : null;
        return selected;
    }

    /// <summary>
    /// Why <see cref="Select(DateOnly, string?, out string?)"/> finds no rule set for a date or an explicit version, in
    /// Chinese and English (the English is its <c>error</c>); null when it finds one.
    /// </summary>
    /// <param name="date">The application date.</param>
    /// <param name="version">An explicit version, or null.</param>
    /// <returns>The reason, or null.</returns>
    public LocalizedText? WhyNone(DateOnly date, string? version)
    {
        if (version is not null)
        {
            if (RuleSets.Where(r => r.Info.Version == version).Select(r => r.Info.Id).ToList() is { Count: > 1 } ids)
            {
                return new LocalizedText(
                    $"规则集版本 {version} 同时属于多个规则集（{string.Join("、", ids)}）；请只加载其中一个规则集（--rules 指向其文件夹）。",
                    $"Rule set version {version} belongs to several rule sets ({string.Join(", ", ids)}); load only one of them (--rules pointing at its folder).");
            }

            return Find(version) is not null ? null : new LocalizedText(
                $"没有加载规则集版本 {version}；已加载的版本：{string.Join(", ", RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}"))}。",
                $"No rule set version {version} is loaded; versions: {string.Join(", ", RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}"))}.");
        }

        return InForceOn(date) is not null ? null : new LocalizedText(
            $"{date:yyyy-MM-dd} 没有生效的规则集；{string.Join("；", RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version} 自 {r.Info.EffectiveFrom:yyyy-MM-dd} 起生效{(r.Info.EffectiveTo is { } to ? $"，至 {to:yyyy-MM-dd} 止" : string.Empty)}"))}。",
            $"No rule set is in force on {date:yyyy-MM-dd}; {string.Join("; ", RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version} is in force from {r.Info.EffectiveFrom:yyyy-MM-dd}{(r.Info.EffectiveTo is { } to ? $" to {to:yyyy-MM-dd}" : string.Empty)}"))}.");
    }

    /// <summary>Loads without failing on citation problems, which the coverage report lists itself.</summary>
    internal static RuleSetLoadResult LoadForCoverage(string? folder) =>
        folder is null ? Load(RuleSource.Embedded(), "embedded", checkCitations: false) : Load(RuleSource.FromFolder(folder), folder, checkCitations: false);

    private static RuleSetLoadResult Load((IReadOnlyList<RuleFile> Files, IReadOnlyList<Diagnostic> Problems) found, string source, bool checkCitations = true)
    {
        var loaded = Load(found.Files, source, checkCitations);
        if (found.Problems.Count == 0)
        {
            return loaded;
        }

        // A folder that could not be listed or a link not followed may hide rule files: nothing loads.
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(found.Problems);
        diagnostics.AddRange(loaded.Diagnostics);
        return new RuleSetLoadResult(null, diagnostics.ToSortedList()) { Warnings = loaded.Warnings };
    }

    internal static RuleSetLoadResult Load(IReadOnlyList<RuleFile> files, string source, bool checkCitations = true, Conditions.ConditionForms? forms = null)
    {
        var (ruleSets, diagnostics, warnings) = RuleSetLoader.Load(files, source, checkCitations, forms);
        return (diagnostics.Count > 0 ? new RuleSetLoadResult(null, diagnostics) : new RuleSetLoadResult(new RuleSetCatalog(ruleSets, source), [])) with { Warnings = warnings };
    }
}

/// <summary>The outcome of loading rule sets: a catalog, or every diagnostic — never both, never a partial catalog.</summary>
/// <param name="Catalog">The catalog, when loading succeeded.</param>
/// <param name="Diagnostics">Every problem found, when it did not.</param>
public sealed record RuleSetLoadResult(RuleSetCatalog? Catalog, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the catalog loaded.</summary>
    public bool Succeeded => Catalog is not null;

    /// <summary>
    /// Warnings (<see cref="DiagnosticSeverity.Warning"/>), whether or not the catalog loaded: reported by
    /// <c>mineralrules lint</c>, they refuse nothing and are never among <see cref="Diagnostics"/>.
    /// </summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
}
