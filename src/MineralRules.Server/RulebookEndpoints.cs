using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MineralRules.Rulebook;
using MineralRules.Tooling;

namespace MineralRules.Server;

/// <summary>
/// The rulebook (docs/rulebook.md) at <c>/</c>: its pages, <c>/search?q=</c>. The site is built from the catalog being
/// served and rebuilt after a reload changes it, so with <c>--watch</c> the rulebook follows the edited rules.
/// </summary>
internal static class RulebookEndpoints
{
    public static void MapRulebook(this IEndpointRouteBuilder app, ServedRules rules, ServerOptions options)
    {
        var cache = new SiteCache(rules, options.SamplesFolder);
        app.MapGet("/search", (HttpContext context) => Page(cache.Site.Search(context.Request.Query["q"].ToString()))).ExcludeFromDescription();
        app.MapGet("/{**path}", (HttpContext context, string? path) => cache.Site.Find(path ?? string.Empty) is { } page
                ? Page(page)
                : Missing(context, path))
            .ExcludeFromDescription();
    }

    private static IResult Missing(HttpContext context, string? path)
    {
        var culture = Languages.Of(context.Request, Languages.English);
        return Problems.Missing(ServerText.Format(ServerText.For(culture).NoPage, path), culture);
    }

    private static IResult Page(RulebookPage page) => Results.Text(page.Content, page.ContentType);

    /// <summary>The site of the catalog served now, built on first use and again after a reload replaced the catalog.</summary>
    private sealed class SiteCache(ServedRules rules, string? samplesFolder)
    {
        private readonly Lock _building = new();
        private (RuleSetCatalog Catalog, RulebookSite Site)? _built;

        public RulebookSite Site
        {
            get
            {
                var catalog = rules.Host.Current;
                lock (_building)
                {
                    if (_built is not { } built || !ReferenceEquals(built.Catalog, catalog))
                    {
                        // The samples are read again with each build, so one added or deleted meanwhile shows after a reload.
                        _built = built = (catalog, RulebookSite.Build(catalog, Samples(samplesFolder)));
                    }

                    return built.Site;
                }
            }
        }

        // The valid sample applications below the folder, named by their paths relative to it.
        private static IReadOnlyList<Sample> Samples(string? folder)
        {
            if (folder is null || !Directory.Exists(folder))
            {
                return [];
            }

            var root = Path.GetFullPath(folder);
            return [.. ApplicationFiles.Find([root]).Files
                .Select(file => (Name: Path.GetRelativePath(root, file).Replace('\\', '/'), Read: ApplicationReader.ReadFile(file)))
                .Where(s => s.Read.Application is not null)
                .Select(s => new Sample(s.Name, s.Read.Application!))];
        }
    }
}
