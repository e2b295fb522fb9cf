using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MineralRules.Server;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Server;

/// <summary>The HTTP API of <c>mineralrules serve</c> (docs/server.md), on the real server in memory.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ServerApiTests
{
    internal const string FailingSample = "5.2.1/coal.new-underground.min-capacity.fail.yaml";
    private TestServerHandle _server = null!;

    private HttpClient Client => _server.Client;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await TestServerHandle.StartAsync(new ServerOptions { MaxApplicationBytes = 64 * 1024 }, app =>
        app.MapGet("/test/throws", string () => throw new InvalidOperationException("secret detail at MineralRules.Secret.Method()")).ExcludeFromDescription());

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    internal static string SamplePath(string relative) => Path.Combine(TestPaths.Samples, relative);

    internal static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Test]
    public async Task Check_YamlBody_AnswersTheObjectCheckFormatJsonWrites()
    {
        var path = SamplePath(FailingSample);
        var (code, output, _) = CliRunner.RunWithShippedRules("check", path, "--format", "json");
        Assert.That(code, Is.EqualTo(1));
        var expected = JsonNode.Parse(output)!.AsArray()[0]!;

        using var response = await Client.PostAsync($"/api/v1/check?source={Uri.EscapeDataString(CommonPath(path))}", Yaml(await File.ReadAllTextAsync(path)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(body), expected), Is.True, body);
        Assert.That(expected["decision"]!.GetValue<string>(), Is.EqualTo("non-compliant"));
    }

    [Test]
    public async Task Check_JsonBody_DecidesAsTheYamlDocument()
    {
        var read = ApplicationReader.ReadFile(SamplePath(FailingSample));
        var json = JsonSerializer.Serialize(read.Application, MineralRulesJson.Options);

        using var response = await Client.PostAsync("/api/v1/check", new StringContent(json, Encoding.UTF8, "application/json"));
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(result["decision"]!.GetValue<string>(), Is.EqualTo("non-compliant"));
        Assert.That(Failing(result), Is.EqualTo(new[] { "coal.new-underground.min-capacity" }));
        Assert.That(result["source"], Is.Null, "no file: no source unless ?source= names one");
    }

    [Test]
    public async Task Check_AcceptLanguageZh_WritesMessagesInChinese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/check") { Content = Yaml(await File.ReadAllTextAsync(SamplePath(FailingSample))) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        using var zh = await Client.SendAsync(request);
        using var en = await Client.PostAsync("/api/v1/check", Yaml(await File.ReadAllTextAsync(SamplePath(FailingSample))));

        Assert.That(FailMessage(JsonNode.Parse(await zh.Content.ReadAsStringAsync())!), Does.StartWith("产能280万吨/年低于"));
        Assert.That(FailMessage(JsonNode.Parse(await en.Content.ReadAsStringAsync())!), Does.StartWith("Capacity 280万吨/年 is below"));
    }

    [Test]
    public async Task Check_VersionQuery_UsesThatVersion()
    {
        using var response = await Client.PostAsync("/api/v1/check?version=1.0.0", Yaml(await File.ReadAllTextAsync(SamplePath(FailingSample))));
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(result["ruleSet"]!["version"]!.GetValue<string>(), Is.EqualTo("1.0.0"));
    }

    [Test]
    public async Task Check_UnknownVersion_Is400WithItsDiagnostic()
    {
        using var response = await Client.PostAsync("/api/v1/check?version=9.9.9", Yaml(await File.ReadAllTextAsync(SamplePath(FailingSample))));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["diagnostics"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("MR2003"));
    }

    [Test]
    public async Task Check_InvalidApplication_Is400ProblemDetailsWithLocatedDiagnostics()
    {
        var text = (await File.ReadAllTextAsync(SamplePath(FailingSample))).Replace("permit: mining", "permit: minning", StringComparison.Ordinal);

        using var response = await Client.PostAsync("/api/v1/check", Yaml(text));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var diagnostic = problem["diagnostics"]!.AsArray().Single()!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(400));
        Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("Invalid application"));
        Assert.That(diagnostic["line"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(diagnostic["column"]!.GetValue<int>(), Is.EqualTo(9));
        Assert.That(diagnostic["code"]!.GetValue<string>(), Is.EqualTo("MR1008"));
        Assert.That(diagnostic["text"]!.GetValue<string>(), Does.StartWith("<yaml>:3:9: error MR1008: Unknown value 'minning'"));
    }

    [Test]
    public async Task Check_YamlSyntaxError_Is400AtItsLine()
    {
        using var response = await Client.PostAsync("/api/v1/check", Yaml("id: A\npermit: [mining\n"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["diagnostics"]![0]!["line"]!.GetValue<int>(), Is.GreaterThan(1));
    }

    [Test]
    public async Task Check_BodyOverTheLimit_Is413()
    {
        var big = "id: A\n# " + new string('x', 70 * 1024) + "\n";

        using var declared = await Client.PostAsync("/api/v1/check", Yaml(big));
        using var streamed = await Client.PostAsync("/api/v1/check", new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) { Headers = { ContentType = new MediaTypeHeaderValue("application/yaml") } });
        var problem = JsonNode.Parse(await declared.Content.ReadAsStringAsync())!;

        Assert.That(declared.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(streamed.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(problem["limit"]!.GetValue<long>(), Is.EqualTo(64 * 1024));
    }

    [Test]
    public async Task Check_OtherContentType_Is415()
    {
        using var response = await Client.PostAsync("/api/v1/check", new StringContent("id: A", Encoding.UTF8, "text/plain"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task UnknownPathAndWrongMethod_AreProblemDetails()
    {
        using var missing = await Client.GetAsync("/api/v1/nothing");
        using var wrong = await Client.DeleteAsync("/api/v1/status");

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(wrong.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task UnforeseenError_Is500WithTraceIdAndNoStackTrace()
    {
        using var response = await Client.GetAsync("/test/throws");
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(body)!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(problem["traceId"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(body, Does.Not.Contain("secret").And.Not.Contain("MineralRules.Secret").And.Not.Contain(" at "));
    }

    [Test]
    public async Task Batch_JsonArray_StreamsOneResultPerApplicationInOrder()
    {
        var failing = JsonSerializer.Serialize(ApplicationReader.ReadFile(SamplePath(FailingSample)).Application, MineralRulesJson.Options);
        var passing = JsonSerializer.Serialize(ApplicationReader.ReadFile(SamplePath("5.2.1/coal.new-underground.min-capacity.pass.yaml")).Application, MineralRulesJson.Options);
        var body = $"[\n{failing},\n{passing},\n  {{ \"id\": \"BROKEN\" }}\n]";

        using var response = await Client.PostAsync("/api/v1/check/batch", new StringContent(body, Encoding.UTF8, "application/json"));
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var brokenLine = body.Split('\n').ToList().FindIndex(l => l.Contains("BROKEN", StringComparison.Ordinal)) + 1;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(results.Select(r => r!["decision"]!.GetValue<string>()), Is.EqualTo(new[] { "non-compliant", "compliant", "invalid" }));
        Assert.That(results.Select(r => r!["source"]!.GetValue<string>()), Is.EqualTo(new[] { "batch[0].json", "batch[1].json", "batch[2].json" }));
        Assert.That(results[2]!["diagnostics"]![0]!["line"]!.GetValue<int>(), Is.EqualTo(brokenLine), "diagnostics are located in the request body");
        Assert.That(results[2]!["diagnostics"]![0]!["column"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [Test]
    public async Task Batch_MultipartFiles_AreNamedByTheirFileNames()
    {
        using var form = new MultipartFormDataContent();
        foreach (var sample in new[] { FailingSample, "5.2.1/coal.new-underground.min-capacity.pass.yaml" })
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(SamplePath(sample))), "files", Path.GetFileName(sample));
        }

        using var response = await Client.PostAsync("/api/v1/check/batch", form);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.That(results.Select(r => r!["source"]!.GetValue<string>()), Is.EqualTo(new[] { "coal.new-underground.min-capacity.fail.yaml", "coal.new-underground.min-capacity.pass.yaml" }));
        Assert.That(results.Select(r => r!["decision"]!.GetValue<string>()), Is.EqualTo(new[] { "non-compliant", "compliant" }));
    }

    [Test]
    public async Task Batch_FileOverTheLimit_IsAnInvalidResultAndTheOthersAreChecked()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("id: A\n# " + new string('x', 70 * 1024) + "\n")), "files", "big.yaml");
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(SamplePath(FailingSample))), "files", "fail.yaml");

        using var response = await Client.PostAsync("/api/v1/check/batch", form);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(results.Select(r => r!["decision"]!.GetValue<string>()), Is.EqualTo(new[] { "invalid", "non-compliant" }));
        Assert.That(results[0]!["diagnostics"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("MR1012"));
    }

    [Test]
    public async Task Batch_OneLineArrayOverTheCount_Is413NamingTheCountWithinSeconds()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("{}", 200 * 1024 / 3)) + "]";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await Client.PostAsync("/api/v1/check/batch", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "only one element more than the limit is read");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("more than 1000 applications").And.Not.Contain("bytes"));
    }

    [Test]
    public async Task Batch_WideOneLineArray_AnswersWithinSecondsWithBodyColumns()
    {
        var element = "{ \"id\": \"BROKEN-" + new string('x', 600) + "\" }";
        var body = "[" + string.Join(",", Enumerable.Repeat(element, 1000)) + "]";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await Client.PostAsync("/api/v1/check/batch", new StringContent(body, Encoding.UTF8, "application/json"));
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "elements are not padded to their column");
        Assert.That(results, Has.Count.EqualTo(1000));
        var first = results[0]!["diagnostics"]![0]!;
        var second = results[1]!["diagnostics"]![0]!;
        Assert.That(second["line"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(second["column"]!.GetValue<int>() - first["column"]!.GetValue<int>(), Is.EqualTo(element.Length + 1), "columns are the request body's");
    }

    [Test]
    public async Task Batch_InvalidItem_FollowsAcceptLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/check/batch") { Content = new StringContent("[{ \"id\": \"BROKEN\" }]", Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await Client.SendAsync(request);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.That(results[0]!["decision"]!.GetValue<string>(), Is.EqualTo("invalid"));
        Assert.That(results[0]!["diagnostics"]![0]!["message"]!.GetValue<string>(), Does.Match(@"\p{IsCJKUnifiedIdeographs}"));
    }

    [Test]
    public async Task Batch_NotAnArray_Is400()
    {
        using var response = await Client.PostAsync("/api/v1/check/batch", new StringContent("{\"id\": \"A\"}", Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task RuleSets_ListsEveryVersionWithRangeDigestAndSeal()
    {
        var ruleSets = JsonNode.Parse(await Client.GetStringAsync("/api/v1/rule-sets"))!.AsArray();
        var catalog = RuleSetCatalog.LoadEmbedded();

        Assert.That(ruleSets.Select(r => r!["version"]!.GetValue<string>()), Is.EqualTo(catalog.RuleSets.Select(r => r.Info.Version)));
        Assert.That(ruleSets.Select(r => r!["digest"]!.GetValue<string>()), Is.EqualTo(catalog.RuleSets.Select(r => r.Info.Digest)));
        Assert.That(ruleSets.Select(r => r!["effectiveFrom"]!.GetValue<string>()), Is.All.Matches(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.That(ruleSets.Select(r => r!["sealed"]!.GetValue<bool>()), Is.All.True);
    }

    [Test]
    public async Task Rules_ListsEachRuleWithClauseOutcomeScopeAndThresholds()
    {
        var rules = JsonNode.Parse(await Client.GetStringAsync("/api/v1/rule-sets/nmg-mineral-plan-2021-2025/2.0.0/rules"))!.AsArray();
        var rule = rules.Single(r => r!["id"]!.GetValue<string>() == "coal.new-underground.min-capacity")!;

        Assert.That(rules, Has.Count.EqualTo(RuleSetCatalog.LoadEmbedded().Find("2.0.0")!.Rules.Count));
        Assert.That(rule["clause"]!["ref"]!.GetValue<string>(), Is.EqualTo("5.2.1"));
        Assert.That(rule["outcome"]!.GetValue<string>(), Is.EqualTo("fail"));
        Assert.That(rule["scope"]!["minerals"]![0]!.GetValue<string>(), Is.EqualTo("coal"));
        Assert.That(rule["thresholds"]![0]!["value"]!.GetValue<string>(), Does.Contain("300"));
        Assert.That(rule["remedy"]!["zh"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(rule["interpretation"]!["en"]!.GetValue<string>(), Does.Contain("300"));
        Assert.That(rule["inWords"]!["scope"]!["zh"]!.GetValue<string>(), Does.Contain("煤"));
        Assert.That(rule["inWords"]!["thresholds"]![0]!["zh"]!.GetValue<string>(), Does.Contain("300"));
    }

    [Test]
    public async Task Rules_UnknownVersion_Is404ProblemDetails()
    {
        using var response = await Client.GetAsync("/api/v1/rule-sets/nmg-mineral-plan-2021-2025/7.0.0/rules");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Status_EmbeddedRules_HealthyAndNotWatching()
    {
        var status = JsonNode.Parse(await Client.GetStringAsync("/api/v1/status"))!;

        Assert.That(status["rules"]!.GetValue<string>(), Is.EqualTo("embedded"));
        Assert.That(status["watching"]!.GetValue<bool>(), Is.False);
        Assert.That(status["healthy"]!.GetValue<bool>(), Is.True);
        Assert.That(status["errors"]!.AsArray(), Is.Empty);
        Assert.That(status["serving"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task OpenApi_DocumentListsEveryEndpoint()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key);

        Assert.That(document["openapi"]!.GetValue<string>(), Does.StartWith("3."));
        Assert.That(paths, Is.EquivalentTo(new[] { "/api/v1/check", "/api/v1/check/batch", "/api/v1/rule-sets", "/api/v1/rule-sets/{id}/{version}/rules", "/api/v1/status" }));
        Assert.That(document["paths"]!["/api/v1/check"]!["post"]!["requestBody"]!["content"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(new[] { "application/json", "application/yaml" }));
    }

    [Test]
    public async Task Check_200ConcurrentRequests_EachAnswersItsOwnSample()
    {
        var samples = Directory.EnumerateFiles(TestPaths.Samples, "*.yaml", SearchOption.AllDirectories)
            .Select(path => (Text: File.ReadAllText(path), Expected: ApplicationReader.ReadFile(path)))
            .Where(s => s.Expected.Expect is not null && s.Expected.IsValid)
            .ToList();
        var catalog = RuleSetCatalog.LoadEmbedded();
        var requests = Enumerable.Range(0, 200).Select(i => samples[i % samples.Count]).ToList();

        var answers = await Task.WhenAll(requests.Select(async sample =>
        {
            using var response = await Client.PostAsync("/api/v1/check", Yaml(sample.Text));
            return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }));

        Assert.That(samples, Has.Count.GreaterThan(20));
        for (var i = 0; i < requests.Count; i++)
        {
            var expected = catalog.Evaluate(requests[i].Expected.Application!);
            Assert.That(answers[i].StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answers[i].Body["application"]!.GetValue<string>(), Is.EqualTo(expected.Application));
            Assert.That(answers[i].Body["decision"]!.GetValue<string>(), Is.EqualTo(JsonNode.Parse(ResultJson.Serialize(expected))!["decision"]!.GetValue<string>()));
            Assert.That(Failing(answers[i].Body), Is.EqualTo(expected.Failures.Select(v => v.Rule)));
        }
    }

    internal static string[] Failing(JsonNode result) =>
        [.. result["verdicts"]!.AsArray().Where(v => v!["outcome"]!.GetValue<string>() == "fail").Select(v => v!["rule"]!.GetValue<string>())];

    private static string FailMessage(JsonNode result) =>
        result["verdicts"]!.AsArray().First(v => v!["outcome"]!.GetValue<string>() == "fail")!["message"]!.GetValue<string>();

    private static string CommonPath(string path) => path.Replace('\\', '/');
}
