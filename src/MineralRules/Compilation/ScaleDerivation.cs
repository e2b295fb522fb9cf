using MineralRules.Evaluation;
using MineralRules.RuleSets;
using MineralRules.Units;

namespace MineralRules.Compilation;

/// <summary>
/// Derives a mine's production scale from its capacity with the verified rows of the 208号 table, and checks the
/// declared scale against it. Unverified rows, rows that count something other than ore or raw coal, and
/// capacities that do not convert never decide anything.
/// </summary>
internal sealed class ScaleDerivation
{
    private readonly RowInUnit[][] _rowsByMineral;

    public ScaleDerivation(ScaleTable table)
    {
        // Plain loops over the library's own types: LINQ over tuples and enums here was JIT-compiled at every cold load.
        var mineralCount = Enum.GetValuesAsUnderlyingType(typeof(Mineral)).Length;
        _rowsByMineral = new RowInUnit[mineralCount][];
        var rows = new List<RowInUnit>();
        for (var mineral = 0; mineral < mineralCount; mineral++)
        {
            // Each row's unit is parsed here; a row whose unit does not parse never decides.
            rows.Clear();
            foreach (var row in table.Rows)
            {
                if (row.Verified && Compares(row) && Covers(row, mineral) && UnitConversions.TryParseCapacityUnit(row.Unit, out var unit))
                {
                    rows.Add(new RowInUnit(row, unit));
                }
            }

            _rowsByMineral[mineral] = rows.ToArray();
        }
    }

    private static bool Covers(ScaleRow row, int mineral)
    {
        for (var i = 0; i < row.Minerals.Count; i++)
        {
            if ((int)row.Minerals[i] == mineral)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rows whose figures count ore or raw coal: what an application's capacity measures.</summary>
    public static bool Compares(ScaleRow row) => row.CountedAs is "ore" or "raw-coal";

    /// <summary>The scale the capacity falls in, with the row used; null when no verified row decides it.</summary>
    public (Scale Scale, ScaleRow Row)? Derive(Application application)
    {
        if (application.Capacity is not { } capacity)
        {
            return null;
        }

        foreach (var (row, unit) in _rowsByMineral[(int)application.Mineral])
        {
            if (row.MiningMethod is { } method && application.MiningMethod != method)
            {
                continue; // a method-specific row applies only to a known, matching method
            }

            var large = UnitConversions.Compare(capacity, application.OperatingDaysPerYear, row.Large!.Value, unit);
            var medium = UnitConversions.Compare(capacity, application.OperatingDaysPerYear, row.Medium!.Value, unit);
            if (large is CapacityComparison.Incomparable or CapacityComparison.NeedsOperatingDays)
            {
                return null;
            }

            var scale = large != CapacityComparison.Less ? Scale.Large
                : medium != CapacityComparison.Less ? Scale.Medium
                : Scale.Small;
            return (scale, row);
        }

        return null;
    }

    public LeafCondition Compile()
    {
        return new LeafCondition(
            application => application.Scale is { } declared && Derive(application) is { } derived
                ? Truth.Of(derived.Scale == declared)
                : Truth.True,
            (application, zh) =>
            {
                var declared = ValueText.Of(application.Scale, null, zh);
                if (Derive(application) is not { } derived)
                {
                    return new Explanation(declared, null);
                }

                var row = derived.Row;
                var basis = zh
                    ? $"{ValueText.Of(derived.Scale, null, zh)}（产能{application.Capacity}，{row.Name}：大型≥{UnitConversions.Format(row.Large!.Value)}、中型≥{UnitConversions.Format(row.Medium!.Value)}{row.Unit}）"
                    : $"{ValueText.Of(derived.Scale, null, zh)} (capacity {application.Capacity}; {row.Name}: large ≥ {UnitConversions.Format(row.Large!.Value)}, medium ≥ {UnitConversions.Format(row.Medium!.Value)} {row.Unit})";
                return new Explanation(declared, basis);
            });
    }

    /// <summary>A verified row with its unit parsed.</summary>
    private sealed record RowInUnit(ScaleRow Row, CapacityUnit Unit);
}
