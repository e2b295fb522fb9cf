using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;

namespace MineralRules.Server;

/// <summary>The HTTP API under <c>/api/v1</c> (docs/server.md): check, batch, rule sets, rules, status.</summary>
internal static class ApiEndpoints
{
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

        api.MapGet("/rule-sets/{id}/{version}/rules", (HttpContext context, string id, string version) =>
                rules.Host.Current.Find(version, id) is { } ruleSet
                    ? Results.Json(RulesInWords(ruleSet), RuleJson)
                    : Missing(context, id, version))
            .WithName("rules")
            .WithSummary("Every rule of a rule set: id, clause, outcome, scope, thresholds, lists, basis, remedy, interpretation, and `inWords`: the same in plain words, Chinese and English (as the rulebook and `mineralrules explain` word it).")
            .Produces<IReadOnlyList<RuleSummary>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/status", (HttpContext context) => Results.Json(StatusBody.Of(rules, Languages.Of(context.Request, Languages.English)), RuleJson))
            .WithName("status")
            .WithSummary("The rules served, the last reload, and the errors of the watched folder when its latest edit did not load.")
            .Produces<StatusBody>();
    }

    private static IResult Missing(HttpContext context, string id, string version)
    {
        var culture = Languages.Of(context.Request, Languages.English);
        return Problems.Missing(ServerText.Format(ServerText.For(culture).NoRuleSet, id, version), culture);
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
        var text = ServerText.For(culture);
        if (Checking.FormatOf(request.ContentType) is not { } format)
        {
            return Problems.Unsupported(request.ContentType, text.SendJsonOrYaml, culture);
        }

        var body = await Checking.ReadBodyAsync(request.Body, request.ContentLength, options.MaxApplicationBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.Large(options.MaxApplicationBytes, text.ApplicationTooLarge, culture);
        }

        // One catalog for the request; a version that more than one rule set has is refused before anything is read.
        var catalog = rules.Host.Current;
        var choice = Checking.ChoiceOf(request);
        if (choice.AmbiguousIn(catalog) is { } ids)
        {
            return Problems.Ambiguous(choice.Version!, ids, culture);
        }

        // The body is read: from here on a client that went away (or the timeout) stops the work between its steps.
        if (Gone(context))
        {
            return Results.StatusCode(StatusCodes.Status499ClientClosedRequest);
        }

        var read = ApplicationReader.Read(body, format, options.MaxApplicationBytes);
        var source = request.Query.TryGetValue("source", out var named) && !string.IsNullOrEmpty(named) ? named.ToString() : null;
        var checkedApplication = Gone(context) ? null : Checking.Check(catalog, read, choice, rules.Records);
        if (checkedApplication is null || Gone(context))
        {
            return Results.StatusCode(StatusCodes.Status499ClientClosedRequest);
        }

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
        var text = ServerText.For(culture);
        var choice = Checking.ChoiceOf(request);

        // One catalog for the whole batch, so a reload in the middle never splits it between rule versions.
        var catalog = rules.Host.Current;
        if (choice.AmbiguousIn(catalog) is { } ids)
        {
            await Problems.Ambiguous(choice.Version!, ids, culture).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        List<BatchItem> reads;
        if (request.HasFormContentType)
        {
            if (request.ContentLength > options.MaxBatchBytes)
            {
                await Problems.Large(options.MaxBatchBytes, text.BatchTooLarge, culture).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            reads = [];
            if (await Checking.ReadFormAsync(context, options.MaxBatchBytes, options.MaxBatchBytes).ConfigureAwait(false) is not { } form)
            {
                await Problems.Large(options.MaxBatchBytes, text.BatchTooLarge, culture).ExecuteAsync(context).ConfigureAwait(false);
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
                await Problems.Large(options.MaxBatchBytes, text.BatchTooLarge, culture).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            if (BatchItems.Split(body, options.MaxApplicationBytes, options.MaxBatchApplications, context.RequestAborted, out var failure) is not { } items)
            {
                await Problems.Invalid(failure, culture, text.BatchNotArray).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            reads = items;
        }
        else
        {
            await Problems.Unsupported(request.ContentType, text.SendBatch, culture).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (reads.Count > options.MaxBatchApplications)
        {
            await Problems.Large(options.MaxBatchApplications, text.BatchTooMany, culture).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, ResultJson.WriterOptions);
        writer.WriteStartArray();
        foreach (var batchItem in reads)
        {
            context.RequestAborted.ThrowIfCancellationRequested();
            var (source, read, refusal) = (batchItem.Source, batchItem.Read, batchItem.Refusal);
            var item = read is null ? null : Checking.Check(catalog, read, choice, rules.Records);
            if (item?.Result is { } result)
            {
                ResultJson.Write(writer, result, source, culture, read: read);
            }
            else
            {
                ResultJson.WriteInvalid(writer, source, item is null ? [refusal!] : item.Errors, culture);
            }

            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// True when the request was cancelled because its client went away: the work stops quietly (499, nothing logged
    /// as an error). A request cut off by the per-request timeout throws instead, so the timeout answers its 503.
    /// </summary>
    private static bool Gone(HttpContext context)
    {
        if (!context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.ThrowIfCancellationRequested();
        return true;
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
/// <param name="Rules">Where the rules come from: the folder's own name (never its absolute path), or <c>embedded</c>.</param>
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
            rules.FolderName ?? "embedded",
            rules.Watching,
            state.Reloaded,
            [.. rules.Host.Current.RuleSets.Select(r => RuleSetBody.Of(r.Info))],
            new ReloadBody(state.At.ToString("O", CultureInfo.InvariantCulture), state.Reloaded, rules.Message(state, culture)),
            [.. rules.Errors.Select(d => Problems.Describe(rules.Shown(d), culture))],
            [.. state.Warnings.Select(d => Problems.Describe(rules.Shown(d), culture))]);
    }
}

/// <summary>The latest load or reload in <see cref="StatusBody"/>.</summary>
/// <param name="At">When (ISO 8601, UTC).</param>
/// <param name="Loaded">True when its rules are the ones served.</param>
/// <param name="Message">What happened.</param>
internal sealed record ReloadBody(string At, bool Loaded, string Message);
