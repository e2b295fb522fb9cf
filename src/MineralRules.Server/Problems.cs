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

    public const string AmbiguousVersion = "urn:mineralrules:problem:ambiguous-version";

    /// <summary>400: the application could not be read, validated or matched with a rule set.</summary>
    public static IResult Invalid(IReadOnlyList<Diagnostic> diagnostics, CultureInfo culture, string? detail = null)
    {
        var text = ServerText.For(culture);
        return Results.Problem(
            detail: detail ?? ServerText.Format(text.InvalidDetail, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)),
            statusCode: StatusCodes.Status400BadRequest,
            title: text.InvalidTitle,
            type: InvalidApplication,
            extensions: new Dictionary<string, object?> { ["diagnostics"] = diagnostics.Select(d => Describe(d, culture)).ToList() });
    }

    /// <summary>400: <c>?version=</c> alone names a version that more than one rule set has.</summary>
    public static IResult Ambiguous(string version, IReadOnlyList<string> ids, CultureInfo culture)
    {
        var text = ServerText.For(culture);
        return Results.Problem(
            detail: ServerText.Format(text.AmbiguousDetail, version, string.Join(", ", ids)),
            statusCode: StatusCodes.Status400BadRequest,
            title: text.AmbiguousTitle,
            type: AmbiguousVersion,
            extensions: new Dictionary<string, object?> { ["ruleSets"] = ids });
    }

    /// <summary>413: the body is larger than the limit (<paramref name="detail"/> says of what, with the limit).</summary>
    public static IResult Large(long limit, string detail, CultureInfo culture) =>
        Results.Problem(
            detail: ServerText.Format(detail, limit),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: ServerText.For(culture).TooLargeTitle,
            type: TooLarge,
            extensions: new Dictionary<string, object?> { ["limit"] = limit });

    /// <summary>415: neither JSON nor YAML.</summary>
    public static IResult Unsupported(string? contentType, string accepted, CultureInfo culture)
    {
        var text = ServerText.For(culture);
        return Results.Problem(
            detail: ServerText.Format(text.UnsupportedDetail, contentType ?? text.NoContentType, accepted),
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: text.UnsupportedTitle,
            type: UnsupportedMediaType);
    }

    /// <summary>404 for a resource the path names but that does not exist.</summary>
    public static IResult Missing(string detail, CultureInfo culture) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: ServerText.For(culture).NotFoundTitle, type: NotFound);

    /// <summary>
    /// The web host's own problems (an unknown path, a wrong method, a bad request, a body over Kestrel's limit, a
    /// 500, the request timeout's 503), worded from the tables in the request's language; the server's own problems
    /// (<c>urn:mineralrules:problem:*</c>) keep their words.
    /// </summary>
    public static void Word(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type?.StartsWith("urn:mineralrules:", StringComparison.Ordinal) == true)
        {
            return;
        }

        var text = ServerText.For(Languages.Of(context.HttpContext.Request, Languages.English));
        (string Title, string Detail)? words = problem.Status switch
        {
            StatusCodes.Status400BadRequest => (text.BadRequestTitle, text.BadRequestDetail),
            StatusCodes.Status404NotFound => (text.NotFoundTitle, text.NotFoundDetail),
            StatusCodes.Status405MethodNotAllowed => (text.MethodNotAllowedTitle, text.MethodNotAllowedDetail),
            StatusCodes.Status413PayloadTooLarge => (text.TooLargeTitle, text.BodyTooLarge),
            StatusCodes.Status415UnsupportedMediaType => (text.UnsupportedTitle, ServerText.Format(text.UnsupportedDetail, context.HttpContext.Request.ContentType ?? text.NoContentType, text.SendJsonOrYaml)),
            StatusCodes.Status500InternalServerError => (text.ServerErrorTitle, text.ServerErrorDetail),
            StatusCodes.Status503ServiceUnavailable => (text.TimeoutTitle, text.TimeoutDetail),
            _ => null,
        };
        if (words is { } chosen)
        {
            (problem.Title, problem.Detail) = chosen;
        }
    }

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
