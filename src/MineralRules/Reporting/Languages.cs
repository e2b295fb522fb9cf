using System.Globalization;

namespace MineralRules;

/// <summary>
/// The two languages of every text the library writes, as cultures for <see cref="LocalizedText.In"/>,
/// <see cref="Diagnostic.Format"/> and the reporters. In globalization-invariant mode
/// (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, common in small containers) no named culture exists: a culture with
/// invariant formatting that still names its language stands in, so Chinese is still chosen (all numbers and dates
/// are formatted culture-invariantly anyway). The one place hosts, the tool and the server get them.
/// </summary>
public static class Languages
{
    /// <summary>Simplified Chinese (<c>zh-CN</c>).</summary>
    public static CultureInfo Chinese { get; } = Create("zh-CN", "zh");

    /// <summary>English (<c>en</c>).</summary>
    public static CultureInfo English { get; } = Create("en", "en");

    /// <summary>Whether a culture reads Chinese (its language is <c>zh</c>, e.g. zh-CN, zh-Hans).</summary>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>True for Chinese.</returns>
    public static bool IsChinese(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "zh";
    }

    /// <summary>The language a name such as <c>zh</c>, <c>zh-CN</c>, <c>en-US</c> chooses, or null for any other.</summary>
    /// <param name="name">A language or culture name.</param>
    /// <returns><see cref="Chinese"/>, <see cref="English"/> or null.</returns>
    public static CultureInfo? Named(string? name) =>
        name is null ? null
        : name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : null;

    private static CultureInfo Create(string name, string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return new LanguageOnlyCulture(name, language);
        }
    }

    /// <summary>A language without a culture's data: invariant formatting, the language's name.</summary>
    private sealed class LanguageOnlyCulture(string name, string language) : CultureInfo(string.Empty)
    {
        public override string Name => name;

        public override string TwoLetterISOLanguageName => language;
    }
}
