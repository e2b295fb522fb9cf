using System.Globalization;

namespace MineralRules.Cli;

/// <summary>
/// Every sentence the command line writes for a person, one table per language: help (command, argument and option
/// descriptions) and the messages of the commands. The language is chosen before the command tree is built
/// (<see cref="Choose"/>): <c>--culture zh</c> on the command line, else the process's UI culture or <c>LANG</c> for
/// help. Codes, keys, paths and command words stay as they are in both.
/// </summary>
internal sealed class CliText
{
    public static readonly CliText En = new()
    {
        Root = "Checks mineral exploration and mining permit applications against the Inner Mongolia Mineral Resources Master Plan 2021–2025.",
        Crash = "error: {0} ({1}); please report this with the file that caused it.",
        UsageHint = "Run 'mineralrules --help' for usage.",
        RulesOption = "A folder of rule sets (rules/<id>/<version>/) to use instead of the rules embedded in the tool.",
        CultureOption = "Language of messages: en (default) or zh.",
        RulesDidNotLoad = "The rule sets in '{0}' did not load ({1} error(s)); nothing was checked.",
        Embedded = "embedded",
        NoSuchFileOrFolder = "no such file or folder",
        NoSuchFileOrFolderSentence = "No such file or folder.",
        NoSuchFolder = "no such folder",
        CheckCommand = "Check applications against the plan's rules.",
        CheckPaths = "Application files (.yaml, .yml, .json) or folders holding them.",
        CheckFormat = "text (for people, the default), json (an array with one result per application), junit, sarif (SARIF 2.1.0) or markdown.",
        CheckVersion = "Check against this rule-set version instead of the one in force on each application's date.",
        CheckNotApplicable = "Also list the rules that do not apply (JSON and text).",
        CoverageCommand = "Show which clauses of the plan are enforced, by which rules, exercised by which samples.",
        CoverageSamples = "The folder of sample applications (default: samples/applications).",
        CoverageFormat = "text (default), markdown (docs/clauses.md) or json.",
        CoverageVersion = "The rule-set version to report on (default: the latest).",
        NoVersionLoaded = "no rule set version {0} is loaded",
        DiffCommand = "Show what a new rule-set version changes: rules, lists, and the samples' decisions.",
        DiffOld = "The folder of the current rule sets, or 'embedded'.",
        DiffNew = "The folder of the proposed rule sets.",
        DiffSamples = "A folder of sample applications to evaluate under both versions.",
        DiffFormat = "text (the default), markdown or json.",
        DiffNoOldRuleSet = "the old rules hold no rule set '{0}' to compare with",
        LintCommand = "Check rule files for mistakes, without any application.",
        LintFolder = "A folder of rule sets (rules/<id>/<version>/); without it, the rules embedded in the tool.",
        LintErrors = "{0} error(s) in {1}; the rule set will not load until they are fixed.",
        TheEmbeddedRules = "the embedded rules",
        LintSealed = "sealed",
        LintDraft = "draft, not sealed (seal it with `mineralrules seal <version-folder>` when it is released)",
        LintClean = "{0} {1}: {2} rules, no problems (in force from {3}; {4}).",
        SealCommand = "Release a rule-set version: write its seal.yaml, so the version loads only while its files are unchanged.",
        SealFolder = "The version's folder, e.g. rules/nmg-mineral-plan-2021-2025/2.1.0.",
        SealFailed = "{0} error(s); {1} is not sealed.",
        Sealed = "Sealed: {0}.",
        TestCommand = "Check that sample applications get the outcome their 'expect' block records.",
        TestPaths = "Sample application files or folders holding them.",
        TestFailed = "FAILED {0}",
        TestWithoutExpect = "{0} file(s) without an 'expect' block were not tested, e.g. {1}.",
        TestSummary = "{0} passed, {1} failed",
        CoverageProblem = "coverage: {0}",
        HelpOption = "Show help and usage information",
        VersionOption = "Show version information",
    };

    public static readonly CliText Zh = new()
    {
        Root = "按照《内蒙古自治区矿产资源总体规划（2021—2025年）》检查探矿权、采矿权申请。",
        Crash = "error: {0}（{1}）；请连同引起该问题的文件一起报告。",
        UsageHint = "运行 'mineralrules --help' 查看用法。",
        RulesOption = "规则集文件夹（rules/<id>/<version>/），代替工具内置的规则。",
        CultureOption = "信息的语言：en（默认）或 zh（中文）。",
        RulesDidNotLoad = "'{0}' 中的规则集未能加载（{1} 个错误）；未检查任何申请。",
        Embedded = "内置规则",
        NoSuchFileOrFolder = "文件或文件夹不存在",
        NoSuchFileOrFolderSentence = "文件或文件夹不存在。",
        NoSuchFolder = "文件夹不存在",
        CheckCommand = "按照规划的规则检查申请。",
        CheckPaths = "申请文件（.yaml、.yml、.json）或存放申请文件的文件夹。",
        CheckFormat = "text（供人阅读，默认）、json（数组，每个申请一个结果）、junit、sarif（SARIF 2.1.0）或 markdown。",
        CheckVersion = "使用指定的规则集版本检查，而不是各申请日期当日生效的版本。",
        CheckNotApplicable = "同时列出不适用的规则（JSON 和 text）。",
        CoverageCommand = "显示规划的哪些条款得到执行、由哪些规则执行、由哪些样例验证。",
        CoverageSamples = "样例申请所在的文件夹（默认：samples/applications）。",
        CoverageFormat = "text（默认）、markdown（docs/clauses.md）或 json。",
        CoverageVersion = "报告的规则集版本（默认：最新版本）。",
        NoVersionLoaded = "没有加载规则集版本 {0}",
        DiffCommand = "显示新版本规则集带来的变化：规则、清单，以及样例结论的变化。",
        DiffOld = "现行规则集所在的文件夹，或 'embedded'（内置规则）。",
        DiffNew = "拟议规则集所在的文件夹。",
        DiffSamples = "在新旧两个版本下分别检查的样例申请所在的文件夹。",
        DiffFormat = "text（默认）、markdown 或 json。",
        DiffNoOldRuleSet = "旧规则中没有可供比较的规则集 '{0}'",
        LintCommand = "检查规则文件中的错误，无需任何申请。",
        LintFolder = "规则集文件夹（rules/<id>/<version>/）；不写时检查工具内置的规则。",
        LintErrors = "{1} 中有 {0} 个错误；修正之前该规则集无法加载。",
        TheEmbeddedRules = "内置规则",
        LintSealed = "已封存",
        LintDraft = "草稿，未封存（发布时请用 `mineralrules seal <version-folder>` 封存）",
        LintClean = "{0} {1}：{2} 条规则，没有问题（自 {3} 起生效；{4}）。",
        SealCommand = "发布规则集版本：生成其 seal.yaml，此后只有文件未被改动时该版本才能加载。",
        SealFolder = "版本所在的文件夹，如 rules/nmg-mineral-plan-2021-2025/2.1.0。",
        SealFailed = "{0} 个错误；{1} 未封存。",
        Sealed = "已封存：{0}。",
        TestCommand = "检查样例申请的结果是否与其 'expect' 部分记录的一致。",
        TestPaths = "样例申请文件或存放样例的文件夹。",
        TestFailed = "未通过 {0}",
        TestWithoutExpect = "{0} 个文件没有 'expect' 部分，未予测试，如 {1}。",
        TestSummary = "{0} 个通过，{1} 个未通过",
        CoverageProblem = "覆盖缺口：{0}",
        HelpOption = "显示帮助和用法信息",
        VersionOption = "显示版本信息",
    };

    public required string Root { get; init; }

    public required string Crash { get; init; }

    public required string UsageHint { get; init; }

    public required string RulesOption { get; init; }

    public required string CultureOption { get; init; }

    public required string RulesDidNotLoad { get; init; }

    public required string Embedded { get; init; }

    public required string NoSuchFileOrFolder { get; init; }

    public required string NoSuchFileOrFolderSentence { get; init; }

    public required string NoSuchFolder { get; init; }

    public required string CheckCommand { get; init; }

    public required string CheckPaths { get; init; }

    public required string CheckFormat { get; init; }

    public required string CheckVersion { get; init; }

    public required string CheckNotApplicable { get; init; }

    public required string CoverageCommand { get; init; }

    public required string CoverageSamples { get; init; }

    public required string CoverageFormat { get; init; }

    public required string CoverageVersion { get; init; }

    public required string NoVersionLoaded { get; init; }

    public required string DiffCommand { get; init; }

    public required string DiffOld { get; init; }

    public required string DiffNew { get; init; }

    public required string DiffSamples { get; init; }

    public required string DiffFormat { get; init; }

    public required string DiffNoOldRuleSet { get; init; }

    public required string LintCommand { get; init; }

    public required string LintFolder { get; init; }

    public required string LintErrors { get; init; }

    public required string TheEmbeddedRules { get; init; }

    public required string LintSealed { get; init; }

    public required string LintDraft { get; init; }

    public required string LintClean { get; init; }

    public required string SealCommand { get; init; }

    public required string SealFolder { get; init; }

    public required string SealFailed { get; init; }

    public required string Sealed { get; init; }

    public required string TestCommand { get; init; }

    public required string TestPaths { get; init; }

    public required string TestFailed { get; init; }

    public required string TestWithoutExpect { get; init; }

    public required string TestSummary { get; init; }

    public required string CoverageProblem { get; init; }

    public required string HelpOption { get; init; }

    public required string VersionOption { get; init; }

    /// <summary>The table for a culture of messages: Chinese for <c>zh</c>, English otherwise.</summary>
    public static CliText For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh" ? Zh : En;

    /// <summary>
    /// The language of a run, chosen before the command tree is built: the <c>--culture</c> written on the command
    /// line; without one, Chinese when the process's UI culture or <c>LANG</c> is Chinese (help follows the system),
    /// English otherwise.
    /// </summary>
    public static CliText Choose(IReadOnlyList<string> args, string? lang, CultureInfo uiCulture)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--culture" && i + 1 < args.Count)
            {
                return args[i + 1].StartsWith("zh", StringComparison.Ordinal) ? Zh : En;
            }

            if (args[i].StartsWith("--culture=", StringComparison.Ordinal) || args[i].StartsWith("--culture:", StringComparison.Ordinal))
            {
                return args[i]["--culture=".Length..].StartsWith("zh", StringComparison.Ordinal) ? Zh : En;
            }
        }

        return uiCulture.TwoLetterISOLanguageName == "zh" || (lang?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ?? false) ? Zh : En;
    }

    /// <summary>Formats one of the texts with culture-invariant numbers.</summary>
    public static string Format(string text, params object?[] args) => string.Format(CultureInfo.InvariantCulture, text, args);
}
