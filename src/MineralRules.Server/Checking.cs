using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MineralRules.Server;

/// <summary>One application checked by the served rules: what was read, the rule set chosen, and its result or why none.</summary>
/// <param name="Read">The application as read (its lines locate facts and diagnostics).</param>
/// <param name="RuleSet">The rule set that decided, or null when there is no result.</param>
/// <param name="Result">The result, or null when the application is invalid or no rule set applies.</param>
/// <param name="Errors">Why there is no result (located diagnostics).</param>
internal sealed record CheckedApplication(ApplicationReadResult Read, CompiledRuleSet? RuleSet, EvaluationResult? Result, IReadOnlyList<Diagnostic> Errors);

/// <summary>Reading a request body and checking it: the path shared by the API and the preview.</summary>
internal static class Checking
{
    /// <summary>Checks a read application against a catalog: the version asked for, or the one in force on its date.</summary>
    public static CheckedApplication Check(RuleSetCatalog catalog, ApplicationReadResult read, RuleChoice choice, MineralRecords records)
    {
        if (read.Application is not { } application)
        {
            return new CheckedApplication(read, null, null, [.. read.Diagnostics]);
        }

        if (choice is { Version: { } version, RuleSet: { } id })
        {
            // Both named: that rule set's version, or why there is none (MR2003).
            if (catalog.Find(version, id) is not { } named)
            {
                var (zh, en) = (ServerText.Zh.NoRuleSet, ServerText.En.NoRuleSet);
                return new CheckedApplication(read, null, null, [new Diagnostic(read.Locate(string.Empty), "MR2003", ServerText.Format(en, id, version)) { MessageZh = ServerText.Format(zh, id, version) }]);
            }

            return Evaluate(read, named, application, records);
        }

        var ruleSet = catalog.Select(application.ApplicationDate, choice.Version, out _);
        if (ruleSet is null)
        {
            var location = read.Locate(choice.Version is null ? "applicationDate" : string.Empty);
            var why = catalog.WhyNone(application.ApplicationDate, choice.Version)!;
            return new CheckedApplication(read, null, null, [new Diagnostic(location, choice.Version is null ? "MR2002" : "MR2003", why.En) { MessageZh = why.Zh }]);
        }

        return Evaluate(read, ruleSet, application, records);
    }

    private static CheckedApplication Evaluate(ApplicationReadResult read, CompiledRuleSet ruleSet, Application application, MineralRecords records)
    {
        RecordFacts facts;
        try
        {
            // Gathered once for the application, before it is evaluated; a record that fails gives no verdict.
            // Without records GatherAsync answers RecordFacts.None at once; a GeoPackage register completes synchronously too.
            facts = records.GatherAsync(application).AsTask().GetAwaiter().GetResult();
        }
        catch (RecordsException e)
        {
            return new CheckedApplication(read, null, null, e.Diagnostics);
        }

        var attempt = ruleSet.TryEvaluate(application, facts);
        return attempt.Result is { } result
            ? new CheckedApplication(read, ruleSet, result, [])
            : new CheckedApplication(read, null, null, attempt.Diagnostics);
    }

    /// <summary>The document format a content type names (JSON or YAML), or null for any other.</summary>
    public static ApplicationFormat? FormatOf(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return null;
        }

        return type.ToUpperInvariant() switch
        {
            "APPLICATION/JSON" or "TEXT/JSON" => ApplicationFormat.Json,
            "APPLICATION/YAML" or "APPLICATION/X-YAML" or "TEXT/YAML" or "TEXT/X-YAML" => ApplicationFormat.Yaml,
            _ when type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) => ApplicationFormat.Json,
            _ when type.EndsWith("+yaml", StringComparison.OrdinalIgnoreCase) => ApplicationFormat.Yaml,
            _ => null,
        };
    }

    /// <summary>The format of an uploaded file by its name (<c>.json</c>, else YAML).</summary>
    public static ApplicationFormat FormatOfFile(string? fileName) =>
        fileName is not null && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ApplicationFormat.Json : ApplicationFormat.Yaml;

    /// <summary>The format of pasted text: JSON when it starts with <c>{</c>, else YAML.</summary>
    public static ApplicationFormat FormatOfText(string text) =>
        text.TrimStart().StartsWith('{') ? ApplicationFormat.Json : ApplicationFormat.Yaml;

    /// <summary>Reads a body of at most <paramref name="maxBytes"/> bytes; null when it is longer (nothing more is read).</summary>
    public static async Task<byte[]?> ReadBodyAsync(Stream body, long? contentLength, long maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(contentLength is { } length and > 0 ? (int)length : 16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Reads a form whose every value and file is at most <paramref name="maxPartBytes"/> bytes and whose body is at most
    /// <paramref name="maxBodyBytes"/> (a chunked body too); null when either is exceeded.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext context, long maxPartBytes, long maxBodyBytes)
    {
        var part = (int)Math.Min(int.MaxValue, maxPartBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBodyBytes;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            ValueLengthLimit = part,
            MultipartBodyLengthLimit = maxPartBytes,
            BufferBodyLengthLimit = maxBodyBytes,
        }));
        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The <c>version</c> and <c>ruleSet</c> query parameters.</summary>
    public static RuleChoice ChoiceOf(HttpRequest request) => new(Query(request, "version"), Query(request, "ruleSet"));

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
}

/// <summary>
/// Which rule set checks: the one in force on the application's date (neither given), a version (<c>?version=</c>),
/// or a version of one rule set (<c>?version=</c> with <c>?ruleSet=&lt;id&gt;</c>). A version alone that more than one
/// rule set has is ambiguous: refused, never settled by picking one (docs/server.md).
/// </summary>
/// <param name="Version">The version asked for, or null.</param>
/// <param name="RuleSet">The rule set's id, or null; it matters only with a version.</param>
internal sealed record RuleChoice(string? Version, string? RuleSet)
{
    /// <summary>The ids of the rule sets that have the version, when a version alone names more than one; else null.</summary>
    public IReadOnlyList<string>? AmbiguousIn(RuleSetCatalog catalog)
    {
        if (Version is null || RuleSet is not null)
        {
            return null;
        }

        var ids = catalog.RuleSets.Where(r => r.Info.Version == Version).Select(r => r.Info.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return ids.Count > 1 ? ids : null;
    }

    /// <summary>
    /// A choice from the preview's version menu: <c>&lt;id&gt; &lt;version&gt;</c> (as its options are written), a
    /// version alone, or nothing (the one in force).
    /// </summary>
    public static RuleChoice FromMenu(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new RuleChoice(null, null);
        }

        var parts = value.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? new RuleChoice(parts[1], parts[0]) : new RuleChoice(parts[0], null);
    }
}
