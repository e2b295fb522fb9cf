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
    private readonly object? _context; // what the deferred text is formatted for; kept, so that a racing reader finds it

    /// <summary>A text formatted on first read, by <paramref name="deferred"/> for <paramref name="context"/>.</summary>
    internal LocalizedText(IDeferredText deferred, object? context = null)
        : this(string.Empty, string.Empty)
    {
        _deferred = deferred;
        _context = context;
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
            (_zh, _en) = deferred.Format(_context);
            Volatile.Write(ref _deferred, null);
        }
    }
}

/// <summary>A text formatted on first use.</summary>
internal interface IDeferredText
{
    /// <summary>Formats the text, both languages.</summary>
    /// <param name="context">What the text was deferred with (null unless the text's creator gave one).</param>
    /// <returns>The Chinese and the English text.</returns>
    (string Zh, string En) Format(object? context);
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
public sealed record RuleSetInfo(string Id, string Version, LocalizedText Title, SourceDocument Source, DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    /// <summary>
    /// <c>sha256:</c> and the hex SHA-256 over the version's own files (never a seal file beside them), in a stable
    /// order: for each file by its path relative to the version folder (ordinal), the path, a line feed, the UTF-8
    /// byte count, a line feed, and the text as UTF-8. With the version and the application it lets anyone reproduce a
    /// decision. Empty for a rule set not read from files.
    /// </summary>
    public string Digest { get; init; } = string.Empty;

    /// <summary>
    /// The folder its manifest was read from: below the folder loaded (separated by <c>/</c>), or <c>rules/&lt;id&gt;/&lt;version&gt;</c>
    /// for the embedded rules. Empty for a rule set not read from files.
    /// </summary>
    public string Folder { get; init; } = string.Empty;

    /// <summary>The engine readings this version relies on (<c>readings</c> in its manifest; 1.0.0's when absent).</summary>
    public RuleSetReadings Readings { get; init; } = RuleSetReadings.Original;

    /// <summary>The version this one supersedes and why, when its manifest says so.</summary>
    public Supersession? Supersedes { get; init; }

    /// <summary>
    /// True for a released version: a <c>seal.yaml</c> lists its files and they match. False for a draft, which loads
    /// only from a folder, never from the embedded rules.
    /// </summary>
    public bool Sealed { get; init; }
}

/// <summary>
/// How the engine reads what a rule set leaves unsaid. A released version keeps the meaning it was released with:
/// a version states the readings it relies on (manifest key <c>readings</c>); one that states none (1.0.0) is read as
/// it was released (<see cref="Original"/>).
/// </summary>
/// <param name="AbsentZonesUnknown">An absent <c>location.zones</c> is unknown (spatial rules give review); false: it reads as none.</param>
/// <param name="UnknownScopeWhenMetPasses">A rule whose condition already holds passes without asking for its scope facts; false: it gives review.</param>
/// <param name="RemediesRequired">Every deciding rule carries a remedy, and missing facts get the standard one; false: verdicts carry none.</param>
public sealed record RuleSetReadings(bool AbsentZonesUnknown, bool UnknownScopeWhenMetPasses, bool RemediesRequired)
{
    /// <summary>Rule set 1.0.0's readings: absent zones are none, unknown scope facts are asked for, no remedies.</summary>
    public static RuleSetReadings Original { get; } = new(false, false, false);

    /// <summary>The readings rule set 2.0.0 relies on (docs/rule-format.md, "Readings").</summary>
    public static RuleSetReadings SecondEdition { get; } = new(true, true, true);

    /// <summary>
    /// Whether verdicts get the engine's wording as corrected since 1.0.0 (Chinese names of facts, the explaining part
    /// of an <c>any</c>): versions released with remedies (2.0.0 on) do; a version released without (1.0.0) keeps the
    /// texts it was released with, byte for byte (Version1ReproductionTests). The one place this is decided.
    /// </summary>
    internal bool CorrectedWording => RemediesRequired;
}

/// <summary>A version's statement that it supersedes an earlier one.</summary>
/// <param name="Version">The version superseded, e.g. <c>1.0.0</c>.</param>
/// <param name="Reason">Why, in Chinese and English.</param>
public sealed record Supersession(string Version, LocalizedText Reason);

/// <summary>A national instrument a rule relies on besides the plan (its legal basis).</summary>
/// <param name="Title">The instrument's title, e.g. 关于加强生态保护红线管理的通知（试行）.</param>
/// <param name="Number">Its document number, e.g. 自然资发〔2022〕142号; null when it has none.</param>
/// <param name="Article">The article or part relied on, e.g. 第七条; null for the whole instrument.</param>
public sealed record LegalBasis(string Title, string? Number, string? Article);

/// <summary>One fact a verdict was decided on: what the application (or a record) gave, and what the rule required.</summary>
/// <param name="Field">The field path, e.g. <c>capacity</c>.</param>
/// <param name="Value">The value as written (codes, ISO dates, numbers with their unit); null when the fact is missing.</param>
/// <param name="Required">What the rule required of it, e.g. <c>≥ 300万吨/年</c>, or <c>present</c> for a missing fact.</param>
/// <param name="Source"><c>application</c>, or the name of the record that supplied the value.</param>
public sealed record Fact(string Field, string? Value, string Required, string Source)
{
    /// <summary>What the record says of the item it names (a zone feature's name; a right's holder, kind and validity); null for the application's facts.</summary>
    public string? Detail { get; init; }

    /// <summary>For a zone feature or a right found by geometry: how much of the site it overlaps, in hectares.</summary>
    public decimal? OverlapHectares { get; init; }

    /// <summary>For a zone feature: the overlap as a share of the site's area, 0..1.</summary>
    public decimal? ShareOfSite { get; init; }
}
