using MineralRules.Coverage;
using MineralRules.Reporting;

namespace MineralRules.Tooling;

/// <summary>
/// The clause coverage of a rule set (<c>mineralrules coverage</c>, docs/clauses.md): for every clause of the plan's
/// index, the rules citing it and the samples giving each outcome. A gap is a problem: a checkable clause without a
/// rule, an informational one without a note, a rule no sample violates, or a citation not in the plan.
/// </summary>
public sealed class RuleSetCoverage
{
    private readonly CoverageReport _report;

    private RuleSetCoverage(CoverageReport report) => _report = report;

    /// <summary>The rule set reported on.</summary>
    public RuleSetInfo RuleSet => _report.RuleSet;

    /// <summary>How many samples were evaluated.</summary>
    public int SampleCount => _report.SampleCount;

    /// <summary>The gaps, one sentence each; empty when coverage is complete.</summary>
    public IReadOnlyList<string> Problems => [.. _report.Problems.Select(p => p.En)];

    /// <summary>The gaps in the reader's language (Chinese for a <c>zh</c> culture), one sentence each.</summary>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>The gaps; empty when coverage is complete.</returns>
    public IReadOnlyList<string> ProblemsIn(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return [.. _report.Problems.Select(p => p.In(culture))];
    }

    /// <summary>True when every checkable clause has rules and every rule has a sample that violates it.</summary>
    public bool Complete => _report.Complete;

    /// <summary>
    /// Loads rule sets for a coverage report: as <see cref="RuleSetCatalog.TryLoadFromFolder(string)"/> (or
    /// <see cref="RuleSetCatalog.TryLoadEmbedded"/> for null), except that a quote the plan's text does not hold is
    /// not a load error: the report lists it as a gap.
    /// </summary>
    /// <param name="folder">A folder of rule sets, or null for the embedded rules.</param>
    /// <returns>The catalog, or every diagnostic.</returns>
    public static RuleSetLoadResult Load(string? folder) => RuleSetCatalog.LoadForCoverage(folder);

    /// <summary>Evaluates every sample against the rule set and works out the coverage of each clause.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="samples">The sample applications.</param>
    /// <returns>The coverage.</returns>
    public static RuleSetCoverage Analyze(CompiledRuleSet ruleSet, IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(samples);
        return new(CoverageAnalyzer.Analyze(ruleSet, [.. samples.Select(s => (s.Source, s.Application))]));
    }

    /// <summary>Writes the report for people at a terminal.</summary>
    /// <param name="output">Where it goes; not closed.</param>
    /// <param name="culture">The culture of the reader: Chinese for a <c>zh</c> culture; English when null or any other.</param>
    public void WriteText(TextWriter output, System.Globalization.CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        culture ??= System.Globalization.CultureInfo.InvariantCulture;
        CoverageReporter.WriteText(output, _report, culture);
    }

    /// <summary>Writes the report as Markdown (docs/clauses.md).</summary>
    /// <param name="output">Where it goes; not closed.</param>
    /// <param name="culture">The culture of the reader: Chinese for a <c>zh</c> culture; English when null or any other.</param>
    public void WriteMarkdown(TextWriter output, System.Globalization.CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        culture ??= System.Globalization.CultureInfo.InvariantCulture;
        CoverageReporter.WriteMarkdown(output, _report, culture);
    }

    /// <summary>Writes the report as JSON, for machines.</summary>
    /// <param name="output">Where it goes; not closed.</param>
    public void WriteJson(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        CoverageReporter.WriteJson(output, _report);
    }
}
