using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Hosting;

public sealed class ServiceRegistrationTests
{
    [Test]
    public void AddMineralRules_Default_ServesEmbeddedRulesAndLogsLoad()
    {
        var log = new ListLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(log))
            .AddMineralRules()
            .BuildServiceProvider();

        var host = provider.GetRequiredService<RuleSetHost>();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<RuleSetHost>(), Is.SameAs(host), "one host per container");
            Assert.That(provider.GetRequiredService<RuleSetCatalog>(), Is.SameAs(host.Current));
            Assert.That(host.Current.Source, Is.EqualTo("embedded"));
            Assert.That(log.Messages, Has.Some.StartsWith("Information: Loaded and compiled the rule sets from embedded: nmg-mineral-plan-2021-2025 1.0.0"));
        });
    }

    [Test]
    public void AddMineralRules_BrokenFolder_ThrowsWithEveryErrorLogged()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "mineral-lists.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("placer-iron, heavy-placer]", "placer-iron, heavy-placer, merkury]", StringComparison.Ordinal));
        var log = new ListLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(log))
            .AddMineralRules(o => o.RulesFolder = rules)
            .BuildServiceProvider();

        var exception = Assert.Throws<RuleSetLoadException>(() => provider.GetRequiredService<RuleSetHost>());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MR1008" }));
            Assert.That(log.Messages, Has.Some.Contains("mineral-lists.yaml:17:").And.Some.Contains("did not load: 1 error(s)"));
        });
    }

    [Test]
    public void AddMineralRules_Configured_IOptionsIsTheConfiguredValue()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddMineralRules(o =>
            {
                o.RulesFolder = TestPaths.TestRules;
                o.MaxFileSize = 5_000_000;
                o.Culture = CultureInfo.GetCultureInfo("zh-CN");
            })
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MineralRulesOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.RulesFolder, Is.EqualTo(TestPaths.TestRules));
            Assert.That(options.MaxFileSize, Is.EqualTo(5_000_000));
            Assert.That(options.Culture.Name, Is.EqualTo("zh-CN"));
            Assert.That(provider.GetRequiredService<MineralRulesOptions>(), Is.SameAs(options), "one options value, however it is asked for");
            Assert.That(provider.GetRequiredService<RuleSetHost>().Current.Source, Is.EqualTo(TestPaths.TestRules));
        });
    }

    [Test]
    public void AddMineralRules_HostConfiguresOptionsLater_HostBuiltFromThem()
    {
        using var provider = new ServiceCollection()
            .AddMineralRules()
            .Configure<MineralRulesOptions>(o =>
            {
                o.RulesFolder = TestPaths.TestRules;
                o.MaxFileSize = 64;
            })
            .BuildServiceProvider();

        var exception = Assert.Throws<RuleSetLoadException>(() => provider.GetRequiredService<RuleSetHost>());

        Assert.That(exception!.Diagnostics.Select(d => d.Code), Has.Some.EqualTo("MR1012"), "the cap of 64 bytes refuses the rule files");
    }

    [Test]
    public void Reload_Refused_LoggedAsWarning()
    {
        var log = new ListLoggerProvider();
        using var provider = new ServiceCollection().AddLogging(b => b.AddProvider(log)).AddMineralRules().BuildServiceProvider();
        var host = provider.GetRequiredService<RuleSetHost>();

        host.ReloadFromFolder(Path.Combine(Path.GetTempPath(), "mineralrules-missing-" + Guid.NewGuid().ToString("N")));

        Assert.That(log.Messages, Has.Some.StartsWith("Warning: Reload from").And.Some.Contains("still serving the rule sets from embedded"));
    }

    /// <summary>Captures log lines as "Level: message".</summary>
    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new ListLogger(_messages);

        public void Dispose()
        {
        }

        private sealed class ListLogger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
