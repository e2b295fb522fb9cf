using System.Globalization;
using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Evaluation;
using MineralRules.Records.Register;

namespace MineralRules.Records;

/// <summary>
/// Puts the facts of a host's records in place of the declared ones (clauses.md, "Facts from records") and says so in
/// the verdicts. The evaluator stays a pure function of the application it is given: this builds the application
/// as the records say it is (<see cref="Apply"/>), the evaluator decides on it, and <see cref="Explain"/> names the
/// record behind each fact and adds the reviews the records ask for (declared and derived zones that disagree;
/// another holder found only by overlapping the site).
/// </summary>
internal static class RecordOverlay
{
    private static readonly Field ZonesField = ApplicationFields.Zones;

    /// <summary>The application with the records' facts in place of the declared ones.</summary>
    public static Application Apply(Application application, RecordFacts facts)
    {
        var result = application;
        if (facts.Zones is { } findings)
        {
            // A boundary lies inside a location; a code-built application may still give zones findings without one.
            var location = application.Location ?? new Location();
            var zones = new ZoneView(findings);
            var layered = zones.Layered;
            var declared = location.Zones is { } list ? ZoneMask.Of(list) : 0UL;
            result = result with
            {
                Location = location with
                {
                    Zones = ZoneMask.Zones(zones.Derived | (declared & ~layered)),

                    // A zone without a layer falls back to the declared list; with none declared it stays unknown.
                    UnknownZoneMask = location.Zones is null ? ZoneMask.All & ~layered : 0UL,
                },
            };
        }

        if (facts.Register is { } register)
        {
            // With a register, its facts replace the declared ones; where it could not look one up (no deposit.id or
            // boundary, no block code or applicant, no county), the fact is unknown and a rule it decides gives review
            // naming it — never the applicant's own count in its place.
            result = result with
            {
                Deposit = (result.Deposit ?? new DepositFacts()) with { OtherMiningRights = register.OtherMiningRights?.Count },
                Block = (result.Block ?? new PlanningBlock()) with { OtherHolders = register.OtherHolderRights is { } others ? Holders(others).Count : null },
                SandGravel = (result.SandGravel ?? new SandGravelFacts()) with
                {
                    CountyRights = register.CountySandGravelRights?.Count,

                    // A county the register holds no control number for is not known, whatever the application declares (5.2.2: review).
                    CountyControlNumber = register.CountyControlNumber?.Number,
                },
            };
        }

        return result;
    }

    /// <summary>
    /// The result as the records explain it: each fact a record supplied names that record (one fact per zone feature
    /// or right behind it); a rule naming a zone on which the declared and the derived zones disagree gives at least
    /// review, naming both; a fail that only another holder found by overlap brings about gives review.
    /// </summary>
    public static EvaluationResult Explain(EvaluationResult result, Application declared, Application effective, RecordFacts facts, CompiledRuleSet ruleSet)
    {
        var verdicts = new Verdict[result.Verdicts.Count];
        var fail = false;
        var review = false;
        var zones = facts.Zones is { } findings ? new ZoneView(findings) : null;
        var disagreement = Disagreement(declared, zones);
        var remedies = ruleSet.Info.Readings.RemediesRequired;
        for (var i = 0; i < verdicts.Length; i++)
        {
            var verdict = result.Verdicts[i];
            var rule = ruleSet.Rule(verdict.Rule);
            var named = ruleSet.ZonesNamed(verdict.Rule);
            if (verdict.Facts.Count > 0)
            {
                verdict = verdict with { Facts = [.. verdict.Facts.SelectMany(f => Sources(f, declared, zones, facts.Register, named))] };
            }

            // A rule that could apply under the declared zones or under the derived ones (never one whose permit,
            // action, mineral or other scope rules it out either way).
            if (disagreement != 0 && (named & disagreement) is var differ and not 0
                && rule is not null && (!rule.Scope.Evaluate(declared).IsFalse || !rule.Scope.Evaluate(effective).IsFalse))
            {
                verdict = Disagrees(verdict, differ, declared, zones!, remedies);
            }

            if (verdict.Outcome == Outcome.Fail && rule?.Condition is { } condition && OverlapOnly(declared, effective, facts) is { } overlap
                && !condition.Evaluate(overlap.InBlock).IsFalse)
            {
                // Counting only the holders registered in the block, the rule would not fail: the overlap decides it.
                verdict = OverlapReview(verdict, overlap.Overlapping, remedies);
            }

            fail |= verdict.Outcome == Outcome.Fail;
            review |= verdict.Outcome == Outcome.Review;
            verdicts[i] = verdict;
        }

        return result with { Decision = Evaluator.DecisionOf(fail, review), Verdicts = verdicts };
    }

    /// <summary>What the layers say, worked out once per application: the zones with a layer, the overlaps that count, the zones derived.</summary>
    private sealed class ZoneView
    {
        public ZoneView(ZoneFindings findings)
        {
            Findings = findings;
            Layered = ZoneMask.Of(findings.Layered);

            // The overlaps that count: in a zone that has a layer, above the tolerance.
            var layered = Layered;
            Counted = [.. findings.Overlaps.Where(o => (layered & ZoneMask.Bit(o.Zone)) != 0 && o.Hectares > findings.ToleranceHectares)];
            Derived = ZoneMask.Of(Counted.Select(o => o.Zone));
        }

        public ZoneFindings Findings { get; }

        /// <summary>The zones that have a layer.</summary>
        public ulong Layered { get; }

        /// <summary>The zones the layers put the site in.</summary>
        public ulong Derived { get; }

        public IReadOnlyList<ZoneOverlap> Counted { get; }
    }

    /// <summary>The zones, decided by a layer, on which the declared list disagrees with the derived one (0 when nothing is declared).</summary>
    private static ulong Disagreement(Application declared, ZoneView? zones) =>
        zones is null || declared.Location?.Zones is not { } list ? 0UL : (ZoneMask.Of(list) ^ zones.Derived) & zones.Layered;

    /// <summary>A fact as the records explain it: the record's name as its source, then one fact per feature or right behind it.</summary>
    private static IEnumerable<Fact> Sources(Fact fact, Application declared, ZoneView? zones, RegisterFindings? register, ulong named)
    {
        if (fact.Source != DeferredFacts.FromApplication)
        {
            return [fact];
        }

        if (fact.Field == ZonesField.Path && zones is not null)
        {
            return ZoneFacts(fact, declared, zones, named == 0 ? ZoneMask.All : named);
        }

        return register is not null ? RegisterFacts(fact, register) : [fact];
    }

    /// <summary>
    /// The zones fact split by where each part came from: the zones the layers decide (source: the layers), the zones
    /// without a layer as declared (source: the application), each only where the rule names such a zone; then one
    /// fact per feature of the rule's zones the site overlaps.
    /// </summary>
    private static IEnumerable<Fact> ZoneFacts(Fact fact, Application declared, ZoneView zones, ulong named)
    {
        var layered = zones.Layered;
        if ((named & layered) != 0)
        {
            yield return fact with { Value = Codes(zones.Derived), Source = zones.Findings.Layers };
        }

        if ((named & ~layered) != 0)
        {
            var given = declared.Location?.Zones is { } list ? Codes(ZoneMask.Of(list) & ~layered) : null;
            yield return fact with { Value = given, Required = given is null ? FactText.Present : fact.Required };
        }

        foreach (var overlap in zones.Counted.Where(o => (named & ZoneMask.Bit(o.Zone)) != 0))
        {
            yield return Feature(overlap, fact.Required);
        }
    }

    private static Fact Feature(ZoneOverlap overlap, string required) =>
        new(ZonesField.Path, Vocabularies.Zones.Code(overlap.Zone), required, overlap.Source)
        {
            Detail = overlap.FeatureName,
            OverlapHectares = overlap.Hectares,
            ShareOfSite = overlap.ShareOfSite,
        };

    /// <summary>A fact the register supplies: the register's name as its source, then one fact per right (and the control number) behind it.</summary>
    private static IEnumerable<Fact> RegisterFacts(Fact fact, RegisterFindings register)
    {
        IReadOnlyList<RegisteredRight>? rights;
        var control = false;
        if (fact.Field == ApplicationFields.DepositOtherMiningRights.Path)
        {
            rights = register.OtherMiningRights;
        }
        else if (fact.Field == ApplicationFields.BlockOtherHolders.Path)
        {
            rights = register.OtherHolderRights;
        }
        else if (fact.Field == ApplicationFields.SandGravelCountyRights.Path)
        {
            rights = register.CountySandGravelRights;
            control = rights is not null;
        }
        else if (fact.Field == ApplicationFields.SandGravelCountyControlNumber.Path)
        {
            rights = register.CountySandGravelRights is not null || register.CountyControlNumber is not null ? [] : null;
            control = rights is not null;
        }
        else
        {
            return [fact];
        }

        if (rights is null && !control)
        {
            // The register could not look it up: the fact is unknown, and the register is where it was sought.
            return [fact with { Source = register.Name, Detail = NotLookedUp(fact.Field) }];
        }

        rights ??= [];

        var facts = new List<Fact> { fact with { Source = register.Name } };
        facts.AddRange(rights.Select(right => new Fact(fact.Field, right.Id, fact.Required, right.Source)
        {
            Detail = string.Create(CultureInfo.InvariantCulture, $"{right.Holder}; {Vocabularies.Permits.Code(right.Kind)}; {right.Mineral}; valid {right.ValidFrom:yyyy-MM-dd}..{right.ValidTo:yyyy-MM-dd}"),
            OverlapHectares = right.OverlapHectares,
        }));
        if (control && register.CountyControlNumber is { } number && fact.Field != ApplicationFields.SandGravelCountyControlNumber.Path)
        {
            facts.Add(new Fact(ApplicationFields.SandGravelCountyControlNumber.Path, number.Number.ToString(CultureInfo.InvariantCulture), fact.Required, number.Source)
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"set by {number.SetBy} on {number.Date:yyyy-MM-dd}"),
            });
        }

        return facts;
    }

    /// <summary>What the register needs to find a fact it could not look up.</summary>
    private static string NotLookedUp(string field) =>
        field == ApplicationFields.DepositOtherMiningRights.Path ? "the register finds it by deposit.id or location.boundary"
        : field == ApplicationFields.BlockOtherHolders.Path ? "the register finds it by applicant and block.code (or, for a new exploration right, location.boundary)"
        : "the register finds it by location.county";

    /// <summary>
    /// Where some other holders were found only because their rights overlap the site (not registered in the
    /// application's planning block): those rights, and the application with <c>block.otherHolders</c> counting only the
    /// holders registered in the block — to tell whether a fail rests on the overlap alone. Null when no holder was
    /// found by overlap alone.
    /// </summary>
    private static (IReadOnlyList<RegisteredRight> Overlapping, Application InBlock)? OverlapOnly(Application declared, Application effective, RecordFacts facts)
    {
        if (facts.Register?.OtherHolderRights is not { Count: > 0 } rights)
        {
            return null;
        }

        var block = RegisterKeys.Normalize(declared.Block?.Code);
        bool InBlock(RegisteredRight r) => block is not null && string.Equals(RegisterKeys.Normalize(r.Block), block, StringComparison.Ordinal);
        var overlapping = rights.Where(r => !InBlock(r) && r.OverlapHectares is not null).ToList();
        if (overlapping.Count == 0)
        {
            return null;
        }

        var inBlock = Holders(rights.Where(r => InBlock(r) || r.OverlapHectares is null)).Count;
        return (overlapping, effective with { Block = effective.Block! with { OtherHolders = inBlock } });
    }

    private static Verdict OverlapReview(Verdict verdict, IReadOnlyList<RegisteredRight> rights, bool remedies)
    {
        var en = string.Join("; ", rights.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id} of {r.Holder}, {r.OverlapHectares} ha")));
        var zh = string.Join("；", rights.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Holder}的{r.Id}，重叠 {r.OverlapHectares} 公顷")));
        var message = new LocalizedText(
            $"申请范围与其他矿业权人的有效矿业权重叠（{zh}）：重叠视为区块内已有其他主体，须人工核实重叠情况。",
            $"The site overlaps valid rights of other holders ({en}): an overlap counts as another holder in the block, for a person to confirm.");
        var remedy = new LocalizedText(
            "核实并调整申请范围，避让已设矿业权，或与相关矿业权人整合为1个主体后重新申请。",
            "Check the overlap and redraw the site clear of the existing rights, or merge with their holders into one holder, and apply again.");
        return verdict with { Outcome = Outcome.Review, Message = message, Remedy = remedies ? remedy : null };
    }

    private static Verdict Disagrees(Verdict verdict, ulong zones, Application declared, ZoneView view, bool remedies)
    {
        var declaredMask = ZoneMask.Of(declared.Location!.Zones!);
        var derived = view.Derived;
        var overlaps = view.Counted.Where(o => (zones & ZoneMask.Bit(o.Zone)) != 0).ToList();
        var added = new List<Fact>();
        if (!verdict.Facts.Any(f => f.Field == ZonesField.Path && f.Source == DeferredFacts.FromApplication && f.Value == Codes(declaredMask)))
        {
            added.Add(new(ZonesField.Path, Codes(declaredMask), "as the zone layers: " + Codes(derived), DeferredFacts.FromApplication));
        }

        added.AddRange(overlaps.Where(o => !verdict.Facts.Any(f => f.Source == o.Source)).Select(o => Feature(o, "as declared: " + Codes(declaredMask))));
        var all = verdict.Facts.Concat(added).ToList();
        if (verdict.Outcome is Outcome.Fail or Outcome.Review)
        {
            return verdict with { Facts = all };
        }

        string Overlaps(bool zh) => overlaps.Count == 0
            ? (zh ? "图层中矿区与这些分区没有超过容差的重叠" : "the layers show no overlap above the tolerance with them")
            : string.Join(zh ? "；" : "; ", overlaps.Select(o => zh
                ? string.Create(CultureInfo.InvariantCulture, $"{Vocabularies.Zones[o.Zone].Zh} {o.FeatureId}{(o.FeatureName is { } zhName ? $"（{zhName}）" : "")} 重叠 {o.Hectares} 公顷，占矿区 {Percent(o.ShareOfSite)}")
                : string.Create(CultureInfo.InvariantCulture, $"{Vocabularies.Zones.Code(o.Zone)} {o.FeatureId}{(o.FeatureName is { } enName ? $" ({enName})" : "")} overlaps {o.Hectares} ha, {Percent(o.ShareOfSite)} of the site")));

        var message = new LocalizedText(
            $"申请申报的所在规划分区（{Names(declaredMask, zh: true)}）与分区图层在{Names(zones, zh: true)}上不一致：{Overlaps(true)}。以图层为准本规则不会不通过，但须人工核对矿区范围与所在分区。",
            $"The zones the application declares ({Codes(declaredMask)}) disagree with the zone layers on {Codes(zones)}: {Overlaps(false)}. By the layers this rule does not fail, but a person checks the site's boundary and zones.");
        var remedy = new LocalizedText(
            "核对拐点坐标与分区图层，更正申报的所在规划分区或矿区范围，或由主管部门确认所在分区后重新审查。",
            "Check the turning-point coordinates against the zone layers; correct the declared zones or the boundary, or have the authority confirm the zones, and review again.");
        return verdict with { Outcome = Outcome.Review, Message = message, Remedy = remedies ? remedy : null, Facts = all };
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Zones as the facts write a list: <c>[ecological-red-line, nature-reserve]</c>.</summary>
    private static string Codes(ulong zones) => FactText.Of(ZoneMask.Zones(zones), ZonesField)!;

    private static string Names(ulong zones, bool zh) =>
        ValueText.Join(ZoneMask.Zones(zones).Select(z => zh ? Vocabularies.Zones[z].Zh : Vocabularies.Zones[z].En), zh);

    /// <summary>The distinct holders among rights (the fact <c>block.otherHolders</c> counts holders, not rights).</summary>
    public static IReadOnlyList<string> Holders(IEnumerable<RegisteredRight> rights) =>
        [.. rights.Select(r => RegisterKeys.Normalize(r.Holder) ?? string.Empty).Distinct(StringComparer.Ordinal)];
}
