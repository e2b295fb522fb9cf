using RulesEngine.Models;

namespace MineralRules.Benchmarks;

/// <summary>
/// The same 43 deciding rules as a Microsoft RulesEngine workflow: one <see cref="Rule"/> per rule, a lambda
/// expression over the application (<c>app</c>) that is true when the rule passes or does not apply, and an
/// <c>OnFailure</c> <c>OutputExpression</c> action that says whether a violation is a fail or a review (absent
/// facts, review-only clauses, an exemption claimed on a 原则上 clause). This is what a user of that package alone
/// writes; capacity units and the scale table are helper types registered in <see cref="ReSettings.CustomTypes"/>.
/// </summary>
public sealed class RulesEngineWorkflow
{
    /// <summary>The workflow's name.</summary>
    public const string WorkflowName = "nmg-mineral-plan-2021-2025";

    private const string Mining = "app.Permit == Permit.Mining";
    private const string Exploration = "app.Permit == Permit.Exploration";
    private const string New = "app.Action == PermitAction.New";
    private const string NewOrConversion = "(app.Action == PermitAction.New || app.Action == PermitAction.Conversion)";
    private const string NewConversionOrExpansion = "(app.Action == PermitAction.New || app.Action == PermitAction.Conversion || app.Action == PermitAction.Expansion)";
    private const string ExtensionOrExpansion = "(app.Action == PermitAction.Extension || app.Action == PermitAction.Expansion)";
    private const string RedLine = "(" + "app.Location != null && app.Location.Zones != null && app.Location.Zones.Any(it == Zone.EcologicalRedLine || it == Zone.NatureReserve)" + ")";
    private const string MediumOrLarge = "(app.Scale == \"Medium\" || app.Scale == \"Large\")";

    private readonly RulesEngine.RulesEngine _engine;

    /// <summary>Builds the workflow and the engine (RulesEngine compiles each expression on first use and caches it).</summary>
    public RulesEngineWorkflow()
    {
        var settings = new ReSettings
        {
            CustomTypes =
            [
                typeof(Permit), typeof(PermitAction), typeof(Mineral), typeof(Zone), typeof(Scale), typeof(ExplorationStage), typeof(GrantMethod),
                typeof(CoalRank), typeof(MiningMethod), typeof(CapacityUnit), typeof(DateOnly), typeof(Capacities), typeof(ScaleTable),
            ],
        };
        var workflow = new Workflow { WorkflowName = WorkflowName, Rules = [.. Definitions().Select(ToRule)] };
        _engine = new RulesEngine.RulesEngine([workflow], settings);
    }

    /// <summary>Runs every rule on one application.</summary>
    /// <param name="application">The application.</param>
    /// <returns>The rule results, one per rule.</returns>
    public ValueTask<List<RuleResultTree>> ExecuteAsync(Application application) =>
        _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("app", application));

    /// <summary>Reads the decision and the failing and review clause refs from RulesEngine's results.</summary>
    /// <param name="results">What <see cref="ExecuteAsync"/> returned.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="InvalidOperationException">An expression could not be compiled or threw.</exception>
    public static PlanSummary Summarise(List<RuleResultTree> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var fail = new List<string>();
        var review = new List<string>();
        foreach (var result in results)
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage) || result.ActionResult?.Exception is not null)
            {
                throw new InvalidOperationException($"{result.Rule.RuleName}: {result.ExceptionMessage}{result.ActionResult?.Exception?.Message}");
            }

            if (!result.IsSuccess)
            {
                (result.ActionResult?.Output as string == "review" ? review : fail).Add(result.Rule.SuccessEvent);
            }
        }

        return PlanSummary.Of(fail, review);
    }

    private static Rule ToRule(Definition d)
    {
        var scopeUnknown = d.ScopeUnknown ?? "false";
        var expression = d.ReviewWhenMet ? $"!({d.InScope})" : $"!({d.InScope}) || (!({scopeUnknown}) && ({d.Met}))";
        string output;
        if (d.ReviewOnly)
        {
            output = "\"review\"";
        }
        else
        {
            var review = $"({scopeUnknown}) || ({d.Unknown ?? "false"})";
            if (d.ReviewWhenMet)
            {
                review += $" || ({d.Met})";
            }

            if (d.Exemptable)
            {
                review += $" || app.Exemptions.Any(it.Clause == \"{d.Clause}\" && it.Basis.Trim() != \"\")";
            }

            output = $"({review}) ? \"review\" : \"fail\"";
        }

        return new Rule
        {
            RuleName = d.Id,
            SuccessEvent = d.Clause, // carries the clause ref to the result
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = expression,
            Actions = new RuleActions
            {
                OnFailure = new ActionInfo
                {
                    Name = "OutputExpression",
                    Context = new Dictionary<string, object> { ["Expression"] = output },
                },
            },
        };
    }

    private static IEnumerable<Definition> Definitions()
    {
        static string Zone(string zone) => $"(app.Location != null && app.Location.Zones != null && app.Location.Zones.Any(it == Zone.{zone}))";
        static string Capacity(int threshold, string unit) => $"Capacities.Compare(app.Capacity, app.OperatingDaysPerYear, {threshold}, CapacityUnit.{unit})";
        static Definition IsTrue(string id, string clause, string scope, string field, bool value = true) =>
            new(id, clause, scope, $"{field} == {(value ? "true" : "false")}", Unknown: $"{field} == null");
        static Definition Date(string id, string scope) => new(
            id, scope.StartsWith(Mining, StringComparison.Ordinal) ? "5.4.2" : "4.3.2", scope,
            "np(app.Licence.ExpiresOn) != null && app.ApplicationDate <= app.Licence.ExpiresOn.Value", Unknown: "np(app.Licence.ExpiresOn) == null");
        static Definition Rate(string id, string scope, string rate, string op, string? scopeUnknown = null) => new(
            id, "5.3.4", scope, $"np(app.Recovery.{rate}.Actual) != null && np(app.Recovery.{rate}.Approved) != null && app.Recovery.{rate}.Actual.Value {op} app.Recovery.{rate}.Approved.Value",
            Unknown: $"np(app.Recovery.{rate}.Actual) == null || np(app.Recovery.{rate}.Approved) == null", ScopeUnknown: scopeUnknown);

        var newMine = $"{Mining} && {NewOrConversion}";
        var newExploration = $"{Exploration} && {New}";
        const string Holders = "np(app.Block.OtherHolders)";
        const string Stage = "app.ExplorationStage";
        const string Deposit = "app.DepositScale";

        yield return new("spatial.red-line-or-reserve.no-new-mining", "3.1", $"{newMine} && {RedLine}", "false");
        yield return new("spatial.red-line-or-reserve.new-exploration-controlled", "3.1", $"{newExploration} && {RedLine}", "false", ReviewOnly: true);
        yield return IsTrue("spatial.yellow-river.no-high-energy-pollution", "3.1", $"{NewConversionOrExpansion} && {Zone("YellowRiverControlLine")}", "np(app.Environment.HighEnergyHighPollution)", value: false);
        yield return new("spatial.protection-area.no-new-mining", "3.4", $"{newMine} && {Zone("ProtectionArea")}", "false");
        yield return new("exploration.ultra-lean-magnetite.prohibited", "4.2.1", $"{newExploration} && app.Mineral == Mineral.UltraLeanMagnetite", "false");
        yield return new(
            "exploration.placer-gold.restricted", "4.2.1", $"{newExploration} && app.Mineral == Mineral.PlacerGold",
            "np(app.Environment.EiaApproved) == true && np(app.Environment.EcologyDepartmentConsent) == true",
            Unknown: "!(np(app.Environment.EiaApproved) == false || np(app.Environment.EcologyDepartmentConsent) == false) && (np(app.Environment.EiaApproved) == null || np(app.Environment.EcologyDepartmentConsent) == null)",
            ReviewWhenMet: true);
        yield return IsTrue("exploration.green-exploration", "4.2.4", newExploration, "np(app.Environment.GreenExplorationPlan)");
        yield return new("exploration.block.min-size", "4.3.1", newExploration, "np(app.Block.BasicUnits) >= 1", Unknown: "np(app.Block.BasicUnits) == null");
        yield return new("exploration.block.single-holder", "4.3.1", newExploration, $"{Holders} <= 0", Unknown: $"{Holders} == null", Exemptable: true);
        yield return IsTrue("exploration.fiscally-funded.no-right", "4.3.2", newExploration, "app.FiscallyFunded", value: false);
        const string GrantMet = "(np(app.Grant.Method) != null && np(app.Grant.Method) != GrantMethod.Agreement) || np(app.Grant.StateCouncilKeyProject) == true";
        yield return new(
            "rights.grant.competitive", "4.3.2", New, GrantMet,
            Unknown: $"!({GrantMet}) && (np(app.Grant.Method) == null || np(app.Grant.StateCouncilKeyProject) == null)");
        yield return Date("exploration.extension.before-expiry", $"{Exploration} && app.Action == PermitAction.Extension");
        yield return new(
            "mining.banned-minerals", "5.1.1",
            $"{Mining} && (app.Mineral == Mineral.UltraLeanMagnetite || app.Mineral == Mineral.BlueAsbestos || app.Mineral == Mineral.BrickClayArable)", "false");
        yield return new("mining.mercury.no-new-mines", "5.1.1", $"{newMine} && app.Mineral == Mineral.Mercury", "false");
        yield return IsTrue("coal.toxic-substances.prohibited", "5.1.1", $"{Mining} && app.Mineral == Mineral.Coal", "np(app.Coal.ToxicSubstancesExceedStandard)", value: false);
        yield return new(
            "mining.restricted-minerals", "5.1.1",
            $"{Mining} && {NewConversionOrExpansion} && (app.Mineral == Mineral.WetlandPeat || app.Mineral == Mineral.PlacerGold || app.Mineral == Mineral.PlacerIron || app.Mineral == Mineral.HeavyPlacer)",
            "false", ReviewOnly: true);
        yield return new(
            "mining.quota-controlled.within-quota", "5.1.1", $"{Mining} && (app.Mineral == Mineral.RareEarth || app.Mineral == Mineral.Tungsten)",
            "np(app.Quota.Requested) != null && np(app.Quota.Allocated) != null && app.Quota.Requested.Value <= app.Quota.Allocated.Value",
            Unknown: "np(app.Quota.Requested) == null || np(app.Quota.Allocated) == null");
        yield return new(
            "coal.rare-ranks.protective-mining", "5.1.2",
            $"{Mining} && app.Mineral == Mineral.Coal && (np(app.Location.League) == null || app.Location.League == \"150300\" || app.Location.League == \"152900\")",
            "np(app.Coal.Rank) != null && app.Coal.Rank != CoalRank.Coking && app.Coal.Rank != CoalRank.Anthracite",
            ScopeUnknown: "np(app.Location.League) == null", ReviewOnly: true);
        const string LeadZincMolybdenum = "(app.Mineral == Mineral.Lead || app.Mineral == Mineral.Zinc || app.Mineral == Mineral.Molybdenum)";
        yield return IsTrue("mining.lead-zinc-molybdenum.environmental-access", "5.1.2", $"{newMine} && {LeadZincMolybdenum}", "np(app.Environment.EnvironmentalAccessAssessed)");
        yield return new("mining.lead-zinc-molybdenum.no-small-mines", "5.1.2", $"{newMine} && {LeadZincMolybdenum}", MediumOrLarge, Unknown: "app.Scale == null", Exemptable: true);
        yield return new("fluorite.new.min-scale", "5.1.2", $"{newMine} && app.Mineral == Mineral.Fluorite", MediumOrLarge, Unknown: "app.Scale == null");
        yield return new("sand-gravel.concentrated-area", "5.1.2", $"{newMine} && app.Mineral == Mineral.SandGravel", Zone("SandConcentratedArea"));
        yield return new(
            "coal.new-underground.min-capacity", "5.2.1",
            $"{newMine} && app.Mineral == Mineral.Coal && (app.MiningMethod == null || app.MiningMethod == \"Underground\")",
            $"{Capacity(300, "TenThousandTonnesPerYear")} >= 0", Unknown: $"{Capacity(300, "TenThousandTonnesPerYear")} == null",
            ScopeUnknown: "app.MiningMethod == null", Exemptable: true);
        yield return new(
            "coal.expansion.min-capacity", "5.2.1", $"{Mining} && app.Action == PermitAction.Expansion && app.Mineral == Mineral.Coal",
            $"{Capacity(120, "TenThousandTonnesPerYear")} >= 0", Unknown: $"{Capacity(120, "TenThousandTonnesPerYear")} == null");
        yield return new(
            "copper.new.min-ore-output", "5.2.1", $"{newMine} && app.Mineral == Mineral.Copper",
            $"{Capacity(30, "TenThousandTonnesPerYear")} > 0", Unknown: $"{Capacity(30, "TenThousandTonnesPerYear")} == null", Exemptable: true);
        foreach (var (id, method, threshold) in new[] { ("gold.new-open-pit-mill.min-daily-ore", "OpenPit", 300), ("gold.new-underground-mill.min-daily-ore", "Underground", 100) })
        {
            yield return new(
                id, "5.2.1",
                $"{newMine} && app.Mineral == Mineral.Gold && (app.MiningMethod == null || app.MiningMethod == \"{method}\") && app.IncludesProcessing != false",
                $"{Capacity(threshold, "TonnesPerDay")} > 0", Unknown: $"{Capacity(threshold, "TonnesPerDay")} == null",
                ScopeUnknown: "app.MiningMethod == null || app.IncludesProcessing == null");
        }

        yield return new(
            "mining.new.no-small-mines", "5.2.1",
            $"{newMine} && !(app.Mineral == Mineral.CoalbedMethane || app.Mineral == Mineral.RichIron || app.Mineral == Mineral.Gold || app.Mineral == Mineral.Geothermal || app.Mineral == Mineral.MineralWater)",
            MediumOrLarge, Unknown: "app.Scale == null", Exemptable: true);
        const string ScaleMet = "(app.DepositScale != null && app.DepositScale != \"Large\") || (app.Scale != null && app.Scale != \"Small\")";
        yield return new(
            "mining.new.scale-matches-deposit", "5.2.1", newMine, ScaleMet,
            Unknown: $"!({ScaleMet}) && (app.DepositScale == null || app.Scale == null)");
        yield return new(
            "mining.new.one-right-per-deposit", "5.2.1", newMine, "np(app.Deposit.OtherMiningRights) <= 0", Unknown: "np(app.Deposit.OtherMiningRights) == null");
        yield return new("mining.new.declared-scale-matches-capacity", "5.2.1", newMine, "ScaleTable.DeclaredScaleMatches(app)", ReviewOnly: true);
        var producing = $"{Mining} && {ExtensionOrExpansion}";
        yield return Rate("mining.recovery.mining-rate", producing, "Mining", ">=");
        yield return Rate("mining.recovery.processing-rate", $"{producing} && app.IncludesProcessing != false", "Processing", ">=", "app.IncludesProcessing == null");
        yield return Rate("mining.recovery.dilution-rate", producing, "Dilution", "<=");
        const string AssociatedMet = "np(app.AssociatedMinerals.ComprehensiveRecovery) == true || np(app.AssociatedMinerals.ProtectionMeasures) == true";
        yield return new(
            "mining.associated-minerals.recovered-or-protected", "5.3.4", $"{Mining} && np(app.AssociatedMinerals.IndustrialValue) != false", AssociatedMet,
            Unknown: $"!({AssociatedMet}) && (np(app.AssociatedMinerals.ComprehensiveRecovery) == null || np(app.AssociatedMinerals.ProtectionMeasures) == null)",
            ScopeUnknown: "np(app.AssociatedMinerals.IndustrialValue) == null");
        yield return new("mining.block.single-holder", "5.4.1", newMine, $"{Holders} <= 0", Unknown: $"{Holders} == null", Exemptable: true);
        const string LargeNonCoal = $"({Deposit} != null && {Deposit} != \"Large\") || {Stage} == \"Exploration\"";
        yield return new(
            "mining.reserves.stage-large-non-coal", "5.4.1", $"{newMine} && app.Mineral != Mineral.Coal && app.Mineral != Mineral.SandGravel", LargeNonCoal,
            Unknown: $"!({LargeNonCoal}) && ({Deposit} == null || {Stage} == null)");
        const string LargeCoal = $"({Deposit} != null && {Deposit} != \"Large\" && {Deposit} != \"Medium\") || {Stage} == \"Exploration\"";
        yield return new(
            "mining.reserves.stage-coal", "5.4.1", $"{newMine} && app.Mineral == Mineral.Coal", LargeCoal,
            Unknown: $"!({LargeCoal}) && ({Deposit} == null || {Stage} == null)");
        const string Others = $"{Stage} == \"Detailed\" || {Stage} == \"Exploration\" || (app.Mineral == Mineral.SandGravel && {Stage} != null)";
        yield return new("mining.reserves.stage-others", "5.4.1", newMine, Others, Unknown: $"!({Others}) && {Stage} == null");
        yield return Date("mining.extension.before-expiry", $"{Mining} && app.Action == PermitAction.Extension");
        yield return IsTrue("mining.new.green-mine-standard", "6.1.1", newMine, "np(app.Environment.GreenMineStandard)");
        yield return IsTrue("mining.restoration-plan.filed", "6.2.3", $"{Mining} && {NewConversionOrExpansion}", "np(app.Environment.RestorationPlanFiled)");
        yield return IsTrue("mining.restoration-fund.accrued", "6.2.3", producing, "np(app.Environment.RestorationFundAccrued)");
    }

    /// <summary>One rule: when it applies (true also when that hangs on an absent fact), whether it is met, what is unknown.</summary>
    private sealed record Definition(
        string Id,
        string Clause,
        string InScope,
        string Met,
        string? Unknown = null,
        string? ScopeUnknown = null,
        bool ReviewOnly = false,
        bool ReviewWhenMet = false,
        bool Exemptable = false);
}

/// <summary>Capacity comparisons for RulesEngine expressions (registered as a custom type).</summary>
public static class Capacities
{
    /// <summary>The sign of capacity − threshold, or null when absent or not comparable.</summary>
    /// <param name="capacity">The capacity.</param>
    /// <param name="operatingDays">Operating days per year.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="unit">The threshold's unit.</param>
    /// <returns>-1, 0, 1 or null.</returns>
    public static int? Compare(Capacity? capacity, int? operatingDays, decimal threshold, CapacityUnit unit) =>
        HandwrittenPlan.CompareCapacity(capacity, operatingDays, threshold, unit);
}
