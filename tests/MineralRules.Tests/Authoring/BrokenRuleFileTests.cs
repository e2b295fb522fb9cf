using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Authoring;

/// <summary>
/// A corpus of the mistakes a legal officer makes in a rule file. Each case copies the shipped rules, makes one
/// realistic edit, and asserts that nothing loads and that the mistake is reported with its code, file and line.
/// The expected line is found from the edited text (the line of <see cref="BrokenCase.At"/> at or after the edit), so
/// the corpus survives unrelated edits of the shipped rules while still failing if the diagnostic points elsewhere.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class BrokenRuleFileTests
{
    private const string Chapter3 = "chapter-3-spatial.yaml";
    private const string Chapter5 = "chapter-5-mining.yaml";
    private const string Chapter6 = "chapter-6-green-mining.yaml";
    private const string Lists = "mineral-lists.yaml";
    private const string Manifest = "manifest.yaml";

    private const string CoalThreshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }   # 不低于: exactly 300 passes";
    private const string CoalTail = "    outcome: fail\n    exemptable: true\n    message:\n      zh: 产能{actual}低于新建井工煤矿最低产能{required}。";
    private const string CoalHead = "  - id: coal.new-underground.min-capacity\n    clause:\n      ref: \"5.2.1\"";

    private static readonly BrokenCase[] Cases =
    [
        // YAML syntax.
        new("YamlUnclosedFlowMapping", Chapter5, CoalThreshold, CoalThreshold.Replace(" }   #", "    #", StringComparison.Ordinal), "MR1002", At: "atLeast: {"),
        new("YamlUnclosedQuote", Chapter5, CoalHead, CoalHead.Replace("\"5.2.1\"", "\"5.2.1", StringComparison.Ordinal), "MR1002", At: "      ref: \"5.2.1\n"),
        new("YamlMissingSpaceAfterColon", Chapter5, CoalTail, CoalTail.Replace("exemptable: true", "exemptable:true", StringComparison.Ordinal), "MR1002", At: "    exemptable:true"),
        new("YamlMisalignedKey", Chapter5, "      en: Capacity {actual} is below", "     en: Capacity {actual} is below", "MR1002"),
        new("TruncatedFileInsideFlowMapping", Chapter5, "atLeast: { field: capacity, value: 300,", null, "MR1002", At: "atLeast: {", Truncate: true),
        new("TruncatedFileInsideRule", Chapter5, CoalHead + "\n", null, "MR1006", At: "  - id: coal.new-underground.min-capacity", Truncate: true, Message: "'scope' is required"),
        new("TabIndentation", Chapter5, CoalTail, "\t" + CoalTail.TrimStart(' '), "MR1003"),

        // Keys.
        new("MisspeltRuleKey", Chapter5, CoalTail, CoalTail.Replace("exemptable:", "exemptible:", StringComparison.Ordinal), "MR1005", At: "    exemptible", Message: "Did you mean 'exemptable'?"),
        new("MisspeltConditionForm", Chapter5, CoalThreshold, CoalThreshold.Replace("atLeast", "atleast", StringComparison.Ordinal), "MR1005", Message: "Did you mean 'atLeast'?"),
        new("MisspeltScopeKey", Chapter5, "      miningMethods: [underground]\n    condition:\n      atLeast: { field: capacity, value: 300", "      miningMethod: [underground]\n    condition:\n      atLeast: { field: capacity, value: 300", "MR1005", Message: "Did you mean 'miningMethods'?"),
        new("MisspeltFileKey", Chapter5, "\nrules:\n", "\nrule:\n", "MR1005", At: "rule:", Message: "Did you mean 'rules'?"),
        new("DuplicateKeyInRule", Chapter5, CoalTail, CoalTail.Replace("    outcome: fail\n", "    outcome: fail\n    outcome: review\n", StringComparison.Ordinal), "MR1004", At: "    outcome: review"),

        // Types.
        new("NumberWrittenAsWords", Chapter5, "value: 300, unit: 万吨/年", "value: three hundred, unit: 万吨/年", "MR1007", Message: "three hundred"),
        new("NumberInQuotes", Chapter5, "value: 300, unit: 万吨/年", "value: \"300\", unit: 万吨/年", "MR1007"),
        new("BooleanWrittenAsYes", Chapter5, CoalTail, CoalTail.Replace("exemptable: true", "exemptable: yes", StringComparison.Ordinal), "MR1007", At: "    exemptable"),
        new("ListWrittenAsSingleWord", Chapter5, "      minerals: [copper]", "      minerals: copper", "MR1007"),
        new("ConditionWrittenAsList", Chapter5, CoalThreshold, "atLeast: [capacity, 300, 万吨/年]", "MR1007"),
        new("ComparisonOnUnorderedField", Chapter5, "includesAny: { field: location.zones, values: [sand-concentrated-area] }", "includesAny: { field: scale, values: [sand-concentrated-area] }", "MR3005"),

        // Rule ids.
        new("DuplicateRuleIdInOneFile", Chapter5, "  - id: coal.expansion.min-capacity", "  - id: coal.new-underground.min-capacity", "MR3003", At: "  - id: coal.new-underground.min-capacity\n    clause:\n      ref: \"5.2.1\"\n      zh: 改扩建"),
        new("DuplicateRuleIdAcrossFiles", Chapter6, "  - id: mining.restoration-plan.filed", "  - id: coal.new-underground.min-capacity", "MR3003"),
        new("RuleIdWithSpacesAndCapitals", Chapter5, "  - id: coal.new-underground.min-capacity", "  - id: Coal New Underground", "MR3009"),

        // Vocabulary.
        new("UnknownApplicationField", Chapter5, "field: capacity, value: 300, unit: 万吨/年", "field: capasity, value: 300, unit: 万吨/年", "MR3004", Message: "Did you mean 'capacity'?"),
        new("UnknownNestedField", Chapter6, "is: { field: environment.greenMineStandard, value: true }", "is: { field: environment.greenMineStandards, value: true }", "MR3004", Message: "Did you mean 'environment.greenMineStandard'?"),
        new("UnknownMineralInList", Lists, "minerals: [ultra-lean-magnetite, blue-asbestos, brick-clay-arable]", "minerals: [ultra-lean-magnetite, blue-asbestos, brick-clay-arabel]", "MR1008", Message: "Did you mean 'brick-clay-arable'?"),
        new("UnknownMineralInScope", Chapter5, "      minerals: [copper]", "      minerals: [coper]", "MR1008", Message: "Did you mean 'copper'?"),
        new("UnknownZoneInCondition", Chapter5, "values: [sand-concentrated-area]", "values: [sand-concentration-area]", "MR1008", Message: "Did you mean 'sand-concentrated-area'?"),
        new("UnknownZoneInScope", Chapter3, "      zones: [protection-area]", "      zones: [protected-area]", "MR1008"),
        new("UnknownLeague", Chapter5, "leagues: [乌海市, 阿拉善盟]", "leagues: [乌海市, 阿拉山盟]", "MR1008", Message: "阿拉善盟"),
        new("UnknownScaleWord", Chapter5, "        - noneOf: { field: depositScale, values: [large, medium] }", "        - noneOf: { field: depositScale, values: [large, medum] }", "MR1008", Message: "Did you mean 'medium'?"),
        new("MisspeltOutcome", Chapter5, CoalTail, CoalTail.Replace("outcome: fail", "outcome: fial", StringComparison.Ordinal), "MR1008", Message: "Did you mean 'fail'?"),
        new("UnknownMineralList", Chapter5, "      mineralList: banned-for-mining", "      mineralList: banned-mining", "MR3007", Message: "Did you mean 'banned-for-mining'?"),
        new("DuplicateMineralList", Lists, "  - id: quota-controlled", "  - id: restricted-for-mining", "MR3014"),

        // Units.
        new("UnknownUnit", Chapter5, "unit: 万吨/年 }   # 不低于: exactly 300", "unit: 万屯/年 }   # 不低于: exactly 300", "MR1010"),
        new("MassUnitOnCapacity", Chapter5, "unit: 万吨/年 }   # 不低于: exactly 300", "unit: 万吨 }   # 不低于: exactly 300", "MR3006", Message: "cannot convert"),
        new("UnitOnCountField", Chapter5, "atMost: { field: deposit.otherMiningRights, value: 0 }", "atMost: { field: deposit.otherMiningRights, value: 0, unit: t/a }", "MR3006"),
        new("CapacityWithoutUnit", Chapter5, "value: 300, unit: 万吨/年 }", "value: 300 }", "MR3006"),

        // Citations.
        new("ClauseRefNotInPlan", Chapter5, CoalHead, CoalHead.Replace("\"5.2.1\"", "\"5.2.9\"", StringComparison.Ordinal), "MR3008", At: "      ref: \"5.2.9\""),
        new("ClauseRefMalformed", Chapter5, CoalHead, CoalHead.Replace("\"5.2.1\"", "\"5-2-1\"", StringComparison.Ordinal), "MR3008", At: "      ref: \"5-2-1\""),
        new("QuoteNotInPlan", Chapter5, "      zh: 新建井工煤矿原则上产能不低于300万吨/年\n", "      zh: 新建井工煤矿原则上产能不低于500万吨/年\n", "MR3015"),

        // Expressions.
        new("ExpressionDoesNotCompile", Chapter5, CoalThreshold, "expression: \"capacity.value >= 300 &&\"", "MR4001"),
        new("ExpressionUnknownField", Chapter5, CoalThreshold, "expression: \"capasity.value >= 300\"", "MR4001", Message: "capasity"),
        new("ExpressionNotTrueOrFalse", Chapter5, CoalThreshold, "expression: \"capacity.value + 1\"", "MR4003"),
        new("ExpressionConstantTrue", Chapter5, CoalThreshold, "expression: \"(true)\"", "MR4001", Message: "constant true"),

        // Messages.
        new("UnknownPlaceholderInEnglishMessage", Chapter5, "{required} for a new underground coal mine.", "{minimum} for a new underground coal mine.", "MR3010", At: "      en: Capacity {actual} is below", Message: "{minimum}", Before: true),
        new("UnknownPlaceholderInChineseMessage", Chapter5, "zh: 产能{actual}低于新建井工煤矿最低产能{required}。", "zh: 产能{actual}低于新建井工煤矿最低产能{要求}。", "MR3010"),
        new("MissingMessage", Chapter5, "    message:\n      zh: 产能{actual}低于新建井工煤矿最低产能{required}。\n      en: Capacity {actual} is below the minimum {required} for a new underground coal mine.\n", string.Empty, "MR1006", At: "- id: coal.new-underground.min-capacity", Message: "'message' is required", Before: true),
        new("ExemptableWithReviewOutcome", Chapter5, CoalTail, CoalTail.Replace("outcome: fail", "outcome: review", StringComparison.Ordinal), "MR3009", At: "    exemptable"),

        // Manifest.
        new("ManifestVersionNotSemver", Manifest, "version: 1.0.0", "version: 1.0", "MR3002", Message: "semantic version"),
        new("ManifestImpossibleDate", Manifest, "effectiveFrom: 2022-08-19", "effectiveFrom: 2022-02-30", "MR1009"),
        new("ManifestDateInLocalFormat", Manifest, "effectiveFrom: 2022-08-19", "effectiveFrom: 19.08.2022", "MR1009"),
        new("ManifestEffectiveToBeforeFrom", Manifest, "effectiveFrom: 2022-08-19", "effectiveFrom: 2022-08-19\neffectiveTo: 2021-12-31", "MR3002", At: "effectiveTo:"),
        new("ManifestMisspeltKey", Manifest, "effectiveFrom: 2022-08-19", "effectivFrom: 2022-08-19", "MR1005", Message: "Did you mean 'effectiveFrom'?"),
        new("ManifestPlanTextMissing", Manifest, "text: source/plan.zh.txt", "text: source/plan.txt", "MR3002"),
        new("ManifestIdWithCapitals", Manifest, "id: nmg-mineral-plan-2021-2025", "id: NMG-Plan", "MR3002"),
    ];

    /// <summary>The shipped rules, read once; each case writes one edited file over a fresh copy.</summary>
    private static readonly Lazy<Dictionary<string, string>> Originals = new(() =>
        Directory.EnumerateFiles(VersionFolder(TestPaths.Rules), "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText));

    public static IEnumerable<TestCaseData> CorpusCases() =>
        Cases.Select(c => new TestCaseData(c).SetName($"TryLoadFromFolder_{c.Scenario}_Reports{c.Code}AtItsLine"));

    [Test]
    public void Corpus_Scenarios_AllDistinct()
    {
        Assert.That(Cases.Select(c => c.Scenario), Is.Unique);
    }

    [Test]
    public void TryLoadFromFolder_UneditedCopy_Loads()
    {
        using var temp = new TempFolder();
        var result = RuleSetCatalog.TryLoadFromFolder(temp.CopyTestRules());

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Succeeded, Is.True, "the corpus below fails because of its edits, not because of the copy");
    }

    [TestCaseSource(nameof(CorpusCases))]
    public void TryLoadFromFolder_BrokenRuleFile_ReportsCodeFileAndLineAndLoadsNothing(BrokenCase broken)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var expectedLine = broken.Apply(VersionFolder(rules), Originals.Value[broken.File]);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        AssertReported(result, broken.File, broken.Code, expectedLine, broken.Message);
    }

    [Test]
    public void TryLoadFromFolder_ManifestMissing_ReportsItAndStillReportsRuleErrors()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var version = VersionFolder(rules);
        File.Delete(Path.Combine(version, Manifest));
        var line = new BrokenCase("x", Chapter5, "field: capacity, value: 300, unit: 万吨/年", "field: capasity, value: 300, unit: 万吨/年", "MR3004").Apply(version, Originals.Value[Chapter5]);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("MR3001"));
        AssertReported(result, Chapter5, "MR3004", line, "capasity");
    }

    [Test]
    public void TryLoadFromFolder_BrokenManifestAndBrokenRule_ReportsBoth()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var version = VersionFolder(rules);
        var manifestLine = new BrokenCase("m", Manifest, "version: 1.0.0", "version: one", "MR3002").Apply(version, Originals.Value[Manifest]);
        var ruleLine = new BrokenCase("r", Chapter5, "{required} for a new underground coal mine.", "{minimum} for a new underground coal mine.", "MR3010").Apply(version, Originals.Value[Chapter5]);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        AssertReported(result, Manifest, "MR3002", manifestLine, "one");
        AssertReported(result, Chapter5, "MR3010", ruleLine, "{minimum}");
    }

    [Test]
    public void TryLoadFromFolder_EarlierVersionEndsAfterLaterStarts_ReportsOverlapAtEffectiveTo()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var first = VersionFolder(rules);
        var second = CopyVersion(first, "1.1.0", "effectiveFrom: 2024-01-01");
        var line = new BrokenCase("o", Manifest, "effectiveFrom: 2022-08-19", "effectiveFrom: 2022-08-19\neffectiveTo: 2024-06-30", "MR3011", At: "effectiveTo:").Apply(first, Originals.Value[Manifest]);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        AssertReported(result, "1.0.0/" + Manifest, "MR3011", line, "1.1.0");
        Assert.That(Directory.Exists(second), Is.True);
    }

    [Test]
    public void TryLoadFromFolder_TwoVersionsSameEffectiveFrom_ReportsOverlapAtLaterEffectiveFrom()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var second = CopyVersion(VersionFolder(rules), "1.1.0", "effectiveFrom: 2022-08-19");
        var line = LineOf(File.ReadAllText(Path.Combine(second, Manifest)), "effectiveFrom:", 0);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        AssertReported(result, "1.1.0/" + Manifest, "MR3011", line, "both take effect");
    }

    [Test]
    public void TryLoadFromFolder_UnreadableRuleFile_ReportedNotThrown()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var dangling = Path.Combine(VersionFolder(rules), "chapter-7-extra.yaml");
        File.CreateSymbolicLink(dangling, Path.Combine(temp.Path, "no-such-file.yaml"));

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(result.Catalog, Is.Null);
        Assert.That(result.Diagnostics, Has.Some.Matches<Diagnostic>(d => d.Code == "MR1012" && d.Location.Path.EndsWith("chapter-7-extra.yaml", StringComparison.Ordinal)));
    }

    [Test]
    public void TryLoadFromFolder_OverlapAndRuleErrorInOneVersion_ReportsBoth()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var second = CopyVersion(VersionFolder(rules), "1.1.0", "effectiveFrom: 2022-08-19");
        var overlapLine = LineOf(File.ReadAllText(Path.Combine(second, Manifest)), "effectiveFrom:", 0);
        var ruleLine = new BrokenCase("r", Chapter5, "field: capacity, value: 300, unit: 万吨/年", "field: capasity, value: 300, unit: 万吨/年", "MR3004").Apply(second, Originals.Value[Chapter5]);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        AssertReported(result, "1.1.0/" + Manifest, "MR3011", overlapLine, null);
        AssertReported(result, "1.1.0/" + Chapter5, "MR3004", ruleLine, null);
    }

    [Test]
    public void TryLoadFromFolder_TwoVersionsInSequence_Loads()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        CopyVersion(VersionFolder(rules), "1.1.0", "effectiveFrom: 2024-01-01");

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Catalog!.RuleSets, Has.Count.EqualTo(2));
    }

    [Test]
    public void Diagnostic_InsideRule_FormatsAsPathLineColumnErrorCodeMessageRule()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var line = new BrokenCase("f", Chapter5, "field: capacity, value: 300, unit: 万吨/年", "field: capasity, value: 300, unit: 万吨/年", "MR3004").Apply(VersionFolder(rules), Originals.Value[Chapter5]);

        var diagnostic = RuleSetCatalog.TryLoadFromFolder(rules).Diagnostics.Single();

        Assert.That(
            diagnostic.ToString(),
            Does.Match($@"^.+/{Chapter5}:{line}:\d+: error MR3004: .+ \(rule coal\.new-underground\.min-capacity\)$"));
    }

    [TestCase("TabIndentation")]
    [TestCase("DuplicateKeyInRule")]
    [TestCase("YamlMissingSpaceAfterColon")]
    public void TryLoadFromFolder_DocumentErrorInsideRule_NamesTheRule(string scenario)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var broken = Cases.Single(c => c.Scenario == scenario);
        var line = broken.Apply(VersionFolder(rules), Originals.Value[broken.File]);

        var diagnostic = RuleSetCatalog.TryLoadFromFolder(rules).Diagnostics.First(d => d.Code == broken.Code && d.Location.Line == line);

        Assert.That(diagnostic.RuleId, Is.EqualTo("coal.new-underground.min-capacity"));
    }

    [Test]
    public void TryLoadFromFolder_DuplicateKeyInMineralList_NamesNoRule()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var line = new BrokenCase("d", Lists, "    minerals: [ultra-lean-magnetite]\n", "    minerals: [ultra-lean-magnetite]\n    minerals: [ultra-lean-magnetite]\n", "MR1004").Apply(VersionFolder(rules), Originals.Value[Lists]);

        var diagnostic = RuleSetCatalog.TryLoadFromFolder(rules).Diagnostics.Single(d => d.Code == "MR1004");

        Assert.That(diagnostic.Location.Line, Is.EqualTo(line + 1));
        Assert.That(diagnostic.RuleId, Is.Null);
    }

    [Test]
    public void Lint_BrokenRuleFile_ExitTwoNamingFileAndLine()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var line = new BrokenCase("l", Chapter5, "value: 300, unit: 万吨/年", "value: three hundred, unit: 万吨/年", "MR1007").Apply(VersionFolder(rules), Originals.Value[Chapter5]);

        var (code, output, error) = CliRunner.Run("lint", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Match($@"{Chapter5}:{line}:\d+: error MR1007: "));
            Assert.That(output, Does.Not.Contain("no problems"));
        });
    }

    [Test]
    public void Lint_UnclosedFlowMapping_ExitTwoNamingFileAndLineNotACrash()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var line = Cases.Single(c => c.Scenario == "YamlUnclosedFlowMapping").Apply(VersionFolder(rules), Originals.Value[Chapter5]);

        var (code, _, error) = CliRunner.Run("lint", rules);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Match($@"{Chapter5}:{line}:\d+: error MR1002: "));
    }

    [Test]
    public void Check_RulesWithMistake_ExitTwoNamingFileAndLineAndChecksNothing()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var line = new BrokenCase("c", Chapter5, "{required} for a new underground coal mine.", "{minimum} for a new underground coal mine.", "MR3010", At: "      en: Capacity {actual} is below", Before: true).Apply(VersionFolder(rules), Originals.Value[Chapter5]);
        var sample = temp.Write("application.yaml", SampleApplication);

        var (code, output, error) = CliRunner.Run("check", "--rules", rules, sample);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Match($@"{Chapter5}:{line}:\d+: error"));
            Assert.That(error, Does.Contain("MR3010").And.Contain("{minimum}").And.Contain("coal.new-underground.min-capacity"));
            Assert.That(output, Does.Not.Contain("COMPLIANT"));
        });
    }

    [Test]
    public void Check_UneditedRulesFolder_ChecksTheApplication()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var sample = temp.Write("application.yaml", SampleApplication);

        var (code, output, _) = CliRunner.Run("check", "--rules", rules, sample);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain(": COMPLIANT"));
    }

    internal static readonly string SampleApplication = Fixtures.CoalMine("AUTHORING-1", 400);

    internal static string VersionFolder(string rules) => Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0");

    internal static void AssertReported(RuleSetLoadResult result, string file, string code, int line, string? message)
    {
        var all = string.Join(Environment.NewLine, result.Diagnostics);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False, "a rule set with an error never loads");
            Assert.That(result.Catalog, Is.Null, "nothing loads, not even partly");
            Assert.That(
                result.Diagnostics,
                Has.Some.Matches<Diagnostic>(d => d.Code == code && d.Location.Path.EndsWith("/" + file, StringComparison.Ordinal) && d.Location.Line == line
                    && (message is null || d.Message.Contains(message, StringComparison.Ordinal))),
                $"expected {code} at {file}:{line}{(message is null ? string.Empty : $" mentioning \"{message}\"")}; got:{Environment.NewLine}{all}");
        });
    }

    /// <summary>The 1-based line of <paramref name="marker"/>, searched from <paramref name="from"/>.</summary>
    internal static int LineOf(string text, string marker, int from)
    {
        var index = text.IndexOf(marker, from, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"marker '{marker}' not found");
        return text.AsSpan(0, index).Count('\n') + 1;
    }

    private static string CopyVersion(string from, string version, string effectiveFrom)
    {
        var target = Path.Combine(Path.GetDirectoryName(from)!, version);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        var manifest = Path.Combine(target, Manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest)
            .Replace("version: 1.0.0", $"version: {version}", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2022-08-19", effectiveFrom, StringComparison.Ordinal));
        return target;
    }

    /// <summary>One realistic mistake: in <see cref="File"/>, replace <see cref="Find"/> (which must occur exactly once).</summary>
    /// <param name="Scenario">The mistake, for the test's name.</param>
    /// <param name="File">The file of the version folder edited.</param>
    /// <param name="Find">The text edited; it must occur exactly once in the shipped file.</param>
    /// <param name="Replace">Its replacement (ignored when truncating).</param>
    /// <param name="Code">The diagnostic code expected.</param>
    /// <param name="At">Text whose line (at or after the edit) the diagnostic must name; the edit's own line by default.</param>
    /// <param name="Message">A fragment the message must contain (e.g. the did-you-mean).</param>
    /// <param name="Truncate">Cut the file right after <see cref="Find"/> instead of replacing it.</param>
    /// <param name="Before">Search <see cref="At"/> backwards from the edit (for text above it).</param>
    public sealed record BrokenCase(
        string Scenario, string File, string Find, string? Replace, string Code, string? At = null, string? Message = null, bool Truncate = false, bool Before = false)
    {
        /// <summary>Writes the edited file into the version folder and returns the line the diagnostic must name.</summary>
        public int Apply(string versionFolder, string original)
        {
            var index = original.IndexOf(Find, StringComparison.Ordinal);
            Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{Find}' is not in the shipped {File}");
            Assert.That(original.IndexOf(Find, index + 1, StringComparison.Ordinal), Is.EqualTo(-1), $"'{Find}' occurs more than once in {File}");
            var edited = Truncate
                ? original[..(index + Find.Length)]
                : string.Concat(original.AsSpan(0, index), Replace, original.AsSpan(index + Find.Length));
            System.IO.File.WriteAllText(Path.Combine(versionFolder, File), edited);
            if (At is null)
            {
                return edited.AsSpan(0, index).Count('\n') + 1;
            }

            var from = Before ? edited.LastIndexOf(At, index, StringComparison.Ordinal) : index;
            return LineOf(edited, At, Math.Max(0, from));
        }

        /// <inheritdoc/>
        public override string ToString() => Scenario;
    }
}
