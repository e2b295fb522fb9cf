using System.Text;
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
        Assert.That(redLine.Condition!.Zh, Is.EqualTo("满足其一即可：（1）不满足：［申请事项是以下之一：新立、探转采］；（2）环境影响评价是否已批复为“是”"));
        Assert.That(redLine.Condition.En, Is.EqualTo("any of: (1) not: [action is one of: new, conversion]; (2) environment.eiaApproved is yes"));
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
        Assert.That(rule.Condition!.Zh, Is.EqualTo("同时满足：（1）申请已填写协议出让的依据；（2）所在规划分区不包括以下任何一项：自然保护地；（3）以下表达式成立：block.basicUnits >= 1"));
        Assert.That(rule.Condition.En, Is.EqualTo("all of: (1) the application gives grant.agreementBasis; (2) location.zones includes none of: nature reserve; (3) this expression holds: block.basicUnits >= 1"));
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
        foreach (var rule in shipped.Descriptions)
        {
            var words = string.Join("\n", rule.Lines(Chinese).Concat(rule.Lines(English)).Select(l => l.Text));
            Assert.That(words, Does.Not.Contain("atLeast").And.Not.Contain("oneOf").And.Not.Contain("prohibited: true"), rule.RuleId);
            Assert.That(rule.Scope.Zh, Is.Not.Empty, rule.RuleId);
        }
    }
}
