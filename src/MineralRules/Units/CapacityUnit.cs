namespace MineralRules;

/// <summary>Units of a production or processing capacity.</summary>
public enum CapacityUnit
{
    /// <summary>万吨/年, 10⁴ tonnes per year.</summary>
    TenThousandTonnesPerYear,

    /// <summary>Mt/a, 10⁶ tonnes per year.</summary>
    MegatonnesPerYear,

    /// <summary>kt/a, 10³ tonnes per year.</summary>
    KilotonnesPerYear,

    /// <summary>t/a, tonnes per year.</summary>
    TonnesPerYear,

    /// <summary>t/d, tonnes per day.</summary>
    TonnesPerDay,

    /// <summary>万立方米/年, 10⁴ cubic metres per year (fluids).</summary>
    TenThousandCubicMetresPerYear,

    /// <summary>m³/d, cubic metres per day (fluids).</summary>
    CubicMetresPerDay,
}

/// <summary>Units of a quota (total-quantity control).</summary>
public enum MassUnit
{
    /// <summary>t, tonnes.</summary>
    Tonne,

    /// <summary>kt, 10³ tonnes.</summary>
    Kilotonne,

    /// <summary>万吨, 10⁴ tonnes.</summary>
    TenThousandTonnes,

    /// <summary>Mt, 10⁶ tonnes.</summary>
    Megatonne,
}
