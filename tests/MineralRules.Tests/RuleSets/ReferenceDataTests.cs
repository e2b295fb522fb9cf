using MineralRules.Reference;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.RuleSets;

/// <summary>Reference tables carry sources and verified flags; an unverified figure never decides a verdict.</summary>
public class ReferenceDataTests
{
    private const string RuleId = "mining.new.declared-scale-matches-capacity";

    [Test]
    public void MineScaleTable_EveryRow_HasSourceStatusAndVerifiedFlag()
    {
        var table = Fixtures.Shipped.RuleSets[^1].Definition.Reference.MineScale!;

        Assert.Multiple(() =>
        {
            Assert.That(table.Rows, Has.Count.GreaterThan(30));
            Assert.That(table.Rows.Select(r => r.Source), Is.All.Not.Empty);
            Assert.That(table.Rows.Where(r => r.Verified).Select(r => r.Status), Is.All.EqualTo("sourced"));
            Assert.That(table.Rows.Single(r => r.Name == "煤(地下开采)").Verified, Is.True);
            Assert.That(table.Rows.Single(r => r.Name == "萤石").Verified, Is.False);
        });
    }

    [Test]
    public void DepositScaleTable_EveryRow_HasSourceAndVerifiedFlag()
    {
        var table = Fixtures.Shipped.RuleSets[^1].Definition.Reference.DepositScale!;

        Assert.That(table.Rows.Select(r => r.Source), Is.All.Not.Empty);
    }

    [Test]
    public void Divisions_ShippedWithRuleSet_SameAsGbT2260TableOfTheReader()
    {
        var shipped = Fixtures.Shipped.RuleSets[^1].Definition.Reference.Divisions!;
        var codes = shipped.Leagues.SelectMany(l => l.Counties.Select(c => (c.Code, c.Name)).Prepend((l.Code, l.Name))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(shipped.Leagues, Has.Count.EqualTo(12));
            foreach (var (code, name) in codes)
            {
                Assert.That(AdministrativeDivisions.Default.ByCode(code)?.Name, Is.EqualTo(name), code);
            }
        });
    }

    [TestCase("44.99", "small", Outcome.Pass)]
    [TestCase("45", "medium", Outcome.Pass)]
    [TestCase("119.99", "medium", Outcome.Pass)]
    [TestCase("120", "large", Outcome.Pass)]
    [TestCase("120", "medium", Outcome.Review)]
    [TestCase("44.99", "medium", Outcome.Review)]
    public void Evaluate_CoalUndergroundVerifiedRow_DeclaredScaleCheckedAtBoundaries(string capacity, string declared, Outcome expected)
    {
        var result = Fixtures.Evaluate(Mine("coal", "underground", capacity, "万吨/年", declared));

        Assert.That(result.VerdictOf(RuleId).Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_MismatchWithVerifiedRow_ReviewCitingTheTable()
    {
        var verdict = Fixtures.Evaluate(Mine("limestone", "open-pit", "40", "万吨/年", "medium")).VerdictOf(RuleId);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Clause.Ref, Is.EqualTo("5.2.1"));
            Assert.That(verdict.Message!.En, Does.Contain("small").And.Contain("石灰岩"));
        });
    }

    [TestCase("copper", "20")]
    [TestCase("fluorite", "2")]
    [TestCase("iron", "10")]
    [TestCase("gold", "1")]
    public void Evaluate_OnlyUnverifiedRowsForMineral_DeclaredScaleNeverQuestioned(string mineral, string capacity)
    {
        // By the unverified rows these capacities would be small; the declared "large" stands.
        var result = Fixtures.Evaluate(Mine(mineral, "open-pit", capacity, "万吨/年", "large"));

        Assert.That(result.VerdictOf(RuleId).Outcome, Is.EqualTo(Outcome.Pass));
    }

    [Test]
    public void Evaluate_VerifiedRowMarkedUnverified_NoLongerDecides()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "reference", "mine-production-scale.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var row = lines.FindIndex(l => l.Contains("name: 石灰岩", StringComparison.Ordinal));
        var flag = lines.FindIndex(row, l => l.Trim() == "verified: true");
        lines[flag] = lines[flag].Replace("true", "false", StringComparison.Ordinal);
        lines[flag + 1] = lines[flag + 1].Replace("sourced", "inferred", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var catalog = RuleSetCatalog.LoadFromFolder(rules);
        var application = Fixtures.Read(Mine("limestone", "open-pit", "40", "万吨/年", "medium"));

        Assert.Multiple(() =>
        {
            Assert.That(Fixtures.Catalog.Evaluate(application).VerdictOf(RuleId).Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(catalog.Evaluate(application).VerdictOf(RuleId).Outcome, Is.EqualTo(Outcome.Pass));
        });
    }

    [Test]
    public void Evaluate_CoalMethodUnknown_MethodSpecificRowNotUsed()
    {
        var result = Fixtures.Evaluate(Mine("coal", null, "10", "万吨/年", "large"));

        Assert.That(result.VerdictOf(RuleId).Outcome, Is.EqualTo(Outcome.Pass));
    }

    private static string Mine(string mineral, string? method, string capacity, string unit, string scale) => $"""
        id: REF-{mineral}
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: {mineral}
        {(method is null ? string.Empty : $"miningMethod: {method}")}
        capacity: {"{"} value: {capacity}, unit: {unit} {"}"}
        scale: {scale}
        """;
}
