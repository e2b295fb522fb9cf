namespace MineralRules;

/// <summary>
/// Opens a mining-rights register (docs/records.md): a GeoPackage file (a path ending in <c>.gpkg</c>; the embedded
/// default, read once into memory) or a PostgreSQL database with PostGIS (a connection string, <c>Host=…;Database=…</c>
/// or <c>postgresql://…</c>; queried per application through a connection pool). Both answer the same questions the
/// same way (<see cref="IRightsRegister"/>); <see cref="RegisterImport"/> builds either from GeoJSON and CSV.
/// </summary>
public static class RightsRegister
{
    /// <summary>Opens a register: a <c>.gpkg</c> file, or a PostgreSQL/PostGIS connection string.</summary>
    /// <param name="registerOrConnectionString">The GeoPackage file's path, or a PostgreSQL connection string.</param>
    /// <param name="options">The overlap tolerance and the database's timeouts; <see cref="RightsRegisterOptions.Default"/> when null.</param>
    /// <returns>The register, open; dispose it when done (a PostgreSQL register closes its pool).</returns>
    /// <exception cref="RecordsException">The register cannot be opened: no such file, not a register, a server that does not answer, tables missing.</exception>
    public static IRightsRegister Open(string registerOrConnectionString, RightsRegisterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registerOrConnectionString);
        options ??= RightsRegisterOptions.Default;
        return Records.Register.RegisterTarget.Of(registerOrConnectionString) switch
        {
            Records.Register.RegisterTarget.GeoPackage(var path) => Records.Register.GeoPackageRegister.Open(path, options),
            Records.Register.RegisterTarget.Postgres(var builder) => Records.Register.PostgisRegister.Open(builder, options),
            _ => throw new InvalidOperationException("Unreachable: RegisterTarget.Of throws for anything else."),
        };
    }
}

/// <summary>How a register is read: the overlap below which a right does not count, and the database's timeouts.</summary>
public sealed record RightsRegisterOptions
{
    /// <summary>The defaults: 0.01 ha tolerance, 5 s to connect, 10 s per query.</summary>
    public static RightsRegisterOptions Default { get; } = new();

    /// <summary>A right's boundary overlapping the site by this many hectares or less does not count as overlapping (default 0.01 ha, as for zones).</summary>
    public decimal OverlapToleranceHectares { get; init; } = ZoneOverlap.DefaultToleranceHectares;

    /// <summary>PostgreSQL: how long to wait for a connection (default 5 s; whole seconds, at least 1). A connection string's own <c>Timeout</c> wins.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>PostgreSQL: how long one query may run (default 10 s; whole seconds, at least 1). A connection string's own <c>Command Timeout</c> wins.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
