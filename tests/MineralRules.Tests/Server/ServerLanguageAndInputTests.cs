using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MineralRules.Server;

namespace MineralRules.Tests.Server;

/// <summary>
/// What the API says, and in which language: problem details and the status in Chinese under <c>Accept-Language:
/// zh</c>, bytes that are not UTF-8 located where they stand, and a check whose client went away.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ServerLanguageAndInputTests
{
    private TestServerHandle _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await TestServerHandle.StartAsync(new ServerOptions { MaxApplicationBytes = 64 * 1024 }, app =>
        app.MapGet("/test/throws", string () => throw new InvalidOperationException("secret detail")).ExcludeFromDescription());

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    [Test]
    public async Task Batch_ElementWithAByteThatIsNotUtf8_IsAnInvalidResultAtItsPlaceInTheBody()
    {
        var passing = JsonSerializer.Serialize(ApplicationReader.ReadFile(ServerApiTests.SamplePath("5.2.1/coal.new-underground.min-capacity.pass.yaml")).Application, MineralRulesJson.Options);
        var body = Encoding.UTF8.GetBytes($"[\n{passing},\n\n  {passing.Replace("SAMPLE-", "SAMPLE-X", StringComparison.Ordinal)}\n]");
        var bad = Array.LastIndexOf(body, (byte)'X');
        body[bad] = 0xFF;
        var before = Encoding.UTF8.GetString(body, 0, bad).Split('\n');
        var (line, column) = (before.Length, before[^1].Length + 1);

        using var response = await _server.Client.PostAsync("/api/v1/check/batch", new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var diagnostic = results[1]!["diagnostics"]!.AsArray().Single()!;

        Assert.That(results.Select(r => r!["decision"]!.GetValue<string>()), Is.EqualTo(new[] { "compliant", "invalid" }), "strict UTF-8, never U+FFFD");
        Assert.That(diagnostic["code"]!.GetValue<string>(), Is.EqualTo("MR1002"));
        Assert.That((diagnostic["line"]!.GetValue<int>(), diagnostic["column"]!.GetValue<int>()), Is.EqualTo((line, column)), "the bad byte's place in the request body");
        Assert.That(diagnostic["message"]!.GetValue<string>(), Does.StartWith("The document is not UTF-8"));
        Assert.That(diagnostic["path"], Is.Null, "located in batch[1].json, the result's own source");
    }

    [Test]
    public async Task Batch_UploadWithAByteThatIsNotUtf8_IsLocatedInTheFileByItsName()
    {
        var bytes = Encoding.UTF8.GetBytes("id: A\napplicant: X\n");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", "bad.yaml" } };

        using var response = await _server.Client.PostAsync("/api/v1/check/batch", form);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Single()!;

        var diagnostic = result["diagnostics"]!.AsArray().Single()!;
        Assert.That(result["decision"]!.GetValue<string>(), Is.EqualTo("invalid"));
        Assert.That((diagnostic["code"]!.GetValue<string>(), diagnostic["line"]!.GetValue<int>(), diagnostic["column"]!.GetValue<int>()), Is.EqualTo(("MR1002", 2, 12)));
        Assert.That(diagnostic["path"], Is.Null, "located in bad.yaml, the result's own source (not <yaml>)");
    }

    [TestCase("POST", "/api/v1/check", "text/plain", 415, "不支持的媒体类型", "请发送 application/json 或 application/yaml")]
    [TestCase("POST", "/api/v1/check", "application/yaml", 400, "申请无效", "个错误。")]
    [TestCase("POST", "/api/v1/check?version=1.0.0", "big", 413, "请求过大", "申请超过了 65536 字节的大小上限。")]
    [TestCase("POST", "/api/v1/check/batch", "application/json", 400, "申请无效", "批量请求应为由申请对象组成的 JSON 数组。")]
    [TestCase("GET", "/api/v1/rule-sets/nmg-mineral-plan-2021-2025/7.0.0/rules", null, 404, "未找到", "服务中没有规则集 nmg-mineral-plan-2021-2025 7.0.0")]
    [TestCase("GET", "/no/such/page.html", null, 404, "未找到", "这里没有页面 '/no/such/page.html'")]
    [TestCase("DELETE", "/api/v1/status", null, 405, "不允许的方法", "此路径不接受该方法")]
    [TestCase("GET", "/test/throws", null, 500, "服务器内部错误", "traceId")]
    public async Task Problems_AcceptLanguageZh_TitleAndDetailInChinese(string method, string path, string? contentType, int status, string title, string detail)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");
        request.Content = contentType switch
        {
            null => null,
            "big" => ServerApiTests.Yaml("id: A\n# " + new string('x', 70 * 1024) + "\n"),
            "application/yaml" => ServerApiTests.Yaml("id: A\npermit: minning\n"),
            _ => new StringContent(contentType == "text/plain" ? "id: A" : "{\"id\": \"A\"}", Encoding.UTF8, contentType),
        };

        using var response = await _server.Client.SendAsync(request);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo(title));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(detail));
    }

    [Test]
    public async Task Problems_English_TitleAndDetailFromTheEnglishTable()
    {
        using var missing = await _server.Client.GetAsync("/api/v1/rule-sets/nmg-mineral-plan-2021-2025/7.0.0/rules");
        using var wrong = await _server.Client.DeleteAsync("/api/v1/status");
        var notFound = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;
        var notAllowed = JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!;

        Assert.That(notFound["title"]!.GetValue<string>(), Is.EqualTo("Not found"));
        Assert.That(notFound["detail"]!.GetValue<string>(), Does.StartWith("No rule set nmg-mineral-plan-2021-2025 7.0.0 is served"));
        Assert.That(notAllowed["title"]!.GetValue<string>(), Is.EqualTo("Method not allowed"));
        Assert.That(notAllowed["detail"]!.GetValue<string>(), Does.StartWith("This path does not take that method"));
    }

    [Test]
    public async Task Status_AcceptLanguageZh_LastReloadMessageInChinese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        request.Headers.AcceptLanguage.ParseAdd("zh");
        using var zh = await _server.Client.SendAsync(request);
        var en = JsonNode.Parse(await _server.Client.GetStringAsync("/api/v1/status"))!;

        Assert.That(JsonNode.Parse(await zh.Content.ReadAsStringAsync())!["lastReload"]!["message"]!.GetValue<string>(), Is.EqualTo("已从 内置规则 加载规则集。"));
        Assert.That(en["lastReload"]!["message"]!.GetValue<string>(), Is.EqualTo("Loaded the rule sets from the embedded rules."));
    }

    [Test]
    public async Task Check_RequestAbortedOnceTheBodyIsRead_StopsWithoutAResultOrAnErrorLogged()
    {
        var log = new CapturedLog();
        await using var server = await TestServerHandle.StartAsync(map: app => app.Use(async (context, next) =>
        {
            // The client goes away the moment its body has been read.
            var gone = new CancellationTokenSource();
            context.Request.Body = new CancelAtEnd(context.Request.Body, gone);
            context.RequestAborted = gone.Token;
            await next(context);
        }), log: log);

        using var response = await server.Client.PostAsync("/api/v1/check", ServerApiTests.Yaml(await File.ReadAllTextAsync(ServerApiTests.SamplePath(ServerApiTests.FailingSample))));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(StatusCodes.Status499ClientClosedRequest));
        Assert.That(body, Does.Not.Contain("\"decision\""), "no result is written for a client that is gone");
        Assert.That(log.Lines, Has.None.StartsWith("Error").And.None.StartsWith("Critical"));
    }

    /// <summary>A request body that cancels a token when it has been read to its end.</summary>
    private sealed class CancelAtEnd(Stream inner, CancellationTokenSource gone) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, CancellationToken.None);
            if (read == 0)
            {
                await gone.CancelAsync();
            }

            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
