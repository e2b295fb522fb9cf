namespace MineralRules.Tooling;

/// <summary>
/// When each version of a rule set is in force (<c>mineralrules lint</c>): the application date picks the latest
/// version taking effect on or before it, so a version is in force from its effective-from until the day before the
/// next version of its id takes effect, or until its own effective-to, or with no end ("open").
/// </summary>
public static class RuleSetVersions
{
    /// <summary>The effective range of every version in a catalog, in the catalog's order.</summary>
    /// <param name="catalog">The loaded rule sets.</param>
    /// <returns>One range per version.</returns>
    public static IReadOnlyList<EffectiveRange> Ranges(RuleSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var ranges = new List<EffectiveRange>();
        var ruleSets = catalog.RuleSets;
        for (var i = 0; i < ruleSets.Count; i++)
        {
            var info = ruleSets[i].Info;
            var next = ruleSets.Skip(i + 1).FirstOrDefault(r => r.Info.Id == info.Id)?.Info;
            var to = info.EffectiveTo ?? next?.EffectiveFrom.AddDays(-1);
            ranges.Add(new EffectiveRange(info, info.EffectiveFrom, to, next?.Version, info.Supersedes?.Version));
        }

        return ranges;
    }
}

/// <summary>When one version is in force.</summary>
/// <param name="RuleSet">The version.</param>
/// <param name="From">Its first day in force.</param>
/// <param name="To">Its last day in force; null when open (no later version, no effective-to). Before <paramref name="From"/> when a later version takes effect the same day: it is then never picked by date.</param>
/// <param name="SupersededBy">The next version of the same id, if any.</param>
/// <param name="Supersedes">The version its manifest says it supersedes, if any.</param>
public sealed record EffectiveRange(RuleSetInfo RuleSet, DateOnly From, DateOnly? To, string? SupersededBy, string? Supersedes)
{
    /// <summary>True when some application date picks this version (it is not superseded on its first day).</summary>
    public bool InForceByDate => To is not { } to || to >= From;

    /// <summary>The range in words, e.g. <c>2022-08-19 – open; supersedes 1.0.0</c>.</summary>
    /// <returns>The range.</returns>
    public override string ToString()
    {
        var range = !InForceByDate
            ? $"{From:yyyy-MM-dd}, superseded by {SupersededBy} the same day (never picked by date; checked with --rule-set-version {RuleSet.Version})"
            : $"{From:yyyy-MM-dd} – {(To is { } to ? to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "open")}{(SupersededBy is not null ? $"; superseded by {SupersededBy}" : string.Empty)}";
        return Supersedes is null ? range : $"{range}; supersedes {Supersedes}";
    }
}
