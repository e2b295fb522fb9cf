// Over 400 lines on purpose: the baseline is the 43 rules written out as one engineer would write them, in one place,
// so a reader can check each against its clause and the benchmark measures exactly this code.
namespace MineralRules.Benchmarks;

/// <summary>
/// The baseline: the 43 deciding rules of nmg-mineral-plan-2021-2025 1.0.0 (the 4 notes decide nothing), written by
/// hand as plain C#, scope first (a rule whose scope is false costs a test and nothing more: rules are grouped by
/// permit, action and mineral, and a condition is read only once its rule is in scope), with the engine's semantics —
/// scope false: not applicable; scope unknown (an absent fact): review; condition true: pass (review where the plan
/// allows only conditionally); condition unknown: review; condition false: the rule's outcome, a claimed exemption
/// turning fail into review on a 原则上 rule. <see cref="HandwrittenTexts"/> writes the messages of fails and reviews.
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

    /// <summary>The league codes of 乌海市 and 阿拉善盟, where coking coal and anthracite are mined protectively.</summary>
    internal const string Wuhai = "150300";

    /// <summary>See <see cref="Wuhai"/>.</summary>
    internal const string Alxa = "152900";

    /// <summary>Checks one application against every deciding rule, scope first: a rule out of scope costs one test.</summary>
    /// <param name="a">The application.</param>
    /// <returns>One outcome per rule and the decision.</returns>
    public static HandwrittenResult Evaluate(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var o = new Outcome[RuleIds.Length];
        var decision = Run(a, o, null);
        return new HandwrittenResult(decision, o);
    }

    /// <summary>
    /// Runs every rule scope first, writing each outcome into <paramref name="o"/> and, when <paramref name="why"/> is
    /// given, why a fail or review came about (the messages need it).
    /// </summary>
    internal static Decision Run(Application a, Outcome[] o, Why[]? why)
    {
        o.AsSpan().Fill(Outcome.NotApplicable);
        var mining = a.Permit == Permit.Mining;
        var act = a.Action;
        var isNew = act == PermitAction.New;
        var newOrConversion = act is PermitAction.New or PermitAction.Conversion;
        var mineral = a.Mineral;
        var env = a.Environment;

        // Rules for any permit.
        if ((newOrConversion || act == PermitAction.Expansion) && HasZone(a, Zone.YellowRiverControlLine))
        {
            Decide(o, why, 2, Is(env?.HighEnergyHighPollution, false), Outcome.Fail, a);
        }

        if (isNew)
        {
            Decide(
                o, why, 10,
                Or(a.Grant?.Method is { } method ? Of(method != GrantMethod.Agreement) : T3.Unknown, Is(a.Grant?.StateCouncilKeyProject, true)),
                Outcome.Fail, a);
        }

        if (!mining)
        {
            // Exploration (chapters 3 and 4).
            if (isNew)
            {
                if (HasZone(a, Zone.EcologicalRedLine) || HasZone(a, Zone.NatureReserve))
                {
                    Decide(o, why, 1, T3.False, Outcome.Review, a);
                }

                if (mineral == Mineral.UltraLeanMagnetite)
                {
                    Decide(o, why, 4, T3.False, Outcome.Fail, a);
                }
                else if (mineral == Mineral.PlacerGold)
                {
                    Decide(o, why, 5, And(Is(env?.EiaApproved, true), Is(env?.EcologyDepartmentConsent, true)), Outcome.Fail, a, reviewWhenMet: true);
                }

                Decide(o, why, 6, Is(env?.GreenExplorationPlan, true), Outcome.Fail, a);
                Decide(o, why, 7, a.Block?.BasicUnits is { } units ? Of(units >= 1m) : T3.Unknown, Outcome.Fail, a);
                Decide(o, why, 8, a.Block?.OtherHolders is { } holders ? Of(holders <= 0) : T3.Unknown, Outcome.Fail, a, exemptable: true);
                Decide(o, why, 9, Is(a.FiscallyFunded, false), Outcome.Fail, a);
            }
            else if (act == PermitAction.Extension)
            {
                Decide(o, why, 11, a.Licence?.ExpiresOn is { } expires ? Of(a.ApplicationDate <= expires) : T3.Unknown, Outcome.Fail, a);
            }

            return DecisionOf(o);
        }

        // Mining (chapters 3, 5 and 6).
        var producing = act is PermitAction.Extension or PermitAction.Expansion;
        var coal = mineral == Mineral.Coal;
        if (newOrConversion)
        {
            if (HasZone(a, Zone.EcologicalRedLine) || HasZone(a, Zone.NatureReserve))
            {
                Decide(o, why, 0, T3.False, Outcome.Fail, a);
            }

            if (HasZone(a, Zone.ProtectionArea))
            {
                Decide(o, why, 3, T3.False, Outcome.Fail, a);
            }
        }

        if (mineral is Mineral.UltraLeanMagnetite or Mineral.BlueAsbestos or Mineral.BrickClayArable)
        {
            Decide(o, why, 12, T3.False, Outcome.Fail, a);
        }

        if (coal)
        {
            Decide(o, why, 14, Is(a.Coal?.ToxicSubstancesExceedStandard, false), Outcome.Fail, a);
            var rareRankLeague = a.Location?.League is { } league ? Of(league is Wuhai or Alxa) : T3.Unknown;
            if (rareRankLeague != T3.False)
            {
                Decide(
                    o, why, 17, rareRankLeague,
                    a.Coal?.Rank is { } rank ? Of(rank is not (CoalRank.Coking or CoalRank.Anthracite)) : T3.Unknown, Outcome.Review, a);
            }

            if (act == PermitAction.Expansion)
            {
                Decide(o, why, 23, Capacity(a, ExpansionCoal, Comparison.AtLeast), Outcome.Fail, a);
            }
        }

        if ((newOrConversion || act == PermitAction.Expansion) && mineral is Mineral.WetlandPeat or Mineral.PlacerGold or Mineral.PlacerIron or Mineral.HeavyPlacer)
        {
            Decide(o, why, 15, T3.False, Outcome.Review, a);
        }

        if (mineral is Mineral.RareEarth or Mineral.Tungsten)
        {
            Decide(
                o, why, 16,
                a.Quota?.Requested is { } requested && a.Quota.Allocated is { } allocated ? Of(requested <= allocated) : T3.Unknown, Outcome.Fail, a);
        }

        var associated = a.AssociatedMinerals;
        var associatedScope = Is(associated?.IndustrialValue, true);
        if (associatedScope != T3.False)
        {
            Decide(
                o, why, 34, associatedScope,
                Or(Is(associated?.ComprehensiveRecovery, true), Is(associated?.ProtectionMeasures, true)), Outcome.Fail, a);
        }

        if (newOrConversion)
        {
            NewMine(a, o, why);
        }
        else if (producing)
        {
            var recovery = a.Recovery;
            Decide(o, why, 31, AtLeast(recovery?.Mining?.Actual, recovery?.Mining?.Approved), Outcome.Fail, a);
            var processing = Is(a.IncludesProcessing, true);
            if (processing != T3.False)
            {
                Decide(o, why, 32, processing, AtLeast(recovery?.Processing?.Actual, recovery?.Processing?.Approved), Outcome.Fail, a);
            }

            Decide(o, why, 33, AtLeast(recovery?.Dilution?.Approved, recovery?.Dilution?.Actual), Outcome.Fail, a);
            Decide(o, why, 42, Is(env?.RestorationFundAccrued, true), Outcome.Fail, a);
            if (act == PermitAction.Extension)
            {
                Decide(o, why, 39, a.Licence?.ExpiresOn is { } expiry ? Of(a.ApplicationDate <= expiry) : T3.Unknown, Outcome.Fail, a);
            }
        }

        if (newOrConversion || act == PermitAction.Expansion)
        {
            Decide(o, why, 41, Is(env?.RestorationPlanFiled, true), Outcome.Fail, a);
        }

        return DecisionOf(o);
    }

    /// <summary>The rules for a new mine (new or converted mining rights).</summary>
    private static void NewMine(Application a, Outcome[] o, Why[]? why)
    {
        var mineral = a.Mineral;
        var env = a.Environment;
        var mediumOrLarge = a.Scale is { } scale ? Of(scale is Scale.Medium or Scale.Large) : T3.Unknown;
        switch (mineral)
        {
            case Mineral.Mercury:
                Decide(o, why, 13, T3.False, Outcome.Fail, a);
                break;
            case Mineral.Lead or Mineral.Zinc or Mineral.Molybdenum:
                Decide(o, why, 18, Is(env?.EnvironmentalAccessAssessed, true), Outcome.Fail, a);
                Decide(o, why, 19, mediumOrLarge, Outcome.Fail, a, exemptable: true);
                break;
            case Mineral.Fluorite:
                Decide(o, why, 20, mediumOrLarge, Outcome.Fail, a);
                break;
            case Mineral.SandGravel:
                Decide(o, why, 21, Of(HasZone(a, Zone.SandConcentratedArea)), Outcome.Fail, a);
                break;
            case Mineral.Coal:
                var underground = Method(a, MiningMethod.Underground);
                if (underground != T3.False)
                {
                    Decide(o, why, 22, underground, Capacity(a, NewUndergroundCoal, Comparison.AtLeast), Outcome.Fail, a, exemptable: true);
                }

                break;
            case Mineral.Copper:
                Decide(o, why, 24, Capacity(a, NewCopper, Comparison.MoreThan), Outcome.Fail, a, exemptable: true);
                break;
            case Mineral.Gold:
                var openPitMill = Scope(Method(a, MiningMethod.OpenPit), a);
                if (openPitMill != T3.False)
                {
                    Decide(o, why, 25, openPitMill, Capacity(a, OpenPitGoldMill, Comparison.MoreThan), Outcome.Fail, a);
                }

                var undergroundMill = Scope(Method(a, MiningMethod.Underground), a);
                if (undergroundMill != T3.False)
                {
                    Decide(o, why, 26, undergroundMill, Capacity(a, UndergroundGoldMill, Comparison.MoreThan), Outcome.Fail, a);
                }

                break;
        }

        if (mineral is not (Mineral.CoalbedMethane or Mineral.RichIron or Mineral.Gold or Mineral.Geothermal or Mineral.MineralWater))
        {
            Decide(o, why, 27, mediumOrLarge, Outcome.Fail, a, exemptable: true);
        }

        Decide(
            o, why, 28,
            Or(a.DepositScale is { } deposit ? Of(deposit != Scale.Large) : T3.Unknown, a.Scale is { } s ? Of(s != Scale.Small) : T3.Unknown),
            Outcome.Fail, a);
        Decide(o, why, 29, a.Deposit?.OtherMiningRights is { } rights ? Of(rights <= 0) : T3.Unknown, Outcome.Fail, a);
        Decide(o, why, 30, Of(ScaleTable.DeclaredScaleMatches(a)), Outcome.Review, a);
        Decide(o, why, 35, a.Block?.OtherHolders is { } others ? Of(others <= 0) : T3.Unknown, Outcome.Fail, a, exemptable: true);
        var explored = a.ExplorationStage is { } stage ? Of(stage >= ExplorationStage.Exploration) : T3.Unknown;
        if (mineral == Mineral.Coal)
        {
            Decide(o, why, 37, Or(a.DepositScale is { } d2 ? Of(d2 is not (Scale.Large or Scale.Medium)) : T3.Unknown, explored), Outcome.Fail, a);
        }
        else if (mineral != Mineral.SandGravel)
        {
            Decide(o, why, 36, Or(a.DepositScale is { } d1 ? Of(d1 != Scale.Large) : T3.Unknown, explored), Outcome.Fail, a);
        }

        Decide(
            o, why, 38,
            Or(
                a.ExplorationStage is { } st1 ? Of(st1 >= ExplorationStage.Detailed) : T3.Unknown,
                And(Of(mineral == Mineral.SandGravel), a.ExplorationStage is { } st2 ? Of(st2 >= ExplorationStage.General) : T3.Unknown)),
            Outcome.Fail, a);
        Decide(o, why, 40, Is(env?.GreenMineStandard, true), Outcome.Fail, a);
    }

    private static Decision DecisionOf(Outcome[] o)
    {
        var decision = Decision.Compliant;
        foreach (var outcome in o)
        {
            if (outcome == Outcome.Fail)
            {
                return Decision.NonCompliant;
            }

            if (outcome == Outcome.Review)
            {
                decision = Decision.NeedsReview;
            }
        }

        return decision;
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

    internal static decimal Factor(CapacityUnit unit) => unit switch
    {
        CapacityUnit.TenThousandTonnesPerYear or CapacityUnit.TenThousandCubicMetresPerYear => 10_000m,
        CapacityUnit.MegatonnesPerYear => 1_000_000m,
        CapacityUnit.KilotonnesPerYear => 1_000m,
        _ => 1m,
    };

    private static bool IsVolume(CapacityUnit unit) => unit is CapacityUnit.TenThousandCubicMetresPerYear or CapacityUnit.CubicMetresPerDay;

    internal static bool IsDaily(CapacityUnit unit) => unit is CapacityUnit.TonnesPerDay or CapacityUnit.CubicMetresPerDay;

    /// <summary>The capacity thresholds of the plan's 5.2.1, as the rules write them.</summary>
    internal static readonly Capacity NewUndergroundCoal = new(300m, CapacityUnit.TenThousandTonnesPerYear);

    /// <summary>See <see cref="NewUndergroundCoal"/>.</summary>
    internal static readonly Capacity ExpansionCoal = new(120m, CapacityUnit.TenThousandTonnesPerYear);

    /// <summary>See <see cref="NewUndergroundCoal"/>.</summary>
    internal static readonly Capacity NewCopper = new(30m, CapacityUnit.TenThousandTonnesPerYear);

    /// <summary>See <see cref="NewUndergroundCoal"/>.</summary>
    internal static readonly Capacity OpenPitGoldMill = new(300m, CapacityUnit.TonnesPerDay);

    /// <summary>See <see cref="NewUndergroundCoal"/>.</summary>
    internal static readonly Capacity UndergroundGoldMill = new(100m, CapacityUnit.TonnesPerDay);

    private static T3 Capacity(Application a, Capacity threshold, Comparison comparison) =>
        CompareCapacity(a.Capacity, a.OperatingDaysPerYear, threshold.Value, threshold.Unit) is { } sign
            ? Of(comparison == Comparison.AtLeast ? sign >= 0 : sign > 0)
            : T3.Unknown;

    private static T3 AtLeast(decimal? value, decimal? other) => value is { } v && other is { } o ? Of(v >= o) : T3.Unknown;

    private static T3 Method(Application a, MiningMethod wanted) => a.MiningMethod is { } method ? Of(method == wanted) : T3.Unknown;

    /// <summary>A gold mill's scope: the method, then whether it includes processing; false stops, unknowns add up.</summary>
    private static T3 Scope(T3 method, Application a) => method == T3.False ? T3.False : And(method, Is(a.IncludesProcessing, true));

    private static bool HasZone(Application a, Zone zone)
    {
        if (a.Location?.Zones is not { } zones)
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

    /// <summary>A rule in scope (its scope true, or unknown: then review, whatever the condition).</summary>
    private static void Decide(Outcome[] o, Why[]? why, int rule, T3 scope, T3 condition, Outcome outcome, Application a, bool exemptable = false)
    {
        if (scope == T3.Unknown)
        {
            o[rule] = Outcome.Review;
            if (why is not null)
            {
                why[rule] = Why.ScopeMissing;
            }

            return;
        }

        Decide(o, why, rule, condition, outcome, a, exemptable);
    }

    /// <summary>A rule whose scope is true: the condition decides.</summary>
    private static void Decide(Outcome[] o, Why[]? why, int rule, T3 condition, Outcome outcome, Application a, bool exemptable = false, bool reviewWhenMet = false)
    {
        var (result, reason) = condition switch
        {
            T3.Unknown => (Outcome.Review, Why.Missing),
            T3.True => reviewWhenMet ? (Outcome.Review, Why.Met) : (Outcome.Pass, Why.Met),
            _ => outcome == Outcome.Fail && exemptable && Claims(a, ClauseRefs[rule]) is not null ? (Outcome.Review, Why.Exempted) : (outcome, Why.Violated),
        };
        o[rule] = result;
        if (why is not null)
        {
            why[rule] = reason;
        }
    }

    /// <summary>The application's exemption claim for a clause with a basis given, if any.</summary>
    internal static ExemptionClaim? Claims(Application a, string clause)
    {
        foreach (var claim in a.Exemptions)
        {
            if (claim.Clause == clause && !string.IsNullOrWhiteSpace(claim.Basis))
            {
                return claim;
            }
        }

        return null;
    }

    /// <summary>Why a rule gave its outcome, for its message.</summary>
    internal enum Why : byte
    {
        /// <summary>Not applicable, or not yet decided.</summary>
        None,

        /// <summary>The condition held (pass; or review on a rule that allows only conditionally).</summary>
        Met,

        /// <summary>The condition failed: the rule's outcome.</summary>
        Violated,

        /// <summary>The condition failed on a 原则上 rule and an exemption is claimed: review.</summary>
        Exempted,

        /// <summary>A fact the condition needs is absent or cannot be compared: review.</summary>
        Missing,

        /// <summary>A fact the scope needs is absent: review.</summary>
        ScopeMissing,
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

/// <summary>What the hand-written plan decides for one application.</summary>
/// <param name="Decision">Non-compliant, needs review or compliant.</param>
/// <param name="Outcomes">One outcome per rule of <see cref="HandwrittenPlan.RuleIds"/>.</param>
public sealed record HandwrittenResult(Decision Decision, Outcome[] Outcomes);
