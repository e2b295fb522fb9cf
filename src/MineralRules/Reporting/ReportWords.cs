using System.Globalization;
using MineralRules.Applications;

namespace MineralRules.Reporting;

/// <summary>
/// The words the reports for people share, in the reader's language: a <c>zh</c> culture reads Chinese (the plan's own
/// terms, from <see cref="ResultVocabularies"/>), any other English. Machine formats keep their codes and keys.
/// </summary>
internal static class ReportWords
{
    /// <summary>True when <paramref name="culture"/> reads Chinese.</summary>
    public static bool IsZh(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    /// <summary>A decision as a report shows it: 不符合规划 in Chinese, NON-COMPLIANT in English.</summary>
    public static string Decision(Decision decision, bool zh) =>
        zh ? ResultVocabularies.Decisions[decision].Zh : ResultVocabularies.Decisions.Label(decision);

    /// <summary>An outcome as a report shows it: 不通过 in Chinese, FAIL in English.</summary>
    public static string Outcome(Outcome outcome, bool zh) =>
        zh ? ResultVocabularies.Outcomes[outcome].Zh : ResultVocabularies.Outcomes.Label(outcome);

    /// <summary>The word before a remedy.</summary>
    public static string Remedy(bool zh) => zh ? "补正措施：" : "Remedy: ";

    /// <summary>Pads to a width counting a CJK character as two columns, so Chinese labels line up in a terminal.</summary>
    public static string Pad(string text, int width)
    {
        var columns = text.Sum(c => c >= '\u2E80' ? 2 : 1);
        return columns >= width ? text : text + new string(' ', width - columns);
    }
}
