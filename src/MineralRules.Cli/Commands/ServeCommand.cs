using System.CommandLine;
using System.Net;
using MineralRules.Server;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules serve [--rules &lt;folder&gt;] [--port 5080] [--bind 127.0.0.1] [--watch] [--samples &lt;folder&gt;] [--culture zh]</c>:
/// the HTTP API, its OpenAPI document and the preview page (docs/server.md) until stopped (Ctrl+C). Exit 0 when stopped,
/// 2 when the rules do not load or the address is wrong. <c>--culture</c> is the language of what it prints: load and
/// reload diagnostics and its log lines (each answer follows its request's language).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var rules = CommonOptions.Rules(text);
        var port = new Option<int>("--port")
        {
            Description = text.ServePort,
            DefaultValueFactory = _ => ServerOptions.DefaultPort,
        };
        var bind = new Option<string>("--bind")
        {
            Description = text.ServeBind,
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var watch = new Option<bool>("--watch")
        {
            Description = text.ServeWatch,
        };
        var samples = new Option<string?>("--samples")
        {
            Description = text.ServeSamples,
        };
        var culture = CommonOptions.Culture(text);
        var records = CommonOptions.Records(text);
        var command = new Command("serve", text.ServeCommand) { rules, port, bind, watch, samples, culture };
        foreach (var option in records.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => Run(Options(parsed), output, error, text));
        return command;

        ServerOptions Options(ParseResult parsed)
        {
            var named = records.Read(parsed);
            return new ServerOptions
            {
                ZoneLayers = named.Zones,
                Register = named.Register,
                ZoneToleranceHectares = named.Tolerance,
                RulesFolder = parsed.GetValue(rules),
                Port = parsed.GetValue(port),
                Bind = parsed.GetValue(bind)!,
                Watch = parsed.GetValue(watch),
                SamplesFolder = parsed.GetValue(samples),
                Culture = CommonOptions.ToCulture(parsed.GetValue(culture)!),
            };
        }
    }

    public static int Run(ServerOptions options, TextWriter output, TextWriter error, CliText? text = null)
    {
        var culture = options.Culture ?? System.Globalization.CultureInfo.InvariantCulture;
        text ??= CliText.For(culture);
        if (options.Bind is not ("*" or "0.0.0.0" or "localhost") && !IPAddress.TryParse(options.Bind, out _))
        {
            error.WriteLine(CliText.Format(text.ServeBadBind, options.Bind));
            return ExitCodes.InvalidInput;
        }

        if (options.Watch && options.RulesFolder is null)
        {
            error.WriteLine(text.ServeWatchNeedsRules);
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
                error.WriteLine(CommonOptions.Describe(diagnostic, culture));
            }

            error.WriteLine(CliText.Format(text.ServeNotLoaded, options.RulesFolder ?? text.Embedded, e.Diagnostics.Count));
            return ExitCodes.InvalidInput;
        }
        catch (RecordsException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine(CommonOptions.Describe(diagnostic, culture));
            }

            error.WriteLine(CliText.Format(text.RecordsDidNotOpen, e.Diagnostics.Count));
            return ExitCodes.InvalidInput;
        }

        var host = options.Bind is "*" or "0.0.0.0" ? "0.0.0.0" : options.Bind;
        var watching = options.Watch && options.RulesFolder is not null ? text.ServeWatching : string.Empty;
        output.WriteLine(CliText.Format(text.Serving, options.RulesFolder ?? text.ServeEmbeddedName, watching, host, options.Port));
        try
        {
            app.Run();
        }
        catch (IOException e)
        {
            error.WriteLine(CliText.Format(text.ServeCannotListen, host, options.Port, e.Message));
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Compliant;
    }
}
