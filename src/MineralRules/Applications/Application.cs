namespace MineralRules;

/// <summary>
/// A permit application, exactly the shape of the application document in <c>docs/application.md</c>. Optional facts are
/// null when absent: a rule that needs an absent fact gives <see cref="Outcome.Review"/> naming it.
/// </summary>
public sealed record Application
{
    // Set when this very instance passed validation (the reader's, or an evaluation's): evaluating it again does not
    // validate it again. A copy made with `with` is another instance and is validated afresh. Never part of equality.
    private ValidationStamp _validated;

    /// <summary>The application's identifier (<c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Exploration or mining (<c>permit</c>).</summary>
    public required Permit Permit { get; init; }

    /// <summary>What is asked for (<c>action</c>).</summary>
    public required PermitAction Action { get; init; }

    /// <summary>The date of the application; it selects the rule-set version in force (<c>applicationDate</c>).</summary>
    public required DateOnly ApplicationDate { get; init; }

    /// <summary>The applicant, free text (<c>applicant</c>).</summary>
    public string? Applicant { get; init; }

    /// <summary>The mineral (<c>mineral</c>).</summary>
    public required Mineral Mineral { get; init; }

    /// <summary>Underground or open pit (<c>miningMethod</c>).</summary>
    public MiningMethod? MiningMethod { get; init; }

    /// <summary>True for a mine-and-mill (采选) project (<c>includesProcessing</c>).</summary>
    public bool? IncludesProcessing { get; init; }

    /// <summary>Design capacity; for an expansion, the capacity after it (<c>capacity</c>).</summary>
    public Capacity? Capacity { get; init; }

    /// <summary>For an expansion, the capacity before it (<c>capacityBefore</c>).</summary>
    public Capacity? CapacityBefore { get; init; }

    /// <summary>Operating days per year; lets per-day and per-year figures be compared (<c>operatingDaysPerYear</c>).</summary>
    public int? OperatingDaysPerYear { get; init; }

    /// <summary>Declared mine production scale (<c>scale</c>).</summary>
    public Scale? Scale { get; init; }

    /// <summary>Declared deposit (resource/reserve) scale (<c>depositScale</c>).</summary>
    public Scale? DepositScale { get; init; }

    /// <summary>Exploration stage reached (<c>explorationStage</c>).</summary>
    public ExplorationStage? ExplorationStage { get; init; }

    /// <summary>Where the project is (<c>location</c>).</summary>
    public Location? Location { get; init; }

    /// <summary>The planning block (<c>block</c>).</summary>
    public PlanningBlock? Block { get; init; }

    /// <summary>The deposit (<c>deposit</c>).</summary>
    public DepositFacts? Deposit { get; init; }

    /// <summary>How the right is granted (<c>grant</c>).</summary>
    public GrantFacts? Grant { get; init; }

    /// <summary>True for exploration financed by public funds (<c>fiscallyFunded</c>).</summary>
    public bool? FiscallyFunded { get; init; }

    /// <summary>New mine: the development-and-utilisation plan (开发利用方案) has been examined (<c>developmentPlanReviewed</c>).</summary>
    public bool? DevelopmentPlanReviewed { get; init; }

    /// <summary>The applicant's standing on the credit lists (<c>applicantStatus</c>).</summary>
    public ApplicantStatusFacts? ApplicantStatus { get; init; }

    /// <summary>Environmental facts (<c>environment</c>).</summary>
    public EnvironmentFacts? Environment { get; init; }

    /// <summary>Coal facts (<c>coal</c>).</summary>
    public CoalFacts? Coal { get; init; }

    /// <summary>National total-quantity control quota (<c>quota</c>).</summary>
    public Quota? Quota { get; init; }

    /// <summary>Sand/gravel/earth rights in the county and its control number (<c>sandGravel</c>).</summary>
    public SandGravelFacts? SandGravel { get; init; }

    /// <summary>Recovery and dilution rates (<c>recovery</c>).</summary>
    public RecoveryFacts? Recovery { get; init; }

    /// <summary>Co- and by-product minerals (<c>associatedMinerals</c>).</summary>
    public AssociatedMineralFacts? AssociatedMinerals { get; init; }

    /// <summary>The current licence (<c>licence</c>).</summary>
    public LicenceFacts? Licence { get; init; }

    /// <summary>Exceptions claimed to clauses worded 原则上 (<c>exemptions</c>).</summary>
    public IReadOnlyList<ExemptionClaim> Exemptions { get; init; } = [];

    /// <summary>True when this instance passed validation.</summary>
    internal bool IsValidated => _validated.Holds(this);

    /// <summary>Records that this instance passed validation.</summary>
    internal void MarkValidated() => _validated = new ValidationStamp(this);
}

/// <summary>Where the project is.</summary>
public sealed record Location
{
    /// <summary>The league or city, as its GB/T 2260 code (names are accepted on reading and turned into codes).</summary>
    public string? League { get; init; }

    /// <summary>The banner or county, as its GB/T 2260 code.</summary>
    public string? County { get; init; }

    /// <summary>
    /// The planning zones the project lies in: empty means none of them; null (absent) means they are not known, and
    /// spatial rules give review naming <c>location.zones</c> (rule sets from 2.0.0; 1.0.0 read absent as none).
    /// </summary>
    public IReadOnlyList<Zone>? Zones { get; init; }

    /// <summary>The site's boundary as turning points (拐点坐标); with zone layers, the zones are derived from it (docs/records.md).</summary>
    public SiteBoundary? Boundary { get; init; }

    /// <summary>
    /// Zones whose membership is unknown although <see cref="Zones"/> is given: set only when records decide some zones
    /// and the application declares none (a zone code without a layer then stays unknown). A bit per <see cref="Zone"/>.
    /// </summary>
    internal ulong UnknownZoneMask { get; init; }
}

/// <summary>
/// The site's boundary (<c>location.boundary</c>): rings of turning points in CGCS2000, geographic
/// (<c>EPSG:4490</c>, each point <c>[lon, lat]</c>) or a 3-degree Gauss-Krüger zone (<c>EPSG:4513</c>–<c>EPSG:4533</c>,
/// each point <c>[X, Y]</c>: X northing, Y easting with the zone number in front). Either <see cref="Rings"/> (one
/// parcel: its outline, then holes) or <see cref="Polygons"/> (several parcels), not both.
/// </summary>
public sealed record SiteBoundary
{
    /// <summary>The coordinate reference system, e.g. <c>EPSG:4490</c>.</summary>
    public required string Crs { get; init; }

    /// <summary>One parcel: the first ring is its outline, further rings are holes; each ring closed, at least 4 points.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<decimal>>>? Rings { get; init; }

    /// <summary>Several parcels, each a list of rings (GeoJSON MultiPolygon order).</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<IReadOnlyList<decimal>>>>? Polygons { get; init; }
}

/// <summary>The planning block (规划区块).</summary>
public sealed record PlanningBlock
{
    /// <summary>Inside a designated exploration or mining planning block (勘查/开采规划区块).</summary>
    public bool? InPlanningBlock { get; init; }

    /// <summary>The planning block's code, free text.</summary>
    public string? Code { get; init; }

    /// <summary>Block size in basic unit blocks (基本单位区块).</summary>
    public decimal? BasicUnits { get; init; }

    /// <summary>Other right holders already in this planning block.</summary>
    public int? OtherHolders { get; init; }
}

/// <summary>The deposit (矿床).</summary>
public sealed record DepositFacts
{
    /// <summary>The deposit's id in the mining-rights register (free text): how a host's register finds the rights on it.</summary>
    public string? Id { get; init; }

    /// <summary>Other mining rights already on this deposit (一矿多开).</summary>
    public int? OtherMiningRights { get; init; }
}

/// <summary>How the right is granted (出让).</summary>
public sealed record GrantFacts
{
    /// <summary>Tender, auction, listing or agreement.</summary>
    public GrantMethod? Method { get; init; }

    /// <summary>True for a State-Council-approved key construction project.</summary>
    public bool? StateCouncilKeyProject { get; init; }

    /// <summary>Agreement grants: the other national agreement case relied on, free text.</summary>
    public string? AgreementBasis { get; init; }
}

/// <summary>The applicant's standing on the credit lists; a host should fill it from the credit records.</summary>
public sealed record ApplicantStatusFacts
{
    /// <summary>On the mining-right holders' abnormal-operation list (异常名录); absent reads as false.</summary>
    public bool? AbnormalList { get; init; }

    /// <summary>On the serious-violation list (严重违法名单); absent reads as false.</summary>
    public bool? SeriousViolationList { get; init; }
}

/// <summary>Sand/gravel/earth (普通建筑用砂石土) rights in the county (5.2.2): facts of the register.</summary>
public sealed record SandGravelFacts
{
    /// <summary>Valid sand/gravel mining rights in the county now.</summary>
    public int? CountyRights { get; init; }

    /// <summary>The county's control number, set by its league.</summary>
    public int? CountyControlNumber { get; init; }
}

/// <summary>Environmental facts.</summary>
public sealed record EnvironmentFacts
{
    /// <summary>A high-energy-consumption, high-pollution project.</summary>
    public bool? HighEnergyHighPollution { get; init; }

    /// <summary>Environmental impact assessment approved.</summary>
    public bool? EiaApproved { get; init; }

    /// <summary>Consent of the ecology and environment department.</summary>
    public bool? EcologyDepartmentConsent { get; init; }

    /// <summary>Work plan follows the green-exploration technical requirements.</summary>
    public bool? GreenExplorationPlan { get; init; }

    /// <summary>Designed to the green-mine construction standard.</summary>
    public bool? GreenMineStandard { get; init; }

    /// <summary>Mine geo-environment protection and land-reclamation plan filed.</summary>
    public bool? RestorationPlanFiled { get; init; }

    /// <summary>Geo-environment restoration fund accrued (producing mines).</summary>
    public bool? RestorationFundAccrued { get; init; }

    /// <summary>A producing mine whose geo-environment restoration is overdue or below standard (应治未治、治理不达标); absent reads as false.</summary>
    public bool? RestorationOverdue { get; init; }

    /// <summary>Environmental-access assessment done (lead, zinc, molybdenum).</summary>
    public bool? EnvironmentalAccessAssessed { get; init; }
}

/// <summary>Coal facts.</summary>
public sealed record CoalFacts
{
    /// <summary>Coal rank.</summary>
    public CoalRank? Rank { get; init; }

    /// <summary>Germanium-bearing coal (锗煤); absent reads as false.</summary>
    public bool? GermaniumBearing { get; init; }

    /// <summary>High-alumina coal (富铝煤); absent reads as false.</summary>
    public bool? HighAlumina { get; init; }

    /// <summary>Arsenic, radioactive or other toxic content above the standard.</summary>
    public bool? ToxicSubstancesExceedStandard { get; init; }
}

/// <summary>A quota for total-quantity-controlled minerals (rare earth, tungsten).</summary>
public sealed record Quota
{
    /// <summary>The output the application requests.</summary>
    public decimal? Requested { get; init; }

    /// <summary>The national quota allocated.</summary>
    public decimal? Allocated { get; init; }

    /// <summary>The unit of both figures.</summary>
    public MassUnit? Unit { get; init; }
}

/// <summary>Recovery and dilution, as fractions from 0 to 1, actual against the approved design.</summary>
public sealed record RecoveryFacts
{
    /// <summary>Mining recovery rate (开采回采率).</summary>
    public RecoveryRate? Mining { get; init; }

    /// <summary>Processing recovery rate (选矿回收率).</summary>
    public RecoveryRate? Processing { get; init; }

    /// <summary>Dilution rate (采矿贫化率).</summary>
    public RecoveryRate? Dilution { get; init; }
}

/// <summary>An actual rate against its approved design value.</summary>
public sealed record RecoveryRate
{
    /// <summary>The actual rate, 0 to 1.</summary>
    public decimal? Actual { get; init; }

    /// <summary>The approved design rate, 0 to 1.</summary>
    public decimal? Approved { get; init; }
}

/// <summary>Co- and by-product minerals (共伴生矿产).</summary>
public sealed record AssociatedMineralFacts
{
    /// <summary>Co- or by-product minerals of industrial value are present.</summary>
    public bool? IndustrialValue { get; init; }

    /// <summary>A comprehensive-recovery plan exists.</summary>
    public bool? ComprehensiveRecovery { get; init; }

    /// <summary>Protection measures where they cannot yet be recovered.</summary>
    public bool? ProtectionMeasures { get; init; }
}

/// <summary>The current licence.</summary>
public sealed record LicenceFacts
{
    /// <summary>Expiry of the current licence.</summary>
    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>An exception claimed to a clause worded 原则上.</summary>
public sealed record ExemptionClaim
{
    /// <summary>The clause reference, e.g. <c>5.2.1</c>.</summary>
    public required string Clause { get; init; }

    /// <summary>The basis of the claim; must not be empty.</summary>
    public required string Basis { get; init; }
}

/// <summary>
/// Marks the one application instance that passed validation; equal to every other stamp, so records stay equal by
/// their facts alone.
/// </summary>
internal readonly struct ValidationStamp(Application owner) : IEquatable<ValidationStamp>
{
    private readonly Application? _owner = owner;

    public bool Holds(Application application) => ReferenceEquals(_owner, application);

    public bool Equals(ValidationStamp other) => true;

    public override bool Equals(object? obj) => obj is ValidationStamp;

    public override int GetHashCode() => 0;
}
