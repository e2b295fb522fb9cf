using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using MineralRules.Tooling;
using MineralRules.Documents;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Findings;

/// <summary>
/// F05 (FIFOs, devices and oversized files), F06 (symbolic link loops) and F07 (folders that cannot be listed):
/// only regular files are read, and within a cap; links to folders are not followed; a folder that cannot be read is
/// one located error and every other file is still checked. Each test is bounded to 5 s, so a regression fails
/// instead of hanging the run.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class FileFindingsTests
{
    private static readonly string Good = Fixtures.CoalMine("FILES-OK", 400);

    [Test]
    public void Check_FolderWithGoodFilesFifoDevZeroSocketAndLoops_GoodFilesCheckedOnceRestLocatedExitTwo()
    {
        Assume.That(OperatingSystem.IsLinux(), "FIFOs, sockets and /dev/zero are Linux's");
        using var temp = new TempFolder();
        var (apps, socket) = Hostile(temp);
        using var keep = socket; // the socket file lives as long as the socket

        var (code, output, error) = Within5Seconds(() => CliRunner.Run("check", apps));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(Count(output, ": COMPLIANT"), Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("apps/a.yaml: COMPLIANT"));
            Assert.That(output, Does.Contain("apps/sub/z.yaml: COMPLIANT"));
            Assert.That(error, Does.Contain("apps/b-fifo.yaml: error MR1012: Cannot read the file: not a regular file"));
            Assert.That(error, Does.Contain("apps/b-zero.yaml: error MR1012: Cannot read the file: not a regular file"));
            Assert.That(error, Does.Contain("apps/c-socket.yaml: error MR1012: Cannot read the file: not a regular file"));
            Assert.That(error, Does.Contain("apps/loop: error MR1012: Not read: a symbolic link to a folder"));
            Assert.That(error, Does.Contain("apps/sub/up: error MR1012: Not read: a symbolic link to a folder"));
            Assert.That(error, Does.Not.Contain("loop/"), "nothing is read through a link to a folder");
        });
    }

    [Test]
    public void Check_HostileFolderAsJson_ValidArrayWithResultsAndInvalidEntries()
    {
        Assume.That(OperatingSystem.IsLinux());
        using var temp = new TempFolder();
        var (apps, socket) = Hostile(temp);
        using var keep = socket; // the socket file lives as long as the socket

        var (code, output, _) = Within5Seconds(() => CliRunner.Run("check", apps, "--format", "json"));
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().Select(e => (Source: e.GetProperty("source").GetString()!, Decision: e.GetProperty("decision").GetString())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(items.Count(i => i.Decision == "compliant"), Is.EqualTo(2));
            Assert.That(items.Where(i => i.Decision == "invalid").Select(i => Path.GetFileName(i.Source)), Is.EquivalentTo(new[] { "b-fifo.yaml", "b-zero.yaml", "c-socket.yaml", "loop", "up" }));
            Assert.That(items.Select(i => i.Source), Is.Unique);
        });
    }

    [Test]
    public void ReadFile_Fifo_Mr1012NotRegularWithoutOpening()
    {
        Assume.That(OperatingSystem.IsLinux());
        using var temp = new TempFolder();
        var fifo = MakeFifo(temp, "a.yaml");

        var read = Within5Seconds(() => ApplicationReader.ReadFile(fifo));

        Assert.That(read.Diagnostics.Single().ToString(), Does.Contain("error MR1012: Cannot read the file: not a regular file"));
    }

    [Test]
    public void ReadFile_LinkToDevZero_Mr1012NotRegular()
    {
        Assume.That(OperatingSystem.IsLinux());
        using var temp = new TempFolder();
        var link = Path.Combine(temp.Path, "zero.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        var read = Within5Seconds(() => ApplicationReader.ReadFile(link));

        Assert.That(read.Diagnostics.Single().Code, Is.EqualTo("MR1012"));
    }

    [Test]
    public void ReadFile_FileOverTheCap_Mr1012LargerThanWithoutReading()
    {
        using var temp = new TempFolder();
        var file = temp.Write("big.yaml", Good);

        var capped = ApplicationReader.ReadFile(file, maxFileSize: 100);
        var atSize = ApplicationReader.ReadFile(file, maxFileSize: new FileInfo(file).Length);

        Assert.Multiple(() =>
        {
            Assert.That(capped.Diagnostics.Single().ToString(), Does.EndWith("error MR1012: Cannot read the file: larger than 100 bytes; it was not read."));
            Assert.That(atSize.IsValid, Is.True, "a file exactly at the cap is read");
        });
    }

    [Test]
    public void ReadFile_DefaultCapIsTenMegabytes_ElevenMegabyteFileRefused()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "big.yaml");
        using (var stream = File.Create(file))
        {
            stream.SetLength(11 * 1024 * 1024);
        }

        var read = ApplicationReader.ReadFile(file);

        Assert.That(read.Diagnostics.Single().Message, Does.Contain("larger than 10485760 bytes"));
    }

    [Test]
    public void TryReadText_FileLongerThanItsStatedSize_ReadStopsAtTheCap()
    {
        // /proc files say they are empty and then stream text: the same as a file growing while it is read.
        Assume.That(OperatingSystem.IsLinux() && File.Exists("/proc/self/maps"));

        var read = SafeFiles.TryReadText("/proc/self/maps", 64, out var text, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(text, Is.Empty);
            Assert.That(error!.Value.Message, Does.Contain("larger than 64 bytes"));
        });
    }

    [Test]
    public void Check_FolderLinkedToItself_EachFileOnceAndTheLinkReported()
    {
        using var temp = new TempFolder();
        temp.Write("apps/a.yaml", Good);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "apps", "loop"), ".");

        var (code, output, error) = Within5Seconds(() => CliRunner.Run("check", Path.Combine(temp.Path, "apps")));

        Assert.Multiple(() =>
        {
            Assert.That(Count(output, ": COMPLIANT"), Is.EqualTo(1), "41 times before");
            Assert.That(error, Does.Match(@"apps/loop: error MR1012: Not read: a symbolic link to a folder \(\.\)"));
            Assert.That(code, Is.EqualTo(2));
        });
    }

    [Test]
    public void Check_TwoLoops_FinishesAtOnce()
    {
        using var temp = new TempFolder();
        temp.Write("apps/a.yaml", Good);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "apps", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "apps", "loop2"), "../apps");

        var (code, output, error) = Within5Seconds(() => CliRunner.Run("check", Path.Combine(temp.Path, "apps")));

        Assert.Multiple(() =>
        {
            Assert.That(Count(output, ": COMPLIANT"), Is.EqualTo(1));
            Assert.That(Count(error, "error MR1012:"), Is.EqualTo(2));
            Assert.That(code, Is.EqualTo(2));
        });
    }

    [Test]
    public void Check_FolderGivenThroughALink_Followed()
    {
        using var temp = new TempFolder();
        temp.Write("apps/a.yaml", Good);
        var link = Path.Combine(temp.Path, "linked");
        Directory.CreateSymbolicLink(link, Path.Combine(temp.Path, "apps"));

        var (code, output, _) = CliRunner.Run("check", link);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("linked/a.yaml: COMPLIANT"));
        });
    }

    [Test]
    public void TryLoadFromFolder_RulesWithFifoAndLoop_LocatedErrorsNeverDefinedTwice()
    {
        Assume.That(OperatingSystem.IsLinux());
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var version = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0");
        MakeFifo(version, "notes.txt");
        Directory.CreateSymbolicLink(Path.Combine(version, "up"), "..");

        var result = Within5Seconds(() => RuleSetCatalog.TryLoadFromFolder(rules));
        var lines = result.Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(lines, Has.Some.Match(@"1\.0\.0/notes\.txt: error MR1012: The file cannot be read: not a regular file"));
            Assert.That(lines, Has.Some.Match(@"1\.0\.0/up: error MR1012: Not read: a symbolic link to a folder"));
            Assert.That(lines, Has.None.Contain("defined twice"));
            Assert.That(lines, Has.Count.EqualTo(2), string.Join("\n", lines));
        });
    }

    [Test]
    public void ReloadFromFolder_RulesWithFifo_RefusedAtOnceAndTheNextReloadIsNotBlocked()
    {
        Assume.That(OperatingSystem.IsLinux());
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var fifo = MakeFifo(Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0"), "notes.txt");
        var host = new RuleSetHost(Fixtures.Catalog);

        var refused = Within5Seconds(() => host.ReloadFromFolder(rules));
        File.Delete(fifo);
        var reloaded = Within5Seconds(() => host.ReloadFromFolder(rules));

        Assert.Multiple(() =>
        {
            Assert.That(refused.Reloaded, Is.False);
            Assert.That(refused.Diagnostics.Single().Code, Is.EqualTo("MR1012"));
            Assert.That(reloaded.Reloaded, Is.True);
        });
    }

    [Test]
    public void Check_UnreadableSubfolder_OneLocatedErrorAndEveryOtherFileChecked()
    {
        using var temp = new TempFolder();
        temp.Write("apps/a.yaml", Good);
        temp.Write("apps/sub-locked/x.yaml", Good);
        temp.Write("apps/z.yaml", Good);
        var apps = Path.Combine(temp.Path, "apps");

        using var unreadable = SafeFiles.SimulateUnreadableFolders(f => Path.GetFileName(f) == "sub-locked");
        var (code, output, error) = Within5Seconds(() => CliRunner.Run("check", apps));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Match(@"apps/sub-locked: error MR1012: Cannot read the folder: "));
            Assert.That(output, Does.Contain("apps/a.yaml: COMPLIANT").And.Contain("apps/z.yaml: COMPLIANT"));
            Assert.That(output, Does.Not.Contain("x.yaml"));
        });
    }

    [Test]
    public void TryLoadFromFolder_UnreadableSubfolder_DiagnosticNotException()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        Directory.CreateDirectory(Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "drafts"));

        using var unreadable = SafeFiles.SimulateUnreadableFolders(f => Path.GetFileName(f) == "drafts");
        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { $"{rules.Replace('\\', '/')}/nmg-mineral-plan-2021-2025/1.0.0/drafts: error MR1012: Cannot read the folder: Access to the path '{Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "drafts")}' is denied." }));
    }

    [Test]
    public void Expand_FolderTooDeepToList_ReportedAndTheRestFound()
    {
        // A real listing failure that root cannot override (chmod 000 does not stop root): a folder whose path is
        // longer than the system allows (Linux PATH_MAX 4096), built by renaming short folders from the bottom up.
        Assume.That(OperatingSystem.IsLinux());
        using var temp = new TempFolder();
        temp.Write("apps/a.yaml", Good);
        var apps = Path.Combine(temp.Path, "apps");
        var deep = DeepFolders(apps, 18);
        try
        {
            var (files, missing, problems) = Within5Seconds(() => ApplicationFiles.Find([apps]));

            Assert.Multiple(() =>
            {
                Assert.That(files, Is.EqualTo(new[] { Path.Combine(apps, "a.yaml") }));
                Assert.That(missing, Is.Empty);
                Assert.That(problems.Single().Code, Is.EqualTo("MR1012"));
                Assert.That(problems.Single().Message, Does.StartWith("Cannot read the folder: "));
                Assert.That(problems.Single().Location.Path.Length, Is.GreaterThan(4000));
            });
        }
        finally
        {
            deep.Dispose();
        }
    }

    /// <summary>apps/ with a.yaml and sub/z.yaml (good), a FIFO, a link to /dev/zero, a socket, a loop and a link up.</summary>
    private static (string Apps, Socket Socket) Hostile(TempFolder temp)
    {
        temp.Write("apps/a.yaml", Good);
        temp.Write("apps/sub/z.yaml", Good.Replace("FILES-OK", "FILES-OK-2", StringComparison.Ordinal));
        var apps = Path.Combine(temp.Path, "apps");
        MakeFifo(apps, "b-fifo.yaml");
        File.CreateSymbolicLink(Path.Combine(apps, "b-zero.yaml"), "/dev/zero");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(apps, "c-socket.yaml")));
        Directory.CreateSymbolicLink(Path.Combine(apps, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(apps, "sub", "up"), "..");
        return (apps, socket);
    }

    private static string MakeFifo(TempFolder temp, string name) => MakeFifo(temp.Path, name);

    private static string MakeFifo(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assume.That(mkfifo.ExitCode, Is.EqualTo(0), "mkfifo is needed");
        return path;
    }

    /// <summary>Nested folders with 250-character names below <paramref name="root"/>; disposing makes them short again.</summary>
    private static IDisposable DeepFolders(string root, int depth)
    {
        var shortPath = root;
        for (var i = 0; i < depth; i++)
        {
            shortPath = Path.Combine(shortPath, "d");
        }

        Directory.CreateDirectory(shortPath);
        var longName = new string('x', 250);

        // Bottom up: every rename names a path that is still short above it.
        for (var level = depth; level >= 1; level--)
        {
            var parent = root;
            for (var i = 1; i < level; i++)
            {
                parent = Path.Combine(parent, "d");
            }

            Directory.Move(Path.Combine(parent, "d"), Path.Combine(parent, longName));
        }

        return new Undo(() =>
        {
            // Top down, back to short names, so that the folder can be deleted.
            var parent = root;
            for (var level = 1; level <= depth; level++)
            {
                Directory.Move(Path.Combine(parent, longName), Path.Combine(parent, "d"));
                parent = Path.Combine(parent, "d");
            }
        });
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static T Within5Seconds<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.That(task.Wait(TimeSpan.FromSeconds(5)), Is.True, "did not finish within 5 s: blocked on a special file, or walking a link loop");
        return task.Result;
    }
}
