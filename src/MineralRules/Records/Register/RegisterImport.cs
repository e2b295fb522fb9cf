using MineralRules.Diagnostics;
using MineralRules.Records.Register;

namespace MineralRules;

/// <summary>
/// Builds a mining-rights register from a GeoJSON FeatureCollection of rights and, optionally, a CSV of county control
/// numbers (docs/records.md) — into a GeoPackage file or a PostgreSQL/PostGIS database. Every problem of the input is
/// collected, located (file:line:column); when there is any, nothing is written. An import replaces the register's
/// whole content (the register is a snapshot of the registry, loaded e.g. once a night).
/// </summary>
public static class RegisterImport
{
    /// <summary>Reads, checks and writes.</summary>
    /// <param name="rightsGeoJson">The rights: a GeoJSON FeatureCollection, positions CGCS2000 [longitude, latitude].</param>
    /// <param name="controlNumbersCsv">The control numbers, a CSV with the header <c>county,number,setBy,date</c>; null for none.</param>
    /// <param name="into">A <c>.gpkg</c> path (written anew, atomically) or a PostgreSQL connection string.</param>
    /// <param name="options">The database's timeouts; <see cref="RightsRegisterOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    /// <returns>What was read and whether it was written, with every problem.</returns>
    public static async Task<RegisterImportResult> ImportAsync(string rightsGeoJson, string? controlNumbersCsv, string into, RightsRegisterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rightsGeoJson);
        ArgumentNullException.ThrowIfNull(into);
        options ??= RightsRegisterOptions.Default;
        var diagnostics = new DiagnosticBag();
        RegisterTarget? target = null;
        try
        {
            target = RegisterTarget.Of(into);
        }
        catch (RecordsException e)
        {
            diagnostics.AddRange(e.Diagnostics);
        }

        var rights = RightsGeoJson.Read(rightsGeoJson, diagnostics);
        var controls = controlNumbersCsv is null ? [] : ControlNumbersCsv.Read(controlNumbersCsv, diagnostics);
        var name = target switch
        {
            RegisterTarget.GeoPackage(var path) => Path.GetFileName(path),
            RegisterTarget.Postgres(var builder) => RegisterTarget.NameOf(builder),
            _ => RegisterTarget.UnreadName,
        };
        if (diagnostics.HasErrors || target is null)
        {
            return Result(name, rights.Count, controls.Count, diagnostics, written: false);
        }

        var content = new RegisterContent(rights, controls);
        try
        {
            switch (target)
            {
                case RegisterTarget.GeoPackage(var path):
                    Write(path, content);
                    break;
                case RegisterTarget.Postgres(var builder):
                    await PostgisRegisterWriter.WriteAsync(builder, content, options, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (RecordsException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return Result(name, rights.Count, controls.Count, diagnostics, written: false);
        }

        return Result(name, rights.Count, controls.Count, diagnostics, written: true);
    }

    private static void Write(string path, RegisterContent content)
    {
        try
        {
            GeoPackageRegisterFile.Write(path, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new RecordsException([new Diagnostic(SourceLocation.File(path), DiagnosticCodes.RegisterNotWritten, $"The register cannot be written: {e.Message}") { MessageZh = $"无法写入登记簿：{e.Message}" }], e);
        }
    }

    private static RegisterImportResult Result(string name, int rights, int controls, DiagnosticBag diagnostics, bool written) => new()
    {
        Register = name,
        Rights = rights,
        ControlNumbers = controls,
        Diagnostics = diagnostics.ToSortedList(),
        Warnings = diagnostics.Warnings,
        Written = written,
    };
}

/// <summary>What <see cref="RegisterImport.ImportAsync"/> did.</summary>
public sealed record RegisterImportResult
{
    /// <summary>The register's name, as verdicts will cite it (a file name, or <c>postgresql://host:port/database</c>).</summary>
    public required string Register { get; init; }

    /// <summary>The rights read without a problem.</summary>
    public required int Rights { get; init; }

    /// <summary>The control numbers read without a problem.</summary>
    public required int ControlNumbers { get; init; }

    /// <summary>Every error, in file and line order; none when the register was written.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Warnings: reported, nothing refused because of them.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>True when the register was written (there were no errors).</summary>
    public bool Written { get; init; }
}
