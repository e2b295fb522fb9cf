namespace MineralRules.Compilation;

/// <summary>
/// Zones as a bit mask, a bit per <see cref="Zone"/> in the low half of a <c>ulong</c>; the high half
/// (<see cref="CompiledScope.UnknownShift"/>) holds the zones whose membership is unknown. The one place the layout is
/// written: scopes, the includes form, the records' overlay and the rules' named zones all use it.
/// </summary>
internal static class ZoneMask
{
    /// <summary>Every zone's bit.</summary>
    public static readonly ulong All = Of(Enum.GetValues<Zone>());

    /// <summary>A zone's bit.</summary>
    public static ulong Bit(Zone zone) => 1UL << (int)zone;

    /// <summary>The bits of some zones.</summary>
    public static ulong Of(IEnumerable<Zone> zones)
    {
        var mask = 0UL;
        foreach (var zone in zones)
        {
            mask |= Bit(zone);
        }

        return mask;
    }

    /// <summary>The zones of a mask, in the vocabulary's order.</summary>
    public static Zone[] Zones(ulong mask) => [.. Enum.GetValues<Zone>().Where(z => (mask & Bit(z)) != 0)];
}
