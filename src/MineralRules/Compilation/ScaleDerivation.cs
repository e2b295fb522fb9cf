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
    private readonly (ScaleRow Row, CapacityUnit Unit)[][] _rowsByMineral;

    public ScaleDerivation(ScaleTable table)
    {
        var minerals = Enum.GetValues<Mineral>();
        _rowsByMineral = new (ScaleRow, CapacityUnit)[minerals.Length][];
        foreach (var mineral in minerals)
        {
            // Each row's unit is parsed here, once; a row whose unit does not parse never decides.
            _rowsByMineral[(int)mineral] =
            [
                .. table.Rows
                    .Where(r => r.Verified && Compares(r) && r.Minerals.Contains(mineral))
                    .Select(r => (Row: r, Parsed: UnitConversions.TryParseCapacityUnit(r.Unit, out var unit), Unit: unit))
                    .Where(r => r.Parsed)
                    .Select(r => (r.Row, r.Unit)),
            ];
        }
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
}
