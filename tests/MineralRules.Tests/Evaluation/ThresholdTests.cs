namespace MineralRules.Tests.Evaluation;

/// <summary>
/// Every threshold of the first slice at, just below and just above its value, read as clauses.md prescribes:
/// 不低于 includes the number (it passes); 以下 includes the number (it fails).
/// </summary>
public class ThresholdTests
{
    private const string NewCoalUnderground = """
        id: T-COAL
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: coal
        miningMethod: underground
        scale: large
        depositScale: large
        deposit: { otherMiningRights: 0 }
        coal: { toxicSubstancesExceedStandard: false }
        """;

    [TestCase("299.99", "万吨/年", Outcome.Fail)]
    [TestCase("300", "万吨/年", Outcome.Pass)]
    [TestCase("300.01", "万吨/年", Outcome.Pass)]
    [TestCase("2.9999", "Mt/a", Outcome.Fail)]
    [TestCase("3", "Mt/a", Outcome.Pass)]
    [TestCase("3000", "kt/a", Outcome.Pass)]
    [TestCase("2999999", "t/a", Outcome.Fail)]
    [TestCase("3000000", "t/a", Outcome.Pass)]
    public void Evaluate_NewUndergroundCoalCapacity_AtLeast300WanTonnesPasses(string value, string unit, Outcome expected)
    {
        var result = Fixtures.Evaluate(NewCoalUnderground + $"\ncapacity: {{ value: {value}, unit: {unit} }}");

        Assert.That(result.VerdictOf("coal.new-underground.min-capacity").Outcome, Is.EqualTo(expected));
    }

    [TestCase("119.99", Outcome.Fail)]
    [TestCase("120", Outcome.Pass)]
    [TestCase("120.01", Outcome.Pass)]
    public void Evaluate_CoalExpansionCapacity_AtLeast120WanTonnesPasses(string value, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: T-COAL-EXP
            permit: mining
            action: expansion
            applicationDate: 2024-05-01
            mineral: coal
            miningMethod: open-pit
            capacity: {"{"} value: {value}, unit: 万吨/年 {"}"}
            capacityBefore: {"{"} value: 90, unit: 万吨/年 {"}"}
            coal: {"{"} toxicSubstancesExceedStandard: false {"}"}
            """);

        Assert.That(result.VerdictOf("coal.expansion.min-capacity").Outcome, Is.EqualTo(expected));
    }

    [TestCase("29.99", Outcome.Fail)]
    [TestCase("30", Outcome.Fail)]
    [TestCase("30.01", Outcome.Pass)]
    public void Evaluate_NewCopperOreOutput_30WanTonnesOrLessFails(string value, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: T-CU
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: copper
            capacity: {"{"} value: {value}, unit: 万吨/年 {"}"}
            scale: medium
            depositScale: medium
            deposit: {"{"} otherMiningRights: 0 {"}"}
            """);

        Assert.That(result.VerdictOf("copper.new.min-ore-output").Outcome, Is.EqualTo(expected));
    }

    [TestCase("open-pit", "299", Outcome.Fail)]
    [TestCase("open-pit", "300", Outcome.Fail)]
    [TestCase("open-pit", "301", Outcome.Pass)]
    [TestCase("underground", "99", Outcome.Fail)]
    [TestCase("underground", "100", Outcome.Fail)]
    [TestCase("underground", "101", Outcome.Pass)]
    public void Evaluate_NewGoldMineAndMillDailyOre_ThresholdOrLessFails(string method, string tonnesPerDay, Outcome expected)
    {
        var result = Fixtures.Evaluate(Gold(method, $"{tonnesPerDay}", "t/d", days: null));
        var rule = method == "open-pit" ? "gold.new-open-pit-mill.min-daily-ore" : "gold.new-underground-mill.min-daily-ore";

        Assert.That(result.VerdictOf(rule).Outcome, Is.EqualTo(expected));
    }

    [TestCase("9.9", Outcome.Fail)]
    [TestCase("9.933", Outcome.Pass)]
    public void Evaluate_GoldCapacityPerYearWithOperatingDays_ComparesExactlyAgainstPerDay(string wanTonnesPerYear, Outcome expected)
    {
        // 300 t/d × 330 days = 99,000 t/a = 9.9 万吨/年: exactly the threshold, which fails (以下 includes it).
        var result = Fixtures.Evaluate(Gold("open-pit", wanTonnesPerYear, "万吨/年", days: 330));

        Assert.That(result.VerdictOf("gold.new-open-pit-mill.min-daily-ore").Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_GoldCapacityPerYearWithoutOperatingDays_ReviewNamingOperatingDays()
    {
        var verdict = Fixtures.Evaluate(Gold("open-pit", "50", "万吨/年", days: null)).VerdictOf("gold.new-open-pit-mill.min-daily-ore");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.EqualTo(new[] { "operatingDaysPerYear" }));
        });
    }

    [Test]
    public void Evaluate_GoldMineWithoutMill_MillRulesNotApplicable()
    {
        var result = Fixtures.Evaluate(Gold("open-pit", "50", "t/d", days: null).Replace("includesProcessing: true", "includesProcessing: false", StringComparison.Ordinal));

        Assert.That(result.VerdictOf("gold.new-open-pit-mill.min-daily-ore").Outcome, Is.EqualTo(Outcome.NotApplicable));
    }

    [TestCase("small", Outcome.Fail)]
    [TestCase("medium", Outcome.Pass)]
    [TestCase("large", Outcome.Pass)]
    public void Evaluate_NewMineScale_SmallFailsForMineralsNotExempted(string scale, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: T-PB
            permit: mining
            action: conversion
            applicationDate: 2024-05-01
            mineral: lead
            scale: {scale}
            depositScale: medium
            deposit: {"{"} otherMiningRights: 0 {"}"}
            """);

        Assert.That(result.VerdictOf("mining.new.no-small-mines").Outcome, Is.EqualTo(expected));
    }

    [TestCase("gold")]
    [TestCase("coalbed-methane")]
    [TestCase("rich-iron")]
    [TestCase("geothermal")]
    [TestCase("mineral-water")]
    public void Evaluate_NewSmallMineOfExemptedMineral_NoSmallMineRuleNotApplicable(string mineral)
    {
        var result = Fixtures.Evaluate($"""
            id: T-SMALL
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: {mineral}
            scale: small
            depositScale: small
            deposit: {"{"} otherMiningRights: 0 {"}"}
            """);

        Assert.That(result.VerdictOf("mining.new.no-small-mines").Outcome, Is.EqualTo(Outcome.NotApplicable));
    }

    [TestCase("0", Outcome.Pass)]
    [TestCase("1", Outcome.Fail)]
    public void Evaluate_OtherMiningRightsOnDeposit_AnyFails(string others, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: T-DEP
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: iron
            scale: medium
            depositScale: medium
            deposit: {"{"} otherMiningRights: {others} {"}"}
            """);

        Assert.That(result.VerdictOf("mining.new.one-right-per-deposit").Outcome, Is.EqualTo(expected));
    }

    [TestCase("large", "small", Outcome.Fail)]
    [TestCase("large", "medium", Outcome.Pass)]
    [TestCase("medium", "small", Outcome.Pass)]
    public void Evaluate_DepositAndMineScale_LargeDepositMinedSmallFails(string deposit, string scale, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: T-DS
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: gold
            scale: {scale}
            depositScale: {deposit}
            deposit: {"{"} otherMiningRights: 0 {"}"}
            """);

        Assert.That(result.VerdictOf("mining.new.scale-matches-deposit").Outcome, Is.EqualTo(expected));
    }

    [TestCase("2000", "2500", Outcome.Pass)]
    [TestCase("2500", "2500", Outcome.Pass)]
    [TestCase("2500.5", "2500", Outcome.Fail)]
    public void Evaluate_QuotaMineralRequestedOutput_AboveAllocatedFails(string requested, string allocated, Outcome expected)
    {
        var result = Fixtures.Evaluate($"""
            id: T-REE
            permit: mining
            action: extension
            applicationDate: 2024-05-01
            mineral: 稀土
            quota: {"{"} requested: {requested}, allocated: {allocated}, unit: t {"}"}
            """);

        Assert.That(result.VerdictOf("mining.quota-controlled.within-quota").Outcome, Is.EqualTo(expected));
    }

    private static string Gold(string method, string value, string unit, int? days) => $"""
        id: T-AU
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: gold
        miningMethod: {method}
        includesProcessing: true
        capacity: {"{"} value: {value}, unit: {unit} {"}"}
        {(days is { } d ? $"operatingDaysPerYear: {d}" : string.Empty)}
        scale: medium
        depositScale: medium
        deposit: {"{"} otherMiningRights: 0 {"}"}
        """;
}
