namespace MineralRules.Tests.Evaluation;

/// <summary>
/// Messages filled with an application's values are formatted when first read, and those naming only the permit,
/// action or mineral are built once per combination: whatever the path, a reader sees the same text, on any thread.
/// </summary>
public class DeferredMessageTests
{
    private static CompiledRuleSet RuleSet => Fixtures.Catalog.RuleSets.Single();

    [Test]
    public void Message_ReadFromEightThreadsAtOnce_SameTextAsASingleThreadedRead()
    {
        var expected = Messages(RuleSet.Evaluate(SmallCoalMine("EXPECTED")));

        for (var run = 0; run < 20; run++)
        {
            // A fresh result each run, so the first read of each message races.
            var result = RuleSet.Evaluate(SmallCoalMine("EXPECTED"));
            var seen = Fixtures.AtOnce(8, _ => Messages(result));

            Assert.That(seen, Has.All.EqualTo(expected));
        }
    }

    [Test]
    public void Message_CapacityBelowThreshold_NamesTheActualAndRequiredValues()
    {
        var verdict = RuleSet.Evaluate(SmallCoalMine("SMALL")).Verdicts.Single(v => v.Rule == "coal.new-underground.min-capacity");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(verdict.Message!.Zh, Does.Contain("120").And.Contain("300"));
        Assert.That(verdict.Message.En, Does.Contain("120").And.Contain("300"));
    }

    [Test]
    public void Message_TwoApplicationsSameRule_EachNamesItsOwnValue()
    {
        var first = RuleSet.Evaluate(Fixtures.Read(Fixtures.CoalMine("A", 120)));
        var second = RuleSet.Evaluate(Fixtures.Read(Fixtures.CoalMine("B", 150)));

        var a = first.Verdicts.Single(v => v.Rule == "coal.new-underground.min-capacity").Message!;
        var b = second.Verdicts.Single(v => v.Rule == "coal.new-underground.min-capacity").Message!;

        Assert.That(a.Zh, Does.Contain("120").And.Not.Contain("150"));
        Assert.That(b.Zh, Does.Contain("150").And.Not.Contain("120"));
    }

    [TestCase("blue-asbestos", "蓝石棉")]
    [TestCase("ultra-lean-magnetite", "超贫磁铁矿")]
    public void Message_BannedMineral_NamesThatMineral(string mineral, string name)
    {
        // Built once per (permit, action, mineral): each mineral must still get its own name.
        var result = RuleSet.Evaluate(Fixtures.Read($"""
            id: BANNED-{mineral}
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: {mineral}
            """));

        var verdict = result.Verdicts.Single(v => v.Rule == "mining.banned-minerals");
        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(verdict.Message!.Zh, Is.EqualTo($"禁止开采{name}。"));
    }

    [Test]
    public void Equals_MessageNotYetReadAndTheSameTextBuiltDirectly_Equal()
    {
        var verdict = RuleSet.Evaluate(SmallCoalMine("EQ")).Verdicts.Single(v => v.Rule == "coal.new-underground.min-capacity");
        var again = RuleSet.Evaluate(SmallCoalMine("EQ")).Verdicts.Single(v => v.Rule == "coal.new-underground.min-capacity");

        // `again` is compared before anything reads its message.
        Assert.That(again, Is.EqualTo(verdict with { Message = new LocalizedText(verdict.Message!.Zh, verdict.Message.En) }));
        Assert.That(again.GetHashCode(), Is.EqualTo(verdict.GetHashCode()));
    }

    [Test]
    public void With_OneLanguageOfAMessageNotYetRead_KeepsTheOtherFormatted()
    {
        var expected = RuleSet.Evaluate(SmallCoalMine("WITH")).Verdicts.Single(v => v.Rule == "coal.new-underground.min-capacity").Message!;
        var message = RuleSet.Evaluate(SmallCoalMine("WITH")).Verdicts.Single(v => v.Rule == "coal.new-underground.min-capacity").Message!;

        var replaced = message with { En = "replaced" };

        Assert.That(replaced.En, Is.EqualTo("replaced"));
        Assert.That(replaced.Zh, Is.EqualTo(expected.Zh));
        Assert.That(message.En, Is.EqualTo(expected.En));
    }

    [Test]
    public void Verdicts_AnyResult_IndexEnumerationAndCountAgreeInRuleSetOrder()
    {
        var result = RuleSet.Evaluate(SmallCoalMine("LIST"));
        var deciding = RuleSet.RuleIds.Where(id => result.Verdicts.Any(v => v.Rule == id)).ToList();

        Assert.That(result.Verdicts.Select(v => v.Rule), Is.EqualTo(deciding));
        Assert.That(Enumerable.Range(0, result.Verdicts.Count).Select(i => result.Verdicts[i]), Is.EqualTo(result.Verdicts.ToList()));
        Assert.That(result.Verdicts, Has.Count.EqualTo(43));
    }

    private static Application SmallCoalMine(string id) => Fixtures.Read(Fixtures.CoalMine(id, 120));

    private static string[] Messages(EvaluationResult result) =>
        [.. result.Verdicts.Select(v => $"{v.Rule}|{v.Message?.Zh}|{v.Message?.En}"), .. result.Notes.Select(n => $"{n.Rule}|{n.Message.Zh}|{n.Message.En}")];
}
