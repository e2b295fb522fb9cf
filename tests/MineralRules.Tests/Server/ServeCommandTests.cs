using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MineralRules.Server;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Server;

/// <summary><c>mineralrules serve</c> refuses what it cannot serve before listening; a slow request is cut off.</summary>
[TestFixture]
public sealed class ServeCommandTests
{
    [Test]
    public void Serve_BrokenRulesFolder_Exits2WithEveryDiagnostic()
    {
        using var folder = new TempFolder();
        var rules = folder.CopyTestRules();
        var manifest = Directory.EnumerateFiles(rules, "manifest.yaml", SearchOption.AllDirectories).First();
        File.AppendAllText(manifest, "\nunknownKey: 1\n");

        var (code, _, error) = CliRunner.RunWithShippedRules("serve", "--rules", rules, "--port", "0");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("manifest.yaml:").And.Contain("nothing is served"));
    }

    [Test]
    public void Serve_BrokenRulesFolderCultureZh_PrintsTheDiagnosticsInChinese()
    {
        using var folder = new TempFolder();
        var rules = folder.CopyTestRules();
        var manifest = Directory.EnumerateFiles(rules, "manifest.yaml", SearchOption.AllDirectories).First();
        File.AppendAllText(manifest, "\nunknownKey: 1\n");

        var (code, _, error) = CliRunner.RunWithShippedRules("serve", "--rules", rules, "--port", "0", "--culture", "zh");
        var line = error.Split('\n').First(l => l.Contains("manifest.yaml:", StringComparison.Ordinal));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(line, Does.Match(@"error MR\d+: .*\p{IsCJKUnifiedIdeographs}"), line);
        Assert.That(error, Does.Contain("未能加载").And.Contain("不提供服务"));
    }

    [Test]
    public void Serve_BindNotAnAddress_Exits2()
    {
        var (code, _, error) = CliRunner.RunWithShippedRules("serve", "--bind", "example.org");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--bind 'example.org'"));
    }

    [Test]
    public async Task Request_LongerThanTheTimeout_Is503ProblemDetails()
    {
        await using var server = await TestServerHandle.StartAsync(new ServerOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) }, app =>
            app.MapGet("/test/slow", async (CancellationToken cancel) => await Task.Delay(TimeSpan.FromSeconds(30), cancel)).ExcludeFromDescription());

        using var response = await server.Client.GetAsync("/test/slow");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/slow");
        request.Headers.AcceptLanguage.ParseAdd("zh");
        using var zh = await server.Client.SendAsync(request);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await zh.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("服务不可用"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.StartWith("请求超过了服务器对单个请求的时限"));
    }
}
