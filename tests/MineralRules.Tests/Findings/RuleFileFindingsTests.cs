using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.RuleSets;
using MineralRules.RuleSets.Reading;
using MineralRules.Tests.Cli;
using MineralRules.Versioning;

namespace MineralRules.Tests.Findings;

/// <summary>
/// Findings F12 (an empty or null scope list read as "every") and F17 (rule-file editing mistakes that loaded
/// silently). Each case starts from a small valid rule set, makes the one edit a legal officer could make, and asserts
/// that nothing loads and that the mistake is reported with its code, file and line; bounds are tested at, below and
/// above the bound.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class RuleFileFindingsTests
{
    private const string RulesFile = "rules.yaml";
    private const string ListsFile = "mineral-lists.yaml";
    private const string ScaleFile = "mine-production-scale.yaml";
    private const string ManifestFile = "manifest.yaml";

    /// <summary>A valid rule; each case replaces one piece of it.</summary>
    private const string CoalRule = """
        rules:
          - id: coal.new-underground.min-capacity
            clause:
              ref: "5.2.1"
              zh: 新建井工煤矿原则上产能不低于300万吨/年
              en: New underground coal mines at least 3 Mt/a.
            scope:
              permit: mining
              actions: [new, conversion]
              minerals: [coal]
              miningMethods: [underground]
            condition:
              atLeast: { field: capacity, value: 300, unit: 万吨/年 }
            outcome: fail
            message:
              zh: 产能{actual}低于新建井工煤矿最低产能{required}。
              en: Capacity {actual} is below the minimum {required}.
        """;

    private const string BannedRule = """
        rules:
          - id: mining.banned-minerals
            clause:
              ref: "5.1.1"
              zh: 禁止开采超贫磁铁矿
              en: Mining of ultra-lean magnetite is prohibited.
            scope:
              permit: mining
              mineralList: banned-for-mining
            condition:
              prohibited: true
            outcome: fail
            message:
              zh: 禁止开采{mineral}。
              en: Mining of {mineral} is prohibited.
        """;

    private const string Lists = """
        mineralLists:
          - id: banned-for-mining
            title: { zh: 禁止开采矿种, en: Minerals whose mining is prohibited }
            clause: "5.1.1"
            minerals: [ultra-lean-magnetite, blue-asbestos]
        """;

    private const string Scale = """
        mineProductionScale:
          document: 关于调整部分矿种矿山生产建设规模标准的通知 (国土资发〔2004〕208号)
          rows:
            - name: 煤(地下开采)
              minerals: [coal]
              miningMethod: underground
              countedAs: raw-coal
              unit: 万吨/年
              large: 120
              medium: 45
              verified: true
              status: sourced
              source: 208号
        """;

    private const string Manifest = """
        id: test-plan
        version: 1.0.0
        title: { zh: 测试, en: Test }
        source:
          title: 测试规划
          number: 测试〔2022〕1号
          issued: 2022-08-19
          published: 2022-08-26
          text: source/plan.zh.txt
        effectiveFrom: 2022-08-19
        """;

    // ---- The starting points load: every case below fails because of its edit. ----
    [Test]
    public void TryLoad_UneditedStartingPoints_Load()
    {
        var result = Load((RulesFile, CoalRule), (ListsFile, Lists), (ScaleFile, Scale), ("banned.yaml", BannedRule));

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Catalog!.RuleSets.Single().CompiledRules, Has.Count.EqualTo(2));
    }

    // ---- F12: an empty or null scope list is refused; only a key left out means "any". ----
    [TestCase("      minerals: [coal]", "      minerals: []", "minerals")]
    [TestCase("      actions: [new, conversion]", "      actions: []", "actions")]
    [TestCase("      miningMethods: [underground]", "      miningMethods: []", "miningMethods")]
    [TestCase("      permit: mining", "      permit: []", "permit")]
    [TestCase("      permit: mining", "      permit:", "permit")]
    [TestCase("      actions: [new, conversion]", "      actions:", "actions")]
    [TestCase("      minerals: [coal]", "      minerals: ~", "minerals")]
    [TestCase("      minerals: [coal]", "      minerals: [coal]\n      zones: []", "zones")]
    [TestCase("      minerals: [coal]", "      minerals: [coal]\n      leagues: []", "leagues")]
    [TestCase("      minerals: [coal]", "      minerals: [coal]\n      counties: []", "counties")]
    [TestCase("      minerals: [coal]", "      minerals: [coal]\n      exceptMinerals: []", "exceptMinerals")]
    [TestCase("      minerals: [coal]", "      mineralList:", "mineralList")]
    public void TryLoad_EmptyOrNullScopeList_ReportsMR3009AtItsLine(string original, string edited, string key)
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, original, edited, edited.Split('\n')[^1]);

        AssertReported(result, RulesFile, "MR3009", line, $"'scope.{key}'");
        Assert.That(Only(result, "MR3009").Message, Does.Contain("\"any\"").And.Contain($"remove the key '{key}'"));
    }

    [Test]
    public void TryLoad_ScopeWhenWithNothing_ReportsMR3009()
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, "      miningMethods: [underground]", "      miningMethods: [underground]\n      when:", "      when:");

        AssertReported(result, RulesFile, "MR3009", line, "'scope.when' has no condition");
    }

    [Test]
    public void TryLoad_ScopeKeyLeftOut_LoadsAsAny()
    {
        var rules = CoalRule.Replace("      actions: [new, conversion]\n", string.Empty, StringComparison.Ordinal);

        var result = Load((RulesFile, rules));

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Catalog!.RuleSets.Single().CompiledRules.Single().Definition.Scope.Actions, Is.Empty);
    }

    [Test]
    public void TryLoad_EmptiedBannedList_ReportsMR3009AtTheList()
    {
        var edited = Lists.Replace("minerals: [ultra-lean-magnetite, blue-asbestos]", "minerals: []   # the last entries removed", StringComparison.Ordinal);
        using var temp = new TempFolder();
        var folder = Write(temp, (ListsFile, edited), ("banned.yaml", BannedRule));

        var result = RuleSetCatalog.TryLoadFromFolder(folder);

        AssertReported(result, ListsFile, "MR3009", LineOf(edited, "minerals: []"), "'banned-for-mining' is empty");
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Not.Contain("MR3007"), "the list is reported once, not as missing where it is named");
    }

    [Test]
    public void TryLoad_EmptiedBannedListInTestRules_ReportsMR3009()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", ListsFile);
        var text = File.ReadAllText(file).Replace("minerals: [ultra-lean-magnetite, blue-asbestos, brick-clay-arable]", "minerals: []", StringComparison.Ordinal);
        File.WriteAllText(file, text);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        AssertReported(result, ListsFile, "MR3009", LineOf(text, "minerals: []"), "banned-for-mining");
    }

    [Test]
    public void TryLoad_EveryNamedMineralExcepted_ReportsMR3009()
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, "      minerals: [coal]", "      minerals: [coal]\n      exceptMinerals: [coal]", "    scope:");

        AssertReported(result, RulesFile, "MR3009", line + 1, "covers no application");
    }

    [Test]
    public void Compile_ScopeNamingAnEmptyList_RefusedNotReadAsAny()
    {
        // The reader refuses `zones: []`; the compiler still refuses a scope that names a list and holds nothing,
        // so that its mask (0 = any) can never come from an empty list.
        var fields = FieldCatalog.Default;
        var readings = RuleSetReadings.Original;
        var compiler = new ScopeCompiler(new ConditionCompiler(fields, readings, () => new ExpressionCompiler(fields)), readings);
        var location = new SourceLocation("rules.yaml", 7, 5);
        var diagnostics = new DiagnosticBag();

        var refused = compiler.Compile(new ScopeDefinition { Named = new HashSet<string> { "zones" }, Location = location }, null, "r", diagnostics);
        var any = compiler.Compile(new ScopeDefinition(), null, "r", new DiagnosticBag());

        Assert.That(refused, Is.Null);
        Assert.That(diagnostics.ToSortedList().Single(), Has.Property("Code").EqualTo("MR3009").And.Property("Location").EqualTo(location));
        Assert.That(any, Is.Not.Null);
    }

    [Test]
    public void Diff_ScopeKeyRemoved_ShownAsAnyNotAsEmptyList()
    {
        var older = TestRuleSets.Load(null, Indented(CoalRule));
        var newer = TestRuleSets.Load(null, Indented(CoalRule.Replace("      minerals: [coal]\n", string.Empty, StringComparison.Ordinal)));

        var report = RuleSetDiff.Compare(older, newer, []);

        Assert.That(report.Changed.Single().Changes, Does.Contain("scope.minerals: [coal] → (any)"));
    }

    // ---- F17: placeholders that would be printed as they stand. ----
    [TestCase("产能{actual}低于", "产能{actual低于", "write {actual}")]
    [TestCase("产能{actual}低于", "产能{{actual}}低于", "write {actual}")]
    [TestCase("产能{actual}低于", "产能｛actual｝低于", "write {actual}")]
    [TestCase("产能{actual}低于", "产能{actual｝低于", "write {actual}")]
    [TestCase("产能{actual}低于", "产能actual}低于", "write {actual}")]
    [TestCase("产能{actual}低于", "产能{{actual}低于", "write {actual}")]
    [TestCase("{required}。", "{required。", "write {required}")]
    public void TryLoad_MalformedPlaceholderInChineseMessage_ReportsMR3010WithTheFix(string original, string edited, string fix)
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, original, edited, edited);

        AssertReported(result, RulesFile, "MR3010", line, fix);
    }

    [Test]
    public void TryLoad_UnclosedPlaceholderInEnglishRemedy_ReportsMR3010()
    {
        var rules = CoalRule + "\n    remedy:\n      zh: 产能不低于{required}。\n      en: Design at least {required.\n";

        var (result, line) = LoadEdited(RulesFile, rules, "Design at least {required.", "Design at least {required.", "      en: Design at least");

        AssertReported(result, RulesFile, "MR3010", line, "write {required}");
    }

    [TestCase("{actual}")]
    [TestCase("{ actual }")]
    public void TryLoad_WellFormedOrSpacedPlaceholder_OnlySpacedOneRefused(string placeholder)
    {
        var (result, _) = LoadEdited(RulesFile, CoalRule, "产能{actual}低于", $"产能{placeholder}低于", "产能");

        Assert.That(result.Diagnostics.Select(d => d.Code), placeholder == "{actual}" ? Is.Empty : Is.EquivalentTo(new[] { "MR3010" }));
    }

    // ---- F17: vocabulary fields of reference tables are closed lists. ----
    [TestCase("countedAs: raw-coal", "countedAs: raw coal", "raw-coal")]
    [TestCase("countedAs: raw-coal", "countedAs: Raw-Coal", "raw-coal")]
    [TestCase("status: sourced", "status: source", "sourced")]
    [TestCase("unit: 万吨/年", "unit: 万顿/年", "万吨/年")]
    public void TryLoad_UnknownWordInScaleRow_ReportsMR1008WithTheAllowedWords(string original, string edited, string suggestion)
    {
        var (result, line) = LoadEdited(ScaleFile, Scale, original, edited, edited);

        AssertReported(result, ScaleFile, "MR1008", line, $"Did you mean '{suggestion}'?");
        Assert.That(Only(result, "MR1008").Message, Does.Contain("Allowed: "));
    }

    [Test]
    public void TryLoad_UnknownMeasureInDepositRow_ReportsMR1008()
    {
        const string Deposit = """
            depositScale:
              document: 矿产资源储量规模划分标准
              rows:
                - { name: 铜, minerals: [copper], measure: 金属量, unit: 万吨, large: 50, medium: 10, verified: true, status: sourced, source: 133号 }
            """;

        var (result, line) = LoadEdited("deposit-scale.yaml", Deposit, "金属量", "金属量", "measure: 金属量");

        AssertReported(result, "deposit-scale.yaml", "MR1008", line, "Allowed: ");
    }

    [TestCase("large: 120", "large: -120")]
    [TestCase("medium: 45", "medium: 1e-30")]
    public void TryLoad_NegativeOrVanishingFigureInScaleRow_ReportsMR3009(string original, string edited)
    {
        var (result, line) = LoadEdited(ScaleFile, Scale, original, edited, edited);

        AssertReported(result, ScaleFile, "MR3009", line, edited.Split(' ')[^1]);
    }

    [Test]
    public void RuleFileSchema_ReferenceWordLists_AreTheReaders()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Repository, "schemas", "rule-file.schema.json")))!;
        var mine = schema["properties"]!["mineProductionScale"]!["properties"]!["rows"]!["items"]!["properties"]!;
        var deposit = schema["properties"]!["depositScale"]!["properties"]!["rows"]!["items"]!["properties"]!;

        Assert.Multiple(() =>
        {
            Assert.That(Enum(mine["countedAs"]!), Is.EquivalentTo(ReferenceTableReader.CountedAsWords));
            Assert.That(Enum(mine["status"]!), Is.EquivalentTo(ReferenceTableReader.RowStatusWords));
            Assert.That(Enum(mine["unit"]!), Is.EquivalentTo(ReferenceTableReader.ScaleUnits));
            Assert.That(Enum(deposit["measure"]!), Is.EquivalentTo(ReferenceTableReader.MeasureWords));
            Assert.That(Enum(deposit["status"]!), Is.EquivalentTo(ReferenceTableReader.RowStatusWords));
            Assert.That(Enum(deposit["unit"]!), Is.EquivalentTo(ReferenceTableReader.ScaleUnits));
        });

        static IEnumerable<string> Enum(System.Text.Json.Nodes.JsonNode node) => node["enum"]!.AsArray().Select(w => w!.ToString());
    }

    // ---- F17: thresholds that make a rule vacuous or cannot be held. ----
    [TestCase("-300", "negative")]
    [TestCase("-0.5", "negative")]
    [TestCase("1e-30", "read as 0")]
    [TestCase("1e-29", "read as 0")]
    [TestCase("0.00000000000000000000000000001", "read as 0")]
    [TestCase("0", "decides the same for every application")]
    [TestCase("0.0", "decides the same for every application")]
    [TestCase("300.000000000000000000000000001", "cannot be held exactly")]
    public void TryLoad_AtLeastThresholdRefused_ReportsMR3009AtTheValue(string value, string expected)
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, "value: 300,", $"value: {value},", "atLeast:");

        AssertReported(result, RulesFile, "MR3009", line, expected);
    }

    [TestCase("300")]
    [TestCase("3e2")]
    [TestCase("0.5")]
    [TestCase("1e-28")]
    [TestCase("0.0000000000000000000000000001")]
    public void TryLoad_AtLeastThresholdExactAndPositive_Loads(string value)
    {
        var (result, _) = LoadEdited(RulesFile, CoalRule, "value: 300,", $"value: {value},", "atLeast:");

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [TestCase("atMost", "0", true)]
    [TestCase("moreThan", "0", true)]
    [TestCase("lessThan", "0", false)]
    [TestCase("atMost", "-1", false)]
    [TestCase("lessThan", "0.001", true)]
    public void TryLoad_ZeroOrNegativeThresholdByForm_RefusedOnlyWhereVacuous(string form, string value, bool loads)
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, "atLeast: { field: capacity, value: 300,", $"{form}: {{ field: capacity, value: {value},", "capacity, value:");

        if (loads)
        {
            Assert.That(result.Diagnostics, Is.Empty);
        }
        else
        {
            AssertReported(result, RulesFile, "MR3009", line, null);
        }
    }

    [Test]
    public void TryLoad_NegativeCountThreshold_ReportsMR3009()
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, "atLeast: { field: capacity, value: 300, unit: 万吨/年 }", "atMost: { field: deposit.otherMiningRights, value: -1 }", "atMost:");

        AssertReported(result, RulesFile, "MR3009", line, "negative");
    }

    // ---- F17: a rule file with no rules. ----
    [TestCase("rules:\n", "rules:")]
    [TestCase("rules: []\n", "rules: []")]
    [TestCase("rules: ~\n", "rules: ~")]
    public void TryLoad_RulesEmptyOrNull_ReportsMR3009ForTheFile(string text, string at)
    {
        var file = "title: { zh: 第六章 矿业绿色发展, en: \"Chapter 6: Green mining\" }\n" + text;

        var result = Load((RulesFile, CoalRule), ("chapter-6.yaml", file));

        AssertReported(result, "chapter-6.yaml", "MR3009", LineOf(file, at), "has no rules");
    }

    [Test]
    public void TryLoad_EveryRuleCommentedOut_ReportsMR3009ForTheFile()
    {
        var file = "# yaml-language-server: $schema=../../../schemas/rule-file.schema.json\ntitle: { zh: 第六章, en: Chapter 6 }\n\n"
            + string.Join("\n", CoalRule.Split('\n').Select(l => "#" + l.Replace("coal.new", "other.new", StringComparison.Ordinal))) + "\n";

        var result = Load((RulesFile, CoalRule), ("chapter-6.yaml", file));

        AssertReported(result, "chapter-6.yaml", "MR3009", 1, "has no rules");
    }

    // ---- F17: empty texts and texts with damaged or invisible characters. ----
    [TestCase("      zh: 产能{actual}低于新建井工煤矿最低产能{required}。", "      zh: ''", "'message.zh' is empty")]
    [TestCase("      en: Capacity {actual} is below the minimum {required}.", "      en: \"  \"", "'message.en' is empty")]
    [TestCase("      zh: 新建井工煤矿原则上产能不低于300万吨/年", "      zh: ''", "'clause.zh' is empty")]
    [TestCase("    outcome: fail", "    outcome: fail\n    interpretation: { zh: '', en: At least. }", "'interpretation.zh' is empty")]
    [TestCase("    outcome: fail", "    outcome: fail\n    remedy: { zh: 提高产能。, en: '' }", "'remedy.en' is empty")]
    public void TryLoad_EmptyText_ReportsMR3009AtIt(string original, string edited, string expected)
    {
        var (result, line) = LoadEdited(RulesFile, CoalRule, original, edited, edited.Split('\n')[^1]);

        AssertReported(result, RulesFile, "MR3009", line, expected);
    }

    // Control characters are refused by the document reader itself (MR1007, in every document); damaged and
    // invisible characters that are not control characters by the rule checks (MR3009).
    [TestCase("新建井工\uFFFD煤矿", "U+FFFD", "MR3009")]
    [TestCase("新建井工\\0煤矿", "U+0000", "MR1007")]
    [TestCase("新建井工\\u200B煤矿", "U+200B", "MR3009")]
    [TestCase("新建井工\\x07煤矿", "U+0007", "MR1007")]
    public void TryLoad_DamagedOrInvisibleCharacterInMessage_Reported(string text, string expected, string code)
    {
        var edited = $"      zh: \"产能{{actual}}低于{text}最低产能{{required}}。\"";

        var (result, line) = LoadEdited(RulesFile, CoalRule, "      zh: 产能{actual}低于新建井工煤矿最低产能{required}。", edited, edited);

        AssertReported(result, RulesFile, code, line, expected);
    }

    [Test]
    public void TryLoad_MultiLineInterpretation_Loads()
    {
        var (result, _) = LoadEdited(RulesFile, CoalRule, "    outcome: fail", "    outcome: fail\n    interpretation:\n      zh: |\n        不低于包括本数。\n        恰为300万吨/年的通过。\n      en: At least includes the number.", "    outcome");

        Assert.That(result.Diagnostics, Is.Empty);
    }

    // ---- F17: the manifest's dates stay within the plan's outlook; the plan's text is required. ----
    [TestCase("effectiveFrom: 2022-08-19", true)]
    [TestCase("effectiveFrom: 2022-08-18", false)]
    [TestCase("effectiveFrom: 2202-08-19", false)]
    [TestCase("effectiveFrom: 2035-12-31", true)]
    [TestCase("effectiveFrom: 2036-01-01", false)]
    [TestCase("effectiveFrom: 2022-08-19\neffectiveTo: 2035-12-31", true)]
    [TestCase("effectiveFrom: 2022-08-19\neffectiveTo: 2036-01-01", false)]
    [TestCase("effectiveFrom: 2022-08-19\neffectiveTo: 2022-08-19", true)]
    public void TryLoad_EffectiveDateAgainstIssuedAnd2035_RefusedOutsideWithMR3002(string dates, bool loads)
    {
        var manifest = Manifest.Replace("effectiveFrom: 2022-08-19", dates, StringComparison.Ordinal);
        using var temp = new TempFolder();
        var folder = Write(temp, manifest, (RulesFile, CoalRule));

        var result = RuleSetCatalog.TryLoadFromFolder(folder);

        if (loads)
        {
            Assert.That(result.Diagnostics, Is.Empty);
        }
        else
        {
            AssertReported(result, ManifestFile, "MR3002", LineOf(manifest, dates.Split('\n')[^1]), dates.Split(' ')[^1]);
        }
    }

    [Test]
    public void TryLoad_ManifestWithoutSourceText_DoesNotLoad()
    {
        var manifest = Manifest.Replace("  text: source/plan.zh.txt\n", "        # the plan's published text\n", StringComparison.Ordinal);
        var rules = CoalRule.Replace("新建井工煤矿原则上产能不低于300万吨/年", "新建井工煤矿无需达到产能标准", StringComparison.Ordinal);
        using var temp = new TempFolder();
        var folder = Write(temp, manifest, (RulesFile, rules));

        var result = RuleSetCatalog.TryLoadFromFolder(folder);

        AssertReported(result, ManifestFile, "MR1006", LineOf(manifest, "  title: 测试规划"), "'text' is required");
    }

    // ---- Helpers. ----
    private static RuleSetLoadResult Load(params (string File, string Text)[] files)
    {
        using var temp = new TempFolder();
        return RuleSetCatalog.TryLoadFromFolder(Write(temp, files));
    }

    /// <summary>Loads the starting point of <paramref name="file"/> with one edit; the expected line is that of <paramref name="at"/> in the edited text.</summary>
    private static (RuleSetLoadResult Result, int Line) LoadEdited(string file, string text, string original, string edited, string at)
    {
        Assert.That(text, Does.Contain(original), "the edit must apply");
        var changed = text.Replace(original, edited, StringComparison.Ordinal);
        var files = new List<(string, string)> { (file, changed) };
        if (file != RulesFile)
        {
            files.Add((RulesFile, CoalRule));
        }

        return (Load([.. files]), LineOf(changed, at));
    }

    private static string Write(TempFolder temp, params (string File, string Text)[] files) => Write(temp, Manifest, files);

    private static string Write(TempFolder temp, string manifest, params (string File, string Text)[] files)
    {
        var version = Path.Combine("rules", "test-plan", "1.0.0");
        temp.Write(Path.Combine(version, ManifestFile), manifest + "\n");
        temp.Write(Path.Combine(version, "source", "plan.zh.txt"), File.ReadAllText(Path.Combine(TestPaths.TestRules, "nmg-mineral-plan-2021-2025", "1.0.0", "source", "plan.zh.txt")));
        foreach (var (file, text) in files)
        {
            temp.Write(Path.Combine(version, file), text + "\n");
        }

        return Path.Combine(temp.Path, "rules");
    }

    /// <summary>The rules of a file as TestRuleSets writes them (below its own "rules:").</summary>
    private static string Indented(string rules) => rules[(rules.IndexOf('\n', StringComparison.Ordinal) + 1)..] + "\n";

    private static int LineOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{fragment}' is in the text");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static Diagnostic Only(RuleSetLoadResult result, string code) => result.Diagnostics.Single(d => d.Code == code);

    private static void AssertReported(RuleSetLoadResult result, string file, string code, int line, string? message)
    {
        Assert.That(result.Catalog, Is.Null, "nothing loads");
        Assert.That(
            result.Diagnostics,
            Has.Some.Matches<Diagnostic>(d => d.Code == code && d.Location.Path.EndsWith(file, StringComparison.Ordinal) && d.Location.Line == line && (message is null || d.Message.Contains(message, StringComparison.Ordinal))),
            $"expected {code} at {file}:{line}{(message is null ? string.Empty : $" saying '{message}'")}; got:\n{string.Join("\n", result.Diagnostics)}");
    }
}
