using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using MineralRules.Server;

namespace MineralRules.Tests.Server;

/// <summary>The real server on an in-memory TestServer, with a client; disposing stops it.</summary>
internal sealed class TestServerHandle : IAsyncDisposable
{
    private TestServerHandle(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Builds the server; <paramref name="map"/> may add endpoints (e.g. one that throws) before it starts, and
    /// <paramref name="log"/> receives its log lines.
    /// </summary>
    public static async Task<TestServerHandle> StartAsync(ServerOptions? options = null, Action<WebApplication>? map = null, CapturedLog? log = null)
    {
        var app = MineralRulesServer.Create(options ?? new ServerOptions(), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            if (log is not null)
            {
                builder.Logging.AddProvider(log);
            }
        });
        map?.Invoke(app);
        await app.StartAsync().ConfigureAwait(false);
        return new TestServerHandle(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The server's log lines as "Level: message".</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
