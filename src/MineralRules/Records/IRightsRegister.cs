namespace MineralRules;

/// <summary>
/// A mining-rights register the facts of an application are looked up in (docs/records.md): the GeoPackage file
/// (the embedded default) or a PostgreSQL/PostGIS database, both opened through <c>RightsRegister.Open</c>. Opened
/// once and shared: implementations are thread-safe. A register that cannot answer throws
/// <see cref="RecordsException"/>; it never answers with the application's own declared facts.
/// </summary>
public interface IRightsRegister : IDisposable
{
    /// <summary>The register's name, as verdicts cite it (a file name, or a PostgreSQL host and database without credentials).</summary>
    string Name { get; }

    /// <summary>What the register holds on the application's deposit, planning block and county, on its application date.</summary>
    /// <param name="application">A validated application.</param>
    /// <param name="cancellationToken">Cancels a database query.</param>
    /// <returns>The findings; a list is null where the application gives nothing to look it up by.</returns>
    /// <exception cref="RecordsException">The register cannot be read or does not answer.</exception>
    ValueTask<RegisterFindings> FindAsync(Application application, CancellationToken cancellationToken = default);
}
