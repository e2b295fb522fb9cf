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
        var samples = new Lazy<IReadOnlyList<string>>(() => Samples(options.SamplesFolder));

        app.MapGet("/preview", (HttpContext context) =>
        {
            var culture = Languages.Of(context.Request, Languages.Chinese);
            var (text, chosen) = (string.Empty, (string?)null);
            if (context.Request.Query.TryGetValue("sample", out var sample) && samples.Value.Contains(sample.ToString()))
            {
                // Only a name from the list is opened: the query never names a path of its own.
                chosen = sample.ToString();
                text = File.ReadAllText(Path.Combine(options.SamplesFolder!, chosen));
            }

            var html = new PreviewPage(culture).Render(rules, samples.Value, null, new PreviewPage.Content(text, null, null, chosen));
            return Results.Content(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapPost("/preview", async (HttpContext context, CancellationToken _) =>
        {
            var request = context.Request;
            var culture = Languages.Of(request, Languages.Chinese);
            var page = new PreviewPage(culture);
            if (!request.HasFormContentType)
            {
                return Page(page.Render(rules, samples.Value, null, new PreviewPage.Content(string.Empty, null, "Send the form (multipart/form-data or application/x-www-form-urlencoded).")), StatusCodes.Status415UnsupportedMediaType);
            }

            if (request.ContentLength > options.MaxApplicationBytes * 2)
            {
                return Page(page.Render(rules, samples.Value, null, new PreviewPage.Content(string.Empty, null, $"The form is larger than the limit of {options.MaxApplicationBytes} bytes per application.")), StatusCodes.Status413PayloadTooLarge);
            }

            // The form as the declared length above, a chunked one too; the pasted text's UTF-8 bytes are measured below.
            if (await Checking.ReadFormAsync(context, options.MaxApplicationBytes * 2, options.MaxApplicationBytes * 2).ConfigureAwait(false) is not { } form)
            {
                return TooLarge(page, rules, samples.Value, null, options.MaxApplicationBytes);
            }

            var version = form.TryGetValue("version", out var chosen) && !string.IsNullOrWhiteSpace(chosen) ? chosen.ToString() : null;
            string text;
            string name;
            if (form.Files.GetFile("file") is { Length: > 0 } file)
            {
                if (file.Length > options.MaxApplicationBytes)
                {
                    return TooLarge(page, rules, samples.Value, version, options.MaxApplicationBytes);
                }

                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                name = Path.GetFileName(file.FileName);
            }
            else
            {
                text = form.TryGetValue("application", out var pasted) ? pasted.ToString() : string.Empty;
                if (Encoding.UTF8.GetByteCount(text) > options.MaxApplicationBytes)
                {
                    return TooLarge(page, rules, samples.Value, version, options.MaxApplicationBytes);
                }

                name = ApplicationReader.SourceName(Checking.FormatOfText(text));
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return Page(page.Render(rules, samples.Value, version, new PreviewPage.Content(string.Empty, null, "Paste an application or choose a file. 请粘贴申请或选择文件。")), StatusCodes.Status400BadRequest);
            }

            // Pasted text is named <yaml> or <json> by its first character; an uploaded file by its name.
            var read = name.StartsWith('<') ? ApplicationReader.Read(text, Checking.FormatOfText(text)) : ApplicationReader.Read(text, name);
            var checkedApplication = Checking.Check(rules.Host.Current, read, version);
            return Page(page.Render(rules, samples.Value, version, new PreviewPage.Content(text, checkedApplication, null)), StatusCodes.Status200OK);
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    private static IResult TooLarge(PreviewPage page, ServedRules rules, IReadOnlyList<string> samples, string? version, long limit) =>
        Page(page.Render(rules, samples, version, new PreviewPage.Content(string.Empty, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The application is larger than the limit of {limit} bytes."))), StatusCodes.Status413PayloadTooLarge);

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
