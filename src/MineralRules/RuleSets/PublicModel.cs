using System.Globalization;

namespace MineralRules;

/// <summary>A text in Chinese and English. Rule sets carry both; the reader's culture picks one.</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text.</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The Chinese text for a <c>zh</c> culture, the English text otherwise.</summary>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>The text in that language.</returns>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "zh" ? Zh : En;
    }
}

/// <summary>A clause of the plan, cited by its own numbering.</summary>
/// <param name="Ref">The reference, <c>chapter.section[.item]</c>, e.g. <c>5.2.1</c>.</param>
/// <param name="Text">The plan's own words, quoted verbatim.</param>
/// <param name="En">A short English rendering.</param>
public sealed record ClauseReference(string Ref, string Text, string En);

/// <summary>The document a rule set encodes.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="Number">Its document number, e.g. 内政发〔2022〕24号.</param>
/// <param name="Issued">The date it was issued.</param>
/// <param name="Published">The date it was published.</param>
/// <param name="PlanningPeriodFrom">First year of the planning period (metadata only).</param>
/// <param name="PlanningPeriodTo">Last year of the planning period (metadata only; it does not end the rule set).</param>
public sealed record SourceDocument(string Title, string Number, DateOnly Issued, DateOnly Published, int? PlanningPeriodFrom, int? PlanningPeriodTo);

/// <summary>What identifies a rule set and when it is in force (its manifest).</summary>
/// <param name="Id">The rule set's id, e.g. <c>nmg-mineral-plan-2021-2025</c>.</param>
/// <param name="Version">Its semantic version, e.g. <c>1.0.0</c>.</param>
/// <param name="Title">Its title in Chinese and English.</param>
/// <param name="Source">The document it encodes.</param>
/// <param name="EffectiveFrom">First day it is in force.</param>
/// <param name="EffectiveTo">Last day it is in force; null while no later version or successor supersedes it.</param>
public sealed record RuleSetInfo(string Id, string Version, LocalizedText Title, SourceDocument Source, DateOnly EffectiveFrom, DateOnly? EffectiveTo);
