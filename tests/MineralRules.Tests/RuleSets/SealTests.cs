using MineralRules.Tests.Cli;
using MineralRules.RuleSets;

namespace MineralRules.Tests.RuleSets;

/// <summary>
/// A released version is sealed (seal.yaml: every file with its SHA-256) and loads whole or not at all: a file
/// missing, added, edited or cut short refuses the load with the file named. An unsealed version is a draft: it loads
/// from a folder, never from the embedded rules, and a file in an unexpected subfolder is an error. A reload while
/// files are being rewritten never serves a mixture (F14).
/// </summary>
public sealed class SealTests
{
    private const string Version = "nmg-mineral-plan-2021-2025/1.0.0";

    [Test]
    public void Write_CleanVersion_SealedAndLoadsAsSealed()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();

        var seal = RuleSetSeal.Write(Path.Combine(rules, Version));
        var loaded = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(seal.Sealed, Is.True);
            Assert.That(File.ReadAllText(seal.SealPath!), Does.Contain("path: chapter-5-mining.yaml"));
            Assert.That(loaded.Diagnostics, Is.Empty);
            Assert.That(loaded.Catalog!.RuleSets.Single().Info.Sealed, Is.True);
            Assert.That(loaded.Catalog.RuleSets.Single().Info.Digest, Is.EqualTo(Fixtures.Catalog.RuleSets.Single().Info.Digest), "a seal never changes the digest");
        });
    }

    [Test]
    public void Load_UnsealedFolder_LoadsAsDraft()
    {
        Assert.That(Fixtures.Catalog.RuleSets.Single().Info.Sealed, Is.False);
    }

    [Test]
    public void Load_ShippedRules_EverySealed()
    {
        Assert.That(Fixtures.Shipped.RuleSets.Select(r => r.Info.Sealed), Is.All.True);
        Assert.That(RuleSetCatalog.TryLoadFromFolder(TestPaths.Rules).Catalog!.RuleSets.Select(r => r.Info.Sealed), Is.All.True);
    }

    public static IEnumerable<TestCaseData> Tamperings()
    {
        yield return new TestCaseData((Action<string>)(v => File.AppendAllText(Path.Combine(v, "chapter-5-mining.yaml"), "\n# edited\n")), "chapter-5-mining.yaml")
            .SetName("Load_SealedFileEdited_RefusedNamingIt");
        yield return new TestCaseData((Action<string>)(v => File.Delete(Path.Combine(v, "chapter-4-exploration.yaml"))), "chapter-4-exploration.yaml")
            .SetName("Load_SealedFileMissing_RefusedNamingIt");
        yield return new TestCaseData((Action<string>)(v => File.WriteAllText(Path.Combine(v, "reference", "extra.yaml"), "title: draft\n")), "reference/extra.yaml")
            .SetName("Load_FileAddedToSealedVersion_RefusedNamingIt");
        yield return new TestCaseData((Action<string>)(v => Cut(Path.Combine(v, "chapter-6-green-mining.yaml"))), "chapter-6-green-mining.yaml")
            .SetName("Load_SealedFileCutAtARuleBoundary_RefusedNamingIt");
    }

    [TestCaseSource(nameof(Tamperings))]
    public void Load_SealedVersionTampered(Action<string> tamper, string file)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var version = Path.Combine(rules, Version);
        Assert.That(RuleSetSeal.Write(version).Sealed, Is.True);

        tamper(version);
        var loaded = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(loaded.Catalog, Is.Null);
        Assert.That(loaded.Diagnostics.Where(d => d.Code == "MR3020").Select(d => d.ToString()), Has.Some.Contains(file));
    }

    [Test]
    public void Load_DraftWithAFileInAnUnexpectedSubfolder_Refused()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var drafts = Path.Combine(rules, Version, "drafts");
        Directory.CreateDirectory(drafts);
        File.Copy(Path.Combine(rules, Version, "chapter-5-mining.yaml"), Path.Combine(drafts, "chapter-5-mining.yaml"));

        var loaded = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(loaded.Catalog, Is.Null);
        Assert.That(loaded.Diagnostics.Single(d => d.Code == "MR3022").Location.Path, Does.EndWith("drafts/chapter-5-mining.yaml"));
    }

    [Test]
    public void Load_UnsealedVersionAsTheEmbeddedRules_RefusedAsDraft()
    {
        var files = RuleSource.FromFolder(TestPaths.TestRules).Files.Select(f => f with { Path = "rules/" + Path.GetRelativePath(TestPaths.TestRules, f.Path).Replace('\\', '/') }).ToList();

        var loaded = RuleSetCatalog.Load(files, "embedded");

        Assert.That(loaded.Diagnostics.Select(d => d.Code), Has.Member("MR3022"));
    }

    [Test]
    public void Write_VersionWithAnError_NothingWritten()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var version = Path.Combine(rules, Version);
        var mining = Path.Combine(version, "chapter-5-mining.yaml");
        File.WriteAllText(mining, File.ReadAllText(mining).Replace("outcome: fail", "outcome: fial", StringComparison.Ordinal));

        var seal = RuleSetSeal.Write(version);

        Assert.That(seal.Sealed, Is.False);
        Assert.That(seal.Diagnostics, Is.Not.Empty);
        Assert.That(File.Exists(Path.Combine(version, RuleSetSeal.FileName)), Is.False);
    }

    [Test]
    public void Seal_Cli_WritesSealAndLintSaysSealed()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();

        var seal = CliRunner.RunWithShippedRules("seal", Path.Combine(rules, Version));
        var lint = CliRunner.RunWithShippedRules("lint", rules);

        Assert.That(seal.ExitCode, Is.EqualTo(0), seal.Error);
        Assert.That(lint.Output, Does.Contain("sealed").And.Not.Contains("draft"));
    }

    [Test, CancelAfter(60_000)]
    public void Reload_FilesRewrittenNonAtomicallyWhileEightThreadsEvaluate_EveryResultFromOneWholeVersion()
    {
        // Two sealed releases of the same version folder that decide one application differently; a writer
        // copies one over the other file by file, each file in two halves, while a host reloads and 8 threads
        // evaluate. A result must come from A or B whole, and say which by its digest.
        using var temp = new TempFolder();
        var a = Release(temp, "a", 300);
        var b = Release(temp, "b", 250);
        var served = Path.Combine(temp.Path, "served");
        TempFolder.CopyFolder(a.Folder, served);
        var host = new RuleSetHost(RuleSetCatalog.LoadFromFolder(served));
        var mine = Fixtures.Read(Fixtures.CoalMine("F14", 260));
        var expected = new Dictionary<string, Outcome> { [a.Digest] = Outcome.Fail, [b.Digest] = Outcome.Pass };
        // Runs until enough reloads were tried and some caught the writer mid-copy (at most 45 s on a busy machine).
        // Each worker has a thread of its own: on two cores the pool would queue the reloader behind the evaluators.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var wrong = 0;
        var evaluated = 0;
        var refused = 0;
        var reloads = 0;

        var evaluators = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = host.Evaluate(mine);
                var outcome = result.VerdictOf("coal.new-underground.min-capacity").Outcome;
                if (!expected.TryGetValue(result.RuleSet.Digest, out var want) || want != outcome)
                {
                    Interlocked.Increment(ref wrong);
                }

                Interlocked.Increment(ref evaluated);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var reloader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var reload = host.ReloadFromFolder(served);
                if (!reload.Reloaded)
                {
                    Interlocked.Increment(ref refused);
                }

                if (Interlocked.Increment(ref reloads) >= 40 && Volatile.Read(ref refused) >= 3)
                {
                    stop.Cancel();
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var writer = Task.Factory.StartNew(() =>
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var from = round % 2 == 0 ? b.Folder : a.Folder;
                foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(served, Path.GetRelativePath(from, file));
                    var bytes = File.ReadAllBytes(file);
                    using (var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
                    {
                        stream.Write(bytes, 0, bytes.Length / 2);
                        stream.Flush();
                        Thread.Sleep(1);
                        stream.Write(bytes, bytes.Length / 2, bytes.Length - (bytes.Length / 2));
                    }
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Task.WaitAll([.. evaluators, reloader, writer]);

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Zero, "a result inconsistent with the version it names");
            Assert.That(evaluated, Is.GreaterThan(100));
            Assert.That(refused, Is.GreaterThan(0), "the writer never caught a reload mid-copy: the test proves nothing");
        });
    }

    private static (string Folder, string Digest) Release(TempFolder temp, string name, int threshold)
    {
        var rules = Path.Combine(temp.Path, name);
        TempFolder.CopyFolder(TestPaths.TestRules, rules);
        var mining = Path.Combine(rules, Version, "chapter-5-mining.yaml");
        var text = File.ReadAllText(mining);
        const string Threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";
        Assert.That(text, Does.Contain(Threshold));
        File.WriteAllText(mining, text.Replace(Threshold, $"atLeast: {{ field: capacity, value: {threshold}, unit: 万吨/年 }}", StringComparison.Ordinal));
        Assert.That(RuleSetSeal.Write(Path.Combine(rules, Version)).Diagnostics, Is.Empty);
        return (rules, RuleSetCatalog.LoadFromFolder(rules).RuleSets.Single().Info.Digest);
    }

    private static void Cut(string path)
    {
        var text = File.ReadAllText(path);
        var second = text.IndexOf("\n  - id:", text.IndexOf("\n  - id:", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        File.WriteAllText(path, text[..(second + 1)]);
    }
}
