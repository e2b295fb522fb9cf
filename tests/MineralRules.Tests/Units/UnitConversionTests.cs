using MineralRules.Units;

namespace MineralRules.Tests.Units;

/// <summary>Unit edge cases: no operating days, spaces in mass units, figures beyond decimal's range.</summary>
public class UnitConversionTests
{
    [TestCase(0)]
    [TestCase(-5)]
    public void Compare_PerDayAgainstPerYearWithNonPositiveDays_NeedsOperatingDays(int days)
    {
        var result = UnitConversions.Compare(new Capacity(1000, CapacityUnit.TonnesPerDay), days, 300, CapacityUnit.TenThousandTonnesPerYear);

        Assert.That(result, Is.EqualTo(CapacityComparison.NeedsOperatingDays));
    }

    [Test]
    public void Compare_FigureBeyondDecimalRange_IncomparableNotACrash()
    {
        var result = UnitConversions.Compare(new Capacity(decimal.MaxValue, CapacityUnit.MegatonnesPerYear), null, 300, CapacityUnit.TenThousandTonnesPerYear);

        Assert.That(result, Is.EqualTo(CapacityComparison.Incomparable));
    }

    [TestCase("万吨")]
    [TestCase(" 万 吨 ")]
    [TestCase("M t")]
    public void TryParseMassUnit_SpacesAnywhere_Parses(string text)
    {
        Assert.That(UnitConversions.TryParseMassUnit(text, out _), Is.True);
    }
}
