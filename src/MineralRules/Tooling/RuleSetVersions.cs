using MineralRules.RuleSets;

namespace MineralRules.Tooling;

/// <summary>
/// When each version of a rule set is in force (<c>mineralrules lint</c>): the versions in a catalog form one
/// timeline whatever their ids, and the application date picks the latest version taking effect on or before it, so a
/// version is in force from its effective-from until the day before the next version takes effect, or until its own
/// effective-to, or with no end ("open") — the rule <see cref="RuleSetCatalog.InForceOn"/> applies.
/// </summary>
public static class RuleSetVersions
{
    /// <summary>The effective range of every version in a catalog, in the catalog's order.</summary>
    /// <param name="catalog">The loaded rule sets.</param>
    /// <returns>One range per version.</returns>
    public static IReadOnlyList<EffectiveRange> Ranges(RuleSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. VersionTimeline.Order(catalog.RuleSets, r => r.Info)
            .Select(e => new EffectiveRange(e.Version.Info, e.Version.Info.EffectiveFrom, e.LastDay, e.Next?.Info, e.Version.Info.Supersedes?.Version))];
    }

    /// <summary>Compares two versions as the catalog orders them: by MAJOR, MINOR and PATCH as numbers, then ordinally.</summary>
    /// <param name="x">A version, e.g. <c>2.0.0</c>.</param>
    /// <param name="y">Another, e.g. <c>2.10.0</c>.</param>
    /// <returns>Negative when <paramref name="x"/> is lower, zero when equal, positive when higher.</returns>
    public static int Compare(string x, string y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Versions.Compare(x, y);
    }
}

/// <summary>When one version is in force.</summary>
/// <param name="RuleSet">The version.</param>
/// <param name="From">Its first day in force.</param>
/// <param name="To">Its last day in force; null when open (no later version, no effective-to). Before <paramref name="From"/> when a later version takes effect the same day: it is then never picked by date.</param>
/// <param name="SupersededBy">The next version on the timeline (of any id), if any.</param>
/// <param name="Supersedes">The version its manifest says it supersedes, if any.</param>
public sealed record EffectiveRange(RuleSetInfo RuleSet, DateOnly From, DateOnly? To, RuleSetInfo? SupersededBy, string? Supersedes)
{
    /// <summary>True when some application date picks this version (it is not superseded on its first day).</summary>
    public bool InForceByDate => To is not { } to || to >= From;
}
