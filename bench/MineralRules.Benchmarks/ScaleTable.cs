using System.Globalization;

namespace MineralRules.Benchmarks;

/// <summary>The verified rows of the 208号 scale table that count ore or raw coal, by hand.</summary>
public static class ScaleTable
{
    /// <summary>True unless the declared scale and the scale the capacity gives by a verified row differ.</summary>
    /// <param name="a">The application.</param>
    /// <returns>Whether the declared scale stands (true when no verified row decides).</returns>
    public static bool DeclaredScaleMatches(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Scale is not { } declared || a.Capacity is null)
        {
            return true;
        }

        return Derived(a) is not { } derived || derived.Scale == declared;
    }

    /// <summary>The message when the declared scale and the derived one differ.</summary>
    /// <param name="a">The application (its scale and capacity given, a verified row deciding).</param>
    /// <returns>The message in Chinese and English.</returns>
    public static (string Zh, string En) Mismatch(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (scale, row) = Derived(a)!.Value;
        var declared = HandwrittenTexts.ScaleName(a.Scale!.Value);
        var derived = HandwrittenTexts.ScaleName(scale);
        var large = row.Large.ToString(CultureInfo.InvariantCulture);
        var medium = row.Medium.ToString(CultureInfo.InvariantCulture);
        return (
            $"申报的矿山建设规模为{declared.Zh}，按产能和国土资发〔2004〕208号规模分类应为{derived.Zh}（产能{a.Capacity}，{row.Name}：大型≥{large}、中型≥{medium}万吨/年），须人工核实。",
            $"The declared mine scale is {declared.En}, but the capacity gives {derived.En} (capacity {a.Capacity}; {row.Name}: large ≥ {large}, medium ≥ {medium} 万吨/年) by the 国土资发〔2004〕208号 table; a person must verify it.");
    }

    private static (Scale Scale, Row Row)? Derived(Application a)
    {
        if (a.Scale is null || a.Capacity is null)
        {
            return null;
        }

        Row? row = a.Mineral switch
        {
            Mineral.Coal => a.MiningMethod == MiningMethod.Underground ? new Row("煤(地下开采)", 120m, 45m) : null,
            Mineral.Chromium => new Row("铬、钛、钒", 10m, 5m),
            Mineral.RareEarth => new Row("稀土、稀有金属", 100m, 30m),
            Mineral.Limestone => new Row("石灰岩", 100m, 50m),
            Mineral.Salt => new Row("岩盐、井盐、湖盐", 20m, 10m),
            Mineral.Mirabilite => new Row("芒硝", 50m, 10m),
            Mineral.Kaolin => new Row("高岭土、瓷土等", 10m, 5m),
            _ => null,
        };
        if (row is not { } r
            || HandwrittenPlan.CompareCapacity(a.Capacity, a.OperatingDaysPerYear, r.Large, CapacityUnit.TenThousandTonnesPerYear) is not { } large)
        {
            return null;
        }

        var derived = large >= 0 ? Scale.Large
            : HandwrittenPlan.CompareCapacity(a.Capacity, a.OperatingDaysPerYear, r.Medium, CapacityUnit.TenThousandTonnesPerYear) >= 0 ? Scale.Medium
            : Scale.Small;
        return (derived, r);
    }

    private readonly record struct Row(string Name, decimal Large, decimal Medium);
}

