namespace MineralRules.Tests.Cli;

/// <summary><c>mineralrules new-version</c>: a draft version folder scaffolded from an existing version, or a refusal.</summary>
public sealed class NewVersionCommandTests
{
    private const string Id = "nmg-mineral-plan-2021-2025";

    [Test]
    public void NewVersion_FromExisting_CopiesWithoutSealAndUpdatesManifestAndLoads()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        Assert.That(CliRunner.Run("seal", Path.Combine(rules, Id, "1.0.0")).ExitCode, Is.EqualTo(0));

        var (code, output, error) = CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2024-06-01", "--rules", rules);
        var folder = Path.Combine(rules, Id, "1.1.0");
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.yaml"));
        var loaded = RuleSetCatalog.TryLoadFromFolder(rules);
        var draft = loaded.Catalog?.Find("1.1.0")?.Info;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("Created ").And.Contain("mineralrules seal"));
            Assert.That(File.Exists(Path.Combine(folder, "seal.yaml")), Is.False, "a draft until it is sealed");
            Assert.That(File.ReadAllText(Path.Combine(folder, "chapter-5-mining.yaml")), Is.EqualTo(File.ReadAllText(Path.Combine(rules, Id, "1.0.0", "chapter-5-mining.yaml"))));
            Assert.That(Directory.Exists(Path.Combine(folder, "source")), Is.True);
            Assert.That(manifest, Does.Contain("version: 1.1.0").And.Contain("effectiveFrom: 2024-06-01"));
            Assert.That(loaded.Diagnostics, Is.Empty);
            Assert.That(draft?.Sealed, Is.False);
            Assert.That(draft?.EffectiveFrom, Is.EqualTo(new DateOnly(2024, 6, 1)));
            Assert.That(draft?.Supersedes?.Version, Is.EqualTo("1.0.0"));
        });
    }

    [Test]
    public void NewVersion_TargetExists_RefusedNothingChanged()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        Assert.That(CliRunner.Run("new-version", "1.0.0", "1.2.0", "--effective-from", "2024-06-01", "--rules", rules).ExitCode, Is.EqualTo(0));
        var manifest = Path.Combine(rules, Id, "1.2.0", "manifest.yaml");
        File.AppendAllText(manifest, "# edited\n");
        var empty = Path.Combine(rules, Id, "1.3.0");
        Directory.CreateDirectory(empty);

        var (again, _, againError) = CliRunner.Run("new-version", "1.0.0", "1.2.0", "--effective-from", "2024-07-01", "--rules", rules);
        var (onEmpty, _, onEmptyError) = CliRunner.Run("new-version", "1.2.0", "1.3.0", "--effective-from", "2024-07-01", "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(2));
            Assert.That(againError, Does.Contain("1.0.0 is not the latest version").And.Contain("(1.2.0 is)"));
            Assert.That(onEmpty, Is.EqualTo(2));
            Assert.That(onEmptyError, Does.Contain("1.3.0 already exists"));
            Assert.That(File.ReadAllText(manifest), Does.EndWith("# edited\n"));
            Assert.That(Directory.GetFileSystemEntries(empty), Is.Empty);
        });
    }

    [Test]
    public void NewVersion_RulesFolderIsTheIdFolder_CreatedBesideTheSource()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var idFolder = Path.Combine(rules, Id);

        var (code, output, error) = CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2027-01-01", "--rules", idFolder);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(File.Exists(Path.Combine(idFolder, "1.1.0", "manifest.yaml")), Is.True, output);
            Assert.That(RuleSetCatalog.TryLoadFromFolder(idFolder).Catalog?.Find("1.1.0")?.Info.Supersedes?.Version, Is.EqualTo("1.0.0"));
        });
    }

    [Test]
    public void NewVersion_FromNotTheLatest_RefusedSoNoEditIsDropped()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        Assert.That(CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2027-01-01", "--rules", rules).ExitCode, Is.EqualTo(0));

        var (fromOlder, _, fromOlderError) = CliRunner.Run("new-version", "1.0.0", "1.2.0", "--effective-from", "2026-01-01", "--rules", rules);
        var (beforeLatest, _, beforeLatestError) = CliRunner.Run("new-version", "1.1.0", "1.2.0", "--effective-from", "2026-01-01", "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(fromOlder, Is.EqualTo(2));
            Assert.That(fromOlderError, Does.Contain("1.0.0 is not the latest version").And.Contain("(1.1.0 is)"));
            Assert.That(beforeLatest, Is.EqualTo(2));
            Assert.That(beforeLatestError, Does.Contain($"not after {Id} 1.1.0's effective-from (2027-01-01)"));
            Assert.That(Directory.Exists(Path.Combine(rules, Id, "1.2.0")), Is.False);
        });
    }

    [Test]
    public void NewVersion_Created_NextStepsSayToAddSamplesDatedFromTheNewVersion()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();

        var (_, output, _) = CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", "2027-01-01", "--rules", rules);

        Assert.That(output, Does.Contain("add samples dated on or after 2027-01-01 (or copy samples and re-date them)"));
    }

    [TestCase("2022-08-19", "not after")]
    [TestCase("2021-01-01", "not after")]
    [TestCase("2024-13-01", "not a date")]
    public void NewVersion_DateNotAfterSource_Refused(string date, string why)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();

        var (code, _, error) = CliRunner.Run("new-version", "1.0.0", "1.1.0", "--effective-from", date, "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain(why));
            Assert.That(Directory.Exists(Path.Combine(rules, Id, "1.1.0")), Is.False);
        });
    }

    [TestCase("1.1", "not a version")]
    [TestCase("v1.1.0", "not a version")]
    [TestCase("01.1.0", "not a version")]
    [TestCase("1.0.0", "not above")]
    [TestCase("0.9.0", "not above")]
    public void NewVersion_BadVersion_Refused(string version, string why)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();

        var (code, _, error) = CliRunner.Run("new-version", "1.0.0", version, "--effective-from", "2024-06-01", "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain(why));
            Assert.That(Directory.GetDirectories(Path.Combine(rules, Id)), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void NewVersion_UnknownSource_RefusedListingVersions()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();

        var (code, _, error) = CliRunner.Run("new-version", "3.0.0", "3.1.0", "--effective-from", "2024-06-01", "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("no version 3.0.0").And.Contain("nmg-mineral-plan-2021-2025 1.0.0"));
        });
    }

    [Test]
    public void Manifest_SupersedesAndEffectiveToPresent_ReplacedKeepingComments()
    {
        const string Manifest = "# yaml-language-server: x\nid: x   # the id\nversion: 2.0.0   # kept comment\n# 2.0.0's period\n# in two lines\neffectiveFrom: 2022-08-19\neffectiveTo: 2030-01-01\nsupersedes:\n  version: 1.0.0\n  reason:\n    zh: 旧\n    en: old\n# readings\nreadings:\n  remedies: required\n";

        var text = MineralRules.Cli.Commands.NewVersionCommand.Manifest(Manifest, "2.0.0", "2.1.0", "2027-01-01");

        Assert.That(text, Is.EqualTo("# yaml-language-server: x\nid: x   # the id\nversion: 2.1.0   # kept comment\n# In force from 2027-01-01 until a later version takes effect (no effectiveTo); it supersedes 2.0.0.\neffectiveFrom: 2027-01-01\nsupersedes:\n  version: 2.0.0\n  reason:   # say what this version changes and why, before it is sealed\n    zh: 待填写：本版本修改了什么、为什么。\n    en: \"To be written: what this version changes, and why.\"\n# readings\nreadings:\n  remedies: required\n"));
    }
}
