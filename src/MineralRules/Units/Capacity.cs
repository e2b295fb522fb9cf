using MineralRules.Units;

namespace MineralRules;

/// <summary>A capacity: a number with its unit, e.g. 300 万吨/年.</summary>
/// <param name="Value">The number, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit.</param>
public sealed record Capacity(decimal Value, CapacityUnit Unit)
{
    /// <summary>Formats as the number followed by the unit's symbol, e.g. <c>300万吨/年</c> or <c>2.4 Mt/a</c>.</summary>
    /// <returns>The capacity as people write it.</returns>
    public override string ToString() => UnitConversions.WithUnit(Value, Unit);
}
