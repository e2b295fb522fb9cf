namespace MineralRules;

/// <summary>
/// The facts a host's records give about one application, gathered once before it is evaluated (docs/records.md):
/// the zones its boundary lies in, from the zone layers, and what the mining-rights register knows about its deposit,
/// planning block and county. Evaluation takes them beside the application
/// (<c>CompiledRuleSet.Evaluate(application, facts)</c>); a fact the records give overrides the declared
/// one, and every verdict names the record it came from. <see cref="None"/> when no records are configured.
/// </summary>
public sealed record RecordFacts
{
    /// <summary>No records: every fact is the application's.</summary>
    public static RecordFacts None { get; } = new();

    /// <summary>The zones derived from the site's boundary and the zone layers; null without a boundary or without layers.</summary>
    public ZoneFindings? Zones { get; init; }

    /// <summary>What the register holds on the site's deposit, block and county; null without a register.</summary>
    public RegisterFindings? Register { get; init; }
}

/// <summary>
/// The zones a site lies in by geometry: the site's boundary overlaid on one layer per zone code. A zone code in
/// <see cref="Layered"/> is decided by the layers (the site lies in it when an overlap above the tolerance is listed
/// in <see cref="Overlaps"/>); a zone code without a layer falls back to the application's declared zones.
/// </summary>
public sealed record ZoneFindings
{
    /// <summary>The layers' name, as verdicts cite it: the folder's or GeoPackage file's name (e.g. <c>zones</c>).</summary>
    public required string Layers { get; init; }

    /// <summary>The site's area in hectares, measured in CGCS2000 Gauss-Krüger (a derived fact).</summary>
    public required decimal SiteHectares { get; init; }

    /// <summary>The zone codes that had a layer (an empty layer says the zone has no feature anywhere).</summary>
    public required IReadOnlyList<Zone> Layered { get; init; }

    /// <summary>Every layer feature the site overlaps by more than the tolerance, largest overlap first within a zone.</summary>
    public required IReadOnlyList<ZoneOverlap> Overlaps { get; init; }

    /// <summary>The overlap below which a touching feature does not count, in hectares (default 0.01).</summary>
    public decimal ToleranceHectares { get; init; } = ZoneOverlap.DefaultToleranceHectares;
}

/// <summary>One zone-layer feature the site overlaps.</summary>
/// <param name="Zone">The zone the layer is of.</param>
/// <param name="Source">Where it came from, as verdicts name it: <c>&lt;layers&gt;/&lt;zone-code&gt;#&lt;feature id&gt;</c>, e.g. <c>zones/ecological-red-line#RL-0412</c>.</param>
/// <param name="FeatureId">The feature's <c>id</c> property.</param>
/// <param name="FeatureName">The feature's <c>name</c> property, if it has one.</param>
/// <param name="Hectares">The overlap in hectares.</param>
/// <param name="ShareOfSite">The overlap as a share of the site's area, 0..1.</param>
public sealed record ZoneOverlap(Zone Zone, string Source, string FeatureId, string? FeatureName, decimal Hectares, decimal ShareOfSite)
{
    /// <summary>The default tolerance: an overlap of 0.01 ha (100 m²) or less does not put a site in a zone.</summary>
    public const decimal DefaultToleranceHectares = 0.01m;
}

/// <summary>
/// What the mining-rights register says about an application, on its application date (a right is valid when
/// valid-from ≤ date ≤ valid-to). Each list is null where the register could not answer (the application gives neither
/// the key nor a boundary to look it up by): then the declared fact stands.
/// </summary>
public sealed record RegisterFindings
{
    /// <summary>The register's name, as verdicts cite it (e.g. <c>register.gpkg</c>, or a PostgreSQL host and database).</summary>
    public required string Name { get; init; }

    /// <summary><c>deposit.otherMiningRights</c>: valid mining rights of any holder on the deposit or overlapping the site.</summary>
    public IReadOnlyList<RegisteredRight>? OtherMiningRights { get; init; }

    /// <summary>
    /// <c>block.otherHolders</c>: valid rights of other holders in the same planning block, and (new exploration) other
    /// holders' valid exploration rights overlapping the site; the fact is the number of distinct holders.
    /// </summary>
    public IReadOnlyList<RegisteredRight>? OtherHolderRights { get; init; }

    /// <summary><c>sandGravel.countyRights</c>: valid sand/gravel/earth mining rights in the application's county.</summary>
    public IReadOnlyList<RegisteredRight>? CountySandGravelRights { get; init; }

    /// <summary><c>sandGravel.countyControlNumber</c>: the county's control number in force on the application date.</summary>
    public ControlNumber? CountyControlNumber { get; init; }
}

/// <summary>A right in the register.</summary>
/// <param name="Id">The right's id (licence number).</param>
/// <param name="Kind">Exploration or mining right (the words of <c>permit</c>).</param>
/// <param name="Holder">The holder.</param>
/// <param name="Mineral">The mineral, as the register writes it.</param>
/// <param name="County">The county's GB/T 2260 code.</param>
/// <param name="Deposit">The deposit's id, if the register gives one.</param>
/// <param name="Block">The planning block's code, if any.</param>
/// <param name="ValidFrom">First day it is valid.</param>
/// <param name="ValidTo">Last day it is valid.</param>
public sealed record RegisteredRight(string Id, Permit Kind, string Holder, string Mineral, string County, string? Deposit, string? Block, DateOnly ValidFrom, DateOnly ValidTo)
{
    /// <summary>Where it came from, as verdicts name it: <c>&lt;register&gt;#&lt;id&gt;</c>.</summary>
    public required string Source { get; init; }

    /// <summary>How much of the site its boundary overlaps, in hectares; null where it was found by deposit, block or county, not by overlap.</summary>
    public decimal? OverlapHectares { get; init; }
}

/// <summary>A county's control number for sand/gravel/earth mining rights (5.2.2), set by its league.</summary>
/// <param name="County">The county's GB/T 2260 code.</param>
/// <param name="Number">The control number.</param>
/// <param name="SetBy">Who set it (the league).</param>
/// <param name="Date">When it was set; the latest on or before the application date is in force.</param>
/// <param name="Source">Where it came from, as verdicts name it.</param>
public sealed record ControlNumber(string County, int Number, string SetBy, DateOnly Date, string Source);
