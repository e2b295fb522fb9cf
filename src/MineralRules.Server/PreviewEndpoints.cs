using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MineralRules.Tooling;

namespace MineralRules.Server;

/// <summary>
/// <c>GET /preview</c> shows the form (and loads a sample with <c>?sample=</c>); <c>POST /preview</c> checks what was
/// pasted or uploaded — a plain HTML form, no script — and shows the result under the form.
/// </summary>
internal static class PreviewEndpoints
{
    public static void MapPreview(this IEndpointRouteBuilder app, ServedRules rules, ServerOptions options)
    {
        // The sample list is read on every request: a sample added while serving shows, one deleted is not offered.
        app.MapGet("/preview", (HttpContext context) =>
        {
            var culture = Languages.Of(context.Request, Languages.Chinese);
            var samples = Samples(options.SamplesFolder);
            var page = new PreviewPage(culture);
            if (context.Request.Query.TryGetValue("sample", out var sample) && !string.IsNullOrEmpty(sample))
            {
                // Only a name from the list is opened: the query never names a path of its own. A sample listed but
                // gone before it is read (deleted meanwhile) is a 404 page, not an error.
                var chosen = sample.ToString();
                var text = samples.Contains(chosen) ? TryReadSample(options.SamplesFolder!, chosen) : null;
                return text is null
                    ? Page(page.Render(rules, samples, null, new PreviewPage.Content(string.Empty, null, ServerText.Format(ServerText.For(culture).PreviewNoSample, chosen))), StatusCodes.Status404NotFound)
                    : Page(page.Render(rules, samples, null, new PreviewPage.Content(text, null, null, chosen)), StatusCodes.Status200OK);
            }

            return Page(page.Render(rules, samples, null, new PreviewPage.Content(string.Empty, null, null)), StatusCodes.Status200OK);
        }).ExcludeFromDescription();

        app.MapPost("/preview", async (HttpContext context, CancellationToken _) =>
        {
            var request = context.Request;
            var culture = Languages.Of(request, Languages.Chinese);
            var text = ServerText.For(culture);
            var page = new PreviewPage(culture);
            var samples = Samples(options.SamplesFolder);
            if (!request.HasFormContentType)
            {
                return Page(page.Render(rules, samples, null, new PreviewPage.Content(string.Empty, null, text.PreviewSendForm)), StatusCodes.Status415UnsupportedMediaType);
            }

            if (request.ContentLength > options.MaxApplicationBytes * 2)
            {
                return Page(page.Render(rules, samples, null, new PreviewPage.Content(string.Empty, null, ServerText.Format(text.PreviewFormTooLarge, options.MaxApplicationBytes))), StatusCodes.Status413PayloadTooLarge);
            }

            // The form as the declared length above, a chunked one too; the pasted text's UTF-8 bytes are measured below.
            if (await Checking.ReadFormAsync(context, options.MaxApplicationBytes * 2, options.MaxApplicationBytes * 2).ConfigureAwait(false) is not { } form)
            {
                return TooLarge(page, rules, samples, null, options.MaxApplicationBytes);
            }

            var version = form.TryGetValue("version", out var chosen) && !string.IsNullOrWhiteSpace(chosen) ? chosen.ToString() : null;
            string shown;
            ApplicationReadResult read;
            if (form.Files.GetFile("file") is { Length: > 0 } file)
            {
                if (file.Length > options.MaxApplicationBytes)
                {
                    return TooLarge(page, rules, samples, version, options.MaxApplicationBytes);
                }

                // Strict UTF-8, as every reader of the library: a byte that is not UTF-8 is a located error, never U+FFFD.
                var name = Path.GetFileName(file.FileName);
                using var stream = file.OpenReadStream();
                var bytes = await Checking.ReadBodyAsync(stream, file.Length, options.MaxApplicationBytes, context.RequestAborted).ConfigureAwait(false);
                read = ApplicationReader.Read(bytes!, Checking.FormatOfFile(name), options.MaxApplicationBytes, new SourceLocation(name, 1, 1));
                shown = Encoding.UTF8.GetString(bytes!).TrimStart('\uFEFF'); // only to show it again in the text area
            }
            else
            {
                shown = form.TryGetValue("application", out var pasted) ? pasted.ToString() : string.Empty;
                if (Encoding.UTF8.GetByteCount(shown) > options.MaxApplicationBytes)
                {
                    return TooLarge(page, rules, samples, version, options.MaxApplicationBytes);
                }

                if (string.IsNullOrWhiteSpace(shown))
                {
                    return Page(page.Render(rules, samples, version, new PreviewPage.Content(string.Empty, null, text.PreviewEmpty)), StatusCodes.Status400BadRequest);
                }

                // Pasted text is named <yaml> or <json> by its first character.
                read = ApplicationReader.Read(shown, Checking.FormatOfText(shown));
            }

            var catalog = rules.Host.Current;
            var choice = RuleChoice.FromMenu(version);
            if (choice.AmbiguousIn(catalog) is { } ids)
            {
                var ambiguous = ServerText.Format(text.AmbiguousDetail, choice.Version, string.Join(", ", ids));
                return Page(page.Render(rules, samples, version, new PreviewPage.Content(shown, null, ambiguous)), StatusCodes.Status400BadRequest);
            }

            var checkedApplication = Checking.Check(catalog, read, choice, rules.Records);
            return Page(page.Render(rules, samples, version, new PreviewPage.Content(shown, checkedApplication, null)), StatusCodes.Status200OK);
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    private static IResult TooLarge(PreviewPage page, ServedRules rules, IReadOnlyList<string> samples, string? version, long limit) =>
        Page(page.Render(rules, samples, version, new PreviewPage.Content(string.Empty, null, ServerText.Format(ServerText.For(page.Culture).ApplicationTooLarge, limit))), StatusCodes.Status413PayloadTooLarge);

    // A listed sample's text, or null when it is gone (deleted, or unreadable) by the time it is read.
    private static string? TryReadSample(string folder, string name)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IResult Page(string html, int status) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    // The samples the preview offers, relative to the folder with '/' separators, in path order.
    private static IReadOnlyList<string> Samples(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        var root = Path.GetFullPath(folder);
        return [.. ApplicationFiles.Find([root]).Files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }
}
