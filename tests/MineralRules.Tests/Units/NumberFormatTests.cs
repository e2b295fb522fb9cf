using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MineralRules.Units;
using FsProperty = FsCheck.NUnit.PropertyAttribute;

namespace MineralRules.Tests.Units;

/// <summary>
/// <see cref="UnitConversions.Format"/> writes a number without trailing zeros, at most 12 decimals, with the
/// invariant culture; its fast path (the general format, for numbers with 12 decimals or fewer) must write exactly
/// what the custom format <c>0.############</c> writes, on any decimal.
/// </summary>
public sealed class NumberFormatTests
{
    /// <summary>Any decimal: every scale from 0 to 28, either sign, small and full-width mantissas.</summary>
    private static Gen<decimal> Decimals =>
        Gen.Choose(int.MinValue, int.MaxValue).SelectMany(lo =>
            Gen.Elements(0, 0, 1, int.MaxValue, -1).SelectMany(mid =>
                Gen.Elements(0, 0, 7, -1).SelectMany(hi =>
                    Gen.Elements(true, false).SelectMany(negative =>
                        Gen.Choose(0, 28).Select(scale => new decimal(lo, mid, hi, negative, (byte)scale))))));

    [FsProperty(MaxTest = 2000)]
    public FsCheck.Property Format_AnyDecimal_WritesWhatTheCustomFormatWrites() =>
        Prop.ForAll(Decimals.ToArbitrary(), value => UnitConversions.Format(value) == Custom(value));

    [TestCase("120.000", "120")]
    [TestCase("0.85", "0.85")]
    [TestCase("-0.000", "0")]
    [TestCase("0.0000000000004", "0")]
    [TestCase("1.0000000000005", "1.000000000001")]
    [TestCase("-2.50", "-2.5")]
    [TestCase("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Format_Number_TrailingZerosDroppedAtMost12Decimals(string number, string expected)
    {
        var value = decimal.Parse(number, CultureInfo.InvariantCulture);

        Assert.That(UnitConversions.Format(value), Is.EqualTo(expected).And.EqualTo(Custom(value)));
    }

    private static string Custom(decimal value) => (value / 1.000000000000000000000000000000000m).ToString("0.############", CultureInfo.InvariantCulture);
}
