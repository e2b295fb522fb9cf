using System.Text.RegularExpressions;
using MineralRules.Cli;
using MineralRules.Compilation;
using MineralRules.Units;

namespace MineralRules.Tests.Cli;

/// <summary>
/// With <c>--culture zh</c> every sentence the command line writes is Chinese: check (text and Markdown), lint, test,
/// coverage, diff, seal errors and help. What may stay in Latin letters is what a Chinese reader also sees written so:
/// codes (MR1001), keys and words as the documents write them (quoted, in backticks or after a Chinese name in
/// full-width brackets), paths and file names, rule ids, units, option and command names, format and enum words, and
/// System.CommandLine's own layout word "Description:" (not translated by its resources) and the program's name in
/// "Usage" (the test host here).
/// </summary>
public sealed partial class ChineseCliTests
{
    private const string Threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";

    /// <summary>Words written as they are in Chinese output: format names, enum words, keys of the documents, commands.</summary>
    private static readonly HashSet<string> Allowed = new(
        [
            "error", "warning", "text", "json", "junit", "sarif", "markdown", "SARIF", "JSON", "YAML", "UTF", "true", "false",
            "check", "lint", "test", "coverage", "diff", "seal", "rulebook", "explain", "serve", "new-version", "HTTP", "API", "TCP", "REQUIRED", "failures", "mineralrules", "embedded", "expect", "zh", "en", "zh-CN", "en-US",
            "pass", "fail", "review", "compliant", "non-compliant", "needs-review", "not-applicable", "note", "decision",
            "Description", "default", "paths", "folder", "rules", "condition", "scope", "outcome", "message", "remedy", "exemptable",
            "GB", "EPSG", "Unicode", "testhost", "MineralRules",
            "register", "import", "GeoJSON", "CSV", "GeoPackage", "PostgreSQL", "RFC",
            .. FieldCatalog.Default.Paths.SelectMany(p => p.Split('.')),
        ],
        StringComparer.Ordinal);

    [Test]
    public void Check_TextInChinese_NoEnglishSentence()
    {
        var (code, output, error) = CliRunner.Run("check", TestPaths.Samples, Path.Combine(TestPaths.Repository, "samples", "invalid"), "--culture", "zh");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(output, Does.Contain("不符合规划").And.Contain("个申请：").And.Contain("无效输入"));
            Assert.That(error, Does.Contain("error MR1008: 未知的盟市"));
            Assert.That(English(output + error), Is.Empty);
        });
    }

    [Test]
    public void Check_MarkdownInChinese_NoEnglishSentence()
    {
        var (_, output, _) = CliRunner.Run("check", TestPaths.Samples, Path.Combine(TestPaths.Repository, "samples", "invalid"), "--culture", "zh", "--format", "markdown");

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("## MineralRules 检查结果").And.Contain("| 申请 | 符合规划 | 不符合规划 | 需人工复核 | 无效 |"));
            Assert.That(English(output.Replace("MineralRules", " ", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void Check_MissingFileInChinese_ErrorInChinese()
    {
        var (code, _, error) = CliRunner.Run("check", "no-such-file.yaml", "--culture", "zh");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("no-such-file.yaml: error MR1001: 文件或文件夹不存在"));
        });
    }

    [Test]
    public void Lint_CleanAndBrokenRulesInChinese_NoEnglishSentence()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var (clean, cleanOutput, _) = CliRunner.Run("lint", rules, "--culture", "zh");
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("field: capacity,", "field: capasity,", StringComparison.Ordinal));
        var (broken, _, brokenError) = CliRunner.Run("lint", rules, "--culture", "zh");

        Assert.Multiple(() =>
        {
            Assert.That(clean, Is.EqualTo(0));
            Assert.That(cleanOutput, Does.Contain("条规则，没有问题"));
            Assert.That(broken, Is.EqualTo(2));
            Assert.That(brokenError, Does.Contain("error MR3004: 申请中没有字段 'capasity'。是否应为“capacity”？"));
            Assert.That(English(cleanOutput + brokenError), Is.Empty);
        });
    }

    [Test]
    public void NewVersionAndRulebook_InChinese_NoEnglishSentence()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var (created, createdOutput, createdError) = CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2024-06-01", "--rules", rules, "--culture", "zh");
        var (refused, _, refusedError) = CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2024-06-01", "--rules", rules, "--culture", "zh");
        var (bad, _, badError) = CliRunner.Run("new-version", "1.1.0", "x.y", "--effective-from", "2024-06-01", "--rules", rules, "--culture", "zh");
        var samples = Directory.CreateDirectory(Path.Combine(temp.Path, "samples")).FullName;
        var (wrote, wroteOutput, wroteError) = CliRunner.Run("rulebook", "--out", Path.Combine(temp.Path, "site"), "--rules", rules, "--samples", samples, "--culture", "zh");
        var (missing, _, missingError) = CliRunner.Run("rulebook", "--out", Path.Combine(temp.Path, "site2"), "--rules", Path.Combine(temp.Path, "nowhere"), "--culture", "zh");

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(0), createdError);
            Assert.That(createdOutput, Does.Contain("已创建").And.Contain("下一步"));
            Assert.That(refused, Is.EqualTo(2));
            Assert.That(refusedError, Does.Contain("未创建任何文件"));
            Assert.That(bad, Is.EqualTo(2));
            Assert.That(badError, Does.Contain("不是版本号"));
            Assert.That(missing, Is.EqualTo(2));
            Assert.That(missingError, Does.Contain("没有这个文件夹"));
            Assert.That(wrote, Is.EqualTo(0), wroteError);
            Assert.That(wroteOutput, Does.Contain("已将").And.Contain("index.html"));
            Assert.That(English(createdOutput + refusedError + badError + missingError + wroteOutput), Is.Empty);
        });
    }

    [Test]
    public void Test_SamplesInChinese_NoEnglishSentence()
    {
        using var temp = new TempFolder();
        var sample = temp.Write("wrong.yaml", Fixtures.CoalMine("T-ZH", 250) + "\nexpect: { decision: compliant }\n");
        var (code, output, _) = CliRunner.Run("test", sample, "--culture", "zh");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("未通过").And.Contain("decision：应为 compliant，实际为 non-compliant").And.Contain("0 个通过，1 个未通过"));
            Assert.That(English(output), Is.Empty);
        });
    }

    [Test]
    public void Coverage_TextAndMarkdownInChinese_NoEnglishSentence()
    {
        var (_, text, textError) = CliRunner.Run("coverage", "--rules", TestPaths.TestRules, "--samples", TestPaths.Samples, "--culture", "zh");
        var (_, markdown, _) = CliRunner.Run("coverage", "--rules", TestPaths.TestRules, "--samples", TestPaths.Samples, "--culture", "zh", "--format", "markdown");

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("的条款覆盖情况"));
            Assert.That(markdown, Does.Contain("## 已检查的条款"));
            Assert.That(English(text + textError), Is.Empty);
            Assert.That(English(markdown), Is.Empty);
        });
    }

    [Test]
    public void Diff_TextAndMarkdownInChinese_NoEnglishSentence()
    {
        using var temp = new TempFolder();
        var older = temp.CopyTestRules();
        var newer = Path.Combine(temp.Path, "new");
        TempFolder.CopyFolder(older, newer);
        var file = Path.Combine(newer, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(Threshold, Threshold.Replace("300", "200", StringComparison.Ordinal), StringComparison.Ordinal));
        temp.Write("samples/changes.yaml", Fixtures.CoalMine("D-ZH", 250));

        var (code, text, _) = CliRunner.Run("diff", older, newer, "--samples", Path.Combine(temp.Path, "samples"), "--culture", "zh");
        var (_, markdown, _) = CliRunner.Run("diff", older, newer, "--samples", Path.Combine(temp.Path, "samples"), "--culture", "zh", "--format", "markdown");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(text, Does.Contain("样例：1 个中有 1 个发生变化。").And.Contain("不符合规划 → 符合规划"));
            Assert.That(markdown, Does.Contain("| 变化 | 规则 | 条款 | 内容 |"));
            Assert.That(English(text), Is.Empty);
            Assert.That(English(markdown), Is.Empty);
        });
    }

    [TestCase]
    [TestCase("check")]
    [TestCase("lint")]
    [TestCase("test")]
    [TestCase("coverage")]
    [TestCase("diff")]
    [TestCase("seal")]
    [TestCase("new-version")]
    [TestCase("rulebook")]
    [TestCase("explain")]
    [TestCase("serve")]
    [TestCase("register")]
    [TestCase("register", "import")]
    public void Help_ChineseCulture_DescriptionsInChinese(params string[] command)
    {
        var (_, output, _) = CliRunner.RunWithShippedRules([.. command, "--help", "--culture", "zh"]);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("显示帮助和用法信息"));
            Assert.That(English(output), Is.Empty);
        });
    }

    [Test]
    public void Help_EnglishCulture_StaysEnglish()
    {
        var (_, output, _) = CliRunner.RunWithShippedRules("check", "--help", "--culture", "en");

        Assert.That(output, Does.Contain("Check applications against the plan's rules.").And.Contain("Show help and usage information"));
    }

    [TestCase(new[] { "check", "--culture", "zh" }, null, true)]
    [TestCase(new[] { "check", "--culture=zh-CN" }, null, true)]
    [TestCase(new[] { "check", "--help" }, "zh_CN.UTF-8", true)]
    [TestCase(new[] { "check", "--culture", "en" }, "zh_CN.UTF-8", false)]
    [TestCase(new[] { "check", "--help" }, "C.UTF-8", false)]
    [TestCase(new[] { "check", "--help" }, null, false)]
    public void Choose_CultureOptionElseLang_ChineseWhenAsked(string[] args, string? lang, bool chinese) =>
        Assert.That(CliText.Choose(args, lang, System.Globalization.CultureInfo.InvariantCulture), Is.SameAs(chinese ? CliText.Zh : CliText.En));

    [TestCase("数据 MR1001 在 rules/a.yaml 的 'capacity' 与 `x y z` 中", new string[0])]
    [TestCase("规则 coal.new-underground.min-capacity 与 设计生产能力（capacity）", new string[0])]
    [TestCase("rule set 2.0.0 and rule", new[] { "rule", "set", "and" })]
    public void English_Fragments_FoundAsTheRuleSays(string text, string[] expected) =>
        Assert.That(English(text), Is.EqualTo(expected));

    /// <summary>The words of three or more Latin letters left once what may stay in Latin letters is removed.</summary>
    private static List<string> English(string text)
    {
        var rest = Backticks().Replace(text, " ");
        rest = Quoted().Replace(rest, " ");
        rest = Bracketed().Replace(rest, " ");
        rest = Technical().Replace(rest, " ");
        foreach (var unit in UnitConversions.CapacitySymbols.Concat(UnitConversions.MassSymbols).OrderByDescending(s => s.Length))
        {
            rest = Regex.Replace(rest, $"(?<![A-Za-z]){Regex.Escape(unit)}(?![A-Za-z])", " ");
        }

        return [.. Word().Matches(rest).Select(m => m.Value).Where(w => w.Length >= 3 && !Allowed.Contains(w)).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("`[^`\n]*`")]
    private static partial Regex Backticks();

    // A key or value as the document writes it, in quotes: 'capacity', "5.2.1", “capacity”.
    [GeneratedRegex("'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”")]
    private static partial Regex Quoted();

    // A key after its Chinese name, or a placeholder list: （capacity）, [a, b], <version-folder>, {actual}.
    [GeneratedRegex(@"（[A-Za-z0-9_.\-/ ,]+）|\[[^\]\n]*\]|<[^>\n]*>|\{[^}\n]*\}")]
    private static partial Regex Bracketed();

    // Codes, paths, file names, rule ids, options, versions, dates: tokens holding a digit, dot, slash, dash or underscore.
    [GeneratedRegex(@"[A-Za-z0-9_]*[0-9./\\\-_:][A-Za-z0-9_./\\\-:]*")]
    private static partial Regex Technical();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();
}
