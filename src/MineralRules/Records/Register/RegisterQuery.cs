namespace MineralRules.Records.Register;

/// <summary>
/// What the register is asked about one application, and how its answer becomes <see cref="RegisterFindings"/> — one
/// place for both backends, so the GeoPackage file and PostGIS give the same findings for the same records. A backend
/// only gathers the candidates (<see cref="RegisterCandidates"/>: by deposit, by block, by the site's extent, by
/// county); the validity on the application date, the kinds, the holders and the overlaps are decided here, the
/// overlaps measured with <see cref="SiteGeometry"/> in the site's Gauss-Krüger zone (docs/records.md).
/// </summary>
internal sealed class RegisterQuery
{
    private RegisterQuery(Application application, SiteGeometry? site)
    {
        Date = application.ApplicationDate;
        Permit = application.Permit;
        Action = application.Action;
        DepositId = RegisterKeys.Normalize(DepositIdOf(application));
        BlockCode = RegisterKeys.Normalize(application.Block?.Code);
        Applicant = RegisterKeys.Normalize(application.Applicant);
        County = RegisterKeys.Normalize(application.Location?.County);
        Site = site;
    }

    /// <summary>The application date: a right counts when it is valid on it.</summary>
    public DateOnly Date { get; }

    public Permit Permit { get; }

    public PermitAction Action { get; }

    /// <summary>The deposit's id in the register (<c>deposit.id</c>) as a <see cref="RegisterKeys"/> key; null when not given.</summary>
    public string? DepositId { get; }

    /// <summary>The planning block's code (<c>block.code</c>) as a <see cref="RegisterKeys"/> key; null when not given.</summary>
    public string? BlockCode { get; }

    /// <summary>The applicant (<c>applicant</c>) as a <see cref="RegisterKeys"/> key; null when not given.</summary>
    public string? Applicant { get; }

    /// <summary>The county's GB/T 2260 code (<c>location.county</c>) as a <see cref="RegisterKeys"/> key; null when not given.</summary>
    public string? County { get; }

    /// <summary>The site's geometry (<c>location.boundary</c>); null without a boundary.</summary>
    public SiteGeometry? Site { get; }

    /// <summary>The kind of right whose holders share a planning block with the applicant (4.3.1, 5.4.1).</summary>
    /// <remarks>
    /// 4.3.1 counts 勘查主体 in a 勘查规划区块 and 5.4.1 开采主体 in a 开采规划区块 ("原则上1个开采规划区块只设1个开采主体"):
    /// an exploration application counts the holders of exploration rights, a mining application the holders of
    /// mining rights. Another holder's exploration right is not a 开采主体 until it is converted (5.4.2, 探转采).
    /// </remarks>
    public Permit BlockKind => Permit == Permit.Exploration ? Permit.Exploration : Permit.Mining;

    /// <summary>True when another holder's valid exploration right overlapping the site counts as a second holder in the block (4.3.1: a new exploration right with a boundary).</summary>
    public bool ExplorationOverlapCounts => Permit == Permit.Exploration && Action == PermitAction.New && Site is not null;

    /// <summary>The question an application asks of the register.</summary>
    /// <exception cref="RecordsException">The site's boundary cannot be turned into geometry.</exception>
    public static RegisterQuery Of(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new RegisterQuery(application, application.Location?.Boundary is { } boundary ? SiteGeometry.Of(boundary) : null);
    }

    /// <summary>
    /// The findings from the candidates a backend gathered: each list null where the application gives nothing to look
    /// it up by, each right once, in id order.
    /// </summary>
    public RegisterFindings Findings(string registerName, RegisterCandidates candidates, decimal toleranceHectares)
    {
        // The overlap of every valid right the site's extent found, measured once.
        var overlaps = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (Site is not null)
        {
            foreach (var right in candidates.BySite)
            {
                if (right.ValidOn(Date) && !overlaps.ContainsKey(right.Id))
                {
                    var hectares = SiteGeometry.RoundedHectares(Site.OverlapHectares(right.Boundary));
                    if (SiteGeometry.Counts(hectares, toleranceHectares))
                    {
                        overlaps.Add(right.Id, hectares);
                    }
                }
            }
        }

        bool Overlapping(StoredRight r) => overlaps.ContainsKey(r.Id);
        bool IsApplicant(StoredRight r) => RegisterKeys.Normalize(r.Holder) == Applicant;

        return new RegisterFindings
        {
            Name = registerName,
            OtherMiningRights = DepositId is null && Site is null ? null : List(
                registerName,
                overlaps,
                candidates.ByDeposit.Where(r => r.Kind == Permit.Mining && r.ValidOn(Date) && RegisterKeys.Normalize(r.Deposit) == DepositId)
                    .Concat(candidates.BySite.Where(r => r.Kind == Permit.Mining && Overlapping(r)))),
            OtherHolderRights = Applicant is null || (BlockCode is null && !ExplorationOverlapCounts) ? null : List(
                registerName,
                overlaps,
                candidates.ByBlock.Where(r => BlockCode is not null && r.Kind == BlockKind && r.ValidOn(Date) && RegisterKeys.Normalize(r.Block) == BlockCode && !IsApplicant(r))
                    .Concat(candidates.BySite.Where(r => ExplorationOverlapCounts && r.Kind == Permit.Exploration && Overlapping(r) && !IsApplicant(r)))),
            CountySandGravelRights = County is null ? null : List(
                registerName,
                null,
                candidates.CountySandGravel.Where(r => r.Kind == Permit.Mining && r.ValidOn(Date) && r.Mineral == StoredRight.SandGravel && RegisterKeys.Normalize(r.County) == County)),
            CountyControlNumber = County is null || candidates.ControlNumber is not { } control || RegisterKeys.Normalize(control.County) != County || control.Date > Date
                ? null
                : control.ToFinding(registerName),
        };
    }

    /// <summary>The deposit's id in the register, as the application gives it (<c>deposit.id</c>).</summary>
    private static string? DepositIdOf(Application application) => application.Deposit?.Id;

    private static List<RegisteredRight> List(string registerName, Dictionary<string, decimal>? overlaps, IEnumerable<StoredRight> rights)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<RegisteredRight>();
        foreach (var right in rights)
        {
            if (seen.Add(right.Id))
            {
                list.Add(right.ToFinding(registerName, overlaps is not null && overlaps.TryGetValue(right.Id, out var hectares) ? hectares : null));
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }
}

/// <summary>
/// The rights a backend found for a <see cref="RegisterQuery"/>, before validity, kinds, holders and overlaps are
/// judged: a candidate list may hold more than counts, never less.
/// </summary>
/// <param name="ByDeposit">Rights whose deposit is the application's (empty without <c>deposit.id</c>).</param>
/// <param name="ByBlock">Rights in the application's planning block (empty without <c>block.code</c>).</param>
/// <param name="BySite">Rights whose boundary's extent meets the site's (empty without a boundary).</param>
/// <param name="CountySandGravel">Sand/gravel mining rights in the application's county (empty without a county).</param>
/// <param name="ControlNumber">The county's latest control number on or before the application date, if any.</param>
internal sealed record RegisterCandidates(
    IReadOnlyList<StoredRight> ByDeposit,
    IReadOnlyList<StoredRight> ByBlock,
    IReadOnlyList<StoredRight> BySite,
    IReadOnlyList<StoredRight> CountySandGravel,
    StoredControlNumber? ControlNumber);
