using MineralRules.Reference;
using MineralRules.RuleSets;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.RuleSets;

/// <summary>
/// Every citation is the plan's own: refs from its numbering, quotes from its text under that clause. The loader checks
/// the shipped rules' quotes itself (they load, so they hold); these tests prove the loader refuses each kind of
/// unfaithful citation, and pin the plan-text parser the loader relies on.
/// </summary>
public class FaithfulnessTests
{
    private static readonly RuleSetDefinition Definition = Fixtures.Shipped.RuleSets[^1].Definition;

    [Test]
    public void Parse_PlanText_NumberingOfChaptersSectionsAndItems()
    {
        var refs = PlanFromRepository().Clauses.Select(c => c.Ref).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(refs, Has.Count.EqualTo(60));
            Assert.That(refs, Does.Contain("3.1").And.Contain("4.2.1").And.Contain("4.3.2").And.Contain("5.2.1").And.Contain("6.2.3").And.Contain("7.5"));
            Assert.That(refs, Does.Not.Contain("1.2.6"), "a line that merely starts with a number is not an item");
            Assert.That(refs, Does.Not.Contain("5.2.3"));
        });
    }

    [Test]
    public void Contains_QuoteWithDifferentWhiteSpace_Found()
    {
        // The published text writes "不低于 300万吨 /年"; the rules quote it without the stray spaces.
        Assert.That(PlanFromRepository().Contains("新建井工煤矿原则上产能不低于300万吨/年"), Is.True);
    }

    [TestCase("新建井工煤矿原则上产能不低于200万吨/年")]
    [TestCase("新建露天煤矿原则上产能不低于300万吨/年")]
    public void Contains_AlteredQuote_NotFound(string quote)
    {
        Assert.That(PlanFromRepository().Contains(quote), Is.False);
    }

    [Test]
    public void Load_ClauseIndexLacksAClauseOfThePlan_RefusedNamingIt()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "clause-index.yaml");
        File.WriteAllLines(file, File.ReadAllLines(file).Where(l => !l.Contains("ref: \"7.5\"", StringComparison.Ordinal)));

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Diagnostics.Select(d => (d.Code, d.Message)), Does.Contain(("MR3008", "The clause index lacks clause 7.5 (提高规划管理信息化水平); add it with its status and, when not checkable, the reason.")));
        });
    }

    [TestCase("3.1")]
    [TestCase("3.4")]
    [TestCase("4.2.1")]
    [TestCase("4.2.4")]
    [TestCase("4.3.1")]
    [TestCase("4.3.2")]
    [TestCase("5.1.1")]
    [TestCase("5.1.2")]
    [TestCase("5.2.1")]
    [TestCase("5.3.4")]
    [TestCase("5.4.1")]
    [TestCase("5.4.2")]
    [TestCase("6.1.1")]
    [TestCase("6.2.3")]
    public void ClauseIndex_ClauseOfClausesMd_CheckableWithRules(string reference)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Definition.ClauseIndex.Single(e => e.Ref == reference).Status, Is.EqualTo(ClauseStatus.Checkable));
            Assert.That(Definition.Rules.Where(r => r.Clause.Ref == reference && r.Kind == RuleKind.Check), Is.Not.Empty);
        });
    }

    [Test]
    public void Load_QuoteChangedByOneCharacter_RefusedAtTheQuoteLine()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains("zh: 新建井工煤矿原则上产能不低于300万吨/年", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("300", "200", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.RuleId)), Does.Contain(("MR3015", index + 1, "coal.new-underground.min-capacity")));
        });
    }

    [Test]
    public void Load_ClauseRefNotInPlan_RefusedWithTheRef()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-6-green-mining.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("ref: \"6.1.1\"", "ref: \"6.1.9\"", StringComparison.Ordinal));

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("The plan has no clause 6.1.9"));
    }

    private static PlanText PlanFromRepository() =>
        PlanText.Parse(File.ReadAllText(Path.Combine(TestPaths.Rules, "nmg-mineral-plan-2021-2025", "1.0.0", "source", "plan.zh.txt")));
}
