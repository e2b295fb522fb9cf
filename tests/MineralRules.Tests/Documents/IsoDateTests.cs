using MineralRules.Documents;

namespace MineralRules.Tests.Documents;

/// <summary>
/// Dates are read as the contract writes them: exactly YYYY-MM-DD in ASCII digits, naming a day that exists. Nothing
/// looser (one-digit months, spaces, other separators, full-width digits, a time) and no day that does not exist.
/// </summary>
public class IsoDateTests
{
    [TestCase("2024-05-01", 2024, 5, 1)]
    [TestCase("2024-02-29", 2024, 2, 29)]
    [TestCase("2023-02-28", 2023, 2, 28)]
    [TestCase("2000-02-29", 2000, 2, 29)]
    [TestCase("0001-01-01", 1, 1, 1)]
    [TestCase("9999-12-31", 9999, 12, 31)]
    [TestCase("2024-04-30", 2024, 4, 30)]
    public void TryParseIsoDate_ExistingDayYyyyMmDd_ThatDay(string text, int year, int month, int day)
    {
        var parsed = Scalars.TryParseIsoDate(text, out var date);

        Assert.That(parsed, Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase("2023-02-29")]
    [TestCase("2100-02-29")]
    [TestCase("0000-01-01")]
    [TestCase("2024-13-01")]
    [TestCase("2024-00-10")]
    [TestCase("2024-04-31")]
    [TestCase("2024-04-00")]
    [TestCase("2024-4-30")]
    [TestCase("2024-04-3")]
    [TestCase("24-04-30")]
    [TestCase("2024/04/30")]
    [TestCase(" 2024-04-30")]
    [TestCase("2024-04-30 ")]
    [TestCase("２０２４-04-30")]
    [TestCase("2024-04-30T00:00")]
    [TestCase("")]
    [TestCase("abcd-ef-gh")]
    [TestCase("+024-04-30")]
    [TestCase("-024-04-30")]
    [TestCase("30.04.2024")]
    public void TryParseIsoDate_AnythingElse_NoDate(string text)
    {
        var parsed = Scalars.TryParseIsoDate(text, out var date);

        Assert.That(parsed, Is.False);
        Assert.That(date, Is.EqualTo(default(DateOnly)));
    }
}
