using NetTopologySuite.Index.Strtree;

namespace MineralRules.Records.Register;

/// <summary>
/// The GeoPackage register (the embedded default): the file is read once, read-only, when it is opened, and every
/// question is then answered from memory — an STRtree over the rights' extents, and dictionaries by deposit, by block,
/// by county (sand/gravel mining rights) and of each county's control numbers by date, each keyed by
/// <see cref="RegisterKeys.Normalize"/>. Immutable after it is built,
/// so one instance serves any number of threads; a later import replaces the file, not this snapshot of it.
/// </summary>
internal sealed class GeoPackageRegister : IRightsRegister
{
    private readonly STRtree<StoredRight> _extents = new();
    private readonly Dictionary<string, StoredRight[]> _byDeposit;
    private readonly Dictionary<string, StoredRight[]> _byBlock;
    private readonly Dictionary<string, StoredRight[]> _sandGravelByCounty;
    private readonly Dictionary<string, StoredControlNumber[]> _controlNumbers;
    private readonly decimal _tolerance;

    public GeoPackageRegister(string name, RegisterContent content, decimal toleranceHectares)
    {
        Name = name;
        _tolerance = toleranceHectares;
        foreach (var right in content.Rights)
        {
            _extents.Insert(right.Boundary.EnvelopeInternal, right);
        }

        // Built now, not on the first query: a built tree is only read, so concurrent queries are safe.
        _extents.Build();
        _byDeposit = Index(content.Rights, r => r.Deposit);
        _byBlock = Index(content.Rights, r => r.Block);
        _sandGravelByCounty = Index(content.Rights.Where(r => r.Kind == Permit.Mining && r.Mineral == StoredRight.SandGravel), r => r.County);
        _controlNumbers = content.ControlNumbers
            .Where(c => RegisterKeys.Normalize(c.County) is not null)
            .GroupBy(c => RegisterKeys.Normalize(c.County)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Date).ToArray(), StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>Opens a register file (read-only) and reads it whole.</summary>
    /// <exception cref="RecordsException">The file cannot be read as a register.</exception>
    public static GeoPackageRegister Open(string path, RightsRegisterOptions options) =>
        new(Path.GetFileName(path), GeoPackageRegisterFile.Read(path), options.OverlapToleranceHectares);

    public ValueTask<RegisterFindings> FindAsync(Application application, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var query = RegisterQuery.Of(application);
        var candidates = new RegisterCandidates(
            Lookup(_byDeposit, query.DepositId),
            Lookup(_byBlock, query.BlockCode),
            query.Site is null ? [] : _extents.Query(query.Site.LonLat.EnvelopeInternal).ToArray(),
            Lookup(_sandGravelByCounty, query.County),
            query.County is not null && _controlNumbers.TryGetValue(query.County, out var numbers) ? LatestOnOrBefore(numbers, query.Date) : null);
        return ValueTask.FromResult(query.Findings(Name, candidates, _tolerance));
    }

    public void Dispose()
    {
        // Everything is in memory; the file was closed when it had been read.
    }

    private static StoredRight[] Lookup(Dictionary<string, StoredRight[]> index, string? key) =>
        key is not null && index.TryGetValue(key, out var rights) ? rights : [];

    private static StoredControlNumber? LatestOnOrBefore(StoredControlNumber[] byDate, DateOnly date)
    {
        StoredControlNumber? latest = null;
        foreach (var number in byDate)
        {
            if (number.Date > date)
            {
                break;
            }

            latest = number;
        }

        return latest;
    }

    /// <summary>The rights by the <see cref="RegisterKeys"/> key of a field (rights without it are left out).</summary>
    private static Dictionary<string, StoredRight[]> Index(IEnumerable<StoredRight> rights, Func<StoredRight, string?> field) =>
        rights.Select(r => (Key: RegisterKeys.Normalize(field(r)), Right: r))
            .Where(p => p.Key is not null)
            .GroupBy(p => p.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Right).ToArray(), StringComparer.Ordinal);
}
