using System.Text;
using MineralRules.Conditions;
using MineralRules.Rulebook;
using MineralRules.RuleSets;
using Snapshooter.NUnit;
using static MineralRules.Tests.Rulebook.RulebookFixtures;

namespace MineralRules.Tests.Rulebook;

/// <summary>The plain words of rules and clauses (CompiledRuleSet.Descriptions and Clauses) that the rulebook and explain show.</summary>
public class RuleDescriptionTests
{
    [Test]
    public void Descriptions_TestRuleSet_MatchSnapshot()
    {
        var text = new StringBuilder();
        foreach (var culture in new[] { Chinese, English })
        {
            foreach (var clause in Latest.Clauses)
            {
                text.Append(clause.Format(culture)).Append('\n');
            }

            foreach (var rule in Latest.Descriptions)
            {
                text.Append(rule.Format(culture)).Append('\n');
            }
        }

        Snapshot.Match(text.ToString());
    }

    [Test]
    public void Threshold_CapacityAtLeast_GivesUnitAndBoundaryInBothLanguages()
    {
        var rule = Catalog.Find("1.0.0")!.Descriptions.Single(d => d.RuleId == "coal.min-capacity");

        Assert.That(rule.Condition!.Zh, Is.EqualTo("设计生产能力至少 300万吨/年（300 本身合格）"));
        Assert.That(rule.Condition.En, Is.EqualTo("capacity at least 300万吨/年 = 3,000,000 t/a (300 itself passes)"));
        Assert.That(rule.Thresholds, Has.Count.EqualTo(1));
        Assert.That(rule.WhenViolated, Is.EqualTo(Outcome.Fail));
        Assert.That(rule.Outcome.Zh, Does.Contain("原则上"));
    }

    [Test]
    public void Scope_ListAndZones_NamedInChineseAndEnglish()
    {
        var banned = Latest.Descriptions.Single(d => d.RuleId == "mining.banned-minerals");
        var redLine = Latest.Descriptions.Single(d => d.RuleId == "spatial.red-line.review");

        Assert.That(banned.Scope.Zh, Is.EqualTo("矿业权：采矿权；矿种：禁止开采矿种（banned-for-mining）：超贫磁铁矿"));
        Assert.That(banned.Scope.En, Is.EqualTo("permit: mining permit; minerals: Minerals whose mining is prohibited (banned-for-mining): ultra-lean magnetite"));
        Assert.That(banned.Minerals.Select(m => m.Zh), Is.EqualTo(new[] { "超贫磁铁矿" }));
        Assert.That(redLine.Scope.Zh, Does.Contain("位于以下分区之一：生态保护红线"));
        Assert.That(redLine.Condition!.Zh, Is.EqualTo("满足其一即可：（1）申请事项不是以下之一：新立、探转采；（2）环境影响评价已批复"));
        Assert.That(redLine.Condition.En, Is.EqualTo("any of: (1) action is none of: new, conversion; (2) environment.eiaApproved is yes"));
    }

    [Test]
    public void Condition_GivenIncludesExpressionAndLeagues_InWords()
    {
        var ruleSet = TestRuleSets.Load("readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required }", """
              - id: words.check
                clause: { ref: "5.2.1", zh: 新建井工煤矿原则上产能不低于300万吨/年, en: At least 3 Mt/a. }
                scope: { permit: exploration, leagues: [乌海市], counties: [准格尔旗] }
                condition:
                  all:
                    - given: { field: grant.agreementBasis }
                    - includesNone: { field: location.zones, values: [nature-reserve] }
                    - expression: "block.basicUnits >= 1"
                outcome: review
                message: { zh: 审查。, en: Review. }
                remedy: { zh: 审查。, en: Review. }

            """);
        var rule = ruleSet.Descriptions.Single();

        Assert.That(rule.Scope.Zh, Is.EqualTo("矿业权：探矿权；所在盟市：乌海市；所在旗县区：准格尔旗"));
        Assert.That(rule.Scope.En, Is.EqualTo("permit: exploration permit; league or city: 乌海市 (150300); banner or county: 准格尔旗 (150622)"));
        Assert.That(rule.Condition!.Zh, Is.EqualTo("同时满足：（1）申请已填写协议出让的依据；（2）所在规划分区不包括自然保护地；（3）以下表达式成立：block.basicUnits >= 1"));
        Assert.That(rule.Condition.En, Is.EqualTo("all of: (1) the application gives grant.agreementBasis; (2) location.zones does not include nature reserve; (3) this expression holds: block.basicUnits >= 1"));
    }

    [Test]
    public void Clauses_TestRuleSet_EveryIndexedClauseWithItsWordsAndRules()
    {
        var clauses = Latest.Clauses;

        Assert.That(clauses.Select(c => c.Ref), Is.EqualTo(new[] { "1", "1.1", "1.1.1", "1.1.2", "1.2" }));
        var clause = clauses.Single(c => c.Ref == "1.1.2");
        Assert.That(clause.Chapter, Is.EqualTo("1"));
        Assert.That(clause.Title, Is.EqualTo("禁止开采"));
        Assert.That(clause.Status, Is.EqualTo("checkable"));
        Assert.That(clause.PlanText, Is.EqualTo("2.禁止开采。禁止开采超贫磁铁矿。"));
        Assert.That(clause.RuleIds, Is.EqualTo(new[] { "mining.banned-minerals" }));
        Assert.That(clause.Quotes.Select(q => q.Text), Is.EqualTo(new[] { "禁止开采超贫磁铁矿。" }), "the rule's quote and the alsoCites of another, once");
    }

    [Test]
    public void Descriptions_ShippedRuleSet_EveryRuleInPlainWords()
    {
        var shipped = RuleSetCatalog.LoadFromFolder(TestPaths.Rules).Find("2.0.0")!;
        var coal = shipped.Descriptions.Single(d => d.RuleId == "coal.new-underground.min-capacity");
        var clause = shipped.Clauses.Single(c => c.Ref == "5.2.1");

        Assert.That(shipped.Descriptions.Select(d => d.RuleId), Is.EqualTo(shipped.RuleIds));
        Assert.That(coal.Condition!.Zh, Is.EqualTo("设计生产能力至少 300万吨/年（300 本身合格）"));
        Assert.That(coal.Scope.Zh, Is.EqualTo("矿业权：采矿权；申请事项：新立、探转采；矿种：煤炭；开采方式：井工"));
        Assert.That(clause.PlanText, Does.Contain("新建井工煤矿原则上产能不低于"));
        Assert.That(clause.RuleIds, Does.Contain("coal.new-underground.min-capacity").And.Contain("copper.new.min-ore-output"));
        Assert.That(shipped.Clauses.Where(c => c.Status == "checkable"), Has.All.Matches<ClauseText>(c => c.RuleIds.Count > 0));
        var extension = shipped.Descriptions.Single(d => d.RuleId == "exploration.extension.30-days-before-expiry").Condition!;
        Assert.That(extension.Zh, Is.EqualTo("申请日期不晚于现有许可证的到期日前30日（同一日合格）"));
        Assert.That(extension.En, Is.EqualTo("applicationDate on or before 30 days before licence.expiresOn (the same day passes)"));
        Assert.That(shipped.Descriptions.Select(d => d.Scope.Zh), Has.All.Not.Empty);
    }

    [Test]
    public void Describe_EveryConditionOfTheShippedRules_PlainWordsNotTheRuleFilesRendering()
    {
        var shipped = RuleSetCatalog.LoadFromFolder(TestPaths.Rules).Find("2.0.0")!;
        var conditions = shipped.Definition.Rules.SelectMany(r => new[] { r.Condition, r.Scope.When }).OfType<ConditionDefinition>().SelectMany(Nodes).ToList();

        Assert.That(conditions.Select(c => c.GetType()).Distinct().Count(), Is.GreaterThanOrEqualTo(8), "the shipped rules use most forms");
        foreach (var condition in conditions)
        {
            var rendered = ConditionForms.Render(condition);
            Assert.That(ConditionForms.Describe(condition, new Wording(Zh: true)), Is.Not.EqualTo(rendered).And.Not.Empty, rendered);
            Assert.That(ConditionForms.Describe(condition, new Wording(Zh: false)), Is.Not.EqualTo(rendered).And.Not.Empty, rendered);
        }

        static IEnumerable<ConditionDefinition> Nodes(ConditionDefinition condition) => condition switch
        {
            AllCondition all => all.Parts.SelectMany(Nodes).Prepend(condition),
            AnyCondition any => any.Parts.SelectMany(Nodes).Prepend(condition),
            NotCondition not => Nodes(not.Part).Prepend(condition),
            _ => [condition],
        };
    }

    [Test]
    public void Prohibited_ReviewRule_SaysEveryApplicationGoesToReviewNotABan()
    {
        var shipped = RuleSetCatalog.LoadFromFolder(TestPaths.Rules).Find("2.0.0")!;
        var restricted = shipped.Descriptions.Single(d => d.RuleId == "mining.restricted-minerals");

        Assert.That(restricted.WhenViolated, Is.EqualTo(Outcome.Review));
        Assert.That(restricted.Condition!.Zh, Is.EqualTo("凡属适用范围的申请一律需人工复核"));
        Assert.That(restricted.Condition.En, Is.EqualTo("every application in scope needs review"));
        var reviews = shipped.Descriptions.Where(d => d.WhenViolated == Outcome.Review && d.Condition!.Zh.StartsWith("凡属适用范围", StringComparison.Ordinal)).ToList();
        Assert.That(reviews.Select(d => d.RuleId), Is.SupersetOf(new[] { "spatial.red-line.uranium-mining-review", "spatial.red-line-or-reserve.producing-mines-review", "spatial.red-line-or-reserve.new-exploration-controlled", "spatial.protection-area.strictly-supervised", "rights.grant.agreement-basis-review" }));
        Assert.That(reviews.Select(d => d.Condition!.Zh + d.Condition.En), Has.None.Contain("不通过").And.None.Contain("不允许").And.None.Contain("fail"));
    }

    [Test]
    public void Prohibited_FailRule_SaysEveryApplicationFails()
    {
        var banned = RuleSetCatalog.LoadFromFolder(TestPaths.Rules).Find("2.0.0")!.Descriptions.Single(d => d.RuleId == "mining.banned-minerals");

        Assert.That(banned.WhenViolated, Is.EqualTo(Outcome.Fail));
        Assert.That(banned.Condition!.Zh, Is.EqualTo("凡属适用范围的申请一律不通过"));
        Assert.That(banned.Condition.En, Is.EqualTo("every application in scope fails"));
    }

    [Test]
    public void Prohibited_ExemptableFail_SaysAClaimedExemptionGoesToReview()
    {
        var rule = Describe("""
                condition: { prohibited: true }
                outcome: fail
                exemptable: true
            """);

        Assert.That(rule.Condition!.Zh, Is.EqualTo("凡属适用范围的申请原则上一律不通过；申报例外并写明依据的，改为需人工复核"));
        Assert.That(rule.Condition.En, Is.EqualTo("every application in scope fails in principle; one claiming an exemption with its basis needs review"));
    }

    [Test]
    public void Scope_BoundariesInWhen_ReadAsCoveredNotAsPassing()
    {
        var rule = Describe("""
                scope:
                  permit: exploration
                  when:
                    all:
                      - atMost: { field: applicationDate, compareTo: licence.expiresOn }
                      - moreThan: { field: block.basicUnits, value: 2 }
                condition: { atLeast: { field: applicationDate, compareTo: licence.expiresOn, plusMonths: -3 } }
                outcome: review
            """);

        Assert.That(rule.Scope.Zh, Does.EndWith("（同一日适用）；（2）区块基本单位区块数超过 2（2 本身不适用）"));
        Assert.That(rule.Scope.En, Does.EndWith("(the same day is covered); (2) block.basicUnits more than 2 (2 itself is not covered)"));
        Assert.That(rule.Thresholds.Select(t => t.Zh), Has.Exactly(2).StartWith("（适用条件）").And.Exactly(2).Contain("适用）"));
        Assert.That(rule.Condition!.Zh, Is.EqualTo("申请日期不早于现有许可证的到期日前3个月（同一日合格）"), "the condition's boundary still passes or fails");
    }

    [Test]
    public void Condition_YesNoCountsOrdersOneValueAndNesting_ReadAsPlainChinese()
    {
        var rule = Describe("""
                condition:
                  all:
                    - is: { field: includesProcessing, value: true }
                    - not: { is: { field: block.inPlanningBlock, value: false } }
                    - noneOf: { field: scale, values: [large] }
                    - atMost: { field: block.otherHolders, value: 0 }
                    - any:
                        - atLeast: { field: explorationStage, value: exploration }
                        - is: { field: environment.eiaApproved, value: false }
                outcome: fail
            """);

        Assert.That(rule.Condition!.Zh, Is.EqualTo("同时满足：（1）为采选项目；（2）位于规划区块内；（3）矿山生产建设规模不是大型；（4）同一规划区块内不得有其他矿业权人；（5）满足其一即可：①勘查程度达到勘探及以上，②环境影响评价未批复"));
        Assert.That(rule.Condition.En, Is.EqualTo("all of: (1) includesProcessing is yes; (2) block.inPlanningBlock is yes; (3) scale is not large; (4) block.otherHolders at most 0 (0 itself passes); (5) any of: (a) explorationStage at least exploration (exploration itself passes), (b) environment.eiaApproved is no"));
    }

    /// <summary>The plain words of one rule of a test rule set, written from its scope on (permit mining when the scope is left out).</summary>
    private static RuleDescription Describe(string rest)
    {
        var ruleSet = TestRuleSets.Load("readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required }", $$"""
              - id: words.check
                clause: { ref: "5.2.1", zh: 新建井工煤矿原则上产能不低于300万吨/年, en: At least 3 Mt/a. }
            {{(rest.Contains("scope:", StringComparison.Ordinal) ? string.Empty : "    scope: { permit: mining }\n")}}{{rest}}
                message: { zh: 审查。, en: Review. }
                remedy: { zh: 审查。, en: Review. }

            """);
        return ruleSet.Descriptions.Single();
    }
}
