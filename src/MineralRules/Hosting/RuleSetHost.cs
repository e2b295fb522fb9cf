using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MineralRules.Diagnostics;

namespace MineralRules;

/// <summary>
/// Serves one compiled <see cref="RuleSetCatalog"/> to many threads and swaps it atomically when rules are
/// reloaded. A reload that fails changes nothing: the host keeps serving the last good catalog and the
/// <see cref="RuleSetReloadResult"/> says why. Readers never see a half-loaded rule set and never wait for a reload.
/// </summary>
public sealed class RuleSetHost
{
    private readonly Lock _reloadLock = new();
    private readonly ILogger _logger;
    private RuleSetCatalog _current;
    private RuleSetReloadResult? _lastReload;

    /// <summary>Serves an already loaded catalog.</summary>
    /// <param name="initial">The catalog to serve until a reload succeeds.</param>
    /// <param name="logger">Where reloads and their errors are logged; none by default.</param>
    public RuleSetHost(RuleSetCatalog initial, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The catalog being served now. Read it once per application so one evaluation sees one rule set.</summary>
    public RuleSetCatalog Current => Volatile.Read(ref _current);

    /// <summary>The outcome of the latest reload, or null before any.</summary>
    public RuleSetReloadResult? LastReload => Volatile.Read(ref _lastReload);

    /// <summary>Evaluates an application against the catalog served now.</summary>
    /// <param name="application">The application.</param>
    /// <param name="version">An explicit rule-set version, or null for the one in force on the application date.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidApplicationException">The application is invalid; it carries every diagnostic.</exception>
    /// <exception cref="RuleSetNotFoundException">No rule set is in force on the date, or the version is unknown.</exception>
    public EvaluationResult Evaluate(Application application, string? version = null) => Current.Evaluate(application, version);

    /// <summary>Evaluates an application against the catalog served now, returning diagnostics instead of throwing.</summary>
    /// <param name="application">The application.</param>
    /// <param name="version">An explicit rule-set version, or null for the one in force on the application date.</param>
    /// <returns>The result, or why there is none.</returns>
    public EvaluationAttempt TryEvaluate(Application application, string? version = null) => Current.TryEvaluate(application, version);

    /// <summary>Checks an application with the facts a host's records give about it, against the rules served now.</summary>
    /// <param name="application">The application.</param>
    /// <param name="facts">The records' facts, gathered once for this application.</param>
    /// <param name="version">A version to use instead of the one in force; null for the one in force.</param>
    /// <returns>The result, or why there is none.</returns>
    public EvaluationAttempt TryEvaluate(Application application, RecordFacts facts, string? version = null) => Current.TryEvaluate(application, facts, version);

    /// <summary>Reloads the rule sets below a folder; on any error keeps serving the current catalog.</summary>
    /// <param name="folder">The rules folder.</param>
    /// <returns>Whether the new rules are served, and every diagnostic when they are not.</returns>
    public RuleSetReloadResult ReloadFromFolder(string folder) => Reload(() => RuleSetCatalog.TryLoadFromFolder(folder), folder);

    /// <summary>Reloads with a loader of the caller's choosing (e.g. the embedded default); on any error keeps serving the current catalog.</summary>
    /// <param name="load">Loads and compiles the rule sets; it runs outside the readers' path.</param>
    /// <param name="source">What is being loaded, for the result's message (a folder path, <c>embedded</c>).</param>
    /// <returns>Whether the new rules are served, and every diagnostic when they are not.</returns>
    public RuleSetReloadResult Reload(Func<RuleSetLoadResult> load, string source)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(source);

        // One reload at a time, so a slow older load can never replace the catalog a newer one installed.
        lock (_reloadLock)
        {
            RuleSetLoadResult loaded;
            try
            {
                loaded = load();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A loader that throws (the caller's own, or a bug) refuses the reload like any other error: the
                // caller is never thrown at, and the last good rules stay served. TryLoadFromFolder reports the file
                // system's problems as diagnostics itself.
                var code = exception is FileNotFoundException or DirectoryNotFoundException ? DiagnosticCodes.FileNotFound
                    : exception is IOException or UnauthorizedAccessException ? DiagnosticCodes.Unreadable
                    : DiagnosticCodes.LoadFailed;
                loaded = new RuleSetLoadResult(null, [new Diagnostic(SourceLocation.File(source), code, $"The rules could not be loaded: {exception.GetType().Name}: {exception.Message}")
                {
                    MessageZh = $"无法加载规则：{exception.GetType().Name}：{exception.Message}",
                }]);
            }

            RuleSetReloadResult result;
            if (loaded.Catalog is { } catalog)
            {
                Volatile.Write(ref _current, catalog);
                result = new RuleSetReloadResult(true, catalog, [], $"Reloaded the rule sets from {source}.");
                HostLog.Reloaded(_logger, source, string.Join(", ", catalog.RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}")));
            }
            else
            {
                var serving = Current;
                result = new RuleSetReloadResult(
                    false,
                    serving,
                    loaded.Diagnostics,
                    $"Reload from {source} refused with {loaded.Diagnostics.Count} error(s); still serving the rule sets from {serving.Source}. First: {loaded.Diagnostics.FirstOrDefault()}");
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    HostLog.Diagnostic(_logger, diagnostic.ToString());
                }

                HostLog.ReloadRefused(_logger, source, loaded.Diagnostics.Count, serving.Source);
            }

            Volatile.Write(ref _lastReload, result);
            return result;
        }
    }
}

/// <summary>The outcome of a reload: the catalog served after it, and why a refused reload was refused.</summary>
/// <param name="Reloaded">True when the new rules are now served.</param>
/// <param name="Serving">The catalog served after the reload (the old one when it was refused).</param>
/// <param name="Diagnostics">Every problem of the refused rules (empty when reloaded).</param>
/// <param name="Message">One line for a log: what happened and what is served.</param>
public sealed record RuleSetReloadResult(bool Reloaded, RuleSetCatalog Serving, IReadOnlyList<Diagnostic> Diagnostics, string Message);
