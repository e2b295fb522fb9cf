using System.Net;
using System.Text;
using MineralRules.Server;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Server;

/// <summary>The preview over a samples folder that changes while it serves, and uploads that are not UTF-8.</summary>
[TestFixture]
public sealed class PreviewSamplesTests
{
    private const string Fail = "5.2.1/coal.new-underground.min-capacity.fail.yaml";
    private const string Pass = "5.2.1/coal.new-underground.min-capacity.pass.yaml";

    [Test]
    public async Task Get_SampleDeletedWhileServing_PageStillRendersWithoutIt()
    {
        using var folder = new TempFolder();
        var samples = Samples(folder, Fail, Pass);
        await using var server = await TestServerHandle.StartAsync(new ServerOptions { SamplesFolder = samples });
        Assert.That(await server.Client.GetStringAsync("/preview"), Does.Contain(Pass), "listed at first");

        File.Delete(Path.Combine(samples, Pass));
        using var page = await server.Client.GetAsync("/preview");
        using var chosen = await server.Client.GetAsync($"/preview?sample={Uri.EscapeDataString(Pass)}&lang=en");
        var chosenHtml = await chosen.Content.ReadAsStringAsync();

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Not.Contain(Pass).And.Contain(Fail));
        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a sample that is gone is not a 500");
        Assert.That(chosenHtml, Does.Contain($"There is no sample &#39;{Pass}&#39;").Or.Contain($"There is no sample '{Pass}'"));
    }

    [Test]
    public async Task Get_SampleAddedWhileServing_ShowsOnTheNextPage()
    {
        using var folder = new TempFolder();
        var samples = Samples(folder, Fail);
        await using var server = await TestServerHandle.StartAsync(new ServerOptions { SamplesFolder = samples });
        Assert.That(await server.Client.GetStringAsync("/preview"), Does.Not.Contain(Pass));

        Copy(samples, Pass);
        var html = await server.Client.GetStringAsync($"/preview?sample={Uri.EscapeDataString(Pass)}");

        Assert.That(html, Does.Contain($"<option selected>{Pass}</option>"));
        Assert.That(html, Does.Contain("SAMPLE-5.2.1.coal.new-underground.min-capacity.pass"));
    }

    [Test]
    public async Task Post_UploadedFileNotUtf8_ShowsTheLocatedError()
    {
        var bytes = Encoding.UTF8.GetBytes("id: A\npermit: mining\napplicant: X\n");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3;
        await using var server = await TestServerHandle.StartAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "upload.yaml" }, { new StringContent(string.Empty), "application" } };

        using var response = await server.Client.PostAsync("/preview?lang=en", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("upload.yaml:3:12: error MR1002: The document is not UTF-8"));
    }

    private static string Samples(TempFolder folder, params string[] names)
    {
        var samples = Path.Combine(folder.Path, "samples");
        foreach (var name in names)
        {
            Copy(samples, name);
        }

        return samples;
    }

    private static void Copy(string samples, string name)
    {
        var to = Path.Combine(samples, name);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(ServerApiTests.SamplePath(name), to);
    }
}
