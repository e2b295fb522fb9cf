using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MineralRules.Server;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Server;

/// <summary>
/// A rules folder holding two rule-set ids that both have a version 1.0.0: <c>?version=1.0.0</c> alone is refused
/// with a 400 naming both ids, never answered by whichever comes first; <c>?ruleSet=</c> with it picks one.
/// </summary>
[TestFixture]
public sealed class AmbiguousVersionTests
{
    private const string Plan = "nmg-mineral-plan-2021-2025";
    private const string Other = "other-plan";
    private TempFolder _folder = null!;
    private TestServerHandle _server = null!;
    private string _sample = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _folder = new TempFolder();
        var rules = _folder.CopyTestRules();
        var copy = Path.Combine(rules, Other, "1.0.0");
        TempFolder.CopyFolder(Path.Combine(rules, Plan, "1.0.0"), copy);
        var manifest = Path.Combine(copy, "manifest.yaml");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest))
            .Replace($"id: {Plan}", $"id: {Other}", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2022-08-19", "effectiveFrom: 2023-01-01", StringComparison.Ordinal));
        _server = await TestServerHandle.StartAsync(new ServerOptions { RulesFolder = rules });
        _sample = await File.ReadAllTextAsync(ServerApiTests.SamplePath("5.2.1/coal.new-underground.min-capacity.fail.yaml"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    public async Task Check_VersionSharedByTwoIds_Is400NamingBoth()
    {
        using var response = await _server.Client.PostAsync("/api/v1/check?version=1.0.0", ServerApiTests.Yaml(_sample));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["type"]!.GetValue<string>(), Is.EqualTo("urn:mineralrules:problem:ambiguous-version"));
        Assert.That(problem["ruleSets"]!.AsArray().Select(i => i!.GetValue<string>()), Is.EqualTo(new[] { Plan, Other }));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(Plan).And.Contain(Other).And.Contain("?ruleSet="));
    }

    [TestCase(Plan)]
    [TestCase(Other)]
    public async Task Check_VersionWithRuleSet_UsesThatRuleSet(string id)
    {
        using var response = await _server.Client.PostAsync($"/api/v1/check?version=1.0.0&ruleSet={id}", ServerApiTests.Yaml(_sample));
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(result["ruleSet"]!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task Check_RuleSetWithoutThatVersion_Is400WithMR2003()
    {
        using var response = await _server.Client.PostAsync($"/api/v1/check?version=9.0.0&ruleSet={Other}", ServerApiTests.Yaml(_sample));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["diagnostics"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("MR2003"));
        Assert.That(problem["diagnostics"]![0]!["message"]!.GetValue<string>(), Does.StartWith($"No rule set {Other} 9.0.0 is served"));
    }

    [Test]
    public async Task Batch_VersionSharedByTwoIds_Is400InChineseUnderZh()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/check/batch?version=1.0.0") { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh"));

        using var response = await _server.Client.SendAsync(request);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("版本不明确"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{Plan}, {Other}"));
    }

    [Test]
    public async Task Rulebook_TwoIdsWithOneVersion_EachHasItsOwnPages()
    {
        var plan = await _server.Client.GetStringAsync($"/{Plan}/1.0.0/index.html");
        var other = await _server.Client.GetStringAsync($"/{Other}/1.0.0/index.html");

        Assert.That(plan, Does.Contain($"<title>{Plan} 1.0.0</title>"));
        Assert.That(other, Does.Contain($"<title>{Other} 1.0.0</title>"));
    }

    [Test]
    public async Task Preview_VersionMenu_NamesTheIdOfASharedVersionAndChecksWithIt()
    {
        var page = await _server.Client.GetStringAsync("/preview");
        using var form = new MultipartFormDataContent { { new StringContent(_sample), "application" }, { new StringContent($"{Other} 1.0.0"), "version" } };
        using var alone = new MultipartFormDataContent { { new StringContent(_sample), "application" }, { new StringContent("1.0.0"), "version" } };

        var html = await (await _server.Client.PostAsync("/preview?lang=en", form)).Content.ReadAsStringAsync();
        using var refused = await _server.Client.PostAsync("/preview?lang=en", alone);

        Assert.That(page, Does.Contain($"<option value=\"{Plan} 1.0.0\">").And.Contain($"<option value=\"{Other} 1.0.0\">"));
        Assert.That(html, Does.Contain($"{Other} 1.0.0 · sha256:"), "checked by the rule set chosen");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("belongs to more than one rule set"));
    }
}
