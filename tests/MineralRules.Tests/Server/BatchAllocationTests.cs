using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MineralRules.Tests.Server;

/// <summary>
/// A batch element is read where it stands in the body: nothing the size of the lines before it is copied per
/// element, so a body of many blank lines before many elements costs about its own size.
/// </summary>
[TestFixture]
[NonParallelizable] // The process's allocations are measured, so no other test of this assembly runs meanwhile.
public sealed class BatchAllocationTests
{
    [Test]
    public async Task Batch_ManyBlankLinesBeforeManyElements_AllocatesAboutTheBodyNotLinesTimesElements()
    {
        const int BlankLines = 1_000_000;
        const int Elements = 100;
        var failing = JsonSerializer.Serialize(ApplicationReader.ReadFile(ServerApiTests.SamplePath("5.2.1/coal.new-underground.min-capacity.fail.yaml")).Application, MineralRulesJson.Options);
        var body = Encoding.UTF8.GetBytes("[" + new string('\n', BlankLines) + string.Join(",\n", Enumerable.Repeat(failing, Elements)) + "]");
        await using var server = await TestServerHandle.StartAsync();
        int alone;
        using (var first = await server.Client.PostAsync("/api/v1/check/batch", Json("[" + failing + "]")))
        {
            // Also warms what every later request reuses.
            alone = CapacityLine(JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsArray()[0]!);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await server.Client.PostAsync("/api/v1/check/batch", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"{allocated / 1024 / 1024} MiB allocated for a body of {body.Length / 1024 / 1024} MiB");
        var lastStarts = 1 + BlankLines + ((Elements - 1) * (failing.Count(c => c == '\n') + 1));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(results, Has.Count.EqualTo(Elements));
        Assert.That(CapacityLine(results[Elements - 1]!), Is.EqualTo(lastStarts + alone - 1), "fact lines are the body's");
        Assert.That(allocated, Is.LessThan(100L * 1024 * 1024), "a padded copy per element would be 100 × 1 MB of newlines, twice over");
    }

    private static int CapacityLine(JsonNode result) =>
        result["verdicts"]!.AsArray().First(v => v!["outcome"]!.GetValue<string>() == "fail")!["facts"]![0]!["line"]!.GetValue<int>();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
