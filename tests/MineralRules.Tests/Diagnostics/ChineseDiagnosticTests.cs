using System.Text.RegularExpressions;
using MineralRules.Diagnostics;

namespace MineralRules.Tests.Diagnostics;

/// <summary>
/// Every diagnostic the library writes has a Chinese text (<see cref="Diagnostic.MessageZh"/>) for legal staff and
/// applicants who read Chinese: the invalid samples, the findings' reproducers and hostile inputs are read and each
/// diagnostic is checked; the source is scanned so a new site without Chinese fails; and every diagnostic added to a
/// bag during the whole test run (the broken and hostile rule sets and applications of every other test) is collected
/// by <see cref="ChineseDiagnosticsObserver"/> and checked when the run ends.
/// </summary>
public partial class ChineseDiagnosticTests
{
    private static readonly string[] HostileDocuments =
    [
        string.Empty,
        "---\n",
        "id: [unclosed\n",
        "id: a\nid: b\n",
        "\tid: a\n",
        "!!str id: a\n",
        "id: &x a\nb: *x\n",
        "a: 1\n---\nb: 2\n",
        "- just\n- a list\n",
        "id: \"\\ud800\"\n",
        "id: A\npermit: minning\naction: new\nmineral: cole\napplicationDate: 2024-02-30\ncapacity: { value: -3, unit: 万屯/年 }\n",
        "id: A\npermit: mining\naction: new\nmineral: coal\napplicationDate: 2024-05-01\nlocation: { league: Atlantis, county: Nowhere }\nfoo: 1\n",
        "id: A\npermit: exploration\naction: expansion\nmineral: coal\napplicationDate: 2024-05-01\noperatingDaysPerYear: 400\nexemptions: [{ clause: x, basis: \"\" }]\n",
        "id: A\npermit: mining\naction: new\nmineral: coal\napplicationDate: 2024-05-01\nincludesProcessing: false\nrecovery: { processing: { actual: 1.5 } }\n",
        "id: A\npermit: mining\naction: new\nmineral: coal\napplicationDate: 2024-05-01\nlocation: { boundary: { crs: \"EPSG:1\", rings: [] } }\n",
        "id: A\npermit: mining\naction: new\nmineral: coal\napplicationDate: 2024-05-01\nlocation: { boundary: { crs: \"EPSG:4490\", rings: [[[1, 2], [3, 4], [1, 2]]] } }\n",
        "id: \"x\u0001y\"\npermit: mining\n",
        "mineral:\n",
        "expect: { fail: [not-a-clause] }\nid: A\npermit: mining\naction: new\nmineral: coal\napplicationDate: 2024-05-01\n",
    ];

    private static readonly string[] HostileJson =
    [
        string.Empty,
        "{",
        "{} {}",
        "{\"id\": \"a\", \"id\": \"b\"}",
        "{\"id\": \"\\ud800\"}",
        "[1, 2]",
        "{\"permit\": 3}",
    ];

    [Test]
    public void Read_InvalidSamplesFindingsAndHostileDocuments_EveryDiagnosticHasChinese()
    {
        var diagnostics = new List<Diagnostic>();
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "samples", "invalid"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateDirectories(Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "Findings"), "F*")
                .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories)))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            diagnostics.AddRange(ApplicationReader.ReadFile(file).Diagnostics);
        }

        foreach (var text in HostileDocuments)
        {
            diagnostics.AddRange(ApplicationReader.Read(text, "hostile.yaml").Diagnostics);
        }

        foreach (var text in HostileJson)
        {
            diagnostics.AddRange(ApplicationReader.Read(text, "hostile.json").Diagnostics);
        }

        diagnostics.AddRange(ApplicationReader.ReadFile(Path.Combine(TestPaths.Repository, "no-such-file.yaml")).Diagnostics);
        diagnostics.AddRange(RuleSetCatalog.TryLoadFromFolder(Path.Combine(TestPaths.Repository, "no-such-folder")).Diagnostics);
        diagnostics.AddRange(RuleSetCatalog.TryLoadFromFolder(Path.Combine(TestPaths.Repository, "samples")).Diagnostics);

        Assert.That(diagnostics, Has.Count.GreaterThan(30), "the inputs give diagnostics to check");
        Assert.That(diagnostics.Where(d => !HasChinese(d)).Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void Format_ChineseCulture_LineHasTheChineseMessageAndTheEnglishPrefix()
    {
        var diagnostic = ApplicationReader.Read("id: a\nid: b\n", "twice.yaml").Diagnostics.First(d => d.Code == "MR1004");

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Format(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")), Does.StartWith("twice.yaml:2:1: error MR1004: 键 'id' 在此映射中出现了两次"));
            Assert.That(diagnostic.Format(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(diagnostic.ToString()));
        });
    }

    [Test]
    public void Add_MoreThanTheCap_TheCapMessageHasChinese()
    {
        var bag = new DiagnosticBag();
        for (var i = 0; i <= DiagnosticBag.MaxPerFile; i++)
        {
            bag.Add(new SourceLocation("many.yaml", i + 1, 1), DiagnosticCodes.UnknownKey, "Unknown key.", "未知的键。");
        }

        var last = bag.ToSortedList()[^1];

        Assert.That(last.MessageZh, Does.StartWith("本文件的问题超过 100 个").And.EndWith("未知的键。"));
    }

    [Test]
    public void Source_EveryDiagnosticSite_PassesAChineseText()
    {
        var sites = 0;
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match site in Site().Matches(text))
            {
                sites++;
                var statement = Statement(text, site.Index);
                if (!ChineseArgument().IsMatch(statement))
                {
                    missing.Add($"{Path.GetRelativePath(TestPaths.Repository, file)}:{text[..site.Index].Count(c => c == '\n') + 1}: {statement.Split('\n')[0].Trim()}");
                }
            }
        }

        Assert.That(sites, Is.GreaterThan(150), "the scan finds the library's diagnostic sites");
        Assert.That(missing, Is.Empty, "each diagnostics.Add( / new Diagnostic( passes a Chinese text (a CJK literal, MessageZh or a *Zh value)");
    }

    [TestCase("x.Add(a, b, \"en\", \"中文\", ruleId);", true)]
    [TestCase("new Diagnostic(a, b, \"en\") { MessageZh = zh }", true)]
    [TestCase("x.Add(a, b, problem.En, problem.Zh, ruleId);", true)]
    [TestCase("x.Add(a, b, \"en\", ruleId);", false)]
    public void ChineseArgument_Statements_FoundAsTheScanSays(string statement, bool expected) =>
        Assert.That(ChineseArgument().IsMatch(statement), Is.EqualTo(expected));

    /// <summary>True when the diagnostic has a Chinese text with Chinese in it.</summary>
    internal static bool HasChinese(Diagnostic diagnostic) => diagnostic.MessageZh is { } zh && Cjk().IsMatch(zh);

    /// <summary>The statement from a site to its end (the first ';' at the end of a line), strings and all.</summary>
    private static string Statement(string text, int start)
    {
        var end = text.IndexOf(";\n", start, StringComparison.Ordinal);
        var endCr = text.IndexOf(";\r\n", start, StringComparison.Ordinal);
        end = end < 0 ? endCr : endCr < 0 ? end : Math.Min(end, endCr);
        return end < 0 ? text[start..] : text[start..end];
    }

    [GeneratedRegex(@"\b(diagnostics|Diagnostics|_diagnostics|bag)\.Add\(|new Diagnostic\(")]
    private static partial Regex Site();

    [GeneratedRegex(@"[\u4e00-\u9fff]|MessageZh|\bZh\b|\w+Zh\b|Zh\(")]
    private static partial Regex ChineseArgument();

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Cjk();
}
