using System.Globalization;
using System.Text;

namespace MineralRules.Tests.Evaluation;

/// <summary>
/// A result's verdicts are held compactly (passes and not-applicable as bits, only fails and reviews kept) and a
/// fail or review is explained — remedy, facts — when first read. Whatever the number of rules that can apply (a
/// few, more than the stack holds, more than a mask holds), every verdict reads as evaluated, in rule-set order,
/// the same every time and on every thread. Rule sets generated here: rule k requires a capacity of at least 5·k
/// 万吨/年, and every seventh rule is for open-pit mines only.
/// </summary>
public sealed class VerdictListTests
{
    private const string Readings = "readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required }";

    // 5 and 12: within the stack's room for fails (8) or past it; 63, 64, 65: around the 64 candidates a mask holds.
    [TestCase(5)]
    [TestCase(12)]
    [TestCase(40)]
    [TestCase(63)]
    [TestCase(64)]
    [TestCase(65)]
    [TestCase(70)]
    public void Verdicts_ManyRulesCanApply_EachReadsAsEvaluatedInOrder(int rules)
    {
        var ruleSet = TestRuleSets.Load(Readings, Rules(rules));
        const int capacity = 100;

        var verdicts = ruleSet.Evaluate(Mine(capacity)).Verdicts;

        Assert.That(verdicts, Has.Count.EqualTo(rules));
        Assert.Multiple(() =>
        {
            for (var k = 1; k <= rules; k++)
            {
                var verdict = verdicts[k - 1];
                Assert.That(verdict.Rule, Is.EqualTo(Id(k)));
                Assert.That(verdict.Outcome, Is.EqualTo(Expected(k, capacity)), Id(k));
                if (verdict.Outcome == Outcome.Fail)
                {
                    var required = (5 * k).ToString(CultureInfo.InvariantCulture);
                    Assert.That(verdict.Remedy!.En, Does.Contain(required), Id(k));
                    Assert.That(verdict.Facts.Select(f => (f.Field, f.Value)), Is.EqualTo(new[] { ("capacity", (string?)"100万吨/年") }), Id(k));
                }
                else
                {
                    Assert.That(verdict.Remedy, Is.Null, Id(k));
                    Assert.That(verdict.Facts, Is.Empty, Id(k));
                }
            }
        });
    }

    [TestCase(12)]
    [TestCase(70)]
    public void Verdicts_ReadTwiceInEitherOrder_SameVerdictObjects(int rules)
    {
        var result = TestRuleSets.Load(Readings, Rules(rules)).Evaluate(Mine(100));

        var backwards = Enumerable.Range(0, rules).Reverse().Select(i => result.Verdicts[i]).Reverse().ToList();
        var forwards = result.Verdicts.ToList();

        Assert.That(forwards, Has.Count.EqualTo(rules));
        for (var i = 0; i < rules; i++)
        {
            Assert.That(forwards[i], Is.SameAs(backwards[i]), Id(i + 1));
        }
    }

    [TestCase(12)]
    [TestCase(70)]
    public void Verdicts_FirstReadFromEightThreadsAtOnce_SameAsASingleThreadedRead(int rules)
    {
        var ruleSet = TestRuleSets.Load(Readings, Rules(rules));
        var expected = Text(ruleSet.Evaluate(Mine(100)));

        for (var run = 0; run < 10; run++)
        {
            var result = ruleSet.Evaluate(Mine(100)); // fresh: the first reads race
            Assert.That(Fixtures.AtOnce(8, _ => Text(result)), Has.All.EqualTo(expected));
        }
    }

    [Test]
    public void Verdicts_EveryRulePasses_NoFailOrReviewAndDecisionCompliant()
    {
        var result = TestRuleSets.Load(Readings, Rules(40)).Evaluate(Mine(1000));

        Assert.That(result.Decision, Is.EqualTo(Decision.Compliant));
        Assert.That(result.Verdicts.Select(v => v.Outcome), Has.None.EqualTo(Outcome.Fail).And.None.EqualTo(Outcome.Review));
        Assert.That(result.Verdicts.Count(v => v.Outcome == Outcome.NotApplicable), Is.EqualTo(40 / 7));
    }

    private static Outcome Expected(int k, int capacity) =>
        k % 7 == 0 ? Outcome.NotApplicable : 5 * k <= capacity ? Outcome.Pass : Outcome.Fail;

    private static string Id(int k) => string.Create(CultureInfo.InvariantCulture, $"r{k:D3}");

    private static Application Mine(int capacity) => Fixtures.Read(string.Create(CultureInfo.InvariantCulture, $$"""
        id: MANY
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: coal
        miningMethod: underground
        capacity: { value: {{capacity}}, unit: 万吨/年 }
        """));

    private static string Rules(int count)
    {
        var yaml = new StringBuilder();
        for (var k = 1; k <= count; k++)
        {
            var methods = k % 7 == 0 ? ", miningMethods: [open-pit]" : string.Empty;
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  - id: {{Id(k)}}
                    clause: { ref: "5.2.1", zh: 新建井工煤矿原则上产能不低于300万吨/年, en: At least 3 Mt/a. }
                    scope: { permit: mining, actions: [new], minerals: [coal]{{methods}} }
                    condition: { atLeast: { field: capacity, value: {{5 * k}}, unit: 万吨/年 } }
                    outcome: fail
                    message: { zh: "产能{actual}低于{required}。", en: "Capacity {actual} is below {required}." }
                    remedy: { zh: "产能不低于{required}。", en: "Design a capacity of at least {required}." }

                """);
        }

        return yaml.ToString();
    }

    private static string Text(EvaluationResult result) => string.Join(
        "\n",
        result.Verdicts.Select(v => $"{v.Rule} {v.Outcome} {v.Message?.En} | {v.Remedy?.En} | {string.Join(";", v.Facts.Select(f => $"{f.Field}={f.Value}/{f.Required}"))}"));
}
