using Microsoft.Playwright;

namespace MineralRules.BrowserTests;

/// <summary>
/// One headless Chromium for the whole run: Debian's package (<c>apt-get install chromium</c>, done by .ci/run), found
/// at <c>MINERALRULES_CHROMIUM</c> or /usr/bin/chromium and launched by path — Playwright's own browser download cannot
/// reach its servers here.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    private static IPlaywright? _playwright;

    public static IBrowser Instance { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("MINERALRULES_CHROMIUM") is { Length: > 0 } named ? named
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
        {
            Assert.Fail("Chromium is not installed: run `apt-get install -y chromium` (.ci/run does) or set MINERALRULES_CHROMIUM to its path.");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Tests and CI run as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (Instance is not null)
        {
            await Instance.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
