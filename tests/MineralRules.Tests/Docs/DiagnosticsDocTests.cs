using System.Reflection;
using System.Text.RegularExpressions;
using MineralRules.Diagnostics;

namespace MineralRules.Tests.Docs;

/// <summary>
/// docs/diagnostics.md explains every diagnostic code in English and Chinese (what it means, how to fix it); the
/// codes are read from <see cref="DiagnosticCodes"/>, so a new code without its row, or a row for a code that does not
/// exist, fails.
/// </summary>
public sealed partial class DiagnosticsDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(TestPaths.Repository, "docs", "diagnostics.md"));

    private static IEnumerable<string> Codes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Codes))]
    public void DiagnosticsDoc_Code_HasOneRowWithEnglishAndChinese(string code)
    {
        var rows = Row().Matches(Doc).Where(m => m.Groups["code"].Value == code).ToList();

        Assert.That(rows, Has.Count.EqualTo(1), $"docs/diagnostics.md has one row for {code}");
        var cells = rows[0].Value.Trim('|', ' ').Split(" | ");
        Assert.Multiple(() =>
        {
            Assert.That(cells, Has.Length.EqualTo(5), "code, meaning, fix, 含义, 如何修正");
            Assert.That(cells.Skip(1).Take(2), Has.All.Match(@"[A-Za-z]{3}"), "meaning and fix in English");
            Assert.That(cells.Skip(3), Has.All.Match(@"[\u4e00-\u9fff]"), "meaning and fix in Chinese");
        });
    }

    [Test]
    public void DiagnosticsDoc_Rows_OnlyForCodesThatExist()
    {
        var codes = Codes().ToHashSet(StringComparer.Ordinal);

        Assert.That(Row().Matches(Doc).Select(m => m.Groups["code"].Value).Where(c => !codes.Contains(c)), Is.Empty);
    }

    [GeneratedRegex(@"^\| (?<code>MR\d{4}) \|.*\|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
