using System.Globalization;
using MineralRules.Applications;

namespace MineralRules.Units;

/// <summary>What a capacity measures.</summary>
internal enum Dimension
{
    Mass,
    Volume,
}

/// <summary>The time base of a rate.</summary>
internal enum TimeBase
{
    Year,
    Day,
}

/// <summary>How two capacities compare.</summary>
internal enum CapacityComparison
{
    Less,
    Equal,
    Greater,

    /// <summary>A mass against a volume: no conversion exists.</summary>
    Incomparable,

    /// <summary>Per day against per year without operating days per year.</summary>
    NeedsOperatingDays,
}

/// <summary>
/// Unit symbols and exact conversions. Within one time base a conversion is a decimal multiplication
/// (exact); across time bases the application's operating days per year are required, and the smaller side
/// is multiplied rather than the larger divided, so no rounding ever enters a comparison.
/// </summary>
internal static class UnitConversions
{
    private static readonly (CapacityUnit Unit, string Symbol, Dimension Dimension, TimeBase Time, decimal Factor, string[] Aliases)[] CapacityTable =
    [
        (CapacityUnit.TenThousandTonnesPerYear, "万吨/年", Dimension.Mass, TimeBase.Year, 10_000m, ["万t/a", "万吨/a", "万t/年"]),
        (CapacityUnit.MegatonnesPerYear, "Mt/a", Dimension.Mass, TimeBase.Year, 1_000_000m, ["Mt/y", "Mt/yr"]),
        (CapacityUnit.KilotonnesPerYear, "kt/a", Dimension.Mass, TimeBase.Year, 1_000m, ["kt/y", "kt/yr"]),
        (CapacityUnit.TonnesPerYear, "t/a", Dimension.Mass, TimeBase.Year, 1m, ["t/y", "t/yr", "吨/年"]),
        (CapacityUnit.TonnesPerDay, "t/d", Dimension.Mass, TimeBase.Day, 1m, ["吨/日", "吨/天"]),
        (CapacityUnit.TenThousandCubicMetresPerYear, "万立方米/年", Dimension.Volume, TimeBase.Year, 10_000m, ["万m³/a", "万m3/a", "万立方米/a"]),
        (CapacityUnit.CubicMetresPerDay, "m³/d", Dimension.Volume, TimeBase.Day, 1m, ["m3/d", "立方米/日", "立方米/天"]),
    ];

    private static readonly (MassUnit Unit, string Symbol, decimal Factor, string[] Aliases)[] MassTable =
    [
        (MassUnit.Tonne, "t", 1m, ["吨"]),
        (MassUnit.Kilotonne, "kt", 1_000m, ["千吨"]),
        (MassUnit.TenThousandTonnes, "万吨", 10_000m, ["万t"]),
        (MassUnit.Megatonne, "Mt", 1_000_000m, ["百万吨"]),
    ];

    /// <summary>The capacity units as words of the contract: the symbol is the code and the name in both languages; case counts.</summary>
    public static readonly Vocabulary<CapacityUnit> CapacityUnits = Vocabulary<CapacityUnit>.Symbols(
        "capacity unit",
        Normalise,
        Terms(CapacityTable.Length, i => new Term<CapacityUnit>(CapacityTable[i].Unit, CapacityTable[i].Symbol, CapacityTable[i].Symbol, CapacityTable[i].Symbol, CapacityTable[i].Aliases)));

    /// <summary>The quota units as words of the contract, as <see cref="CapacityUnits"/>.</summary>
    public static readonly Vocabulary<MassUnit> MassUnits = Vocabulary<MassUnit>.Symbols(
        "quota unit",
        Normalise,
        Terms(MassTable.Length, i => new Term<MassUnit>(MassTable[i].Unit, MassTable[i].Symbol, MassTable[i].Symbol, MassTable[i].Symbol, MassTable[i].Aliases)));

    // A loop rather than LINQ over the tables' tuples, which is JIT-compiled at every cold load (docs/performance.md).
    private static Term<T>[] Terms<T>(int count, Func<int, Term<T>> term)
        where T : struct, Enum
    {
        var terms = new Term<T>[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = term(i);
        }

        return terms;
    }

    /// <summary>Every spelling of a capacity unit a rule may write: each symbol, then its aliases.</summary>
    public static IEnumerable<string> CapacitySpellings => CapacityUnits.Terms.SelectMany(t => t.Aliases.Prepend(t.Code));

    public static IEnumerable<string> CapacitySymbols => CapacityUnits.Codes;

    public static IEnumerable<string> MassSymbols => MassUnits.Codes;

    public static string Symbol(CapacityUnit unit) => CapacityUnits.Code(unit);

    public static string Symbol(MassUnit unit) => MassUnits.Code(unit);

    public static Dimension DimensionOf(CapacityUnit unit) => CapacityTable[(int)unit].Dimension;

    public static TimeBase TimeBaseOf(CapacityUnit unit) => CapacityTable[(int)unit].Time;

    /// <summary>The unit of the same dimension and time base whose factor is 1 (t/a for 万吨/年), or null when the table has none.</summary>
    public static CapacityUnit? BaseUnitOf(CapacityUnit unit) =>
        CapacityTable.Where(u => u.Dimension == DimensionOf(unit) && u.Time == TimeBaseOf(unit) && u.Factor == 1m).Select(u => (CapacityUnit?)u.Unit).FirstOrDefault();

    public static bool TryParseCapacityUnit(string text, out CapacityUnit unit) => CapacityUnits.TryParse(text, out unit);

    public static bool TryParseMassUnit(string text, out MassUnit unit) => MassUnits.TryParse(text, out unit);

    /// <summary>A unit as written, without the spaces people put in (<c>万吨 / 年</c>).</summary>
    public static string Normalise(string text) => text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>The value in the base unit of its dimension (t or m³) per its own time base.</summary>
    public static decimal ToBase(decimal value, CapacityUnit unit) => value * CapacityTable[(int)unit].Factor;

    /// <summary>Compares an application's capacity with a threshold, exactly.</summary>
    public static CapacityComparison Compare(Capacity actual, int? operatingDaysPerYear, decimal threshold, CapacityUnit thresholdUnit)
    {
        if (actual.Unit == thresholdUnit)
        {
            // The same unit (the usual case): the figures compare as they are, no conversion.
            return Order(actual.Value.CompareTo(threshold));
        }

        if (DimensionOf(actual.Unit) != DimensionOf(thresholdUnit))
        {
            return CapacityComparison.Incomparable;
        }

        var leftTime = TimeBaseOf(actual.Unit);
        var rightTime = TimeBaseOf(thresholdUnit);
        if (leftTime != rightTime && operatingDaysPerYear is not > 0)
        {
            // No days, or zero or negative days (which the application's validation refuses): no conversion.
            return CapacityComparison.NeedsOperatingDays;
        }

        decimal left, right;
        try
        {
            left = ToBase(actual.Value, actual.Unit);
            right = ToBase(threshold, thresholdUnit);

            // Bring the per-day side up to a year: a product is exact, a quotient may not be.
            if (leftTime != rightTime && leftTime == TimeBase.Day)
            {
                left *= operatingDaysPerYear!.Value;
            }
            else if (leftTime != rightTime)
            {
                right *= operatingDaysPerYear!.Value;
            }
        }
        catch (OverflowException)
        {
            // A figure beyond decimal's range cannot be compared: the capacity is reported as not decidable.
            return CapacityComparison.Incomparable;
        }

        return Order(left.CompareTo(right));
    }

    private static CapacityComparison Order(int sign) =>
        sign switch
        {
            < 0 => CapacityComparison.Less,
            0 => CapacityComparison.Equal,
            _ => CapacityComparison.Greater,
        };

    /// <summary>Converts a capacity to another unit of the same dimension and time base, for messages.</summary>
    public static decimal? Convert(Capacity actual, CapacityUnit target, int? operatingDaysPerYear)
    {
        if (DimensionOf(actual.Unit) != DimensionOf(target))
        {
            return null;
        }

        var value = ToBase(actual.Value, actual.Unit);
        var fromTime = TimeBaseOf(actual.Unit);
        var toTime = TimeBaseOf(target);
        if (fromTime != toTime)
        {
            if (operatingDaysPerYear is not { } days || days <= 0)
            {
                return null;
            }

            try
            {
                value = fromTime == TimeBase.Day ? value * days : value / days;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return value / CapacityTable[(int)target].Factor;
    }

    /// <summary>A number with its unit: Chinese units follow the number directly (300万吨/年), Latin ones after a space (2.4 Mt/a).</summary>
    public static string WithUnit(decimal value, CapacityUnit unit)
    {
        var symbol = Symbol(unit);
        return char.IsAsciiLetter(symbol[0]) ? $"{Format(value)} {symbol}" : Format(value) + symbol;
    }

    /// <summary>Formats a number without trailing zeros and with the invariant culture ("300", "0.85"), at most 12 decimals.</summary>
    public static string Format(decimal value)
    {
        // Dividing by 1.000… drops trailing zeros. With 12 decimals or fewer left, the general format writes the
        // same text as the custom one, three times faster (messages format numbers when read); else (and for zero,
        // whose sign the custom format drops) the custom one rounds.
        var normalized = value / 1.000000000000000000000000000000000m;
        return normalized.Scale <= 12 && normalized != 0
            ? normalized.ToString(CultureInfo.InvariantCulture)
            : normalized.ToString("0.############", CultureInfo.InvariantCulture);
    }
}
