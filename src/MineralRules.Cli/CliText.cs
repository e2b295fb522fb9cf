using System.Globalization;

namespace MineralRules.Cli;

/// <summary>
/// Every sentence the command line writes for a person, one table per language: help (command, argument and option
/// descriptions) and the messages of the commands. The language is chosen before the command tree is built
/// (<see cref="Choose"/>): <c>--culture zh</c> on the command line, else the process's UI culture or <c>LANG</c> for
/// help. Codes, keys, paths and command words stay as they are in both.
/// <para>
/// Longer than the project's ~400 lines on purpose: two tables of sentences side by side (English, Chinese) and their
/// declarations, one line a sentence; splitting them by command would scatter a translator's work across files.
/// </para>
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
        ZonesOption = "Zone layers (docs/records.md): a folder of <zone-code>.geojson files or a GeoPackage with a layer per zone code; the zones of an application with a boundary are derived from them.",
        RegisterOption = "The mining-rights register (docs/records.md): a GeoPackage file (register import writes one) or a PostgreSQL connection string.",
        ZoneToleranceOption = "The overlap in hectares above which a site lies in a zone feature or overlaps a right (default 0.01).",
        RecordsDidNotOpen = "The records did not open ({0} error(s)); nothing was checked.",
        Embedded = "embedded",
        NoSuchFileOrFolder = "no such file or folder",
        NoSuchFileOrFolderSentence = "No such file or folder.",
        NoSuchFolder = "no such folder",
        CheckCommand = "Check applications against the plan's rules.",
        CheckPaths = "Application files (.yaml, .yml, .json) or folders holding them.",
        CheckFormat = "text (for people, the default), json (an array with one result per application), junit, sarif (SARIF 2.1.0) or markdown.",
        CheckVersion = "Check against this rule-set version instead of the one in force on each application's date.",
        CheckNotApplicable = "Also list the rules that do not apply (JSON and text).",
        CheckOnly = "failures: report only the applications that fail or need review, with their fail and review verdicts (every format; the counts still include all).",
        CoverageCommand = "Show which clauses of the plan are enforced, by which rules, exercised by which samples.",
        CoverageSamples = "The folder of sample applications (default: samples/applications).",
        CoverageFormat = "text (default), markdown (docs/clauses.md) or json.",
        CoverageVersion = "The rule-set version to report on (default: the latest).",
        NoVersionLoaded = "no rule set version {0} is loaded",
        DiffCommand = "Show what a new rule-set version changes: rules, lists, and the samples' decisions.",
        DiffOld = "The folder of the current rule sets, or 'embedded' (without --from/--to).",
        DiffNew = "The folder of the proposed rule sets (without --from/--to).",
        DiffSamples = "A folder of sample applications to evaluate under both versions.",
        DiffFormat = "text (the default), markdown or json.",
        DiffNoOldRuleSet = "the old rules hold no rule set '{0}' to compare with",
        DiffFrom = "The version compared from, e.g. 1.0.0 (with --to: two versions of one folder).",
        DiffTo = "The version compared to, e.g. 2.0.0.",
        DiffUsage = "error: compare two versions of one folder with `mineralrules diff --from 1.0.0 --to 2.0.0 [--rules <folder>]`, or two folders with `mineralrules diff <old-rules> <new-rules>`.",
        DiffNoVersion = "no version {0} in {2}; versions: {3}.",
        DiffDifferentRuleSets = "{0} and {1} are versions of different rule sets in {2}; versions: {3}.",
        ServeCommand = "Serve the HTTP API, the rulebook and the preview page (docs/server.md).",
        ServePort = "The TCP port to listen on (default 5080).",
        ServeBind = "The address to listen on (default 127.0.0.1, this machine only); * for every interface.",
        ServeWatch = "Reload the --rules folder when a file in it changes; a broken edit keeps the last good rules serving.",
        ServeSamples = "A folder of sample applications the rulebook shows and the preview page offers to load.",
        ServeBadBind = "error: --bind '{0}' is not an IP address, localhost or *.",
        ServeWatchNeedsRules = "warning: --watch needs --rules <folder>: the rules embedded in the tool cannot change, so nothing is watched.",
        ServeNotLoaded = "The rule sets in '{0}' did not load ({1} error(s)); nothing is served.",
        ServeEmbeddedName = "the tool (embedded)",
        ServeWatching = ", watching for edits",
        Serving = "Serving the rules from {0}{1} on http://{2}:{3}/ — the rulebook at /, the preview at /preview, the API at /api/v1, its OpenAPI document at /openapi/v1.json. Ctrl+C stops.",
        ServeCannotListen = "error: cannot listen on {0}:{1}: {2}",
        NvNotAVersion = "'{0}' is not a version: write MAJOR.MINOR.PATCH, e.g. 2.1.0.",
        NvNotADate = "'{0}' is not a date: write yyyy-MM-dd, e.g. 2027-01-01.",
        RegisterCommand = "Work with a mining-rights register (docs/records.md).",
        RegisterImportCommand = "Build a register from a GeoJSON FeatureCollection of rights and a CSV of county control numbers: a GeoPackage file or a PostgreSQL/PostGIS database. Nothing is written when the input has any error.",
        RegisterImportRights = "The rights: a GeoJSON FeatureCollection (RFC 7946, CGCS2000 [longitude, latitude]) with the properties id, kind, holder, mineral, county, deposit, block, validFrom, validTo.",
        RegisterImportControlNumbers = "The county control numbers for sand/gravel (5.2.2): a CSV with the header county,number,setBy,date.",
        RegisterImportInto = "The register to write: a .gpkg file (replaced whole) or a PostgreSQL connection string (Host=…;Database=… or postgresql://…).",
        RegisterImported = "Imported {0} right(s) and {1} control number(s) into {2}.",
        RegisterImportFailed = "{0} error(s); nothing was written to {1}.",
        NvNoVersion = "no version {0} in {1}; versions: {2}.",
        NvSeveral = "several rule sets have a version {0} ({1}); keep one rule set per folder given to --rules.",
        NvNotLatest = "{0} is not the latest version of {1} in {2} ({3} is): start the new version from {3}, so that no edit made since {0} is lost.",
        NvNotAbove = "{0} is not above {1}, already in {2}: a new version takes the next number (e.g. {3}).",
        NvNotAfter = "--effective-from {0} is not after {1} {2}'s effective-from ({3}); a new version takes effect later than every version already in {4}.",
        NvExists = "{0} already exists; a version folder is never overwritten.",
        NvRefused = "error: {0} Nothing was created.",
        NvCreated = "Created {0}/: a copy of {1} in force from {2}, superseding {1} (a draft until it is sealed).",
        NvNext = "Next:",
        NvStep1 = "  1. edit the rules in {0}/ and say why in manifest.yaml (supersedes.reason); preview with `mineralrules serve --rules {1} --watch`",
        NvStep3 = "  3. add samples dated on or after {0} (or copy samples and re-date them): a sample dated earlier is checked against the version in force on its date, so it shows no effect of your edit",
        RulebookNoFolder = "{0}: error MR1001: no such folder",
        RulebookWrote = "Wrote {0} files to {1} ({2} rule-set version(s), {3} sample(s)); open index.html.",
        LintCommand = "Check rule files for mistakes, without any application.",
        LintFolder = "A folder of rule sets (rules/<id>/<version>/); without it, the rules embedded in the tool.",
        LintErrors = "{0} error(s) in {1}; the rule set will not load until they are fixed.",
        TheEmbeddedRules = "the embedded rules",
        LintSealed = "sealed",
        LintWarnings = "{0} warning(s): they refuse nothing, but read each one.",
        LintInForce = "In force:",
        RangeSameDay = "{0}, superseded by {1} the same day (never picked by date; checked with --rule-set-version {2})",
        RangeFromTo = "{0} – {1}",
        RangeOpen = "open",
        RangeSupersededBy = "; superseded by {0}",
        RangeSupersedes = "; supersedes {0}",
        LintDraft = "draft, not sealed (seal it with `mineralrules seal <version-folder>` when it is released)",
        LintClean = "{0} {1}: {2} rules, no problems (in force from {3}; {4}).",
        SealCommand = "Release a rule-set version: write its seal.yaml, so the version loads only while its files are unchanged.",
        SealFolder = "The version's folder, e.g. rules/nmg-mineral-plan-2021-2025/2.1.0.",
        SealFailed = "{0} error(s); {1} is not sealed.",
        Sealed = "Sealed: {0}.",
        TestCommand = "Check that sample applications get the outcome their 'expect' block records.",
        TestPaths = "Sample application files or folders holding them.",
        TestFormat = "text (the default) or junit (a testcase per sample: expected against actual).",
        TestFailed = "FAILED {0}",
        TestWithoutExpect = "{0} file(s) without an 'expect' block were not tested, e.g. {1}.",
        TestSummary = "{0} passed, {1} failed",
        CoverageProblem = "coverage: {0}",
        NewVersionCommand = "Scaffold a draft rule-set version: a copy of <from> with its manifest updated, unsealed until `mineralrules seal`.",
        NewVersionFrom = "The version to start from, e.g. 2.0.0.",
        NewVersionTo = "The new version, e.g. 2.1.0 (MAJOR.MINOR.PATCH, above <from>).",
        NewVersionEffectiveFrom = "The first day the new version is in force (yyyy-MM-dd), after <from>'s effective-from.",
        NewVersionRules = "The folder of rule sets to add the version to (default: rules).",
        RulebookCommand = "Write the rulebook — every clause in Chinese with English beside it, its rules in plain words and the samples showing each outcome — as a static HTML site.",
        RulebookOut = "The folder to write the site to (created when missing).",
        RulebookSamples = "The folder of sample applications shown under each rule (default: {0} when it exists).",
        ExplainCommand = "Print a clause of the plan and the rules enforcing it, in plain words.",
        ExplainVersion = "The rule-set version (default: the latest).",
        ExplainTarget = "A rule id (coal.new-underground.min-capacity) or a clause number (5.2.1).",
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
        ZonesOption = "分区图层（docs/records.md）：由 <分区代码>.geojson 文件组成的文件夹，或每个分区代码一个图层的 GeoPackage；有矿区范围的申请，其所在分区由图层推导。",
        RegisterOption = "矿业权登记簿（docs/records.md）：GeoPackage 文件（由 register import 生成）或 PostgreSQL 连接字符串。",
        ZoneToleranceOption = "重叠面积容差（公顷）：矿区与分区图斑或矿业权的重叠超过该值才计入（默认 0.01）。",
        RecordsDidNotOpen = "记录未能打开（{0} 个错误）；未检查任何申请。",
        Embedded = "内置规则",
        NoSuchFileOrFolder = "文件或文件夹不存在",
        NoSuchFileOrFolderSentence = "文件或文件夹不存在。",
        NoSuchFolder = "文件夹不存在",
        CheckCommand = "按照规划的规则检查申请。",
        CheckPaths = "申请文件（.yaml、.yml、.json）或存放申请文件的文件夹。",
        CheckFormat = "text（供人阅读，默认）、json（数组，每个申请一个结果）、junit、sarif（SARIF 2.1.0）或 markdown。",
        CheckVersion = "使用指定的规则集版本检查，而不是各申请日期当日生效的版本。",
        CheckNotApplicable = "同时列出不适用的规则（JSON 和 text）。",
        CheckOnly = "failures：只报告不通过或需复核的申请及其不通过、需复核的结果（适用于所有格式；统计数仍包括全部申请）。",
        CoverageCommand = "显示规划的哪些条款得到执行、由哪些规则执行、由哪些样例验证。",
        CoverageSamples = "样例申请所在的文件夹（默认：samples/applications）。",
        CoverageFormat = "text（默认）、markdown（docs/clauses.md）或 json。",
        CoverageVersion = "报告的规则集版本（默认：最新版本）。",
        NoVersionLoaded = "没有加载规则集版本 {0}",
        DiffCommand = "显示新版本规则集带来的变化：规则、清单，以及样例结论的变化。",
        DiffOld = "现行规则集所在的文件夹，或 'embedded'（内置规则）（不使用 --from/--to 时）。",
        DiffNew = "拟议规则集所在的文件夹（不使用 --from/--to 时）。",
        DiffSamples = "在新旧两个版本下分别检查的样例申请所在的文件夹。",
        DiffFormat = "text（默认）、markdown 或 json。",
        DiffNoOldRuleSet = "旧规则中没有可供比较的规则集 '{0}'",
        DiffFrom = "比较的起始版本，如 1.0.0（与 --to 一起使用：比较同一文件夹中的两个版本）。",
        DiffTo = "比较的目标版本，如 2.0.0。",
        DiffUsage = "error: 比较同一文件夹中的两个版本请用 `mineralrules diff --from 1.0.0 --to 2.0.0 [--rules <folder>]`，比较两个文件夹请用 `mineralrules diff <old-rules> <new-rules>`。",
        DiffNoVersion = "{2} 中没有版本 {0}；已有的版本：{3}。",
        DiffDifferentRuleSets = "{2} 中的 {0} 和 {1} 是不同规则集的版本；已有的版本：{3}。",
        ServeCommand = "提供 HTTP API、规则手册和预览页面（见 docs/server.md）。",
        ServePort = "监听的 TCP 端口（默认 5080）。",
        ServeBind = "监听的地址（默认 127.0.0.1，仅本机）；* 表示所有网络接口。",
        ServeWatch = "--rules 文件夹中的文件改动时重新加载；改坏的编辑不会生效，继续使用上一次正确的规则。",
        ServeSamples = "样例申请所在的文件夹：规则手册列出它们，预览页面可以载入它们。",
        ServeBadBind = "error: --bind '{0}' 不是 IP 地址、localhost 或 *。",
        ServeWatchNeedsRules = "warning: --watch 需要配合 --rules <folder> 使用：工具内置的规则不会改动，因此不监视任何文件。",
        ServeNotLoaded = "'{0}' 中的规则集未能加载（{1} 个错误）；不提供服务。",
        ServeEmbeddedName = "工具内置的规则",
        ServeWatching = "，并监视改动",
        Serving = "正在提供 {0} 中的规则{1}，地址 http://{2}:{3}/ —— 规则手册在 /，预览在 /preview，API 在 /api/v1，其 OpenAPI 文档在 /openapi/v1.json。按 Ctrl+C 停止。",
        ServeCannotListen = "error: 无法在 {0}:{1} 上监听：{2}",
        NvNotAVersion = "“{0}”不是版本号：请写成 MAJOR.MINOR.PATCH，如 2.1.0。",
        NvNotADate = "“{0}”不是日期：请写成 yyyy-MM-dd，如 2027-01-01。",
        RegisterCommand = "管理矿业权登记簿（docs/records.md）。",
        RegisterImportCommand = "由矿业权的 GeoJSON 要素集合和旗县区控制数量的 CSV 生成登记簿：GeoPackage 文件或 PostgreSQL/PostGIS 数据库。输入有任何错误时不写入任何内容。",
        RegisterImportRights = "矿业权：GeoJSON 要素集合（RFC 7946，CGCS2000 [经度, 纬度]），属性为 `id`、`kind`、`holder`、`mineral`、`county`、`deposit`、`block`、`validFrom`、`validTo`。",
        RegisterImportControlNumbers = "旗县区砂石土采矿权控制数量（5.2.2）：表头为 `county,number,setBy,date` 的 CSV。",
        RegisterImportInto = "要写入的登记簿：.gpkg 文件（整体替换）或 PostgreSQL 连接字符串（`Host=…;Database=…` 或 `postgresql://…`）。",
        RegisterImported = "已将 {0} 个矿业权和 {1} 个控制数量导入 {2}。",
        RegisterImportFailed = "{0} 个错误；未向 {1} 写入任何内容。",
        NvNoVersion = "{1} 中没有版本 {0}；已有的版本：{2}。",
        NvSeveral = "有多个规则集都有版本 {0}（{1}）；--rules 指定的文件夹中每个版本号只应属于一个规则集。",
        NvNotLatest = "{0} 不是 {2} 中 {1} 的最新版本（最新的是 {3}）：请从 {3} 开始建立新版本，以免丢失 {0} 之后所做的修改。",
        NvNotAbove = "{0} 不高于 {2} 中已有的 {1}：新版本应使用下一个版本号（如 {3}）。",
        NvNotAfter = "--effective-from {0} 不晚于 {1} {2} 的生效日期（{3}）；新版本的生效日期必须晚于 {4} 中已有的每一个版本。",
        NvExists = "{0} 已经存在；版本文件夹不会被覆盖。",
        NvRefused = "error: {0} 未创建任何文件。",
        NvCreated = "已创建 {0}/：{1} 的副本，自 {2} 起施行，取代 {1}（封存之前是草稿）。",
        NvNext = "下一步：",
        NvStep1 = "  1. 修改 {0}/ 中的规则，并在 manifest.yaml 中写明修改理由（supersedes.reason）；用 `mineralrules serve --rules {1} --watch` 预览",
        NvStep3 = "  3. 添加日期在 {0} 当日或之后的样例（或复制样例并改写日期）：日期更早的样例按其日期当日施行的版本检查，看不出修改的效果",
        RulebookNoFolder = "{0}: error MR1001: 没有这个文件夹",
        RulebookWrote = "已将 {0} 个文件写入 {1}（{2} 个规则集版本，{3} 个样例）；请打开 index.html。",
        LintCommand = "检查规则文件中的错误，无需任何申请。",
        LintFolder = "规则集文件夹（rules/<id>/<version>/）；不写时检查工具内置的规则。",
        LintErrors = "{1} 中有 {0} 个错误；修正之前该规则集无法加载。",
        TheEmbeddedRules = "内置规则",
        LintSealed = "已封存",
        LintWarnings = "{0} 个警告：它们不会导致拒绝加载，但请逐条阅读。",
        LintInForce = "生效期间：",
        RangeSameDay = "{0}，当天即被 {1} 取代（不会按日期选中；可用 --rule-set-version {2} 检查）",
        RangeFromTo = "{0} 至 {1}",
        RangeOpen = "今后",
        RangeSupersededBy = "；被 {0} 取代",
        RangeSupersedes = "；取代 {0}",
        LintDraft = "草稿，未封存（发布时请用 `mineralrules seal <version-folder>` 封存）",
        LintClean = "{0} {1}：{2} 条规则，没有问题（自 {3} 起生效；{4}）。",
        SealCommand = "发布规则集版本：生成其 seal.yaml，此后只有文件未被改动时该版本才能加载。",
        SealFolder = "版本所在的文件夹，如 rules/nmg-mineral-plan-2021-2025/2.1.0。",
        SealFailed = "{0} 个错误；{1} 未封存。",
        Sealed = "已封存：{0}。",
        TestCommand = "检查样例申请的结果是否与其 'expect' 部分记录的一致。",
        TestPaths = "样例申请文件或存放样例的文件夹。",
        TestFormat = "text（默认）或 junit（每个样例一个测试用例：预期与实际对照）。",
        TestFailed = "未通过 {0}",
        TestWithoutExpect = "{0} 个文件没有 'expect' 部分，未予测试，如 {1}。",
        TestSummary = "{0} 个通过，{1} 个未通过",
        CoverageProblem = "覆盖缺口：{0}",
        NewVersionCommand = "生成规则集的草稿版本：复制 <from> 并更新其清单文件，在 `mineralrules seal` 之前保持未封存。",
        NewVersionFrom = "作为起点的版本，如 2.0.0。",
        NewVersionTo = "新版本号，如 2.1.0（主版本.次版本.修订号，高于 <from>）。",
        NewVersionEffectiveFrom = "新版本生效的第一天（yyyy-MM-dd），晚于 <from> 的生效日期。",
        NewVersionRules = "新版本所加入的规则集文件夹（默认：rules）。",
        RulebookCommand = "生成规则手册静态网站：每个条款的中文原文及英文对照、以通俗语言说明的执行规则，以及显示各种结果的样例。",
        RulebookOut = "网站的输出文件夹（不存在时创建）。",
        RulebookSamples = "在每条规则下展示的样例申请所在的文件夹（默认：存在时为 {0}）。",
        ExplainCommand = "以通俗语言显示规划的某个条款及执行它的规则。",
        ExplainVersion = "规则集版本（默认：最新版本）。",
        ExplainTarget = "规则编号（如 coal.new-underground.min-capacity）或条款编号（如 5.2.1）。",
        HelpOption = "显示帮助和用法信息",
        VersionOption = "显示版本信息",
    };

    public required string Root { get; init; }

    public required string Crash { get; init; }

    public required string UsageHint { get; init; }

    public required string RulesOption { get; init; }

    public required string CultureOption { get; init; }

    public required string RulesDidNotLoad { get; init; }

    public required string ZonesOption { get; init; }

    public required string RegisterOption { get; init; }

    public required string ZoneToleranceOption { get; init; }

    public required string RecordsDidNotOpen { get; init; }

    public required string Embedded { get; init; }

    public required string NoSuchFileOrFolder { get; init; }

    public required string NoSuchFileOrFolderSentence { get; init; }

    public required string NoSuchFolder { get; init; }

    public required string CheckCommand { get; init; }

    public required string CheckPaths { get; init; }

    public required string CheckFormat { get; init; }

    public required string CheckVersion { get; init; }

    public required string CheckNotApplicable { get; init; }

    public required string CheckOnly { get; init; }

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

    public required string DiffFrom { get; init; }

    public required string DiffTo { get; init; }

    public required string DiffUsage { get; init; }

    public required string DiffNoVersion { get; init; }

    public required string DiffDifferentRuleSets { get; init; }

    public required string ServeCommand { get; init; }

    public required string ServePort { get; init; }

    public required string ServeBind { get; init; }

    public required string ServeWatch { get; init; }

    public required string ServeSamples { get; init; }

    public required string ServeBadBind { get; init; }

    public required string ServeWatchNeedsRules { get; init; }

    public required string ServeNotLoaded { get; init; }

    public required string ServeEmbeddedName { get; init; }

    public required string ServeWatching { get; init; }

    public required string Serving { get; init; }

    public required string ServeCannotListen { get; init; }

    public required string NvNotAVersion { get; init; }

    public required string NvNotADate { get; init; }

    public required string RegisterCommand { get; init; }

    public required string RegisterImportCommand { get; init; }

    public required string RegisterImportRights { get; init; }

    public required string RegisterImportControlNumbers { get; init; }

    public required string RegisterImportInto { get; init; }

    public required string RegisterImported { get; init; }

    public required string RegisterImportFailed { get; init; }

    public required string NvNoVersion { get; init; }

    public required string NvSeveral { get; init; }

    public required string NvNotLatest { get; init; }

    public required string NvNotAbove { get; init; }

    public required string NvNotAfter { get; init; }

    public required string NvExists { get; init; }

    public required string NvRefused { get; init; }

    public required string NvCreated { get; init; }

    public required string NvNext { get; init; }

    public required string NvStep1 { get; init; }

    public required string NvStep3 { get; init; }

    public required string RulebookNoFolder { get; init; }

    public required string RulebookWrote { get; init; }

    public required string LintCommand { get; init; }

    public required string LintFolder { get; init; }

    public required string LintErrors { get; init; }

    public required string TheEmbeddedRules { get; init; }

    public required string LintSealed { get; init; }

    public required string LintWarnings { get; init; }

    public required string LintInForce { get; init; }

    public required string RangeSameDay { get; init; }

    public required string RangeFromTo { get; init; }

    public required string RangeOpen { get; init; }

    public required string RangeSupersededBy { get; init; }

    public required string RangeSupersedes { get; init; }

    public required string LintDraft { get; init; }

    public required string LintClean { get; init; }

    public required string SealCommand { get; init; }

    public required string SealFolder { get; init; }

    public required string SealFailed { get; init; }

    public required string Sealed { get; init; }

    public required string TestCommand { get; init; }

    public required string TestPaths { get; init; }

    public required string TestFormat { get; init; }

    public required string TestFailed { get; init; }

    public required string TestWithoutExpect { get; init; }

    public required string TestSummary { get; init; }

    public required string CoverageProblem { get; init; }

    public required string NewVersionCommand { get; init; }

    public required string NewVersionFrom { get; init; }

    public required string NewVersionTo { get; init; }

    public required string NewVersionEffectiveFrom { get; init; }

    public required string NewVersionRules { get; init; }

    public required string RulebookCommand { get; init; }

    public required string RulebookOut { get; init; }

    public required string RulebookSamples { get; init; }

    public required string ExplainCommand { get; init; }

    public required string ExplainTarget { get; init; }

    public required string ExplainVersion { get; init; }

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
