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
    public static CheckedApplication Check(RuleSetCatalog catalog, ApplicationReadResult read, string? version)
    {
        if (read.Application is not { } application)
        {
            return new CheckedApplication(read, null, null, [.. read.Diagnostics]);
        }

        var ruleSet = catalog.Select(application.ApplicationDate, version, out _);
        if (ruleSet is null)
        {
            var location = read.Locate(version is null ? "applicationDate" : string.Empty);
            var why = catalog.WhyNone(application.ApplicationDate, version)!;
            return new CheckedApplication(read, null, null, [new Diagnostic(location, version is null ? "MR2002" : "MR2003", why.En) { MessageZh = why.Zh }]);
        }

        var attempt = ruleSet.TryEvaluate(application);
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

    /// <summary>The <c>version</c> query parameter, or null.</summary>
    public static string? VersionOf(HttpRequest request) =>
        request.Query.TryGetValue("version", out var version) && !string.IsNullOrWhiteSpace(version) ? version.ToString() : null;
}
