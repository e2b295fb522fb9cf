namespace MineralRules.RuleSets;

/// <summary>
/// One row of a national scale table: lower bounds of 大型 and 中型 for some minerals, with where the figures come
/// from and whether they are verified. Only verified rows may decide anything.
/// </summary>
internal sealed record ScaleRow(
    string Name,
    IReadOnlyList<Mineral> Minerals,
    MiningMethod? MiningMethod,
    string CountedAs,
    string Unit,
    decimal? Large,
    decimal? Medium,
    decimal? Minimum,
    bool Verified,
    string Status,
    string Source,
    SourceLocation Location);

/// <summary>A national scale table (208号 mine production scale, 133号 deposit scale).</summary>
internal sealed record ScaleTable(string Document, IReadOnlyList<ScaleRow> Rows, SourceLocation Location);

/// <summary>A league or city with its banners and counties, as the rule set ships them.</summary>
internal sealed record LeagueEntry(string Code, string Name, string? En, IReadOnlyList<(string Code, string Name)> Counties);

/// <summary>The administrative divisions table shipped with a rule set.</summary>
internal sealed record DivisionTable(string Document, string Source, bool Verified, IReadOnlyList<LeagueEntry> Leagues, SourceLocation Location);

/// <summary>The reference data of a rule-set version.</summary>
internal sealed record ReferenceData(ScaleTable? MineScale, ScaleTable? DepositScale, DivisionTable? Divisions)
{
    public static ReferenceData None { get; } = new(null, null, null);
}
