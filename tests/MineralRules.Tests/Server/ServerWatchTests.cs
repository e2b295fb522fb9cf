using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using MineralRules.Server;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Server;

/// <summary>
/// <c>serve --watch</c>: a draft copy of the shipped rules (2.0.0's seal removed, as <c>new-version</c> leaves a
/// version) is edited while served; the served decision follows a good edit within 2 s, and a broken edit keeps the
/// last good rules serving while the status lists its errors with file and line.
/// </summary>
[TestFixture]
[NonParallelizable] // The 2 s budget of a reload is measured, so no other test of this assembly runs meanwhile.
public sealed class ServerWatchTests
{
    private const string Sample = "5.2.1/coal.new-underground.min-capacity.fail.yaml";
    private const string Threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";

    [Test]
    public async Task Watch_ThresholdEdited_DecisionChangesWithinTwoSeconds()
    {
        using var folder = new TempFolder();
        var (rules, chapter) = DraftCopy(folder);
        await using var server = await TestServerHandle.StartAsync(new ServerOptions { RulesFolder = rules, Watch = true });
        Assert.That(await DecisionAsync(server), Is.EqualTo("non-compliant"));

        // The sample's capacity is 280万吨/年: a minimum of 250 lets it pass (the acceptance of issue 14: 300 → 250).
        await SaveAsync(folder, chapter, (await File.ReadAllTextAsync(chapter)).Replace(Threshold, Threshold.Replace("300", "250", StringComparison.Ordinal), StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        var decision = await PollAsync(server, d => d == "compliant", TimeSpan.FromSeconds(2));

        TestContext.Out.WriteLine($"served the edit after {clock.ElapsedMilliseconds} ms");
        Assert.That(decision, Is.EqualTo("compliant"), $"still '{decision}' {clock.ElapsedMilliseconds} ms after the edit");
        var status = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/status"))!;
        Assert.That(status["watching"]!.GetValue<bool>(), Is.True);
        Assert.That(status["healthy"]!.GetValue<bool>(), Is.True);
        Assert.That(status["serving"]!.AsArray().Single(r => r!["version"]!.GetValue<string>() == "2.0.0")!["sealed"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Watch_BrokenEdit_StatusNamesFilesBelowTheFolderAndTheLogIsInTheServersLanguage()
    {
        using var folder = new TempFolder();
        var (rules, chapter) = DraftCopy(folder);
        var log = new CapturedLog();
        var options = new ServerOptions { RulesFolder = Path.GetFullPath(rules), Watch = true, WatchDebounce = TimeSpan.FromMilliseconds(100), Culture = MineralRules.Languages.Chinese };
        await using var server = await TestServerHandle.StartAsync(options, log: log);
        var lines = await File.ReadAllLinesAsync(chapter);
        var brokenLine = Array.FindIndex(lines, l => l.Contains(Threshold, StringComparison.Ordinal)) + 1;
        lines[brokenLine - 1] = lines[brokenLine - 1].Replace("atLeast:", "atLeest:", StringComparison.Ordinal);
        await SaveAsync(folder, chapter, string.Join('\n', lines) + "\n");

        var errors = await PollStatusAsync(server, e => e.Count > 0, TimeSpan.FromSeconds(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = JsonNode.Parse(text)!;

        Assert.That(errors.Select(e => (e!["path"]!.GetValue<string>(), e["line"]!.GetValue<int>())), Does.Contain(("nmg-mineral-plan-2021-2025/2.0.0/chapter-5-mining.yaml", brokenLine)));
        Assert.That(status["rules"]!.GetValue<string>(), Is.EqualTo("rules"));
        Assert.That(text, Does.Not.Contain(folder.Path), "no absolute path of the server's machine");
        Assert.That(status["lastReload"]!["message"]!.GetValue<string>(), Does.StartWith("对 rules 的修改因").And.Contain("个错误未被载入"));
        Assert.That(await server.Client.GetStringAsync("/preview"), Does.Contain($"nmg-mineral-plan-2021-2025/2.0.0/chapter-5-mining.yaml:{brokenLine}:").And.Not.Contain(folder.Path));
        var refused = log.Lines.Where(l => l.Contains("chapter-5-mining.yaml", StringComparison.Ordinal)).ToList();
        Assert.That(refused, Has.Some.Contains($"chapter-5-mining.yaml:{brokenLine}:").And.Some.Match(@"error MR\d+: .*\p{IsCJKUnifiedIdeographs}"), "the diagnostics in Chinese");
        Assert.That(log.Lines, Has.Some.Contains("的修改因").And.Some.Contains("个错误未被载入"));
    }

    [Test]
    public async Task Watch_BrokenEdit_StatusListsFileAndLineAndChecksKeepTheLastGoodRules()
    {
        using var folder = new TempFolder();
        var (rules, chapter) = DraftCopy(folder);
        await using var server = await TestServerHandle.StartAsync(new ServerOptions { RulesFolder = rules, Watch = true, WatchDebounce = TimeSpan.FromMilliseconds(100) });
        var lines = await File.ReadAllLinesAsync(chapter);
        var brokenLine = Array.FindIndex(lines, l => l.Contains(Threshold, StringComparison.Ordinal)) + 1;
        lines[brokenLine - 1] = lines[brokenLine - 1].Replace("atLeast:", "atLeest:", StringComparison.Ordinal);
        await SaveAsync(folder, chapter, string.Join('\n', lines) + "\n");

        var errors = await PollStatusAsync(server, e => e.Any(d => d!["line"]?.GetValue<int>() == brokenLine), TimeSpan.FromSeconds(5));

        Assert.That(errors, Is.Not.Empty, "the broken edit is reported");
        Assert.That(errors.Select(e => (Path.GetFileName(e!["path"]!.GetValue<string>()), e["line"]!.GetValue<int>())), Does.Contain(("chapter-5-mining.yaml", brokenLine)));
        Assert.That(await DecisionAsync(server), Is.EqualTo("non-compliant"), "the last good rules still answer");
        var preview = await server.Client.GetStringAsync("/preview?lang=en");
        Assert.That(preview, Does.Contain("rule-errors").And.Contain($"chapter-5-mining.yaml:{brokenLine}:"));
    }

    [Test]
    public async Task Watch_FullWidthCommaInAList_StatusListsTheErrorAndLintsWarning()
    {
        using var folder = new TempFolder();
        var (rules, chapter) = DraftCopy(folder);
        var lists = Path.Combine(Path.GetDirectoryName(chapter)!, "mineral-lists.yaml");
        await using var server = await TestServerHandle.StartAsync(new ServerOptions { RulesFolder = rules, Watch = true, WatchDebounce = TimeSpan.FromMilliseconds(100) });
        var lines = await File.ReadAllLinesAsync(lists);
        var index = Array.FindIndex(lines, l => l.Contains("ultra-lean-magnetite, ", StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThanOrEqualTo(0));
        lines[index] = lines[index].Replace("ultra-lean-magnetite, ", "ultra-lean-magnetite，", StringComparison.Ordinal);
        await SaveAsync(folder, lists, string.Join('\n', lines) + "\n");

        var errors = await PollStatusAsync(server, e => e.Count > 0, TimeSpan.FromSeconds(5));
        var warnings = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/status"))!["warnings"]!.AsArray();

        Assert.That(errors, Is.Not.Empty, "the entry names no mineral: an error");
        Assert.That(warnings.Select(w => (w!["code"]!.GetValue<string>(), w["line"]!.GetValue<int>(), w["severity"]!.GetValue<string>())), Does.Contain(("MR3025", index + 1, "warning")));
    }

    [Test]
    public async Task Watch_FolderDeletedAndRecreated_StopsWatchingThenWatchesAndServesTheNewRules()
    {
        using var folder = new TempFolder();
        var (rules, chapter) = DraftCopy(folder);
        var copy = Path.Combine(folder.Path, "copy");
        TempFolder.CopyFolder(rules, copy);
        await using var server = await TestServerHandle.StartAsync(new ServerOptions { RulesFolder = rules, Watch = true, WatchDebounce = TimeSpan.FromMilliseconds(100) });

        Directory.Delete(rules, recursive: true);
        var gone = await PollWatchingAsync(server, false, TimeSpan.FromSeconds(5));
        Assert.That(gone, Is.False, "watching: false while the folder is gone");
        Assert.That(await DecisionAsync(server), Is.EqualTo("non-compliant"), "the last good rules still answer");

        var edited = Path.Combine(copy, Path.GetRelativePath(rules, chapter));
        await File.WriteAllTextAsync(edited, (await File.ReadAllTextAsync(edited)).Replace(Threshold, Threshold.Replace("300", "250", StringComparison.Ordinal), StringComparison.Ordinal));
        Directory.Move(copy, rules);
        var back = await PollWatchingAsync(server, true, TimeSpan.FromSeconds(5));

        Assert.That(back, Is.True, "watching again once the folder is back");
        Assert.That(await PollAsync(server, d => d == "compliant", TimeSpan.FromSeconds(5)), Is.EqualTo("compliant"), "the recreated folder is reloaded");
        await SaveAsync(folder, chapter, await File.ReadAllTextAsync(Path.Combine(TestPaths.Rules, Path.GetRelativePath(rules, chapter))));
        Assert.That(await PollAsync(server, d => d == "non-compliant", TimeSpan.FromSeconds(5)), Is.EqualTo("non-compliant"), "edits of the recreated folder are watched");
    }

    private static async Task<bool> PollWatchingAsync(TestServerHandle server, bool wanted, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var watching = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/status"))!["watching"]!.GetValue<bool>();
            if (watching == wanted || clock.Elapsed > limit)
            {
                return watching;
            }

            await Task.Delay(50);
        }
    }

    private static (string Rules, string Chapter) DraftCopy(TempFolder folder)
    {
        var rules = Path.Combine(folder.Path, "rules");
        TempFolder.CopyFolder(TestPaths.Rules, rules);
        var version = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "2.0.0");
        File.Delete(Path.Combine(version, "seal.yaml"));
        return (rules, Path.Combine(version, "chapter-5-mining.yaml"));
    }

    private static async Task<string> DecisionAsync(TestServerHandle server)
    {
        using var response = await server.Client.PostAsync("/api/v1/check", ServerApiTests.Yaml(await File.ReadAllTextAsync(ServerApiTests.SamplePath(Sample))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["decision"]!.GetValue<string>();
    }

    private static async Task<string> PollAsync(TestServerHandle server, Func<string, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var decision = await DecisionAsync(server);
        while (!done(decision) && clock.Elapsed < limit)
        {
            await Task.Delay(50);
            decision = await DecisionAsync(server);
        }

        return decision;
    }

    // Saved as editors save: written beside, then moved over the file, so no reload ever reads half a file.
    private static async Task SaveAsync(TempFolder folder, string path, string text)
    {
        var written = Path.Combine(folder.Path, Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(written, text);
        File.Move(written, path, overwrite: true);
    }

    private static async Task<JsonArray> PollStatusAsync(TestServerHandle server, Func<JsonArray, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var errors = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/status"))!["errors"]!.AsArray();
            if (done(errors) || clock.Elapsed > limit)
            {
                return errors;
            }

            await Task.Delay(50);
        }
    }
}
