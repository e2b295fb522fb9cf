using Microsoft.Playwright;

namespace MineralRules.BrowserTests;

/// <summary>What every browser test starts from: the real server on a free port and a fresh page in Chromium.</summary>
public abstract class ServerPageTests
{
    /// <summary>The server under test (its rules folder is a private copy the test may edit).</summary>
    protected RunningServer Server { get; private set; } = null!;

    /// <summary>The page the test drives.</summary>
    protected IPage Page { get; private set; } = null!;

    private IBrowserContext _context = null!;

    [SetUp]
    public async Task OpenAsync()
    {
        Server = await RunningServer.StartAsync();
        _context = await Browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        Page = await _context.NewPageAsync();
    }

    [TearDown]
    public async Task CloseAsync()
    {
        await _context.CloseAsync();
        await Server.DisposeAsync();
    }
}
