namespace MineralRules.RuleSets;

/// <summary>
/// All versions in one source form ONE timeline, whatever their ids: the application date picks the last version to
/// take effect on or before it (<see cref="RuleSetCatalog.InForceOn"/>). The one place that orders versions (by
/// effective-from, then version number, then id) and says when each is in force — the catalog's order, the loader's
/// gap check and lint's ranges all come from here.
/// </summary>
internal static class VersionTimeline
{
    /// <summary>The catalog's order: by effective-from, then version (of versions taking effect the same day the highest applies), then id.</summary>
    public static int Compare(RuleSetInfo x, RuleSetInfo y) =>
        x.EffectiveFrom != y.EffectiveFrom ? x.EffectiveFrom.CompareTo(y.EffectiveFrom)
        : Versions.Compare(x.Version, y.Version) is var byVersion and not 0 ? byVersion
        : string.CompareOrdinal(x.Id, y.Id);

    /// <summary>The versions in the catalog's order (a stable sort), each with the next on the timeline and its last day in force.</summary>
    /// <typeparam name="T">What carries each version.</typeparam>
    /// <param name="versions">The versions, in any order.</param>
    /// <param name="info">A version's manifest.</param>
    /// <returns>One entry per version, in order.</returns>
    public static List<Entry<T>> Order<T>(IEnumerable<T> versions, Func<T, RuleSetInfo> info)
        where T : class
    {
        // Plain loops (no LINQ, no tuples): this runs on every load, cold start included (docs/performance.md).
        var list = new List<T>(versions);
        var position = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < list.Count; i++)
        {
            position[list[i]] = i;
        }

        list.Sort((x, y) => Compare(info(x), info(y)) is var order and not 0 ? order : position[x].CompareTo(position[y]));
        var entries = new List<Entry<T>>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var next = i + 1 < list.Count ? list[i + 1] : null;
            entries.Add(new Entry<T>(list[i], next, LastDay(info(list[i]), next is null ? null : info(next))));
        }

        return entries;
    }

    /// <summary>
    /// A version's last day in force: the day before the next version on the timeline takes effect, or its own
    /// effective-to when that comes first (a gap, which the loader refuses), or null (open).
    /// Before its first day when the next takes effect the same day: it is then never picked by date.
    /// </summary>
    private static DateOnly? LastDay(RuleSetInfo version, RuleSetInfo? next)
    {
        var superseded = next?.EffectiveFrom.AddDays(-1);
        return version.EffectiveTo is { } to && (superseded is null || to < superseded) ? to : superseded;
    }

    /// <summary>A version on the timeline.</summary>
    /// <param name="Version">The version.</param>
    /// <param name="Next">The next version on the timeline (any id), if any.</param>
    /// <param name="LastDay">Its last day in force; null when open.</param>
    public sealed record Entry<T>(T Version, T? Next, DateOnly? LastDay)
        where T : class;
}
