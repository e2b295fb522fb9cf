using Microsoft.Playwright;

namespace MineralRules.BrowserTests;

/// <summary>The rulebook at <c>/</c> in Chromium: search a clause, follow it to its chapter, read its rules and samples.</summary>
[TestFixture]
public sealed class RulebookBrowserTests
{
    private RunningServer _server = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    [SetUp]
    public async Task OpenAsync()
    {
        _server = await RunningServer.StartAsync();
        _context = await Browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    [TearDown]
    public async Task CloseAsync()
    {
        await _context.CloseAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Rulebook_SearchClause521_ShowsTheClauseWithItsRulesAndSamples()
    {
        await _page.GotoAsync(_server.BaseUrl + "/search?q=5.2.1");
        await _page.Locator("a[href$='chapter-5.html#clause-5.2.1']").First.ClickAsync();
        await _page.WaitForURLAsync("**/chapter-5.html#clause-5.2.1");

        var clause = _page.Locator("[id='clause-5.2.1']");
        Assert.That(await clause.CountAsync(), Is.EqualTo(1));
        Assert.That(await _page.Locator("[id='rule-coal.new-underground.min-capacity']").CountAsync(), Is.EqualTo(1), "the rule enforcing it");
        var text = await _page.Locator("body").InnerTextAsync();
        Assert.That(text, Does.Contain("新建井工煤矿原则上产能不低于300万吨/年"));
        Assert.That(text, Does.Contain("coal.new-underground.min-capacity.fail.yaml"), "a sample showing the outcome");

        // scripts/screenshots.sh sets this to regenerate docs/images/rulebook.png.
        if (Environment.GetEnvironmentVariable("MINERALRULES_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "rulebook.png") });
        }
    }
}
