using System.Text.RegularExpressions;
using MineralRules.Compilation;
using MineralRules.Units;

namespace MineralRules.Tests.Evaluation;

/// <summary>
/// With <c>--culture zh</c> a reader gets Chinese: every sample application is evaluated under rule set 2.0.0 and the
/// Chinese text of every fail and review verdict (message, remedy, exemption reason), of every note and of every
/// exemption report must carry no Latin letter outside the tokens a Chinese permitting text itself writes in Latin.
/// </summary>
/// <remarks>
/// <para>The rule: after removing the allowed tokens below, no ASCII letter (A–Z, a–z) remains. Allowed are</para>
/// <list type="bullet">
/// <item>anything between backticks (a word quoted as the document writes it);</item>
/// <item>a field key of the application (<c>location.zones</c>) only inside full-width brackets, after its Chinese name
/// (<c>所在规划分区（location.zones）</c>): the key is what the applicant writes in the document, the name is what a
/// reader understands;</item>
/// <item>rule ids of the rule set (they name a rule, as a clause number names a clause);</item>
/// <item>unit symbols of the contract (<c>t/d</c>, <c>Mt/a</c>, <c>万吨/年</c>): Chinese technical writing uses them as they are;</item>
/// <item>standard and CRS codes (<c>GB/T</c>, <c>GB</c>, <c>EPSG</c>).</item>
/// </list>
/// <para>
/// The facts of a verdict (<see cref="Fact"/>) are not checked: they carry one language by contract, field keys, words
/// as codes and comparisons for machines (docs/results.md), and the public record has no Chinese variant.
/// </para>
/// </remarks>
public partial class ChineseMessageTests
{
    private static readonly CompiledRuleSet RuleSet = Fixtures.Shipped.RuleSets.Single(r => r.Info.Version == "2.0.0");

    private static readonly string[] Units =
    [
        .. UnitConversions.CapacitySymbols.Concat(UnitConversions.MassSymbols).OrderByDescending(s => s.Length),
    ];

    private static readonly HashSet<string> FieldKeys = [.. FieldCatalog.Default.Paths];

    [Test]
    public void Evaluate_EverySampleUnder200_ChineseTextsCarryNoEnglish()
    {
        var problems = new List<string>();
        var checkedTexts = 0;
        foreach (var file in Directory.EnumerateFiles(TestPaths.Samples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var read = ApplicationReader.ReadFile(file);
            Assert.That(read.Application, Is.Not.Null, file);
            var result = RuleSet.Evaluate(read.Application!);
            foreach (var text in ChineseTexts(result))
            {
                checkedTexts++;
                if (English(text) is { } fragment)
                {
                    problems.Add($"{Path.GetFileName(file)}: '{fragment}' in: {text}");
                }
            }
        }

        Assert.That(checkedTexts, Is.GreaterThan(100), "the samples give fail and review verdicts to check");
        Assert.That(problems.Distinct(), Is.Empty);
    }

    [Test]
    public void Read_InvalidSamplesAndBrokenFacts_ChineseDiagnosticsCarryNoEnglish()
    {
        // Input errors name a field as a reader understands it (its Chinese name, the key in brackets) and quote what
        // the document wrote ('Atlantis', 'capacity.value'): quoted words are the document's, not the message's; a
        // file of the repository (docs/application.md) is named as it is.
        string[] documents =
        [
            .. Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "samples", "invalid"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText),
            "id: A\npermit: mining\naction: new\nmineral: coal\napplicationDate: 2024-05-01\ncapacity: { value: 0, unit: 万吨/年 }\n",
            "id: A\npermit: mining\naction: new\nmineral: cole\napplicationDate: 2024-05-01\n",
            "id: A\naction: new\nmineral: coal\napplicationDate: 2024-05-01\nfoo: 1\n",
            "id: A\npermit: exploration\naction: expansion\nmineral: coal\napplicationDate: 2024-05-01\noperatingDaysPerYear: 400\n",
        ];
        var problems = new List<string>();
        foreach (var document in documents)
        {
            foreach (var diagnostic in ApplicationReader.Read(document, "input.yaml").Diagnostics)
            {
                if (English(DocPaths().Replace(QuotedWords().Replace(diagnostic.MessageZh ?? diagnostic.Message, " "), " ")) is { } fragment)
                {
                    problems.Add($"'{fragment}' in: {diagnostic.MessageZh ?? diagnostic.Message}");
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [TestCase("缺少判断本项规定所需的事实：所在规划分区（location.zones）。", null)]
    [TestCase("日处理岩金矿石200 t/d，不高于300 t/d。", null)]
    [TestCase("按`agreement`出让。", null)]
    [TestCase("缺少判断本项规定所需的事实：location.zones。", "location.zones")]
    [TestCase("产能（mine output）低于标准。", "mine output")]
    [TestCase("needs review", "needs review")]
    public void English_AllowedTokensAndFragments_FoundAsTheRuleSays(string text, string? expected) =>
        Assert.That(English(text), Is.EqualTo(expected));

    private static IEnumerable<string> ChineseTexts(EvaluationResult result)
    {
        foreach (var verdict in result.Verdicts.Where(v => v.Outcome is Outcome.Fail or Outcome.Review))
        {
            if (verdict.Message is { } message)
            {
                yield return message.Zh;
            }

            if (verdict.Remedy is { } remedy)
            {
                yield return remedy.Zh;
            }

            if (verdict.Exemption is { } exemption)
            {
                yield return exemption.Reason.Zh;
            }
        }

        foreach (var note in result.Notes)
        {
            yield return note.Message.Zh;
        }

        foreach (var exemption in result.Exemptions)
        {
            yield return exemption.Reason.Zh;
        }
    }

    /// <summary>The first run of English left once the allowed tokens are removed, or null.</summary>
    private static string? English(string text)
    {
        var rest = Backticks().Replace(text, " ");
        rest = Bracketed().Replace(rest, m => "（" + string.Concat(KeyOrText().Matches(m.Groups[1].Value).Select(t => FieldKeys.Contains(t.Value) ? " " : t.Value)) + "）");
        foreach (var id in RuleSet.RuleIds.OrderByDescending(i => i.Length))
        {
            rest = rest.Replace(id, " ", StringComparison.Ordinal);
        }

        foreach (var unit in Units)
        {
            // A unit is a token of its own: the t of t/a, never the t of "capacity".
            rest = Regex.Replace(rest, $"(?<![A-Za-z]){Regex.Escape(unit)}(?![A-Za-z])", " ");
        }

        rest = Codes().Replace(rest, " ");
        var fragment = Latin().Match(rest);
        return fragment.Success ? fragment.Value.Trim() : null;
    }

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex Backticks();

    // What the document wrote, quoted ('Atlantis', "recovery", “capacity”), and the words a message lists as allowed.
    [GeneratedRegex("'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”|(允许的键|可用的值|可用的单位|可用的形式|可用的占位符|已有的清单)：[^。]*")]
    private static partial Regex QuotedWords();

    [GeneratedRegex(@"docs/[\w\-]+\.md")]
    private static partial Regex DocPaths();

    [GeneratedRegex("（([^（）]*)）")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"[A-Za-z][A-Za-z.]*[A-Za-z]|[^A-Za-z]+|[A-Za-z]")]
    private static partial Regex KeyOrText();

    [GeneratedRegex(@"\b(GB/T|GB|EPSG)\b")]
    private static partial Regex Codes();

    [GeneratedRegex(@"[A-Za-z][A-Za-z .\-]*[A-Za-z]|[A-Za-z]")]
    private static partial Regex Latin();
}
