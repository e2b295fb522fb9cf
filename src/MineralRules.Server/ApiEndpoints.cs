using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MineralRules.Server;

/// <summary>The HTTP API under <c>/api/v1</c> (docs/server.md): check, batch, rule sets, rules, status.</summary>
internal static class ApiEndpoints
{
    private const string JsonOrYaml = "application/json or application/yaml";

    private static readonly JsonSerializerOptions RuleJson = new(MineralRulesJson.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void MapApi(this IEndpointRouteBuilder app, ServedRules rules, ServerOptions options)
    {
        var api = app.MapGroup("/api/v1").WithTags("MineralRules");

        api.MapPost("/check", (HttpContext context, CancellationToken _) => CheckAsync(context, rules, options))
            .WithName("check")
            .WithSummary("Check one application (JSON or YAML by Content-Type) against the rule set in force on its date, or ?version=.")
            .WithDescription("Answers the result object of docs/results.md, as `mineralrules check --format json` writes it for one application. Messages follow Accept-Language (zh or en) or ?lang=. ?source= names the application in the result.")
            .Accepts<Application>("application/json", "application/yaml")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("/check/batch", (HttpContext context, CancellationToken _) => BatchAsync(context, rules, options))
            .WithName("checkBatch")
            .WithSummary("Check many applications: a JSON array of applications, or multipart/form-data files (.json, .yaml, .yml).")
            .WithDescription("Streams a JSON array with one result object per application, in order; an invalid one is `decision: \"invalid\"` with its diagnostics, as `mineralrules check --format json` writes.")
            .Accepts<Application[]>("application/json", "multipart/form-data")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/rule-sets", () => Results.Json(rules.Host.Current.RuleSets.Select(r => RuleSetBody.Of(r.Info)).ToList(), RuleJson))
            .WithName("ruleSets")
            .WithSummary("The rule sets served: id, version, effective range, digest, sealed.")
            .Produces<List<RuleSetBody>>();

        api.MapGet("/rule-sets/{id}/{version}/rules", (string id, string version) =>
                rules.Host.Current.Find(version, id) is { } ruleSet
                    ? Results.Json(RulesInWords(ruleSet), RuleJson)
                    : Problems.Missing($"No rule set {id} {version} is served; GET /api/v1/rule-sets lists them."))
            .WithName("rules")
            .WithSummary("Every rule of a rule set: id, clause, outcome, scope, thresholds, lists, basis, remedy, interpretation, and `inWords`: the same in plain words, Chinese and English (as the rulebook and `mineralrules explain` word it).")
            .Produces<IReadOnlyList<RuleSummary>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/status", (HttpContext context) => Results.Json(StatusBody.Of(rules, Languages.Of(context.Request, Languages.English)), RuleJson))
            .WithName("status")
            .WithSummary("The rules served, the last reload, and the errors of the watched folder when its latest edit did not load.")
            .Produces<StatusBody>();
    }

    /// <summary>Each rule's summary with its plain-words description beside it (<c>inWords</c>).</summary>
    private static System.Text.Json.Nodes.JsonArray RulesInWords(CompiledRuleSet ruleSet)
    {
        var words = ruleSet.Descriptions.ToDictionary(d => d.RuleId, StringComparer.Ordinal);
        var array = new System.Text.Json.Nodes.JsonArray();
        foreach (var rule in ruleSet.Rules)
        {
            var node = System.Text.Json.JsonSerializer.SerializeToNode(rule, RuleJson)!.AsObject();
            node["inWords"] = words.TryGetValue(rule.Id, out var description) ? System.Text.Json.JsonSerializer.SerializeToNode(description, RuleJson) : null;
            array.Add(node);
        }

        return array;
    }

    private static async Task<IResult> CheckAsync(HttpContext context, ServedRules rules, ServerOptions options)
    {
        var request = context.Request;
        var culture = Languages.Of(request, Languages.English);
        if (Checking.FormatOf(request.ContentType) is not { } format)
        {
            return Problems.Unsupported(request.ContentType, JsonOrYaml);
        }

        var body = await Checking.ReadBodyAsync(request.Body, request.ContentLength, options.MaxApplicationBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.Large(options.MaxApplicationBytes, "application");
        }

        var read = ApplicationReader.Read(body, format, options.MaxApplicationBytes);
        var source = request.Query.TryGetValue("source", out var named) && !string.IsNullOrEmpty(named) ? named.ToString() : null;
        var checkedApplication = Checking.Check(rules.Host.Current, read, Checking.VersionOf(request));
        if (checkedApplication.Result is not { } result)
        {
            return Problems.Invalid(checkedApplication.Errors, culture);
        }

        var includeNotApplicable = request.Query.TryGetValue("includeNotApplicable", out var all) && all == "true";
        return new JsonWriting(writer => ResultJson.Write(writer, result, source, culture, includeNotApplicable, read));
    }

    private static async Task BatchAsync(HttpContext context, ServedRules rules, ServerOptions options)
    {
        var request = context.Request;
        var culture = Languages.Of(request, Languages.English);
        var version = Checking.VersionOf(request);
        List<BatchItem> reads;
        if (request.HasFormContentType)
        {
            if (request.ContentLength > options.MaxBatchBytes)
            {
                await Problems.Large(options.MaxBatchBytes, "batch").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            reads = [];
            if (await Checking.ReadFormAsync(context, options.MaxBatchBytes, options.MaxBatchBytes).ConfigureAwait(false) is not { } form)
            {
                await Problems.Large(options.MaxBatchBytes, "batch").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            foreach (var file in form.Files)
            {
                if (file.Length > options.MaxApplicationBytes)
                {
                    reads.Add(new BatchItem(file.FileName, null, BatchItems.TooLarge(SourceLocation.File(file.FileName), options.MaxApplicationBytes)));
                    continue;
                }

                using var stream = file.OpenReadStream();
                var bytes = await Checking.ReadBodyAsync(stream, file.Length, options.MaxApplicationBytes, context.RequestAborted).ConfigureAwait(false);
                reads.Add(BatchItems.Read(bytes!, file.FileName, options.MaxApplicationBytes));
            }
        }
        else if (Checking.FormatOf(request.ContentType) == ApplicationFormat.Json)
        {
            var body = await Checking.ReadBodyAsync(request.Body, request.ContentLength, options.MaxBatchBytes, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                await Problems.Large(options.MaxBatchBytes, "batch").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            if (BatchItems.Split(body, options.MaxApplicationBytes, options.MaxBatchApplications, context.RequestAborted, out var failure) is not { } items)
            {
                await Problems.Invalid(failure, culture, "The batch must be a JSON array of application objects.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            reads = items;
        }
        else
        {
            await Problems.Unsupported(request.ContentType, "a JSON array (application/json) or multipart/form-data files").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (reads.Count > options.MaxBatchApplications)
        {
            await Problems.TooMany(options.MaxBatchApplications).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // One catalog for the whole batch, so a reload in the middle never splits it between rule versions.
        var catalog = rules.Host.Current;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, ResultJson.WriterOptions);
        writer.WriteStartArray();
        foreach (var batchItem in reads)
        {
            context.RequestAborted.ThrowIfCancellationRequested();
            var (source, read, refusal) = (batchItem.Source, batchItem.Read, batchItem.Refusal);
            var item = read is null ? null : Checking.Check(catalog, read, version);
            if (item?.Result is { } result)
            {
                ResultJson.Write(writer, result, source, culture, read: read);
            }
            else
            {
                ResultJson.WriteInvalid(writer, source, item is null ? [refusal!] : batchItem.Located(item.Errors), culture);
            }

            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes JSON straight to the response (no sync I/O): the result object as <see cref="ResultJson"/> writes it.</summary>
    private sealed class JsonWriting(Action<Utf8JsonWriter> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, ResultJson.WriterOptions);
            write(writer);
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}

/// <summary>A rule set as <c>GET /api/v1/rule-sets</c> lists it.</summary>
/// <param name="Id">The rule set's id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Title">Its title (zh, en).</param>
/// <param name="EffectiveFrom">The first day it is in force.</param>
/// <param name="EffectiveTo">The last day it is in force, absent while open-ended.</param>
/// <param name="Digest">The SHA-256 digest results carry.</param>
/// <param name="Sealed">True for a released (sealed) version, false for a draft.</param>
/// <param name="Rules">Where its rules are listed.</param>
internal sealed record RuleSetBody(string Id, string Version, LocalizedText Title, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Digest, bool Sealed, string Rules)
{
    public static RuleSetBody Of(RuleSetInfo info) => new(
        info.Id, info.Version, info.Title, info.EffectiveFrom, info.EffectiveTo, info.Digest, info.Sealed, $"/api/v1/rule-sets/{info.Id}/{info.Version}/rules");
}

/// <summary>What <c>GET /api/v1/status</c> answers.</summary>
/// <param name="Rules">Where the rules come from: a folder, or <c>embedded</c>.</param>
/// <param name="Watching">True while the folder is watched for edits.</param>
/// <param name="Healthy">False when the latest edit of the folder did not load (the last good rules are served).</param>
/// <param name="Serving">The rule sets served.</param>
/// <param name="LastReload">The latest load or reload.</param>
/// <param name="Errors">The diagnostics of the latest edit that did not load, each with its file and line.</param>
/// <param name="Warnings">Lint's warnings of the files last read, each with its file and line.</param>
internal sealed record StatusBody(string Rules, bool Watching, bool Healthy, IReadOnlyList<RuleSetBody> Serving, ReloadBody LastReload, IReadOnlyList<DiagnosticBody> Errors, IReadOnlyList<DiagnosticBody> Warnings)
{
    public static StatusBody Of(ServedRules rules, CultureInfo culture)
    {
        var state = rules.State;
        return new StatusBody(
            rules.Folder ?? "embedded",
            rules.Watching,
            state.Reloaded,
            [.. rules.Host.Current.RuleSets.Select(r => RuleSetBody.Of(r.Info))],
            new ReloadBody(state.At.ToString("O", CultureInfo.InvariantCulture), state.Reloaded, state.Message),
            [.. rules.Errors.Select(d => Problems.Describe(d, culture))],
            [.. state.Warnings.Select(d => Problems.Describe(d, culture))]);
    }
}

/// <summary>The latest load or reload in <see cref="StatusBody"/>.</summary>
/// <param name="At">When (ISO 8601, UTC).</param>
/// <param name="Loaded">True when its rules are the ones served.</param>
/// <param name="Message">What happened.</param>
internal sealed record ReloadBody(string At, bool Loaded, string Message);
