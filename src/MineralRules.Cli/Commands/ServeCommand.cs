using System.CommandLine;
using System.Net;
using MineralRules.Server;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules serve [--rules &lt;folder&gt;] [--port 5080] [--bind 127.0.0.1] [--watch] [--samples &lt;folder&gt;]</c>:
/// the HTTP API, its OpenAPI document and the preview page (docs/server.md) until stopped (Ctrl+C). Exit 0 when stopped,
/// 2 when the rules do not load or the address is wrong.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rules = CommonOptions.Rules();
        var port = new Option<int>("--port")
        {
            Description = "The TCP port to listen on (default 5080).",
            DefaultValueFactory = _ => ServerOptions.DefaultPort,
        };
        var bind = new Option<string>("--bind")
        {
            Description = "The address to listen on (default 127.0.0.1, this machine only); * for every interface.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var watch = new Option<bool>("--watch")
        {
            Description = "Reload the --rules folder when a file in it changes; a broken edit keeps the last good rules serving.",
        };
        var samples = new Option<string?>("--samples")
        {
            Description = "A folder of sample applications the preview page offers to load.",
        };
        var command = new Command("serve", "Serve the HTTP API and the preview page.") { rules, port, bind, watch, samples };
        command.SetAction(parsed => Run(
            new ServerOptions
            {
                RulesFolder = parsed.GetValue(rules),
                Port = parsed.GetValue(port),
                Bind = parsed.GetValue(bind)!,
                Watch = parsed.GetValue(watch),
                SamplesFolder = parsed.GetValue(samples),
            },
            output,
            error));
        return command;
    }

    public static int Run(ServerOptions options, TextWriter output, TextWriter error)
    {
        if (options.Bind is not ("*" or "0.0.0.0" or "localhost") && !IPAddress.TryParse(options.Bind, out _))
        {
            error.WriteLine($"error: --bind '{options.Bind}' is not an IP address, localhost or *.");
            return ExitCodes.InvalidInput;
        }

        if (options.Watch && options.RulesFolder is null)
        {
            error.WriteLine("warning: --watch needs --rules <folder>: the rules embedded in the tool cannot change, so nothing is watched.");
        }

        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = MineralRulesServer.Create(options);
        }
        catch (RuleSetLoadException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine(CommonOptions.Describe(diagnostic));
            }

            error.WriteLine($"The rule sets in '{options.RulesFolder ?? "embedded"}' did not load ({e.Diagnostics.Count} error(s)); nothing is served.");
            return ExitCodes.InvalidInput;
        }

        var host = options.Bind is "*" or "0.0.0.0" ? "0.0.0.0" : options.Bind;
        var watching = options.Watch && options.RulesFolder is not null ? ", watching for edits" : string.Empty;
        output.WriteLine($"Serving the rules from {options.RulesFolder ?? "the tool (embedded)"}{watching} on http://{host}:{options.Port}/ — the preview at /preview, the API at /api/v1, its OpenAPI document at /openapi/v1.json. Ctrl+C stops.");
        try
        {
            app.Run();
        }
        catch (IOException e)
        {
            error.WriteLine($"error: cannot listen on {host}:{options.Port}: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Compliant;
    }
}
