namespace MineralRules.Tests.Cli;

/// <summary><c>mineralrules lint</c>: full-width punctuation warnings, effective ranges, gaps between versions.</summary>
public sealed class LintCommandTests
{
    private const string Id = "nmg-mineral-plan-2021-2025";

    [Test]
    public void Lint_ShippedRules_CleanWithEffectiveRangesAndNoWarnings()
    {
        var (code, output, error) = CliRunner.RunWithShippedRules("lint");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(error, Is.Empty, "the shipped rules carry no warning");
            Assert.That(output, Does.Contain("In force:"));
            Assert.That(output, Does.Contain($"  {Id} 1.0.0: 2022-08-19, superseded by 2.0.0 the same day"));
            Assert.That(output, Does.Contain($"  {Id} 2.0.0: 2022-08-19 – open; supersedes 1.0.0"));
        });
    }

    [Test]
    public void Lint_DraftAfterReleased_RangesEndTheDayBefore()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2027-01-01", "--rules", rules);

        var (code, output, _) = CliRunner.Run("lint", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain($"  {Id} 1.0.0: 2022-08-19 – 2026-12-31; superseded by 1.1.0"));
            Assert.That(output, Does.Contain($"  {Id} 1.1.0: 2027-01-01 – open; supersedes 1.0.0"));
        });
    }

    [Test]
    public void Lint_GapBetweenVersions_ErrorAtLaterEffectiveFrom()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2027-01-01", "--rules", rules);
        var manifest = Path.Combine(rules, Id, "1.0.0", "manifest.yaml");
        File.AppendAllText(manifest, "\neffectiveTo: 2026-06-30\n");
        var line = File.ReadAllLines(Path.Combine(rules, Id, "1.1.0", "manifest.yaml")).ToList().FindIndex(l => l.StartsWith("effectiveFrom:", StringComparison.Ordinal)) + 1;

        var (code, _, error) = CliRunner.Run("lint", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain($"1.1.0/manifest.yaml:{line}:16: error MR3024: No version of {Id} is in force from 2026-07-01 to 2026-12-31"));
        });
    }

    [Test]
    public void Lint_EndsTheDayBeforeNext_NoGap()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2027-01-01", "--rules", rules);
        File.AppendAllText(Path.Combine(rules, Id, "1.0.0", "manifest.yaml"), "\neffectiveTo: 2026-12-31\n");

        var (code, output, error) = CliRunner.Run("lint", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain($"  {Id} 1.0.0: 2022-08-19 – 2026-12-31; superseded by 1.1.0"));
        });
    }

    [Test]
    public void Lint_SuccessorPlanWithNewIdAfterGap_ErrorAsCheckFindsNoRuleSet()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var successor = AddSuccessorPlan(rules, "2027-01-01");
        File.AppendAllText(Path.Combine(rules, Id, "1.0.0", "manifest.yaml"), "\neffectiveTo: 2026-06-30\n");

        var (code, _, error) = CliRunner.Run("lint", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), "a date in the gap finds no rule set (MR2002): the gap is an error whatever the ids");
            Assert.That(error, Does.Contain($"error MR3024: No rule set is in force from 2026-07-01 to 2026-12-31: {Id} 1.0.0 ends on 2026-06-30"));
        });
    }

    [Test]
    public void Lint_SuccessorPlanWithNewId_RangesOnOneTimeline()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var successor = AddSuccessorPlan(rules, "2027-01-01");

        var (code, output, error) = CliRunner.Run("lint", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain($"  {Id} 1.0.0: 2022-08-19 – 2026-12-31; superseded by {successor} 1.0.0"));
            Assert.That(output, Does.Contain($"  {successor} 1.0.0: 2027-01-01 – open"));
        });
    }

    /// <summary>A successor plan: the test rules' 1.0.0 copied under a new id, in force from a date.</summary>
    private static string AddSuccessorPlan(string rules, string effectiveFrom)
    {
        const string successor = "nmg-mineral-plan-2026-2030";
        var folder = Path.Combine(rules, successor, "1.0.0");
        TempFolder.CopyFolder(Path.Combine(rules, Id, "1.0.0"), folder);
        File.Delete(Path.Combine(folder, "seal.yaml"));
        var manifest = Path.Combine(folder, "manifest.yaml");
        var text = File.ReadAllText(manifest).Replace($"id: {Id}", $"id: {successor}", StringComparison.Ordinal).Replace("effectiveFrom: 2022-08-19", $"effectiveFrom: {effectiveFrom}", StringComparison.Ordinal);
        File.WriteAllText(manifest, text);
        return successor;
    }

    [Test]
    public void Lint_FullWidthCommaInList_WarningAtTheCharacterBesideTheError()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var lists = Path.Combine(rules, Id, "1.0.0", "mineral-lists.yaml");
        var lines = File.ReadAllLines(lists);
        var index = Array.FindIndex(lines, l => l.Contains("minerals: [ultra-lean-magnetite, blue-asbestos", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("ultra-lean-magnetite, ", "ultra-lean-magnetite，", StringComparison.Ordinal);
        File.WriteAllLines(lists, lines);
        var column = lines[index].IndexOf('，', StringComparison.Ordinal) + 1;

        var (code, _, error) = CliRunner.Run("lint", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), "the entry is an unknown mineral: an error");
            Assert.That(error, Does.Contain($"mineral-lists.yaml:{index + 1}:{column}: warning MR3025: The list entry 'ultra-lean-magnetite，blue-asbestos' holds a full-width '，' (U+FF0C"));
            Assert.That(error, Does.Contain("1 warning(s)"));
        });
    }

    [TestCase("rules:\n  - id：x: 1\n", "key 'id：x'", "：")]
    [TestCase("a:\n  b　c: 1\n", "key 'b　c'", "full-width space")]
    [TestCase("a: [x；y]\n", "list entry 'x；y'", "；")]
    [TestCase("a: [\"x、y\"]\n", "list entry 'x、y'", "、")]
    public void FullWidthPunctuation_KeyOrListEntry_Warned(string yaml, string what, string character)
    {
        var diagnostics = new MineralRules.Diagnostics.DiagnosticBag();
        var root = MineralRules.Documents.YamlDocumentReader.Read(yaml, "f.yaml", diagnostics);

        MineralRules.RuleSets.FullWidthPunctuation.Check(root, diagnostics);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.HasErrors, Is.False, "a warning is not an error");
            Assert.That(diagnostics.Count, Is.Zero);
            Assert.That(diagnostics.Warnings, Has.Count.EqualTo(1));
            Assert.That(diagnostics.Warnings[0].Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(diagnostics.Warnings[0].Message, Does.Contain(what).And.Contain(character));
            Assert.That(diagnostics.Warnings[0].MessageZh, Does.Contain("全角"));
        });
    }

    [TestCase("a: 新建井工煤矿原则上产能不低于300万吨/年，其他\n")]
    [TestCase("a: { zh: 甲，乙 }\n")]
    [TestCase("a: [coal, iron]\n")]
    public void FullWidthPunctuation_TextsAndHalfWidth_NotWarned(string yaml)
    {
        var diagnostics = new MineralRules.Diagnostics.DiagnosticBag();
        var root = MineralRules.Documents.YamlDocumentReader.Read(yaml, "f.yaml", diagnostics);

        MineralRules.RuleSets.FullWidthPunctuation.Check(root, diagnostics);

        Assert.That(diagnostics.Warnings, Is.Empty);
    }
}
