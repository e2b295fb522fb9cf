using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MineralRules.Server;

namespace MineralRules.BrowserTests;

/// <summary>
/// The real server (Kestrel, loopback, a free port) over a draft copy of the shipped rules — 2.0.0's seal removed, as
/// <c>mineralrules new-version</c> leaves a version — watched for edits; disposing stops it and deletes the copy.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private RunningServer(WebApplication app, string folder, string rules)
    {
        _app = app;
        _folder = folder;
        Rules = rules;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
    }

    public static string Repository { get; } = FindRepository(AppContext.BaseDirectory);

    public static string Samples => Path.Combine(Repository, "samples", "applications");

    public string BaseUrl { get; }

    public string Rules { get; }

    /// <summary>The draft version's chapter 5, where the coal minimum capacity is.</summary>
    public string Chapter5 => Path.Combine(Rules, "nmg-mineral-plan-2021-2025", "2.0.0", "chapter-5-mining.yaml");

    /// <summary>Saves a rule file as editors do: written beside the rules, then moved over the file in one step.</summary>
    public async Task SaveAsync(string path, string text)
    {
        var written = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(written, text);
        File.Move(written, path, overwrite: true);
    }

    public static async Task<RunningServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mineralrules-browser-" + Guid.NewGuid().ToString("N"));
        var rules = Path.Combine(folder, "rules");
        var from = Path.Combine(Repository, "rules");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(rules, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Delete(Path.Combine(rules, "nmg-mineral-plan-2021-2025", "2.0.0", "seal.yaml"));
        var app = MineralRulesServer.Create(
            new ServerOptions { RulesFolder = rules, Watch = true, Port = 0, SamplesFolder = Samples },
            builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        return new RunningServer(app, folder, rules);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static string FindRepository(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MineralRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"MineralRules.sln not found above {start}.");
    }
}
