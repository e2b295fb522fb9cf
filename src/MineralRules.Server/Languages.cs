using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MineralRules.Server;

/// <summary>The reader's language: <c>?lang=zh|en</c>, else the first language of <c>Accept-Language</c> that is zh or en.</summary>
internal static class Languages
{
    public static readonly CultureInfo Chinese = Create("zh-CN", "zh");
    public static readonly CultureInfo English = Create("en", "en");

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

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    private static CultureInfo? Named(string name) =>
        name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : null;

    // In globalization-invariant mode no named culture exists: a culture with invariant formatting that still names
    // its language keeps the choice of language (all output is culture-invariant anyway).
    private static CultureInfo Create(string code, string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code);
        }
        catch (CultureNotFoundException)
        {
            return new LanguageOnlyCulture(code, language);
        }
    }

    private sealed class LanguageOnlyCulture(string name, string language) : CultureInfo(string.Empty)
    {
        public override string Name => name;

        public override string TwoLetterISOLanguageName => language;
    }
}
