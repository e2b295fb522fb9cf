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

        if (string.IsNullOrWhiteSpace(zoneLayers) && string.IsNullOrWhiteSpace(register))
        {
            return None;
        }

        var problems = new List<Diagnostic>();
        ZoneLayers? zones = null;
        IRightsRegister? rights = null;
        try
        {
            zones = string.IsNullOrWhiteSpace(zoneLayers) ? null : ZoneLayers.Open(zoneLayers);
        }
        catch (RecordsException e)
        {
            problems.AddRange(e.Diagnostics);
        }

        try
        {
            rights = string.IsNullOrWhiteSpace(register) ? null : RightsRegister.Open(register, new RightsRegisterOptions { OverlapToleranceHectares = zoneToleranceHectares });
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
