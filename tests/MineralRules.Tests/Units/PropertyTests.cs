using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.Units;
using FsProperty = FsCheck.NUnit.PropertyAttribute;

namespace MineralRules.Tests.Units;

/// <summary>
/// Laws, checked on generated inputs (FsCheck): capacity comparisons are antisymmetric and agree with the exact
/// conversion to base units, and convert there and back exactly; three-valued logic obeys Kleene's laws and keeps the missing facts; the ISO date parser
/// agrees with DateOnly.TryParseExact on any text; clause references are totally ordered.
/// </summary>
public sealed class PropertyTests
{
    private static readonly CapacityUnit[] CapacityUnits = Enum.GetValues<CapacityUnit>();

    /// <summary>Figures as applications write them: up to four decimals, up to 10⁹.</summary>
    private static Gen<decimal> Figures =>
        Gen.Choose(1, 1_000_000_000).SelectMany(whole => Gen.Choose(0, 9999).Select(fraction => whole + (fraction / 10_000m)));

    private static Gen<Capacity> Capacities =>
        Figures.SelectMany(value => Gen.Elements(CapacityUnits).Select(unit => new Capacity(value, unit)));

    private static Gen<Truth> Truths =>
        Gen.Elements(TruthValue.True, TruthValue.False, TruthValue.Unknown)
            .SelectMany(value => Gen.Choose(0, 63).Select(bit => value == TruthValue.Unknown ? Truth.MissingField(bit) : new Truth(value, FieldSet.Empty)));

    [FsProperty]
    public FsCheck.Property Compare_TwoCapacitiesEitherWayRound_Antisymmetric() =>
        Prop.ForAll(Capacities.ToArbitrary(), Capacities.ToArbitrary(), Gen.Choose(1, 366).ToArbitrary(), (a, b, days) =>
        {
            var forward = UnitConversions.Compare(a, days, b.Value, b.Unit);
            var backward = UnitConversions.Compare(b, days, a.Value, a.Unit);
            return forward switch
            {
                CapacityComparison.Less => backward == CapacityComparison.Greater,
                CapacityComparison.Greater => backward == CapacityComparison.Less,
                _ => backward == forward,
            };
        });

    [FsProperty]
    public FsCheck.Property Compare_SameDimensionAndTimeBase_AgreesWithExactBaseFigures() =>
        Prop.ForAll(Capacities.ToArbitrary(), Capacities.ToArbitrary(), (a, b) =>
        {
            var comparable = UnitConversions.DimensionOf(a.Unit) == UnitConversions.DimensionOf(b.Unit)
                && UnitConversions.TimeBaseOf(a.Unit) == UnitConversions.TimeBaseOf(b.Unit);
            var sign = UnitConversions.ToBase(a.Value, a.Unit).CompareTo(UnitConversions.ToBase(b.Value, b.Unit));
            var expected = sign < 0 ? CapacityComparison.Less : sign == 0 ? CapacityComparison.Equal : CapacityComparison.Greater;
            return !comparable || UnitConversions.Compare(a, null, b.Value, b.Unit) == expected;
        });

    [FsProperty]
    public FsCheck.Property Compare_CapacityWithItself_Equal() =>
        Prop.ForAll(Capacities.ToArbitrary(), a => UnitConversions.Compare(a, null, a.Value, a.Unit) == CapacityComparison.Equal);

    /// <summary>Within a dimension and a time base every factor is a power of ten: there and back gives the figure exactly.</summary>
    [FsProperty]
    public FsCheck.Property Convert_ToAnotherUnitOfTheSameBaseAndBack_ExactRoundTrip() =>
        Prop.ForAll(Capacities.ToArbitrary(), Gen.Elements(CapacityUnits).ToArbitrary(), (a, target) =>
        {
            var sameBase = UnitConversions.DimensionOf(a.Unit) == UnitConversions.DimensionOf(target)
                && UnitConversions.TimeBaseOf(a.Unit) == UnitConversions.TimeBaseOf(target);
            if (!sameBase)
            {
                // Another dimension, or another time base without operating days: no conversion at all.
                return UnitConversions.Convert(a, target, operatingDaysPerYear: null) is null;
            }

            var there = UnitConversions.Convert(a, target, operatingDaysPerYear: null);
            var back = there is { } t ? UnitConversions.Convert(new Capacity(t, target), a.Unit, operatingDaysPerYear: null) : null;
            return back == a.Value && UnitConversions.Compare(a, null, there!.Value, target) == CapacityComparison.Equal;
        });

    /// <summary>Per day and per year agree through the operating days, both ways, in the order of the figures.</summary>
    [FsProperty]
    public FsCheck.Property Compare_DailyAgainstYearlyWithOperatingDays_AgreesWithTheYearlyFigure() =>
        Prop.ForAll(Gen.Choose(1, 100_000).ToArbitrary(), Gen.Choose(1, 366).ToArbitrary(), Gen.Choose(1, 50_000_000).ToArbitrary(), (perDay, days, yearly) =>
        {
            var daily = new Capacity(perDay, CapacityUnit.TonnesPerDay);
            var expected = ((decimal)perDay * days).CompareTo(yearly) switch
            {
                < 0 => CapacityComparison.Less,
                0 => CapacityComparison.Equal,
                _ => CapacityComparison.Greater,
            };
            return UnitConversions.Compare(daily, days, yearly, CapacityUnit.TonnesPerYear) == expected;
        });

    [FsProperty]
    public FsCheck.Property AndOr_AnyTwoTruths_CommuteAndObeyDeMorgan() =>
        Prop.ForAll(Truths.ToArbitrary(), Truths.ToArbitrary(), (a, b) =>
            a.And(b) == b.And(a)
            && a.Or(b) == b.Or(a)
            && a.And(b).Not() == a.Not().Or(b.Not())
            && a.Or(b).Not() == a.Not().And(b.Not()));

    [FsProperty]
    public FsCheck.Property AndOr_WithFalseOrTrue_DominatedAndNeutral() =>
        Prop.ForAll(Truths.ToArbitrary(), a =>
            a.And(Truth.False) == Truth.False
            && a.Or(Truth.True) == Truth.True
            && a.And(Truth.True) == a
            && a.Or(Truth.False) == a
            && a.Not().Not() == a);

    [FsProperty]
    public FsCheck.Property And_TwoUnknowns_UnknownNamingBothMissingFacts() =>
        Prop.ForAll(Gen.Choose(0, 63).ToArbitrary(), Gen.Choose(0, 63).ToArbitrary(), (x, y) =>
        {
            var both = Truth.MissingField(x).And(Truth.MissingField(y));
            return both.IsUnknown && both.Missing.Contains(x) && both.Missing.Contains(y);
        });

    [FsProperty]
    public FsCheck.Property TryParseIsoDate_AnyDateWrittenOrMangled_AgreesWithTryParseExact() =>
        Prop.ForAll(IsoLikeTexts.ToArbitrary(), text =>
        {
            var ours = Scalars.TryParseIsoDate(text, out var date);
            var framework = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
            return ours == framework && (!ours || date == expected);
        });

    [FsProperty]
    public FsCheck.Property ClauseRefComparer_AnyThreeRefs_TotalOrder() =>
        Prop.ForAll(ClauseRefs.ToArbitrary(), ClauseRefs.ToArbitrary(), ClauseRefs.ToArbitrary(), (a, b, c) =>
        {
            var comparer = ClauseRefComparer.Instance;
            var antisymmetric = Math.Sign(comparer.Compare(a, b)) == -Math.Sign(comparer.Compare(b, a));
            var reflexive = comparer.Compare(a, a) == 0;
            var transitive = !(comparer.Compare(a, b) <= 0 && comparer.Compare(b, c) <= 0) || comparer.Compare(a, c) <= 0;
            var numeric = comparer.Compare(a, b) != 0 || a == b;
            return antisymmetric && reflexive && transitive && numeric;
        });

    /// <summary>Valid dates in ISO form, then some of them damaged: a digit changed, a character dropped or added.</summary>
    private static Gen<string> IsoLikeTexts =>
        Gen.Choose(1, 9999).SelectMany(year => Gen.Choose(0, 13).SelectMany(month => Gen.Choose(0, 32).SelectMany(day =>
            Gen.Choose(0, 5).SelectMany(mangle => Gen.Choose(0, 9).Select(position =>
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
                return mangle switch
                {
                    0 => text.Remove(position, 1),
                    1 => text.Insert(position, "1"),
                    2 => text.Replace('-', '/'),
                    3 => " " + text,
                    _ => text,
                };
            })))));

    /// <summary>Clause references of one to three levels, as the plan numbers them.</summary>
    private static Gen<string> ClauseRefs =>
        Gen.Choose(1, 3).SelectMany(levels => Gen.ArrayOf(Gen.Choose(1, 12), levels).Select(parts => string.Join('.', parts)));
}
