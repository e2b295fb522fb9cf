using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MineralRules.Server;

namespace MineralRules.Tests.Server;

/// <summary>The preview page as HTML: the form, a checked application's verdicts, an invalid one's diagnostics.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class PreviewTests
{
    private TestServerHandle _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await TestServerHandle.StartAsync(new ServerOptions { SamplesFolder = TestPaths.Samples });

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    [Test]
    public async Task Root_IsTheRulebookAndItsSearch()
    {
        using var index = await _server.Client.GetAsync("/");
        var search = await _server.Client.GetStringAsync("/search?q=5.2.1");
        using var missing = await _server.Client.GetAsync("/no/such/page.html");

        Assert.That(index.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(index.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await index.Content.ReadAsStringAsync(), Does.Contain("Rulebook"));
        Assert.That(search, Does.Contain("5.2.1").And.Contain("coal.new-underground.min-capacity"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Get_ShowsAPlainFormWithoutScriptOrExternalResources()
    {
        var html = await _server.Client.GetStringAsync("/preview");

        Assert.That(html, Does.Contain("<form method=\"post\" action=\"/preview?lang=zh\" enctype=\"multipart/form-data\""));
        Assert.That(html, Does.Contain("<textarea id=\"application\" name=\"application\""));
        Assert.That(html, Does.Contain("type=\"file\""));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("http://").And.Not.Contain("https://"));
    }

    [Test]
    public async Task Get_SampleQuery_LoadsTheSampleIntoTheForm()
    {
        var html = await _server.Client.GetStringAsync("/preview?sample=5.2.1/coal.new-underground.min-capacity.fail.yaml");

        Assert.That(html, Does.Contain("SAMPLE-5.2.1.coal.new-underground.min-capacity.fail"));
    }

    [Test]
    public async Task Post_PastedApplication_ShowsDecisionClauseQuoteMessageRemedyAndFacts()
    {
        var text = await File.ReadAllTextAsync(ServerApiTests.SamplePath("5.2.1/coal.new-underground.min-capacity.fail.yaml"));
        using var form = new FormUrlEncodedContent([new("application", text)]);

        using var response = await _server.Client.PostAsync("/preview", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-decision=\"non-compliant\"").And.Contain($">{PlainNames.Decision(Decision.NonCompliant).Zh} <"));
        Assert.That(html, Does.Contain($">{PlainNames.Outcome(Outcome.Fail).Zh} <"), "the library's words for the outcome");
        Assert.That(PlainNames.Decision(Decision.NonCompliant).Zh, Is.EqualTo("不符合规划"), "the contract's word");
        Assert.That(html, Does.Contain("data-clause=\"5.2.1\"").And.Contain("新建井工煤矿原则上产能不低于300万吨/年"));
        Assert.That(html, Does.Contain("产能280万吨/年低于新建井工煤矿最低产能300万吨/年。").And.Contain("Capacity 280万吨/年 is below"));
        Assert.That(html, Does.Contain("将设计产能提高到不低于300万吨/年"));
        Assert.That(html, Does.Contain("<td>280万吨/年</td><td>≥ 300万吨/年</td>"));
    }

    [Test]
    public async Task Post_UploadedJsonFile_IsCheckedByItsName()
    {
        var application = ApplicationReader.ReadFile(ServerApiTests.SamplePath("5.2.1/coal.new-underground.min-capacity.pass.yaml")).Application;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(application, MineralRulesJson.Options)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "application.json");
        form.Add(new StringContent(string.Empty), "application");

        using var response = await _server.Client.PostAsync("/preview?lang=en", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("data-decision=\"compliant\"").And.Contain($">{PlainNames.Decision(Decision.Compliant).En} <"));
    }

    [Test]
    public async Task Post_PastedApplicationOverTheLimit_Is413()
    {
        var text = "id: A\n# " + new string('x', (int)(new ServerOptions().MaxApplicationBytes * 3 / 2)) + "\n";
        using var form = new MultipartFormDataContent { { new StringContent(text, Encoding.UTF8), "application" } };

        using var response = await _server.Client.PostAsync("/preview", form);
        using var english = await _server.Client.PostAsync("/preview?lang=en", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("申请超过了 1048576 字节的大小上限。"), "the preview's language, Chinese first");
        Assert.That(await english.Content.ReadAsStringAsync(), Does.Contain("larger than the limit"));
    }

    [Test]
    public async Task Post_ChunkedFormOverTheLimit_Is413()
    {
        var text = "id: A\n# " + new string('x', (int)(new ServerOptions().MaxApplicationBytes * 3)) + "\n";
        using var form = new MultipartFormDataContent { { new StringContent(text, Encoding.UTF8), "application" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/preview") { Content = new StreamContent(await form.ReadAsStreamAsync()) };
        request.Content.Headers.ContentType = form.Headers.ContentType;
        request.Headers.TransferEncodingChunked = true;

        using var response = await _server.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Post_InvalidApplication_ShowsLocatedDiagnostics()
    {
        using var form = new FormUrlEncodedContent([new("application", "id: A\npermit: minning\n")]);

        using var response = await _server.Client.PostAsync("/preview", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("申请无效"));
        Assert.That(html, Does.Contain("&lt;yaml&gt;:2:9: error MR1008"));
    }
}
