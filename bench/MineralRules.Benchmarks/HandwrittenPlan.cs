namespace MineralRules.Benchmarks;

/// <summary>
/// The baseline: the 43 deciding rules of nmg-mineral-plan-2021-2025 1.0.0 (the 4 notes decide nothing), written by
/// hand as plain C#, with the engine's semantics — scope false: not applicable; scope unknown (an absent fact):
/// review; condition true: pass (review where the plan allows only conditionally); condition unknown: review;
/// condition false: the rule's outcome, a claimed exemption turning fail into review on a 原则上 rule.
/// </summary>
public static class HandwrittenPlan
{
    /// <summary>The rule ids, in the order of <see cref="HandwrittenResult.Outcomes"/>.</summary>
    public static readonly string[] RuleIds =
    [
        "spatial.red-line-or-reserve.no-new-mining", "spatial.red-line-or-reserve.new-exploration-controlled", "spatial.yellow-river.no-high-energy-pollution",
        "spatial.protection-area.no-new-mining", "exploration.ultra-lean-magnetite.prohibited", "exploration.placer-gold.restricted",
        "exploration.green-exploration", "exploration.block.min-size", "exploration.block.single-holder", "exploration.fiscally-funded.no-right",
        "rights.grant.competitive", "exploration.extension.before-expiry", "mining.banned-minerals", "mining.mercury.no-new-mines",
        "coal.toxic-substances.prohibited", "mining.restricted-minerals", "mining.quota-controlled.within-quota", "coal.rare-ranks.protective-mining",
        "mining.lead-zinc-molybdenum.environmental-access", "mining.lead-zinc-molybdenum.no-small-mines", "fluorite.new.min-scale",
        "sand-gravel.concentrated-area", "coal.new-underground.min-capacity", "coal.expansion.min-capacity", "copper.new.min-ore-output",
        "gold.new-open-pit-mill.min-daily-ore", "gold.new-underground-mill.min-daily-ore", "mining.new.no-small-mines", "mining.new.scale-matches-deposit",
        "mining.new.one-right-per-deposit", "mining.new.declared-scale-matches-capacity", "mining.recovery.mining-rate", "mining.recovery.processing-rate",
        "mining.recovery.dilution-rate", "mining.associated-minerals.recovered-or-protected", "mining.block.single-holder",
        "mining.reserves.stage-large-non-coal", "mining.reserves.stage-coal", "mining.reserves.stage-others", "mining.extension.before-expiry",
        "mining.new.green-mine-standard", "mining.restoration-plan.filed", "mining.restoration-fund.accrued",
    ];

    /// <summary>The clause each rule enforces, in the same order.</summary>
    public static readonly string[] ClauseRefs =
    [
        "3.1", "3.1", "3.1", "3.4", "4.2.1", "4.2.1", "4.2.4", "4.3.1", "4.3.1", "4.3.2", "4.3.2", "4.3.2", "5.1.1", "5.1.1", "5.1.1", "5.1.1", "5.1.1",
        "5.1.2", "5.1.2", "5.1.2", "5.1.2", "5.1.2", "5.2.1", "5.2.1", "5.2.1", "5.2.1", "5.2.1", "5.2.1", "5.2.1", "5.2.1", "5.2.1", "5.3.4", "5.3.4",
        "5.3.4", "5.3.4", "5.4.1", "5.4.1", "5.4.1", "5.4.1", "5.4.2", "6.1.1", "6.2.3", "6.2.3",
    ];

    private const string Wuhai = "150300";
    private const string Alxa = "152900";

    /// <summary>Checks one application against every deciding rule.</summary>
    /// <param name="a">The application.</param>
    /// <returns>One outcome per rule and the decision.</returns>
    public static HandwrittenResult Evaluate(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var o = new Outcome[RuleIds.Length];
        var mining = a.Permit == Permit.Mining;
        var exploration = a.Permit == Permit.Exploration;
        var act = a.Action;
        var isNew = act == PermitAction.New;
        var newOrConversion = act is PermitAction.New or PermitAction.Conversion;
        var extensionOrExpansion = act is PermitAction.Extension or PermitAction.Expansion;
        var mineral = a.Mineral;
        var zones = a.Location?.Zones;
        var env = a.Environment;
        var redLine = HasZone(zones, Zone.EcologicalRedLine) || HasZone(zones, Zone.NatureReserve);

        // Chapter 3.
        o[0] = Decide(mining && newOrConversion && redLine ? T3.True : T3.False, T3.False, Outcome.Fail, null, a);
        o[1] = Decide(exploration && isNew && redLine ? T3.True : T3.False, T3.False, Outcome.Review, null, a);
        o[2] = Decide(
            (newOrConversion || act == PermitAction.Expansion) && HasZone(zones, Zone.YellowRiverControlLine) ? T3.True : T3.False,
            Is(env?.HighEnergyHighPollution, false), Outcome.Fail, null, a);
        o[3] = Decide(mining && newOrConversion && HasZone(zones, Zone.ProtectionArea) ? T3.True : T3.False, T3.False, Outcome.Fail, null, a);

        // Chapter 4.
        var newExploration = exploration && isNew ? T3.True : T3.False;
        o[4] = Decide(newExploration == T3.True && mineral == Mineral.UltraLeanMagnetite ? T3.True : T3.False, T3.False, Outcome.Fail, null, a);
        o[5] = Decide(
            newExploration == T3.True && mineral == Mineral.PlacerGold ? T3.True : T3.False,
            And(Is(env?.EiaApproved, true), Is(env?.EcologyDepartmentConsent, true)), Outcome.Fail, null, a, reviewWhenMet: true);
        o[6] = Decide(newExploration, Is(env?.GreenExplorationPlan, true), Outcome.Fail, null, a);
        o[7] = Decide(newExploration, a.Block?.BasicUnits is { } units ? Of(units >= 1m) : T3.Unknown, Outcome.Fail, null, a);
        o[8] = Decide(newExploration, a.Block?.OtherHolders is { } holders ? Of(holders <= 0) : T3.Unknown, Outcome.Fail, "4.3.1", a);
        o[9] = Decide(newExploration, Is(a.FiscallyFunded, false), Outcome.Fail, null, a);
        o[10] = Decide(
            isNew ? T3.True : T3.False,
            Or(a.Grant?.Method is { } method ? Of(method != GrantMethod.Agreement) : T3.Unknown, Is(a.Grant?.StateCouncilKeyProject, true)),
            Outcome.Fail, null, a);
        o[11] = Decide(
            exploration && act == PermitAction.Extension ? T3.True : T3.False,
            a.Licence?.ExpiresOn is { } expires ? Of(a.ApplicationDate <= expires) : T3.Unknown, Outcome.Fail, null, a);

        // Chapter 5.
        o[12] = Decide(
            mining && mineral is Mineral.UltraLeanMagnetite or Mineral.BlueAsbestos or Mineral.BrickClayArable ? T3.True : T3.False,
            T3.False, Outcome.Fail, null, a);
        o[13] = Decide(mining && newOrConversion && mineral == Mineral.Mercury ? T3.True : T3.False, T3.False, Outcome.Fail, null, a);
        var coal = mining && mineral == Mineral.Coal;
        o[14] = Decide(coal ? T3.True : T3.False, Is(a.Coal?.ToxicSubstancesExceedStandard, false), Outcome.Fail, null, a);
        o[15] = Decide(
            mining && (newOrConversion || act == PermitAction.Expansion)
                && mineral is Mineral.WetlandPeat or Mineral.PlacerGold or Mineral.PlacerIron or Mineral.HeavyPlacer ? T3.True : T3.False,
            T3.False, Outcome.Review, null, a);
        o[16] = Decide(
            mining && mineral is Mineral.RareEarth or Mineral.Tungsten ? T3.True : T3.False,
            a.Quota?.Requested is { } requested && a.Quota.Allocated is { } allocated ? Of(requested <= allocated) : T3.Unknown,
            Outcome.Fail, null, a);
        o[17] = Decide(
            !coal ? T3.False : a.Location?.League is { } league ? Of(league is Wuhai or Alxa) : T3.Unknown,
            a.Coal?.Rank is { } rank ? Of(rank is not (CoalRank.Coking or CoalRank.Anthracite)) : T3.Unknown, Outcome.Review, null, a);
        var newMine = mining && newOrConversion;
        var leadZincMolybdenum = newMine && mineral is Mineral.Lead or Mineral.Zinc or Mineral.Molybdenum ? T3.True : T3.False;
        var mediumOrLarge = a.Scale is { } scale ? Of(scale is Scale.Medium or Scale.Large) : T3.Unknown;
        o[18] = Decide(leadZincMolybdenum, Is(env?.EnvironmentalAccessAssessed, true), Outcome.Fail, null, a);
        o[19] = Decide(leadZincMolybdenum, mediumOrLarge, Outcome.Fail, "5.1.2", a);
        o[20] = Decide(newMine && mineral == Mineral.Fluorite ? T3.True : T3.False, mediumOrLarge, Outcome.Fail, null, a);
        o[21] = Decide(
            newMine && mineral == Mineral.SandGravel ? T3.True : T3.False,
            Of(HasZone(zones, Zone.SandConcentratedArea)), Outcome.Fail, null, a);
        o[22] = Decide(
            newMine && mineral == Mineral.Coal ? Method(a, MiningMethod.Underground) : T3.False,
            Capacity(a, 300m, CapacityUnit.TenThousandTonnesPerYear, Comparison.AtLeast), Outcome.Fail, "5.2.1", a);
        o[23] = Decide(
            coal && act == PermitAction.Expansion ? T3.True : T3.False,
            Capacity(a, 120m, CapacityUnit.TenThousandTonnesPerYear, Comparison.AtLeast), Outcome.Fail, null, a);
        o[24] = Decide(
            newMine && mineral == Mineral.Copper ? T3.True : T3.False,
            Capacity(a, 30m, CapacityUnit.TenThousandTonnesPerYear, Comparison.MoreThan), Outcome.Fail, "5.2.1", a);
        var newGold = newMine && mineral == Mineral.Gold;
        o[25] = Decide(
            newGold ? Scope(Method(a, MiningMethod.OpenPit), Is(a.IncludesProcessing, true)) : T3.False,
            Capacity(a, 300m, CapacityUnit.TonnesPerDay, Comparison.MoreThan), Outcome.Fail, null, a);
        o[26] = Decide(
            newGold ? Scope(Method(a, MiningMethod.Underground), Is(a.IncludesProcessing, true)) : T3.False,
            Capacity(a, 100m, CapacityUnit.TonnesPerDay, Comparison.MoreThan), Outcome.Fail, null, a);
        var newMineScope = newMine ? T3.True : T3.False;
        o[27] = Decide(
            newMine && mineral is not (Mineral.CoalbedMethane or Mineral.RichIron or Mineral.Gold or Mineral.Geothermal or Mineral.MineralWater) ? T3.True : T3.False,
            mediumOrLarge, Outcome.Fail, "5.2.1", a);
        o[28] = Decide(
            newMineScope,
            Or(a.DepositScale is { } deposit ? Of(deposit != Scale.Large) : T3.Unknown, a.Scale is { } s ? Of(s != Scale.Small) : T3.Unknown),
            Outcome.Fail, null, a);
        o[29] = Decide(newMineScope, a.Deposit?.OtherMiningRights is { } rights ? Of(rights <= 0) : T3.Unknown, Outcome.Fail, null, a);
        o[30] = Decide(newMineScope, Of(ScaleTable.DeclaredScaleMatches(a)), Outcome.Review, null, a);
        var producing = mining && extensionOrExpansion ? T3.True : T3.False;
        var recovery = a.Recovery;
        o[31] = Decide(producing, AtLeast(recovery?.Mining?.Actual, recovery?.Mining?.Approved), Outcome.Fail, null, a);
        o[32] = Decide(
            producing == T3.True ? Is(a.IncludesProcessing, true) : T3.False,
            AtLeast(recovery?.Processing?.Actual, recovery?.Processing?.Approved), Outcome.Fail, null, a);
        o[33] = Decide(producing, AtLeast(recovery?.Dilution?.Approved, recovery?.Dilution?.Actual), Outcome.Fail, null, a);
        var associated = a.AssociatedMinerals;
        o[34] = Decide(
            mining ? Is(associated?.IndustrialValue, true) : T3.False,
            Or(Is(associated?.ComprehensiveRecovery, true), Is(associated?.ProtectionMeasures, true)), Outcome.Fail, null, a);
        o[35] = Decide(newMineScope, a.Block?.OtherHolders is { } others ? Of(others <= 0) : T3.Unknown, Outcome.Fail, "5.4.1", a);
        var explored = a.ExplorationStage is { } stage ? Of(stage >= ExplorationStage.Exploration) : T3.Unknown;
        o[36] = Decide(
            newMine && mineral is not (Mineral.Coal or Mineral.SandGravel) ? T3.True : T3.False,
            Or(a.DepositScale is { } d1 ? Of(d1 != Scale.Large) : T3.Unknown, explored), Outcome.Fail, null, a);
        o[37] = Decide(
            newMine && mineral == Mineral.Coal ? T3.True : T3.False,
            Or(a.DepositScale is { } d2 ? Of(d2 is not (Scale.Large or Scale.Medium)) : T3.Unknown, explored), Outcome.Fail, null, a);
        o[38] = Decide(
            newMineScope,
            Or(
                a.ExplorationStage is { } st1 ? Of(st1 >= ExplorationStage.Detailed) : T3.Unknown,
                And(Of(mineral == Mineral.SandGravel), a.ExplorationStage is { } st2 ? Of(st2 >= ExplorationStage.General) : T3.Unknown)),
            Outcome.Fail, null, a);
        o[39] = Decide(
            mining && act == PermitAction.Extension ? T3.True : T3.False,
            a.Licence?.ExpiresOn is { } expiry ? Of(a.ApplicationDate <= expiry) : T3.Unknown, Outcome.Fail, null, a);

        // Chapter 6.
        o[40] = Decide(newMineScope, Is(env?.GreenMineStandard, true), Outcome.Fail, null, a);
        o[41] = Decide(
            mining && (newOrConversion || act == PermitAction.Expansion) ? T3.True : T3.False,
            Is(env?.RestorationPlanFiled, true), Outcome.Fail, null, a);
        o[42] = Decide(producing, Is(env?.RestorationFundAccrued, true), Outcome.Fail, null, a);

        var decision = Decision.Compliant;
        foreach (var outcome in o)
        {
            if (outcome == Outcome.Fail)
            {
                decision = Decision.NonCompliant;
                break;
            }

            if (outcome == Outcome.Review)
            {
                decision = Decision.NeedsReview;
            }
        }

        return new HandwrittenResult(decision, o);
    }

    /// <summary>Compares a capacity with a threshold exactly, as the plan's units convert: -1, 0, 1, or null when it cannot.</summary>
    /// <param name="capacity">The application's capacity.</param>
    /// <param name="operatingDays">Operating days per year, for per-day against per-year.</param>
    /// <param name="threshold">The threshold's number.</param>
    /// <param name="unit">The threshold's unit.</param>
    /// <returns>The sign of capacity − threshold, or null (absent, incomparable, or days needed).</returns>
    public static int? CompareCapacity(Capacity? capacity, int? operatingDays, decimal threshold, CapacityUnit unit)
    {
        if (capacity is null || IsVolume(capacity.Unit) != IsVolume(unit))
        {
            return null;
        }

        var leftDaily = IsDaily(capacity.Unit);
        var rightDaily = IsDaily(unit);
        if (leftDaily != rightDaily && operatingDays is not > 0)
        {
            return null;
        }

        try
        {
            var left = capacity.Value * Factor(capacity.Unit);
            var right = threshold * Factor(unit);
            if (leftDaily && !rightDaily)
            {
                left *= operatingDays!.Value;
            }
            else if (rightDaily && !leftDaily)
            {
                right *= operatingDays!.Value;
            }

            return left.CompareTo(right);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal Factor(CapacityUnit unit) => unit switch
    {
        CapacityUnit.TenThousandTonnesPerYear or CapacityUnit.TenThousandCubicMetresPerYear => 10_000m,
        CapacityUnit.MegatonnesPerYear => 1_000_000m,
        CapacityUnit.KilotonnesPerYear => 1_000m,
        _ => 1m,
    };

    private static bool IsVolume(CapacityUnit unit) => unit is CapacityUnit.TenThousandCubicMetresPerYear or CapacityUnit.CubicMetresPerDay;

    private static bool IsDaily(CapacityUnit unit) => unit is CapacityUnit.TonnesPerDay or CapacityUnit.CubicMetresPerDay;

    private static T3 Capacity(Application a, decimal threshold, CapacityUnit unit, Comparison comparison) =>
        CompareCapacity(a.Capacity, a.OperatingDaysPerYear, threshold, unit) is { } sign
            ? Of(comparison == Comparison.AtLeast ? sign >= 0 : sign > 0)
            : T3.Unknown;

    private static T3 AtLeast(decimal? value, decimal? other) => value is { } v && other is { } o ? Of(v >= o) : T3.Unknown;

    private static T3 Method(Application a, MiningMethod wanted) => a.MiningMethod is { } method ? Of(method == wanted) : T3.Unknown;

    /// <summary>A scope's method test, then its <c>when</c>: false stops, unknowns add up.</summary>
    private static T3 Scope(T3 method, T3 when) => method == T3.False ? T3.False : And(method, when);

    private static bool HasZone(IReadOnlyList<Zone>? zones, Zone zone)
    {
        if (zones is null)
        {
            return false;
        }

        for (var i = 0; i < zones.Count; i++)
        {
            if (zones[i] == zone)
            {
                return true;
            }
        }

        return false;
    }

    private static T3 Of(bool value) => value ? T3.True : T3.False;

    private static T3 Is(bool? value, bool expected) => value is { } v ? Of(v == expected) : T3.Unknown;

    private static T3 And(T3 x, T3 y) => x == T3.False || y == T3.False ? T3.False : x == T3.Unknown || y == T3.Unknown ? T3.Unknown : T3.True;

    private static T3 Or(T3 x, T3 y) => x == T3.True || y == T3.True ? T3.True : x == T3.Unknown || y == T3.Unknown ? T3.Unknown : T3.False;

    private static Outcome Decide(T3 scope, T3 condition, Outcome outcome, string? exemptableClause, Application a, bool reviewWhenMet = false)
    {
        if (scope == T3.False)
        {
            return Outcome.NotApplicable;
        }

        if (scope == T3.Unknown || condition == T3.Unknown)
        {
            return Outcome.Review;
        }

        if (condition == T3.True)
        {
            return reviewWhenMet ? Outcome.Review : Outcome.Pass;
        }

        return outcome == Outcome.Fail && exemptableClause is not null && Claims(a, exemptableClause) ? Outcome.Review : outcome;
    }

    private static bool Claims(Application a, string clause)
    {
        foreach (var claim in a.Exemptions)
        {
            if (claim.Clause == clause && !string.IsNullOrWhiteSpace(claim.Basis))
            {
                return true;
            }
        }

        return false;
    }

    private enum T3 : byte
    {
        False,
        True,
        Unknown,
    }

    private enum Comparison : byte
    {
        AtLeast,
        MoreThan,
    }
}

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

        (decimal Large, decimal Medium)? row = a.Mineral switch
        {
            Mineral.Coal => a.MiningMethod == MiningMethod.Underground ? (120m, 45m) : null,
            Mineral.Chromium => (10m, 5m),
            Mineral.RareEarth => (100m, 30m),
            Mineral.Limestone => (100m, 50m),
            Mineral.Salt => (20m, 10m),
            Mineral.Mirabilite => (50m, 10m),
            Mineral.Kaolin => (10m, 5m),
            _ => null,
        };
        if (row is not { } r
            || HandwrittenPlan.CompareCapacity(a.Capacity, a.OperatingDaysPerYear, r.Large, CapacityUnit.TenThousandTonnesPerYear) is not { } large)
        {
            return true;
        }

        var derived = large >= 0 ? Scale.Large
            : HandwrittenPlan.CompareCapacity(a.Capacity, a.OperatingDaysPerYear, r.Medium, CapacityUnit.TenThousandTonnesPerYear) >= 0 ? Scale.Medium
            : Scale.Small;
        return derived == declared;
    }
}

/// <summary>What the hand-written plan decides for one application.</summary>
/// <param name="Decision">Non-compliant, needs review or compliant.</param>
/// <param name="Outcomes">One outcome per rule of <see cref="HandwrittenPlan.RuleIds"/>.</param>
public sealed record HandwrittenResult(Decision Decision, Outcome[] Outcomes);
