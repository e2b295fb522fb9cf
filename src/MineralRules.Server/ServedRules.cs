using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MineralRules.Server;

/// <summary>
/// The rules the server answers with: one <see cref="RuleSetHost"/> (the last good catalog), and, with
/// <see cref="ServerOptions.Watch"/>, a watcher of the rules folder that reloads it after a quiet spell. A broken edit
/// leaves the last good rules serving; its diagnostics stay in <see cref="Errors"/> until an edit loads. When the folder
/// goes away (or the watcher fails) the watcher is dropped; a poll makes a new one once the folder is back, and reloads.
/// </summary>
internal sealed class ServedRules : IDisposable
{
    private readonly ILogger _logger;
    private readonly Timer? _debounce;
    private readonly Timer? _poll;
    private readonly Lock _watching = new();
    private FileSystemWatcher? _watcher;
    private bool _disposed;
    private readonly TimeSpan _quiet;
    private readonly string? _folderFull;
    private readonly ServerText _log;
    private readonly CultureInfo _culture;
    private readonly Lock _reloading = new();
    private ReloadState _state;

    private ServedRules(RuleSetCatalog catalog, IReadOnlyList<Diagnostic> warnings, string? folder, bool watch, TimeSpan quiet, ILogger logger, CultureInfo culture)
    {
        // The host logs nothing itself: this class logs each reload in the log's language (ServerOptions.Culture).
        Host = new RuleSetHost(catalog);
        Folder = folder;
        _folderFull = folder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        FolderName = _folderFull is null ? null : Path.GetFileName(_folderFull) is { Length: > 0 } name ? name : _folderFull;
        _logger = logger;
        _log = ServerText.For(culture);
        _culture = culture;
        _quiet = quiet;
        _state = new ReloadState(DateTimeOffset.UtcNow, true, [], ReloadKind.Loaded, warnings);
        if (watch && folder is not null)
        {
            _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            _watcher = NewWatcher();
            var every = TimeSpan.FromSeconds(1);
            _poll = new Timer(_ => Poll(), null, every, every);
        }
    }

    /// <summary>The host every request evaluates with (read <see cref="RuleSetHost.Current"/> once per request).</summary>
    /// <summary>The records checks take facts from (zone layers, the register); <see cref="MineralRecords.None"/> without them.</summary>
    public MineralRecords Records { get; set; } = MineralRecords.None;

    public RuleSetHost Host { get; }

    /// <summary>The rules folder as given, or null for the embedded rules.</summary>
    public string? Folder { get; }

    /// <summary>
    /// The rules folder's own name (<c>rules</c>), never its absolute path, for what the server shows to clients; null
    /// for the embedded rules.
    /// </summary>
    public string? FolderName { get; }

    /// <summary>True while the folder is watched.</summary>
    public bool Watching => Volatile.Read(ref _watcher) is not null;

    /// <summary>The latest load or reload: when, whether it was served, and its diagnostics.</summary>
    public ReloadState State => Volatile.Read(ref _state);

    /// <summary>The errors of the latest reload (the rules being served are older than the folder), empty when it loaded.</summary>
    public IReadOnlyList<Diagnostic> Errors => State.Reloaded ? [] : State.Diagnostics;

    /// <summary>Loads the rules once; null with every diagnostic when they do not load.</summary>
    /// <param name="options">The server's options.</param>
    /// <param name="logger">Where reloads are logged.</param>
    /// <param name="diagnostics">Every diagnostic of the first load.</param>
    /// <returns>The served rules, or null.</returns>
    public static ServedRules? TryLoad(ServerOptions options, ILogger logger, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loaded = options.RulesFolder is null ? RuleSetCatalog.TryLoadEmbedded() : RuleSetCatalog.TryLoadFromFolder(options.RulesFolder);
        diagnostics = loaded.Diagnostics;
        if (loaded.Catalog is not { } catalog)
        {
            return null;
        }

        // The folder as given, so diagnostics name files as lint does (rules/<id>/<version>/<file>:line:column).
        return new ServedRules(catalog, loaded.Warnings, options.RulesFolder, options.Watch, options.WatchDebounce, logger, options.Culture ?? CultureInfo.InvariantCulture);
    }

    /// <summary>Reloads the folder now (the watcher calls this after a quiet spell); nothing for the embedded rules.</summary>
    /// <returns>The state after the reload.</returns>
    public ReloadState Reload()
    {
        if (Folder is null)
        {
            return State;
        }

        // One reload at a time, so the state written last is the one of the rules loaded last.
        lock (_reloading)
        {
            IReadOnlyList<Diagnostic> warnings = [];
            var result = Host.Reload(
                () =>
                {
                    var loaded = RuleSetCatalog.TryLoadFromFolder(Folder);
                    warnings = loaded.Warnings;
                    return loaded;
                },
                Folder);
            var state = new ReloadState(DateTimeOffset.UtcNow, result.Reloaded, result.Diagnostics, result.Reloaded ? ReloadKind.Reloaded : ReloadKind.Refused, warnings);
            var served = string.Join(", ", result.Serving.RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}"));
            if (result.Reloaded)
            {
                ServerLog.Reloaded(_logger, ServerText.Format(_log.LogReloaded, Folder, served));
            }
            else
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    ServerLog.Diagnostic(_logger, diagnostic.Format(_culture));
                }

                ServerLog.Refused(_logger, ServerText.Format(_log.LogRefused, Folder, result.Diagnostics.Count, served));
            }

            // Published after its log lines, so whoever sees the state in /api/v1/status finds them in the log.
            Volatile.Write(ref _state, state);
            return state;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Records.Dispose();
        lock (_watching)
        {
            _disposed = true;
            _watcher?.Dispose();
            _watcher = null;
        }

        _poll?.Dispose();
        _debounce?.Dispose();
    }

    private FileSystemWatcher NewWatcher()
    {
        var watcher = new FileSystemWatcher(Path.GetFullPath(Folder!))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.Error += (_, e) =>
        {
            ServerLog.WatchError(_logger, e.GetException().Message);
            Drop(watcher);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    // A failed watcher, or one whose folder is gone, is dropped (status says watching: false) until Poll makes another.
    private void Drop(FileSystemWatcher watcher)
    {
        lock (_watching)
        {
            if (ReferenceEquals(_watcher, watcher))
            {
                Volatile.Write(ref _watcher, null);
            }
        }

        watcher.Dispose();
    }

    // Every second: drop the watcher when the folder is gone; once it is back, watch it again and reload it.
    private void Poll()
    {
        var exists = Directory.Exists(Folder);
        FileSystemWatcher? gone = null;
        lock (_watching)
        {
            if (_disposed)
            {
                return;
            }

            if (!exists)
            {
                gone = _watcher;
            }
            else if (_watcher is null)
            {
                try
                {
                    Volatile.Write(ref _watcher, NewWatcher());
                }
                catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
                {
                    ServerLog.WatchError(_logger, e.Message);
                    return;
                }

                _debounce?.Change(_quiet, Timeout.InfiniteTimeSpan);
            }
        }

        if (gone is not null)
        {
            ServerLog.WatchError(_logger, ServerText.Format(_log.LogFolderGone, Folder));
            Drop(gone);
        }
    }

    /// <summary>
    /// A diagnostic as clients see it: a path below the rules folder relative to it
    /// (<c>nmg-mineral-plan-2021-2025/2.0.0/chapter-5-mining.yaml</c>), any other by its file name, so no answer
    /// shows where the server's files are.
    /// </summary>
    public Diagnostic Shown(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.Path;
        if (_folderFull is null || path.Length == 0)
        {
            return diagnostic;
        }

        var full = Path.GetFullPath(path);
        var shown = full == _folderFull ? FolderName!
            : full.StartsWith(_folderFull + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? Path.GetRelativePath(_folderFull, full).Replace('\\', '/')
            : Path.GetFileName(full);
        return shown == path ? diagnostic : diagnostic with { Location = diagnostic.Location with { Path = shown } };
    }

    /// <summary>What the latest load or reload did, in the reader's language, naming the folder by its own name.</summary>
    public string Message(ReloadState state, CultureInfo culture)
    {
        var text = ServerText.For(culture);
        var source = FolderName ?? text.EmbeddedRules;
        return state.Kind switch
        {
            ReloadKind.Loaded => ServerText.Format(text.Loaded, source),
            ReloadKind.Reloaded => ServerText.Format(text.Reloaded, source),
            _ => ServerText.Format(text.Refused, source, state.Diagnostics.Count),
        };
    }

    // Editors write a file in several steps (truncate, write, rename): every event restarts the quiet spell.
    private void OnChange(object sender, FileSystemEventArgs e) => _debounce?.Change(_quiet, Timeout.InfiniteTimeSpan);
}

/// <summary>The latest load or reload of the served rules.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Reloaded">True when its rules are the ones served.</param>
/// <param name="Diagnostics">Every diagnostic it gave (errors when refused; warnings may come with a load).</param>
/// <param name="Kind">What happened: the first load, a reload, or a refused reload (<see cref="ServedRules.Message"/> words it).</param>
/// <param name="Warnings">Lint's warnings of the files read (full-width punctuation …), whether or not they loaded.</param>
internal sealed record ReloadState(DateTimeOffset At, bool Reloaded, IReadOnlyList<Diagnostic> Diagnostics, ReloadKind Kind, IReadOnlyList<Diagnostic> Warnings);

/// <summary>What a load of the served rules did.</summary>
internal enum ReloadKind
{
    /// <summary>The rules loaded when the server started.</summary>
    Loaded,

    /// <summary>An edit loaded and is served.</summary>
    Reloaded,

    /// <summary>An edit did not load; the last good rules keep serving.</summary>
    Refused,
}
