using Microsoft.Playwright;

namespace MineralRules.BrowserTests;

/// <summary>The rulebook at <c>/</c> in Chromium: search a clause, follow it to its chapter, read its rules and samples.</summary>
[TestFixture]
public sealed class RulebookBrowserTests : ServerPageTests
{
    [Test]
    public async Task Rulebook_SearchClause521_ShowsTheClauseWithItsRulesAndSamples()
    {
        await Page.GotoAsync(Server.BaseUrl + "/search?q=5.2.1");
        await Page.Locator("a[href$='chapter-5.html#clause-5.2.1']").First.ClickAsync();
        await Page.WaitForURLAsync("**/chapter-5.html#clause-5.2.1");

        var clause = Page.Locator("[id='clause-5.2.1']");
        Assert.That(await clause.CountAsync(), Is.EqualTo(1));
        Assert.That(await Page.Locator("[id='rule-coal.new-underground.min-capacity']").CountAsync(), Is.EqualTo(1), "the rule enforcing it");
        var text = await Page.Locator("body").InnerTextAsync();
        Assert.That(text, Does.Contain("新建井工煤矿原则上产能不低于300万吨/年"));
        Assert.That(text, Does.Contain("coal.new-underground.min-capacity.fail.yaml"), "a sample showing the outcome");

        // scripts/screenshots.sh sets this to regenerate docs/images/rulebook.png.
        if (Environment.GetEnvironmentVariable("MINERALRULES_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "rulebook.png") });
        }
    }
}
