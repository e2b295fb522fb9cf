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

    /// <summary>Builds the server; <paramref name="map"/> may add endpoints (e.g. one that throws) before it starts.</summary>
    public static async Task<TestServerHandle> StartAsync(ServerOptions? options = null, Action<WebApplication>? map = null)
    {
        var app = MineralRulesServer.Create(options ?? new ServerOptions(), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
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
