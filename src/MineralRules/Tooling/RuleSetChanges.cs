using MineralRules.Reporting;
using MineralRules.Versioning;

namespace MineralRules.Tooling;

/// <summary>
/// What a new version of a rule set changes (<c>mineralrules diff</c>): the rules added, removed and changed
/// (thresholds, lists, scopes, outcomes, citations, messages), the mineral lists changed, and the samples whose
/// decision or failing/review clauses the new version moves. What a legal officer reads before releasing a version.
/// </summary>
public sealed class RuleSetChanges
{
    private readonly RuleSetDiffReport _report;

    private RuleSetChanges(RuleSetDiffReport report) => _report = report;

    /// <summary>The version compared from.</summary>
    public RuleSetInfo Old => _report.Old;

    /// <summary>The version compared to.</summary>
    public RuleSetInfo New => _report.New;

    /// <summary>True when any rule or mineral list differs.</summary>
    public bool HasRuleChanges => _report.HasRuleChanges;

    /// <summary>How many samples were evaluated under both versions: those dated within the new version's period (on or after its effective-from, up to its effective-to if any).</summary>
    public int SamplesCompared => _report.SamplesCompared;

    /// <summary>
    /// How many samples are dated outside the new version's period (before its effective-from, or after its
    /// effective-to if any): each is decided by the version in force on its date, under the new rules as under the
    /// old, so it does not change and is not evaluated.
    /// </summary>
    public int SamplesBeforeEffective => _report.SamplesBeforeEffective;

    /// <summary>How many of them get another decision or other failing or review clauses.</summary>
    public int SamplesChanged => _report.Samples.Count;

    /// <summary>
    /// Compares two compiled versions of a rule set, rule by rule and over the samples; a sample dated outside the new
    /// version's period does not change (<see cref="SamplesBeforeEffective"/>).
    /// </summary>
    /// <param name="older">The current version.</param>
    /// <param name="newer">The proposed version.</param>
    /// <param name="samples">Sample applications to evaluate under both; may be empty.</param>
    /// <returns>The changes.</returns>
    public static RuleSetChanges Compare(CompiledRuleSet older, CompiledRuleSet newer, IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(samples);
        return new(RuleSetDiff.Compare(older, newer, [.. samples.Select(s => (s.Source, s.Application))]));
    }

    /// <summary>Writes the changes for people at a terminal.</summary>
    /// <param name="output">Where they go; not closed.</param>
    /// <param name="culture">The culture of the reader: Chinese for a <c>zh</c> culture; English when null or any other.</param>
    public void WriteText(TextWriter output, System.Globalization.CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        culture ??= System.Globalization.CultureInfo.InvariantCulture;
        DiffReporter.Text(_report, output, culture);
    }

    /// <summary>Writes the changes as Markdown tables (a pull request, release notes).</summary>
    /// <param name="output">Where they go; not closed.</param>
    /// <param name="culture">The culture of the reader: Chinese for a <c>zh</c> culture; English when null or any other.</param>
    public void WriteMarkdown(TextWriter output, System.Globalization.CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        culture ??= System.Globalization.CultureInfo.InvariantCulture;
        DiffReporter.Markdown(_report, output, culture);
    }

    /// <summary>Writes the changes as JSON, for machines.</summary>
    /// <param name="output">Where they go; not closed.</param>
    public void WriteJson(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        DiffReporter.Json(_report, output);
    }
}
