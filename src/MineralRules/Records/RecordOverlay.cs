using System.Globalization;
using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Evaluation;

namespace MineralRules.Records;

/// <summary>
/// Puts the facts of a host's records in place of the declared ones (clauses.md, "Facts from records") and says so in
/// the verdicts. The evaluator stays a pure function of the application it is given: this builds the application
/// as the records say it is (<see cref="Apply"/>), the evaluator decides on it, and <see cref="Explain"/> names the
/// record behind each fact and adds the review a disagreement between declared and derived zones asks for.
/// </summary>
internal static class RecordOverlay
{
    private static readonly Field ZonesField = ApplicationFields.Zones;
    private static readonly ulong AllZones = (1UL << Enum.GetValues<Zone>().Length) - 1;

    /// <summary>The application with the records' facts in place of the declared ones.</summary>
    public static Application Apply(Application application, RecordFacts facts)
    {
        var result = application;
        if (facts.Zones is { } zones && application.Location is { } location)
        {
            var layered = Mask(zones.Layered);
            var declared = location.Zones is { } list ? Mask(list) : 0UL;
            var members = Mask(zones.Overlaps.Select(o => o.Zone)) & layered;
            members |= declared & ~layered;
            result = result with
            {
                Location = location with
                {
                    Zones = Zones(members),

                    // A zone without a layer falls back to the declared list; with none declared it stays unknown.
                    UnknownZoneMask = location.Zones is null ? AllZones & ~layered : 0UL,
                },
            };
        }

        if (facts.Register is { } register)
        {
            if (register.OtherMiningRights is { } rights)
            {
                result = result with { Deposit = (result.Deposit ?? new DepositFacts()) with { OtherMiningRights = rights.Count } };
            }

            if (register.OtherHolderRights is { } others)
            {
                result = result with { Block = (result.Block ?? new PlanningBlock()) with { OtherHolders = Holders(others).Count } };
            }

            if (register.CountySandGravelRights is { } county)
            {
                // The control number is the register's too: a county the register has none for is not known, whatever
                // the application declares (5.2.2 then gives review).
                result = result with
                {
                    SandGravel = (result.SandGravel ?? new SandGravelFacts()) with
                    {
                        CountyRights = county.Count,
                        CountyControlNumber = register.CountyControlNumber?.Number,
                    },
                };
            }
        }

        return result;
    }

    /// <summary>
    /// The result as the records explain it: each fact a record supplied names that record (one fact per zone feature
    /// or right behind it), and a rule naming a zone on which the declared and the derived zones disagree gives at
    /// least review, naming both.
    /// </summary>
    public static EvaluationResult Explain(EvaluationResult result, Application declared, Application effective, RecordFacts facts, CompiledRuleSet ruleSet)
    {
        var verdicts = new Verdict[result.Verdicts.Count];
        var fail = false;
        var review = false;
        var disagreement = Disagreement(declared, facts);
        for (var i = 0; i < verdicts.Length; i++)
        {
            var verdict = result.Verdicts[i];
            if (verdict.Facts.Count > 0)
            {
                verdict = verdict with { Facts = [.. verdict.Facts.SelectMany(f => Sources(f, facts, ruleSet.ZonesNamed(verdict.Rule)))] };
            }

            // A rule that could apply under the declared zones or under the derived ones (never one whose permit,
            // action, mineral or other scope rules it out either way).
            if (disagreement != 0 && (ruleSet.ZonesNamed(verdict.Rule) & disagreement) is var differ and not 0
                && ruleSet.Rule(verdict.Rule) is { } rule && (!rule.Scope.Evaluate(declared).IsFalse || !rule.Scope.Evaluate(effective).IsFalse))
            {
                verdict = Disagrees(verdict, differ, declared, effective, facts);
            }

            if (verdict.Outcome == Outcome.Fail && OverlapOnlyHolders(declared, facts) is { } overlapping && verdict.Facts.Any(f => f.Field == ApplicationFields.BlockOtherHolders.Path))
            {
                verdict = OverlapReview(verdict, overlapping);
            }

            fail |= verdict.Outcome == Outcome.Fail;
            review |= verdict.Outcome == Outcome.Review;
            verdicts[i] = verdict;
        }

        var decision = fail ? Decision.NonCompliant : review ? Decision.NeedsReview : Decision.Compliant;
        return result with { Decision = decision, Verdicts = verdicts };
    }

    /// <summary>The zones, decided by a layer, on which the declared list disagrees with the derived one (0 when nothing is declared).</summary>
    private static ulong Disagreement(Application declared, RecordFacts facts)
    {
        if (facts.Zones is not { } zones || declared.Location?.Zones is not { } list)
        {
            return 0;
        }

        var layered = Mask(zones.Layered);
        return (Mask(list) ^ Mask(zones.Overlaps.Select(o => o.Zone))) & layered;
    }

    /// <summary>A fact as the records explain it: the record's name as its source, then one fact per feature or right behind it.</summary>
    private static IEnumerable<Fact> Sources(Fact fact, RecordFacts facts, ulong ruleZones)
    {
        if (fact.Source != DeferredFacts.FromApplication)
        {
            yield return fact;
            yield break;
        }

        if (fact.Field == ZonesField.Path && facts.Zones is { } zones)
        {
            // The layers' fact where they decide every zone the rule names; else the declared list still has a part in it.
            var layered = Mask(zones.Layered);
            yield return ruleZones != 0 && (ruleZones & ~layered) == 0 ? fact with { Source = zones.Layers } : fact;
            foreach (var overlap in zones.Overlaps.Where(o => ruleZones == 0 || (ruleZones & Bit(o.Zone)) != 0))
            {
                yield return new Fact(ZonesField.Path, Vocabularies.Zones.Code(overlap.Zone), fact.Required, overlap.Source)
                {
                    Detail = overlap.FeatureName,
                    OverlapHectares = overlap.Hectares,
                    ShareOfSite = overlap.ShareOfSite,
                };
            }

            yield break;
        }

        var (rights, control) = facts.Register is { } register ? Behind(fact.Field, register) : (null, null);
        if (rights is null && control is null)
        {
            yield return fact;
            yield break;
        }

        yield return fact with { Source = facts.Register!.Name };
        foreach (var right in rights ?? [])
        {
            yield return new Fact(fact.Field, right.Id, fact.Required, right.Source)
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"{right.Holder}; {Vocabularies.Permits.Code(right.Kind)}; {right.Mineral}; valid {right.ValidFrom:yyyy-MM-dd}..{right.ValidTo:yyyy-MM-dd}"),
                OverlapHectares = right.OverlapHectares,
            };
        }

        if (control is not null)
        {
            yield return new Fact(fact.Field, control.Number.ToString(CultureInfo.InvariantCulture), fact.Required, control.Source)
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"set by {control.SetBy} on {control.Date:yyyy-MM-dd}"),
            };
        }
    }

    /// <summary>The register's items behind a field it supplies; (null, null) for a field it does not.</summary>
    private static (IReadOnlyList<RegisteredRight>? Rights, ControlNumber? Control) Behind(string field, RegisterFindings register) =>
        field == ApplicationFields.DepositOtherMiningRights.Path ? (register.OtherMiningRights, null)
        : field == ApplicationFields.BlockOtherHolders.Path ? (register.OtherHolderRights, null)
        : field == ApplicationFields.SandGravelCountyRights.Path ? (register.CountySandGravelRights, register.CountySandGravelRights is null ? null : register.CountyControlNumber)
        : field == ApplicationFields.SandGravelCountyControlNumber.Path && register.CountySandGravelRights is not null ? ([], register.CountyControlNumber)
        : (null, null);

    /// <summary>
    /// The other holders' rights when every one of them was found only because it overlaps the site (none shares the
    /// application's planning block code): clauses.md counts such an overlap as a second holder in the block, for a
    /// person to confirm (review), where a holder registered in the block itself fails.
    /// </summary>
    private static IReadOnlyList<RegisteredRight>? OverlapOnlyHolders(Application declared, RecordFacts facts)
    {
        if (facts.Register?.OtherHolderRights is not { Count: > 0 } rights)
        {
            return null;
        }

        var block = declared.Block?.Code?.Trim();
        return rights.All(r => r.OverlapHectares is not null && (block is null || !string.Equals(r.Block?.Trim(), block, StringComparison.Ordinal))) ? rights : null;
    }

    private static Verdict OverlapReview(Verdict verdict, IReadOnlyList<RegisteredRight> rights)
    {
        var en = string.Join("; ", rights.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id} of {r.Holder}, {r.OverlapHectares} ha")));
        var zh = string.Join("；", rights.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Holder}的{r.Id}，重叠 {r.OverlapHectares} 公顷")));
        var message = new LocalizedText(
            $"申请范围与其他矿业权人的有效探矿权重叠（{zh}）：重叠视为区块内已有其他勘查主体，须人工核实重叠情况。",
            $"The site overlaps valid exploration rights of other holders ({en}): an overlap counts as another holder in the block, for a person to confirm.");
        var remedy = new LocalizedText(
            "核实并调整申请范围，避让已设探矿权，或与相关探矿权人整合为1个勘查主体后重新申请。",
            "Check the overlap and redraw the site clear of the existing exploration rights, or merge with their holders into one exploration holder, and apply again.");
        return verdict with { Outcome = Outcome.Review, Message = message, Remedy = remedy };
    }

    private static Verdict Disagrees(Verdict verdict, ulong zones, Application declared, Application effective, RecordFacts facts)
    {
        var declaredList = declared.Location!.Zones!;
        var derived = effective.Location?.Zones ?? [];
        var named = Zones(zones);
        var overlaps = facts.Zones!.Overlaps.Where(o => (zones & Bit(o.Zone)) != 0).ToList();
        var declaredFact = new Fact(ZonesField.Path, Words(declaredList, zh: false, codes: true), "as the zone layers: " + Words(derived, zh: false, codes: true), DeferredFacts.FromApplication);
        var added = new List<Fact> { declaredFact };
        added.AddRange(overlaps
            .Where(o => !verdict.Facts.Any(f => f.Source == o.Source))
            .Select(o => new Fact(ZonesField.Path, Vocabularies.Zones.Code(o.Zone), "as declared: " + Words(declaredList, zh: false, codes: true), o.Source)
            {
                Detail = o.FeatureName,
                OverlapHectares = o.Hectares,
                ShareOfSite = o.ShareOfSite,
            }));

        var facts2 = verdict.Facts.Concat(added).ToList();
        if (verdict.Outcome is Outcome.Fail or Outcome.Review)
        {
            return verdict with { Facts = facts2 };
        }

        string Overlaps(bool zh) => overlaps.Count == 0
            ? (zh ? "图层中矿区与这些分区没有超过容差的重叠" : "the layers show no overlap above the tolerance with them")
            : string.Join(zh ? "；" : "; ", overlaps.Select(o => zh
                ? string.Create(CultureInfo.InvariantCulture, $"{Vocabularies.Zones[o.Zone].Zh} {o.FeatureId}{(o.FeatureName is { } zhName ? $"（{zhName}）" : "")} 重叠 {o.Hectares} 公顷，占矿区 {Percent(o.ShareOfSite)}")
                : string.Create(CultureInfo.InvariantCulture, $"{Vocabularies.Zones.Code(o.Zone)} {o.FeatureId}{(o.FeatureName is { } enName ? $" ({enName})" : "")} overlaps {o.Hectares} ha, {Percent(o.ShareOfSite)} of the site")));

        var message = new LocalizedText(
            $"申请申报的所在规划分区（{Words(declaredList, zh: true)}）与分区图层在{Words(named, zh: true)}上不一致：{Overlaps(true)}。以图层为准本规则不会不通过，但须人工核对矿区范围与所在分区。",
            $"The zones the application declares ({Words(declaredList, zh: false, codes: true)}) disagree with the zone layers on {Words(named, zh: false, codes: true)}: {Overlaps(false)}. By the layers this rule does not fail, but a person checks the site's boundary and zones.");
        var remedy = new LocalizedText(
            "核对拐点坐标与分区图层，更正申报的所在规划分区或矿区范围，或由主管部门确认所在分区后重新审查。",
            "Check the turning-point coordinates against the zone layers; correct the declared zones or the boundary, or have the authority confirm the zones, and review again.");
        return verdict with { Outcome = Outcome.Review, Message = message, Remedy = remedy, Facts = facts2 };
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Words(IReadOnlyList<Zone> zones, bool zh, bool codes = false) =>
        ValueText.Join(zones.Select(z => codes ? Vocabularies.Zones.Code(z) : (zh ? Vocabularies.Zones[z].Zh : Vocabularies.Zones[z].En)), zh);

    /// <summary>The distinct holders among rights (the fact <c>block.otherHolders</c> counts holders, not rights).</summary>
    public static IReadOnlyList<string> Holders(IEnumerable<RegisteredRight> rights) =>
        [.. rights.Select(r => r.Holder.Trim()).Distinct(StringComparer.Ordinal)];

    private static ulong Bit(Zone zone) => 1UL << (int)zone;

    private static ulong Mask(IEnumerable<Zone> zones) => zones.Aggregate(0UL, (mask, zone) => mask | Bit(zone));

    private static Zone[] Zones(ulong mask) => [.. Enum.GetValues<Zone>().Where(z => (mask & Bit(z)) != 0)];
}
