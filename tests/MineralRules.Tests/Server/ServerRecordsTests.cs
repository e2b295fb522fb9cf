using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MineralRules.Server;

namespace MineralRules.Tests.Server;

/// <summary>The server with records (<c>serve --zones --register</c>): the API's checks take the records' facts.</summary>
public sealed class ServerRecordsTests
{
    private static readonly string Records = Path.Combine(TestPaths.Repository, "samples", "records");

    [Test]
    public async Task Check_RedLineByGeometryWithRecords_Fails31NamingTheFeature()
    {
        await using var server = await TestServerHandle.StartAsync(new ServerOptions
        {
            ZoneLayers = Path.Combine(Records, "zones"),
            Register = Path.Combine(Records, "register.gpkg"),
        });
        var yaml = await File.ReadAllTextAsync(Path.Combine(Records, "applications", "red-line-by-geometry.declares-none.fail.yaml"));

        using var response = await server.Client.PostAsync("/api/v1/check", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(result["decision"]!.GetValue<string>(), Is.EqualTo("non-compliant"));
        var sources = result["verdicts"]!.AsArray().Where(v => v!["outcome"]!.GetValue<string>() == "fail").SelectMany(v => v!["facts"]!.AsArray()).Select(f => f!["source"]!.GetValue<string>());
        Assert.That(sources, Does.Contain("zones/ecological-red-line#RL-0102"));
    }

    [Test]
    public async Task Check_SameApplicationWithoutRecords_DeclaredZonesDecide()
    {
        await using var server = await TestServerHandle.StartAsync();
        var yaml = await File.ReadAllTextAsync(Path.Combine(Records, "applications", "red-line-by-geometry.declares-none.fail.yaml"));

        using var response = await server.Client.PostAsync("/api/v1/check", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["decision"]!.GetValue<string>(), Is.EqualTo("compliant"));
    }

    [Test]
    public void Create_RegisterThatDoesNotExist_RecordsException()
    {
        Assert.Throws<RecordsException>(() => MineralRulesServer.Create(new ServerOptions { Register = Path.Combine(Records, "no-such.gpkg") }));
    }
}
