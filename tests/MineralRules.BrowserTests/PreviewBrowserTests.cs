using System.Diagnostics;
using Microsoft.Playwright;

namespace MineralRules.BrowserTests;

/// <summary>The preview in Chromium: paste and check, a watched threshold edit, a broken edit.</summary>
[TestFixture]
public sealed class PreviewBrowserTests : ServerPageTests
{
    private const string Sample = "5.2.1/coal.new-underground.min-capacity.fail.yaml";
    private const string Threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";
    [Test]
    public async Task Preview_PastedApplication_ShowsFailingClauseAndRemedy()
    {
        await CheckSampleAsync();

        Assert.That(await Page.Locator("#decision").InnerTextAsync(), Does.Contain(PlainNames.Decision(Decision.NonCompliant).Zh).And.Contain(PlainNames.Decision(Decision.NonCompliant).En));
        var verdict = Page.Locator("article.verdict[data-clause='5.2.1']");
        Assert.That(await verdict.CountAsync(), Is.EqualTo(1));
        var text = await verdict.InnerTextAsync();
        Assert.That(text, Does.Contain("5.2.1").And.Contain("新建井工煤矿原则上产能不低于300万吨/年"));
        Assert.That(text, Does.Contain("将设计产能提高到不低于300万吨/年"), "the remedy");
        Assert.That(text, Does.Contain("Design a capacity of at least 300万吨/年"), "the remedy in English beside");
        Assert.That(await Page.Locator("#application").InputValueAsync(), Does.Contain("SAMPLE-5.2.1"), "the pasted text stays in the form");

        // scripts/screenshots.sh sets this to regenerate docs/images/preview.png.
        if (Environment.GetEnvironmentVariable("MINERALRULES_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "preview.png"), FullPage = true });
        }
    }

    [Test]
    public async Task Preview_EditedThreshold_ShowsChangedVerdictAfterReload()
    {
        await CheckSampleAsync();
        Assert.That(await Page.Locator("#decision").GetAttributeAsync("data-decision"), Is.EqualTo("non-compliant"));

        // The sample's capacity is 280万吨/年: with a minimum of 250 it passes.
        await Server.SaveAsync(Server.Chapter5, (await File.ReadAllTextAsync(Server.Chapter5)).Replace(Threshold, Threshold.Replace("300", "250", StringComparison.Ordinal), StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        string? decision;
        do
        {
            await Task.Delay(200);
            await CheckSampleAsync();
            decision = await Page.Locator("#decision").GetAttributeAsync("data-decision");
        }
        while (decision != "compliant" && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.That(decision, Is.EqualTo("compliant"));
        Assert.That(await Page.Locator("article.verdict[data-clause='5.2.1']").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Preview_BrokenEdit_ShowsItsFileLineErrorAndTheLastGoodRulesServe()
    {
        var lines = await File.ReadAllLinesAsync(Server.Chapter5);
        var line = Array.FindIndex(lines, l => l.Contains(Threshold, StringComparison.Ordinal)) + 1;
        lines[line - 1] = lines[line - 1].Replace("atLeast:", "atLeest:", StringComparison.Ordinal);
        await Server.SaveAsync(Server.Chapter5, string.Join('\n', lines) + "\n");

        var errors = Page.Locator("#rule-errors");
        var clock = Stopwatch.StartNew();
        do
        {
            await Task.Delay(200);
            await Page.GotoAsync(Server.BaseUrl + "/preview?lang=en");
        }
        while (await errors.CountAsync() == 0 && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.That(await errors.CountAsync(), Is.EqualTo(1), "the broken edit is shown");
        var text = await errors.InnerTextAsync();
        Assert.That(text, Does.Contain($"chapter-5-mining.yaml:{line}:"));
        Assert.That(text, Does.Contain("The last good rules are serving"));

        await CheckSampleAsync("en");
        Assert.That(await Page.Locator("#decision").GetAttributeAsync("data-decision"), Is.EqualTo("non-compliant"), "checked by the last good rules");
    }

    private async Task CheckSampleAsync(string lang = "zh")
    {
        await Page.GotoAsync($"{Server.BaseUrl}/preview?lang={lang}");
        await Page.Locator("#application").FillAsync(await File.ReadAllTextAsync(Path.Combine(RunningServer.Samples, Sample)));
        await Page.Locator("#submit").ClickAsync();
        await Page.Locator("#decision").WaitForAsync();
    }
}
