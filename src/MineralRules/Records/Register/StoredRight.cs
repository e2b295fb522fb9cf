using NetTopologySuite.Geometries;

namespace MineralRules.Records.Register;

/// <summary>
/// One right as the register stores it (both backends, and the import): the fields of <see cref="RegisteredRight"/>
/// with every text trimmed, the mineral as its contract code where the vocabulary knows it, the county as its
/// GB/T 2260 code, and the boundary as a multipolygon in CGCS2000 geographic coordinates (x = longitude, SRID 4490).
/// </summary>
internal sealed record StoredRight(
    string Id,
    Permit Kind,
    string Holder,
    string Mineral,
    string County,
    string? Deposit,
    string? Block,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    bool Synthetic,
    MultiPolygon Boundary)
{
    /// <summary>The contract's code of 普通建筑用砂石土, as the register stores it.</summary>
    public const string SandGravel = "sand-gravel";

    /// <summary>The register's word for a kind of right: the contract's word for the permit (<c>exploration</c>, <c>mining</c>).</summary>
    public static string KindCode(Permit kind) => Applications.Vocabularies.Permits.Code(kind);

    /// <summary>Reads a kind of right: <c>exploration</c> or <c>mining</c> (or 探矿权, 采矿权); null for any other word.</summary>
    public static Permit? ParseKind(string word) => Applications.Vocabularies.Permits.TryParse(word, out var kind) ? kind : null;

    /// <summary>Valid on a date: valid from ≤ date ≤ valid to.</summary>
    public bool ValidOn(DateOnly date) => ValidFrom <= date && date <= ValidTo;

    /// <summary>The right as findings name it.</summary>
    public RegisteredRight ToFinding(string registerName, decimal? overlapHectares) =>
        new(Id, Kind, Holder, Mineral, County, Deposit, Block, ValidFrom, ValidTo)
        {
            Source = $"{registerName}#{Id}",
            OverlapHectares = overlapHectares,
        };
}

/// <summary>A county's control number as the register stores it (5.2.2).</summary>
internal sealed record StoredControlNumber(string County, int Number, string SetBy, DateOnly Date)
{
    /// <summary>The control number as findings name it.</summary>
    public ControlNumber ToFinding(string registerName) =>
        new(County, Number, SetBy, Date, $"{registerName}#control-numbers/{County}");
}

/// <summary>What an import writes into a register: every right and every control number, all checked.</summary>
internal sealed record RegisterContent(IReadOnlyList<StoredRight> Rights, IReadOnlyList<StoredControlNumber> ControlNumbers);
