using System.Globalization;

namespace MineralRules.Rulebook;

/// <summary>
/// The two languages of the rulebook as cultures for <see cref="LocalizedText.In"/> and
/// <see cref="RuleDescription.Lines"/>. In globalization-invariant mode no named culture exists; a culture that only
/// names its language stands in (all formatting is culture-invariant anyway).
/// </summary>
internal static class Languages
{
    public static CultureInfo Chinese { get; } = Create("zh-CN", "zh");

    public static CultureInfo English { get; } = Create("en", "en");

    private static CultureInfo Create(string name, string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return new LanguageOnly(name, language);
        }
    }

    private sealed class LanguageOnly(string name, string language) : CultureInfo(string.Empty)
    {
        public override string Name => name;

        public override string TwoLetterISOLanguageName => language;
    }
}
