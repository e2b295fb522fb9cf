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
        StartUp.Begin();
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
            return new RuleSetLoadResult(null, [new Diagnostic(SourceLocation.File(folder), DiagnosticCodes.FileNotFound, "The rules folder does not exist.")]);
        }

        StartUp.Begin();
        return Load(RuleSource.FromFolder(folder, maxFileSize), folder);
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

    /// <summary>Finds a version by number (and id, when several rule sets are loaded).</summary>
    /// <param name="version">The version, e.g. <c>1.0.0</c>.</param>
    /// <param name="id">The rule set's id; null for any.</param>
    /// <returns>The rule set, or null.</returns>
    public CompiledRuleSet? Find(string version, string? id = null) =>
        RuleSets.FirstOrDefault(r => r.Info.Version == version && (id is null || r.Info.Id == id));

    /// <summary>
    /// Validates an application and checks it against the version in force on its date (or the version asked for).
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="version">A version to use instead of the one in force; null for the one in force.</param>
    /// <returns>The verdicts and the decision.</returns>
    /// <exception cref="ArgumentException">The application is invalid; the message lists every problem.</exception>
    /// <exception cref="InvalidOperationException">No rule set is in force on the date, or the version is unknown.</exception>
    public EvaluationResult Evaluate(Application application, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        var problems = ApplicationReader.Validate(application);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The application is invalid:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, problems)}", nameof(application));
        }

        return Select(application.ApplicationDate, version, out var error)?.Evaluate(application)
            ?? throw new InvalidOperationException(error);
    }

    /// <summary>Picks the rule set for a date or an explicit version, or explains why there is none.</summary>
    /// <param name="date">The application date.</param>
    /// <param name="version">An explicit version, or null.</param>
    /// <param name="error">Why nothing was found, else null.</param>
    /// <returns>The rule set, or null.</returns>
    public CompiledRuleSet? Select(DateOnly date, string? version, out string? error)
    {
        if (version is not null)
        {
            var found = Find(version);
            error = found is null ? $"No rule set version {version} is loaded; versions: {string.Join(", ", RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}"))}." : null;
            return found;
        }

        var inForce = InForceOn(date);
        error = inForce is null
            ? $"No rule set is in force on {date:yyyy-MM-dd}; {string.Join("; ", RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version} is in force from {r.Info.EffectiveFrom:yyyy-MM-dd}{(r.Info.EffectiveTo is { } to ? $" to {to:yyyy-MM-dd}" : string.Empty)}"))}."
            : null;
        return inForce;
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
        return new RuleSetLoadResult(null, diagnostics.ToSortedList());
    }

    private static RuleSetLoadResult Load(IReadOnlyList<RuleFile> files, string source, bool checkCitations = true)
    {
        var (ruleSets, diagnostics) = RuleSetLoader.Load(files, source, checkCitations);
        return diagnostics.Count > 0 ? new RuleSetLoadResult(null, diagnostics) : new RuleSetLoadResult(new RuleSetCatalog(ruleSets, source), []);
    }
}

/// <summary>The outcome of loading rule sets: a catalog, or every diagnostic — never both, never a partial catalog.</summary>
/// <param name="Catalog">The catalog, when loading succeeded.</param>
/// <param name="Diagnostics">Every problem found, when it did not.</param>
public sealed record RuleSetLoadResult(RuleSetCatalog? Catalog, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the catalog loaded.</summary>
    public bool Succeeded => Catalog is not null;
}
