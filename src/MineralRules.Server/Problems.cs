using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MineralRules.Server;

/// <summary>RFC 9457 problem details the API answers with; invalid input lists its located diagnostics.</summary>
internal static class Problems
{
    public const string InvalidApplication = "urn:mineralrules:problem:invalid-application";
    public const string TooLarge = "urn:mineralrules:problem:too-large";
    public const string UnsupportedMediaType = "urn:mineralrules:problem:unsupported-media-type";
    public const string NotFound = "urn:mineralrules:problem:not-found";

    /// <summary>400: the application could not be read, validated or matched with a rule set.</summary>
    public static IResult Invalid(IReadOnlyList<Diagnostic> diagnostics, CultureInfo culture, string? detail = null) =>
        Results.Problem(
            detail: detail ?? $"The application is invalid: {diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s).",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid application",
            type: InvalidApplication,
            extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics.Select(d => Describe(d, culture)).ToList() });

    /// <summary>413: the body is larger than the limit.</summary>
    public static IResult Large(long limit, string what) =>
        Results.Problem(
            detail: string.Create(CultureInfo.InvariantCulture, $"The {what} is larger than the limit of {limit} bytes."),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large",
            type: TooLarge,
            extensions: new Dictionary<string, object?> { ["limit"] = limit });

    /// <summary>413: a batch of more applications than the count limit (a count, not bytes).</summary>
    public static IResult TooMany(int limit) =>
        Results.Problem(
            detail: string.Create(CultureInfo.InvariantCulture, $"The batch has more than {limit} applications, the limit of one batch."),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large",
            type: TooLarge,
            extensions: new Dictionary<string, object?> { ["limit"] = limit });

    /// <summary>415: neither JSON nor YAML.</summary>
    public static IResult Unsupported(string? contentType, string accepted) =>
        Results.Problem(
            detail: $"The content type '{contentType ?? "(none)"}' is not accepted here; send {accepted}.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            type: UnsupportedMediaType);

    /// <summary>404 for a resource the path names but that does not exist.</summary>
    public static IResult Missing(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: NotFound);

    /// <summary>A diagnostic as the API writes it: where (path, line, column), code, severity, message in the reader's language, rule.</summary>
    public static DiagnosticBody Describe(Diagnostic diagnostic, CultureInfo culture) => new(
        diagnostic.Location.Path,
        diagnostic.Location.Line > 0 ? diagnostic.Location.Line : null,
        diagnostic.Location.Line > 0 ? diagnostic.Location.Column : null,
        diagnostic.Code,
        diagnostic.Severity == DiagnosticSeverity.Warning ? "warning" : "error",
        diagnostic.MessageIn(culture),
        diagnostic.RuleId,
        diagnostic.Format(culture));
}

/// <summary>A diagnostic in a response.</summary>
/// <param name="Path">The file or document (<c>&lt;yaml&gt;</c>, <c>&lt;json&gt;</c> for a request body).</param>
/// <param name="Line">1-based line, absent without a position.</param>
/// <param name="Column">1-based column, absent without a position.</param>
/// <param name="Code">The stable code (docs/diagnostics.md).</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Rule">The rule it belongs to, if any.</param>
/// <param name="Text">The one-line form <c>path:line:column: error CODE: message</c>.</param>
internal sealed record DiagnosticBody(string Path, int? Line, int? Column, string Code, string Severity, string Message, string? Rule, string Text);
