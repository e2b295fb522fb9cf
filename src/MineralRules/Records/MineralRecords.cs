using MineralRules.Diagnostics;

namespace MineralRules;

/// <summary>
/// A host's records, opened once: the zone layers and the mining-rights register (docs/records.md). Gathers the facts
/// they give about one application (<see cref="GatherAsync"/>) before it is evaluated
/// (<see cref="CompiledRuleSet.Evaluate(Application, RecordFacts)"/>). Thread-safe; dispose it to close the register.
/// A configured record that fails is an error (<see cref="RecordsException"/>), never a fall-back to declared facts.
/// </summary>
public sealed class MineralRecords : IDisposable
{
    private readonly decimal _tolerance;

    private MineralRecords(ZoneLayers? zones, IRightsRegister? register, decimal toleranceHectares)
    {
        Zones = zones;
        Register = register;
        _tolerance = toleranceHectares;
    }

    /// <summary>No records: every fact is the application's.</summary>
    public static MineralRecords None { get; } = new(null, null, ZoneOverlap.DefaultToleranceHectares);

    /// <summary>The zone layers, or null.</summary>
    public ZoneLayers? Zones { get; }

    /// <summary>The rights register, or null.</summary>
    public IRightsRegister? Register { get; }

    /// <summary>True when neither zone layers nor a register are configured.</summary>
    public bool IsEmpty => Zones is null && Register is null;

    /// <summary>Opens the records the options name (<see cref="MineralRulesOptions.ZoneLayers"/>, <see cref="MineralRulesOptions.Register"/>).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The records; <see cref="None"/> when the options name none.</returns>
    /// <exception cref="RecordsException">A record cannot be opened; every problem of both is listed.</exception>
    public static MineralRecords Open(MineralRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Open(options.ZoneLayers, options.Register, options.ZoneToleranceHectares);
    }

    /// <summary>Opens zone layers and a register; either may be null.</summary>
    /// <param name="zoneLayers">A folder of <c>&lt;zone-code&gt;.geojson</c> files or a <c>.gpkg</c> file; null for none.</param>
    /// <param name="register">A register <c>.gpkg</c> file or a PostgreSQL connection string; null for none.</param>
    /// <param name="zoneToleranceHectares">The overlap above which a site lies in a zone feature (and overlaps a right), in hectares.</param>
    /// <returns>The records.</returns>
    /// <exception cref="RecordsException">A record cannot be opened; every problem of both is listed.</exception>
    public static MineralRecords Open(string? zoneLayers, string? register, decimal zoneToleranceHectares = ZoneOverlap.DefaultToleranceHectares)
    {
        if (zoneToleranceHectares < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(zoneToleranceHectares), zoneToleranceHectares, "The tolerance is an area in hectares, 0 or more.");
        }

        if (zoneLayers is null && register is null)
        {
            return None;
        }

        // Named but blank (an unset variable in a script, an empty setting) is a mistake, never "no records": a check
        // would otherwise run on the declared facts the host meant to replace.
        var problems = new List<Diagnostic>();
        if (zoneLayers is not null && string.IsNullOrWhiteSpace(zoneLayers))
        {
            problems.Add(new Diagnostic(SourceLocation.File("--zones"), DiagnosticCodes.ZoneLayersNotFound, "The zone layers are named but blank; give a folder of <zone-code>.geojson files or a GeoPackage, or leave the option out.") { MessageZh = "分区图层的位置为空；请给出存放 <分区代码>.geojson 文件的文件夹或 GeoPackage 文件，或不写该选项。" });
            zoneLayers = null;
        }

        if (register is not null && string.IsNullOrWhiteSpace(register))
        {
            problems.Add(new Diagnostic(SourceLocation.File("--register"), DiagnosticCodes.RegisterUnreadable, "The register is named but blank; give a register .gpkg file or a PostgreSQL connection string, or leave the option out.") { MessageZh = "登记簿的位置为空；请给出登记簿 .gpkg 文件或 PostgreSQL 连接字符串，或不写该选项。" });
            register = null;
        }

        ZoneLayers? zones = null;
        IRightsRegister? rights = null;
        try
        {
            zones = zoneLayers is null ? null : ZoneLayers.Open(zoneLayers);
        }
        catch (RecordsException e)
        {
            problems.AddRange(e.Diagnostics);
        }

        try
        {
            rights = register is null ? null : RightsRegister.Open(register, new RightsRegisterOptions { OverlapToleranceHectares = zoneToleranceHectares });
        }
        catch (RecordsException e)
        {
            problems.AddRange(e.Diagnostics);
        }

        if (problems.Count > 0)
        {
            rights?.Dispose();
            throw new RecordsException(problems);
        }

        return new MineralRecords(zones, rights, zoneToleranceHectares);
    }

    /// <summary>
    /// The facts the records give about an application, gathered once before it is evaluated: the zones its boundary
    /// lies in, and what the register holds on its deposit, block and county.
    /// </summary>
    /// <param name="application">The application; validated first unless it already passed validation.</param>
    /// <param name="cancellationToken">Cancels a register query.</param>
    /// <returns>The facts; <see cref="RecordFacts.None"/> without records.</returns>
    /// <exception cref="InvalidApplicationException">The application is invalid.</exception>
    /// <exception cref="RecordsException">A record does not answer.</exception>
    public async ValueTask<RecordFacts> GatherAsync(Application application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (IsEmpty)
        {
            return RecordFacts.None;
        }

        if (!application.IsValidated && ApplicationReader.Validate(application) is { Count: > 0 } problems)
        {
            throw new InvalidApplicationException(problems);
        }

        var zones = Zones?.Find(application, _tolerance);
        var register = Register is null ? null : await Register.FindAsync(application, cancellationToken).ConfigureAwait(false);
        return new RecordFacts { Zones = zones, Register = register };
    }

    /// <inheritdoc/>
    public void Dispose() => Register?.Dispose();
}
