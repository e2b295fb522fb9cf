namespace MineralRules.Server;

/// <summary>How <see cref="MineralRulesServer"/> serves: which rules, where it listens, and its limits (docs/server.md).</summary>
public sealed class ServerOptions
{
    /// <summary>The default port of <c>mineralrules serve</c>.</summary>
    public const int DefaultPort = 5080;

    /// <summary>A folder of rule sets (rules/&lt;id&gt;/&lt;version&gt;/); null for the rules embedded in the library.</summary>
    public string? RulesFolder { get; init; }

    /// <summary>Reload <see cref="RulesFolder"/> when a file below it changes (debounced); ignored without a folder.</summary>
    public bool Watch { get; init; }

    /// <summary>A folder of sample applications the preview offers to load; null for none.</summary>
    public string? SamplesFolder { get; init; }

    /// <summary>The address to listen on: an IP address, <c>localhost</c>, or <c>*</c> for every interface. Loopback by default.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (read it from the started application's URLs).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The largest application document accepted, in bytes (1 MiB by default); a larger one is answered 413.</summary>
    public long MaxApplicationBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest batch request body, in bytes (32 MiB by default); a larger one is answered 413.</summary>
    public long MaxBatchBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The most applications in one batch (1,000 by default).</summary>
    public int MaxBatchApplications { get; init; } = 1000;

    /// <summary>How long one request may take before it is answered 503 (30 s by default).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The language of the server's log lines — reloads, refused reloads and their diagnostics — (<c>zh</c> for
    /// Chinese); null for English. Answers follow each request's language (<c>Accept-Language</c>, <c>?lang=</c>).
    /// </summary>
    public System.Globalization.CultureInfo? Culture { get; init; }

    /// <summary>How long the watcher waits after the last change before it reloads (300 ms by default).</summary>
    public TimeSpan WatchDebounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Zone layers the checks derive zones from (docs/records.md): a folder of GeoJSON layers or a GeoPackage; null for none.</summary>
    public string? ZoneLayers { get; init; }

    /// <summary>The mining-rights register the checks take their register facts from: a GeoPackage or a PostgreSQL connection string; null for none.</summary>
    public string? Register { get; init; }

    /// <summary>The overlap, in hectares, above which a site lies in a zone feature or overlaps a right (default 0.01).</summary>
    public decimal ZoneToleranceHectares { get; init; } = ZoneOverlap.DefaultToleranceHectares;
}
