using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MineralRules.Server;

/// <summary>The reader's language: <c>?lang=zh|en</c>, else the first language of <c>Accept-Language</c> that is zh or en.</summary>
internal static class Languages
{
    public static CultureInfo Chinese => MineralRules.Languages.Chinese;

    public static CultureInfo English => MineralRules.Languages.English;

    /// <summary>The culture of a request, or <paramref name="fallback"/> when it names neither language.</summary>
    public static CultureInfo Of(HttpRequest request, CultureInfo fallback)
    {
        if (request.Query.TryGetValue("lang", out var lang) && Named(lang.ToString()) is { } chosen)
        {
            return chosen;
        }

        foreach (var item in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            if (Named(item.Value.ToString()) is { } accepted)
            {
                return accepted;
            }
        }

        return fallback;
    }

    public static bool IsChinese(CultureInfo culture) => MineralRules.Languages.IsChinese(culture);

    private static CultureInfo? Named(string name) => MineralRules.Languages.Named(name);
}
