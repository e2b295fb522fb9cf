using System.Globalization;

namespace MineralRules;

/// <summary>A text in Chinese and English. Rule sets carry both; the reader's culture picks one.</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text.</param>
public sealed record LocalizedText(string Zh, string En)
{
    // A message filled with an application's values is formatted when first read, not on every evaluation (as
    // Roslyn formats a diagnostic's message): a permitting system that only needs the decision never pays for it,
    // and one that shows the message gets the same text. Applications are immutable, so the text cannot change
    // between evaluation and reading.
    private string _zh = Zh;
    private string _en = En;
    private IDeferredText? _deferred;

    /// <summary>A text formatted on first read.</summary>
    internal LocalizedText(IDeferredText deferred)
        : this(string.Empty, string.Empty)
    {
        _deferred = deferred;
    }

    /// <summary>The Chinese text.</summary>
    public string Zh
    {
        get
        {
            Resolve();
            return _zh;
        }

        init
        {
            Resolve(); // a `with` on a text not yet formatted: format the other language first
            _zh = value;
        }
    }

    /// <summary>The English text.</summary>
    public string En
    {
        get
        {
            Resolve();
            return _en;
        }

        init
        {
            Resolve();
            _en = value;
        }
    }

    /// <summary>Equal when both languages read the same.</summary>
    /// <param name="other">Another text.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LocalizedText? other) => ReferenceEquals(this, other) || (other is not null && Zh == other.Zh && En == other.En);

    /// <summary>A hash of both languages.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Zh, En);

    /// <summary>The Chinese text for a <c>zh</c> culture, the English text otherwise.</summary>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>The text in that language.</returns>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "zh" ? Zh : En;
    }

    private void Resolve()
    {
        if (Volatile.Read(ref _deferred) is { } deferred)
        {
            // Two threads may format at once: both get equal text, either may be kept.
            var text = deferred.Format();
            _zh = text.Zh;
            _en = text.En;
            Volatile.Write(ref _deferred, null);
        }
    }
}

/// <summary>A text formatted on first use.</summary>
internal interface IDeferredText
{
    /// <summary>Formats the text.</summary>
    LocalizedText Format();
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
