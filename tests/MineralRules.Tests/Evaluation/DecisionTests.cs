namespace MineralRules.Tests.Evaluation;

/// <summary>The decision rule, exemptions, missing facts and prohibitions, as clauses.md prescribes.</summary>
public class DecisionTests
{
    private static readonly string CompliantCoalMine = Fixtures.CoalMine("D-COAL", 400);

    [Test]
    public void Evaluate_EveryApplicableRuleMet_Compliant()
    {
        var result = Fixtures.Evaluate(CompliantCoalMine);

        Assert.Multiple(() =>
        {
            Assert.That(result.Decision, Is.EqualTo(Decision.Compliant));
            Assert.That(result.Verdicts.Select(v => v.Outcome), Is.All.AnyOf(Outcome.Pass, Outcome.NotApplicable));
            Assert.That(result.RuleSet.Version, Is.EqualTo("1.0.0"));
            Assert.That(result.RuleSet.Id, Is.EqualTo("nmg-mineral-plan-2021-2025"));
        });
    }

    [Test]
    public void Evaluate_OneFailAndOneReview_NonCompliant()
    {
        var result = Fixtures.Evaluate(CompliantCoalMine
            .Replace("value: 400", "value: 240", StringComparison.Ordinal)
            .Replace("coal: { rank: thermal, toxicSubstancesExceedStandard: false }", "coal: { rank: thermal }", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(result.VerdictOf("coal.new-underground.min-capacity").Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(result.VerdictOf("coal.toxic-substances.prohibited").Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(result.Decision, Is.EqualTo(Decision.NonCompliant));
        });
    }

    [Test]
    public void Evaluate_OnlyReviews_NeedsReview()
    {
        var result = Fixtures.Evaluate(CompliantCoalMine.Replace("coal: { rank: thermal, toxicSubstancesExceedStandard: false }", "coal: { rank: thermal }", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(result.Decision, Is.EqualTo(Decision.NeedsReview));
            Assert.That(result.VerdictOf("coal.toxic-substances.prohibited").Missing, Is.EqualTo(new[] { "coal.toxicSubstancesExceedStandard" }));
        });
    }

    [Test]
    public void Evaluate_FailVerdict_CarriesClauseAndMessageWithActualAndRequired()
    {
        var verdict = Fixtures.Evaluate(CompliantCoalMine.Replace("value: 400", "value: 240", StringComparison.Ordinal))
            .VerdictOf("coal.new-underground.min-capacity");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Clause.Ref, Is.EqualTo("5.2.1"));
            Assert.That(verdict.Clause.Text, Is.EqualTo("新建井工煤矿原则上产能不低于300万吨/年"));
            Assert.That(verdict.Clause.En, Is.Not.Empty);
            Assert.That(verdict.Message!.En, Is.EqualTo("Capacity 240万吨/年 is below the minimum 300万吨/年 for a new underground coal mine."));
            Assert.That(verdict.Message!.Zh, Does.Contain("240万吨/年").And.Contain("300万吨/年"));
            Assert.That(verdict.Missing, Is.Empty);
        });
    }

    [Test]
    public void Evaluate_CapacityInOtherUnit_MessageShowsBothUnits()
    {
        var verdict = Fixtures.Evaluate(CompliantCoalMine.Replace("value: 400, unit: 万吨/年", "value: 2.4, unit: Mt/a", StringComparison.Ordinal))
            .VerdictOf("coal.new-underground.min-capacity");

        Assert.That(verdict.Message!.En, Does.Contain("2.4 Mt/a (= 240万吨/年)"));
    }

    [Test]
    public void Evaluate_CapacityAbsent_ReviewNamingCapacityNeverPassOrFail()
    {
        var result = Fixtures.Evaluate(CompliantCoalMine.Replace("capacity: { value: 400, unit: 万吨/年 }", string.Empty, StringComparison.Ordinal));
        var verdict = result.VerdictOf("coal.new-underground.min-capacity");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.EqualTo(new[] { "capacity" }));
            Assert.That(verdict.Message!.En, Does.Contain("capacity"));
            Assert.That(result.Decision, Is.EqualTo(Decision.NeedsReview));
        });
    }

    [Test]
    public void Evaluate_MiningMethodAbsentAndCapacityLow_ReviewNamingMiningMethod()
    {
        // Absent facts must never let a rule slip: the mine may be underground.
        var result = Fixtures.Evaluate(CompliantCoalMine
            .Replace("miningMethod: underground", string.Empty, StringComparison.Ordinal)
            .Replace("value: 400", "value: 200", StringComparison.Ordinal));
        var verdict = result.VerdictOf("coal.new-underground.min-capacity");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.EqualTo(new[] { "miningMethod" }));
        });
    }

    [Test]
    public void Evaluate_ScopeFactAbsentButConditionMet_ReviewNamingScopeField()
    {
        var verdict = Fixtures.Evaluate(CompliantCoalMine.Replace("miningMethod: underground", string.Empty, StringComparison.Ordinal))
            .VerdictOf("coal.new-underground.min-capacity");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.EqualTo(new[] { "miningMethod" }));
        });
    }

    [Test]
    public void Evaluate_QuotaAbsent_ReviewNamesBothFigures()
    {
        var verdict = Fixtures.Evaluate("""
            id: D-RE
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: rare-earth
            """).VerdictOf("mining.quota-controlled.within-quota");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.EquivalentTo(new[] { "quota.requested", "quota.allocated" }));
        });
    }

    [Test]
    public void Evaluate_CapacityInVolumeAgainstMassThreshold_ReviewSayingWhyNotMissing()
    {
        var verdict = Fixtures.Evaluate(CompliantCoalMine.Replace("value: 400, unit: 万吨/年", "value: 400, unit: 万立方米/年", StringComparison.Ordinal))
            .VerdictOf("coal.new-underground.min-capacity");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.Empty, "the capacity was given");
            Assert.That(verdict.Message!.En, Does.Contain("capacity (400万立方米/年) cannot be compared"));
            Assert.That(verdict.Message.Zh, Does.Contain("无法与本项规定的标准比较"));
        });
    }

    [Test]
    public void Evaluate_ExemptionClaimedOnInPrincipleClause_FailBecomesReview()
    {
        var result = Fixtures.Evaluate(CompliantCoalMine.Replace("value: 400", "value: 240", StringComparison.Ordinal) + """

            exemptions:
              - clause: "5.2.1"
                basis: 国务院批准的重点建设项目配套
            """);
        var verdict = result.VerdictOf("coal.new-underground.min-capacity");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Exemption!.Status, Is.EqualTo(ExemptionStatus.Applied));
            Assert.That(verdict.Exemption.Basis, Is.EqualTo("国务院批准的重点建设项目配套"));
            Assert.That(result.Decision, Is.EqualTo(Decision.NeedsReview));
            Assert.That(result.Exemptions.Single().Status, Is.EqualTo(ExemptionStatus.Applied));
        });
    }

    [Test]
    public void Evaluate_ExemptionClaimedOnProvisionNotInPrinciple_IgnoredAndStillFails()
    {
        var result = Fixtures.Evaluate("""
            id: D-AU
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: gold
            miningMethod: open-pit
            includesProcessing: true
            capacity: { value: 200, unit: t/d }
            scale: medium
            depositScale: medium
            deposit: { otherMiningRights: 0 }
            exemptions:
              - clause: "5.2.1"
                basis: 地方重点项目
            """);
        var verdict = result.VerdictOf("gold.new-open-pit-mill.min-daily-ore");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(verdict.Exemption!.Status, Is.EqualTo(ExemptionStatus.Ignored));
            Assert.That(verdict.Message!.En, Does.Contain("ignored"));
            Assert.That(result.Decision, Is.EqualTo(Decision.NonCompliant));
            Assert.That(result.Exemptions.Single().Status, Is.EqualTo(ExemptionStatus.Ignored));
        });
    }

    [Test]
    public void Evaluate_ExemptionClaimedOnProhibition_IgnoredAndStillFails()
    {
        var result = Fixtures.Evaluate("""
            id: D-HG
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: mercury
            scale: large
            depositScale: large
            deposit: { otherMiningRights: 0 }
            exemptions:
              - clause: "5.1.1"
                basis: 特殊需要
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.VerdictOf("mining.mercury.no-new-mines").Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(result.Exemptions.Single().Status, Is.EqualTo(ExemptionStatus.Ignored));
            Assert.That(result.Decision, Is.EqualTo(Decision.NonCompliant));
        });
    }

    [Test]
    public void Evaluate_ExemptionClaimedButProvisionMet_NotNeeded()
    {
        var result = Fixtures.Evaluate(CompliantCoalMine + """

            exemptions:
              - { clause: "5.2.1", basis: 重点项目 }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Decision, Is.EqualTo(Decision.Compliant));
            Assert.That(result.Exemptions.Single().Status, Is.EqualTo(ExemptionStatus.NotNeeded));
        });
    }

    [TestCase("ultra-lean-magnetite", "new")]
    [TestCase("blue-asbestos", "extension")]
    [TestCase("可耕地的砖瓦用粘土", "transfer")]
    public void Evaluate_BannedMineralAnyMiningPermit_Fails(string mineral, string action)
    {
        var result = Fixtures.Evaluate($"""
            id: D-BAN
            permit: mining
            action: {action}
            applicationDate: 2024-05-01
            mineral: {mineral}
            scale: large
            depositScale: large
            deposit: {"{"} otherMiningRights: 0 {"}"}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.VerdictOf("mining.banned-minerals").Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(result.Decision, Is.EqualTo(Decision.NonCompliant));
        });
    }

    [TestCase("new", Outcome.Fail)]
    [TestCase("conversion", Outcome.Fail)]
    [TestCase("extension", Outcome.NotApplicable)]
    public void Evaluate_MercuryMine_OnlyNewMinesFail(string action, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: D-HG2
            permit: mining
            action: {action}
            applicationDate: 2024-05-01
            mineral: 汞
            """);

        Assert.That(result.VerdictOf("mining.mercury.no-new-mines").Outcome, Is.EqualTo(expected));
    }

    [TestCase("wetland-peat", "new", Outcome.Review)]
    [TestCase("placer-iron", "expansion", Outcome.Review)]
    [TestCase("heavy-placer", "conversion", Outcome.Review)]
    [TestCase("placer-gold", "extension", Outcome.NotApplicable)]
    public void Evaluate_RestrictedMineral_ReviewForNewAndExpansion(string mineral, string action, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: D-RES
            permit: mining
            action: {action}
            applicationDate: 2024-05-01
            mineral: {mineral}
            """);

        Assert.That(result.VerdictOf("mining.restricted-minerals").Outcome, Is.EqualTo(expected));
    }

    [TestCase("true", Outcome.Fail)]
    [TestCase("false", Outcome.Pass)]
    public void Evaluate_CoalToxicSubstances_AboveStandardFails(string exceeds, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: D-TOX
            permit: mining
            action: extension
            applicationDate: 2024-05-01
            mineral: coal
            coal: {"{"} toxicSubstancesExceedStandard: {exceeds} {"}"}
            """);

        Assert.That(result.VerdictOf("coal.toxic-substances.prohibited").Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_NewExplorationUltraLeanMagnetite_Fails()
    {
        var result = Fixtures.Evaluate("""
            id: D-EXP-MAG
            permit: exploration
            action: new
            applicationDate: 2024-05-01
            mineral: 超贫磁铁矿
            """);

        Assert.That(result.VerdictOf("exploration.ultra-lean-magnetite.prohibited").Outcome, Is.EqualTo(Outcome.Fail));
    }

    [TestCase("eiaApproved: true, ecologyDepartmentConsent: true", Outcome.Review)]
    [TestCase("eiaApproved: true, ecologyDepartmentConsent: false", Outcome.Fail)]
    [TestCase("eiaApproved: false, ecologyDepartmentConsent: true", Outcome.Fail)]
    [TestCase("eiaApproved: true", Outcome.Review)]
    public void Evaluate_NewPlacerGoldExploration_FailWithoutEiaAndConsentReviewWithBoth(string environment, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: D-EXP-AU
            permit: exploration
            action: new
            applicationDate: 2024-05-01
            mineral: placer-gold
            environment: {"{"} {environment} {"}"}
            """);

        Assert.That(result.VerdictOf("exploration.placer-gold.restricted").Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_PlacerGoldExplorationWithoutConsentFact_ReviewNamesIt()
    {
        var verdict = Fixtures.Evaluate("""
            id: D-EXP-AU2
            permit: exploration
            action: new
            applicationDate: 2024-05-01
            mineral: placer-gold
            environment: { eiaApproved: true }
            """).VerdictOf("exploration.placer-gold.restricted");

        Assert.That(verdict.Missing, Is.EqualTo(new[] { "environment.ecologyDepartmentConsent" }));
    }

    [Test]
    public void Evaluate_PriorityMineral_NoteOnResultNotVerdict()
    {
        var result = Fixtures.Evaluate("""
            id: D-NOTE
            permit: exploration
            action: new
            applicationDate: 2024-05-01
            mineral: copper
            block: { basicUnits: 2, otherHolders: 0 }
            grant: { method: tender }
            fiscallyFunded: false
            environment: { greenExplorationPlan: true }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Notes.Select(n => n.Rule), Is.EqualTo(new[] { "exploration.priority-minerals" }));
            Assert.That(result.Notes[0].Message.Zh, Is.EqualTo("铜属规划重点勘查矿种。"));
            Assert.That(result.Verdicts.Select(v => v.Rule), Does.Not.Contain("exploration.priority-minerals"));
            Assert.That(result.Decision, Is.EqualTo(Decision.Compliant));
        });
    }

    [Test]
    public void Evaluate_DateBeforePlanIssued_NoRuleSetInForce()
    {
        var application = Fixtures.Read(CompliantCoalMine.Replace("2024-05-01", "2022-08-18", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(Fixtures.Catalog.InForceOn(application.ApplicationDate), Is.Null);
            Assert.That(() => Fixtures.Catalog.Evaluate(application), Throws.TypeOf<RuleSetNotFoundException>().With.Message.Contains("2022-08-18").And.Property(nameof(RuleSetNotFoundException.Diagnostic)).Property(nameof(Diagnostic.Code)).EqualTo("MR2002"));
        });
    }

    [TestCase("2022-08-19")]
    [TestCase("2025-12-31")]
    [TestCase("2031-06-30")]
    public void InForceOn_DateFromIssueOnwards_Version100(string date)
    {
        Assert.That(Fixtures.Catalog.InForceOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))!.Info.Version, Is.EqualTo("1.0.0"));
    }

    [Test]
    public void Evaluate_ExplicitUnknownVersion_Throws()
    {
        Assert.That(() => Fixtures.Catalog.Evaluate(Fixtures.Read(CompliantCoalMine), "9.9.9"), Throws.TypeOf<RuleSetNotFoundException>().With.Message.Contains("9.9.9").And.Property(nameof(RuleSetNotFoundException.Diagnostic)).Property(nameof(Diagnostic.Code)).EqualTo("MR2003"));
    }

    [Test]
    public void Evaluate_InvalidApplicationBuiltInCode_ThrowsWithEveryProblem()
    {
        var application = Fixtures.Read(CompliantCoalMine) with { Capacity = new Capacity(-5, CapacityUnit.MegatonnesPerYear), OperatingDaysPerYear = 400 };

        Assert.That(
            () => Fixtures.Catalog.Evaluate(application),
            Throws.TypeOf<InvalidApplicationException>().With.Message.Contains("capacity.value").And.Message.Contains("operatingDaysPerYear"));
    }

    [Test]
    public void Evaluate_SameCompiledRuleSetFromManyThreads_SameResults()
    {
        var application = Fixtures.Read(CompliantCoalMine.Replace("value: 400", "value: 240", StringComparison.Ordinal));
        var ruleSet = Fixtures.Catalog.RuleSets[0];
        var expected = ResultJson.Serialize(ruleSet.Evaluate(application));

        var results = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => ResultJson.Serialize(ruleSet.Evaluate(application)))
            .ToList();

        Assert.That(results, Is.All.EqualTo(expected));
    }
}
