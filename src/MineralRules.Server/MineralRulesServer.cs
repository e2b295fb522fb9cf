using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MineralRules.Server;

/// <summary>
/// The web server of <c>mineralrules serve</c> (docs/server.md): the HTTP API under <c>/api/v1</c>, its OpenAPI
/// document at <c>/openapi/v1.json</c> and the preview page at <c>/preview</c>, over one <see cref="RuleSetHost"/>.
/// </summary>
public static class MineralRulesServer
{
    /// <summary>
    /// Loads the rules and builds the server, not yet started: call <c>RunAsync</c> (or <c>StartAsync</c>) on it.
    /// Every error answers RFC 9457 problem details without a stack trace.
    /// </summary>
    /// <param name="options">Rules, address and limits.</param>
    /// <param name="configure">Changes to the builder before it is built (a test server, logging); may be null.</param>
    /// <returns>The application.</returns>
    /// <exception cref="RuleSetLoadException">The rules do not load; it carries every diagnostic.</exception>
    /// <exception cref="RecordsException">The zone layers or the register named in the options do not open.</exception>
    public static WebApplication Create(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MineralRulesServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = [],
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxBatchBytes, options.MaxApplicationBytes);
            if (options.Bind is "*" or "0.0.0.0")
            {
                kestrel.ListenAnyIP(options.Port);
            }
            else if (options.Bind == "localhost")
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Bind), options.Port);
            }
        });
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            Problems.Word(context);
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "MineralRules API";
            document.Info.Description = "Checks mineral permit applications against the Inner Mongolia Mineral Resources Master Plan 2021–2025 rule sets (docs/server.md).";
            return Task.CompletedTask;
        }));
        configure?.Invoke(builder);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MineralRules.Server");
        var rules = ServedRules.TryLoad(options, logger, out var diagnostics) ?? throw new RuleSetLoadException(diagnostics);
        app.Lifetime.ApplicationStopped.Register(rules.Dispose);

        // The records every check takes facts from (docs/records.md), opened once; records that do not open stop the
        // server from starting (RecordsException), never a server answering on declared facts.
        try
        {
            rules.Records = MineralRecords.Open(options.ZoneLayers, options.Register, options.ZoneToleranceHectares);
        }
        catch (RecordsException)
        {
            rules.Dispose();
            throw;
        }


        // No stack trace ever leaves the server: an unforeseen error is a 500 problem with the trace id to find it in the log.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseRequestTimeouts();

        app.MapOpenApi();
        app.MapApi(rules, options);
        app.MapPreview(rules, options);

        // The rulebook (src/MineralRules.Rulebook, docs/rulebook.md) at "/", rebuilt from the rules being served.
        app.MapRulebook(rules, options);
        return app;
    }
}
