using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;

namespace MineralRules.RuleSets;

/// <summary>
/// The parts of a rule set that explain verdicts rather than decide them: a rule's further citations
/// (<c>alsoCites</c>), legal bases (<c>basis</c>), <c>interpretation</c> and <c>remedy</c>; and the manifest's
/// <c>supersedes</c> and <c>readings</c>. Kept apart from the deciding parts of the reader.
/// </summary>
internal sealed partial class RuleSetReader
{
    /// <summary>The explanatory keys of one rule, as read.</summary>
    private sealed record Explanations(
        IReadOnlyList<ClauseReference> AlsoCites,
        IReadOnlyList<SourceLocation> AlsoCitesLocations,
        IReadOnlyList<LegalBasis> Basis,
        LocalizedText? Interpretation,
        LocalizedText? Remedy,
        (SourceLocation? Zh, SourceLocation? En) RemedyLocations,
        LocalizedText? RemedyWhenMet,
        (SourceLocation? Zh, SourceLocation? En) RemedyWhenMetLocations,
        SourceLocation? RemedyNode,
        SourceLocation? RemedyWhenMetNode);

    private Explanations ReadExplanations(MappingReader m, string? ruleId)
    {
        var alsoCites = new List<ClauseReference>();
        var alsoCitesLocations = new List<SourceLocation>();
        if (m.Optional("alsoCites") is { } citesNode && Scalars.Sequence(citesNode, _diagnostics, "'alsoCites' (a list of { ref, zh })", ruleId) is { } cites)
        {
            foreach (var item in cites)
            {
                if (ReadCitation(item, ruleId) is { } citation)
                {
                    alsoCites.Add(citation.Clause);
                    alsoCitesLocations.Add(citation.QuoteLocation);
                }
            }
        }

        var basis = new List<LegalBasis>();
        if (m.Optional("basis") is { } basisNode && Scalars.Sequence(basisNode, _diagnostics, "'basis' (a list of { title, number, article })", ruleId) is { } bases)
        {
            foreach (var item in bases)
            {
                if (ReadBasis(item, ruleId) is { } one)
                {
                    basis.Add(one);
                }
            }
        }

        var interpretation = m.Optional("interpretation") is { } i ? ReadText(i, "'interpretation'", ruleId) : null;
        _textLocations = default;
        var remedyNode = m.Optional("remedy");
        var remedy = remedyNode is null ? null : ReadText(remedyNode, "'remedy'", ruleId);
        var remedyLocations = _textLocations;
        _textLocations = default;
        var remedyWhenMetNode = m.Optional("remedyWhenMet");
        var remedyWhenMet = remedyWhenMetNode is null ? null : ReadText(remedyWhenMetNode, "'remedyWhenMet'", ruleId);
        var remedyWhenMetLocations = _textLocations;
        return new Explanations(alsoCites, alsoCitesLocations, basis, interpretation, remedy, remedyLocations, remedyWhenMet, remedyWhenMetLocations, remedyNode?.Location, remedyWhenMetNode?.Location);
    }

    private (ClauseReference Clause, SourceLocation QuoteLocation)? ReadCitation(DocumentNode node, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, "a citation ({ ref, zh })", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var refNode = m.Required("ref", "the plan's numbering, e.g. \"5.1.2\"");
        var reference = Text(refNode, "'alsoCites.ref'", ruleId);
        var zhNode = m.Required("zh", "the plan's own words, quoted verbatim");
        var zh = HumanText(zhNode, "'alsoCites.zh'", ruleId);
        var en = m.Optional("en") is { } enNode ? Text(enNode, "'alsoCites.en'", ruleId) : null;
        m.Finish("a citation in 'alsoCites'");
        if (reference is not null && !ClauseNumbers.IsReference(reference))
        {
            _diagnostics.Add(refNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{reference}' is not a clause reference; write chapter.section[.item] in quotes, e.g. \"5.1.2\".", ruleId);
            return null;
        }

        return reference is null || zh is null ? null : (new ClauseReference(reference, zh.Trim(), en?.Trim() ?? string.Empty), zhNode!.Location);
    }

    private LegalBasis? ReadBasis(DocumentNode node, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, "a legal basis ({ title, number, article })", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var titleNode = m.Required("title", "the instrument's title, e.g. 矿产资源开采登记管理办法");
        var title = Text(titleNode, "'basis.title'", ruleId);
        var number = m.Optional("number") is { } n ? Text(n, "'basis.number'", ruleId) : null;
        var article = m.Optional("article") is { } a ? Text(a, "'basis.article'", ruleId) : null;
        m.Finish("a legal basis in 'basis'");
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            _diagnostics.Add(titleNode!.Location, DiagnosticCodes.InvalidRule, "A legal basis needs its title, e.g. 矿产资源开采登记管理办法.", ruleId);
            return null;
        }

        return title is null ? null : new LegalBasis(title.Trim(), Blank(number), Blank(article));

        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>Checks the explanatory keys against the rule's kind and outcomes and the version's readings.</summary>
    private void CheckExplanations(Explanations explanations, RuleKind kind, Outcome whenMet, SourceLocation ruleLocation, string? ruleId)
    {
        if (kind == RuleKind.Note)
        {
            foreach (var (key, location) in new[] { ("remedy", explanations.RemedyNode), ("remedyWhenMet", explanations.RemedyWhenMetNode) })
            {
                if (location is not null)
                {
                    _diagnostics.Add(location, DiagnosticCodes.InvalidRule, $"A note has no '{key}': it never decides, so there is nothing to remedy. Remove '{key}' or make the rule a check.", ruleId);
                }
            }

            return;
        }

        if (explanations.RemedyWhenMetNode is { } extra && whenMet != Outcome.Review)
        {
            _diagnostics.Add(extra, DiagnosticCodes.InvalidRule, "'remedyWhenMet' goes with 'outcomeWhenMet: review'; remove it or add that outcome.", ruleId);
        }

        if (!_readings.RemediesRequired)
        {
            return;
        }

        if (explanations.Remedy is null && explanations.RemedyNode is null)
        {
            _diagnostics.Add(ruleLocation, DiagnosticCodes.MissingKey, "'remedy' { zh, en } is required on every check from rule set 2.0.0 on (the manifest's readings say remedies: required): say what the applicant or the authority does next, in the plan's terms where it gives them (docs/rule-format.md, \"Remedies\").", ruleId);
        }

        if (whenMet == Outcome.Review && explanations.RemedyWhenMet is null && explanations.RemedyWhenMetNode is null)
        {
            _diagnostics.Add(ruleLocation, DiagnosticCodes.MissingKey, "With 'outcomeWhenMet: review' the rule needs 'remedyWhenMet' { zh, en }: what the reviewer confirms.", ruleId);
        }
    }

    /// <summary>The manifest's <c>readings</c>: absent means the version was released before readings were stated (1.0.0's).</summary>
    private RuleSetReadings? ReadReadings(DocumentNode? node, string? version, SourceLocation manifestLocation)
    {
        if (node is null)
        {
            if (version is not null && Major(version) >= 2)
            {
                _diagnostics.Add(manifestLocation, DiagnosticCodes.ManifestInvalid, "From version 2.0.0 on the manifest states the readings it relies on: readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required } (docs/rule-format.md, \"Readings\").");
            }

            return RuleSetReadings.Original;
        }

        if (Scalars.Mapping(node, _diagnostics, "'readings' ({ absentZones, unknownScopeWhenMet, remedies })") is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics);
        var zones = Choice(m.Required("absentZones", "unknown (spatial rules give review) or none"), "'readings.absentZones'", "unknown", "none");
        var scope = Choice(m.Required("unknownScopeWhenMet", "pass (a met condition does not ask for scope facts) or review"), "'readings.unknownScopeWhenMet'", "pass", "review");
        var remedies = Choice(m.Required("remedies", "required or optional"), "'readings.remedies'", "required", "optional");
        m.Finish("'readings'");
        return zones is null || scope is null || remedies is null ? null : new RuleSetReadings(zones.Value, scope.Value, remedies.Value);
    }

    /// <summary>True for the first word, false for the second, null (reported) for anything else.</summary>
    private bool? Choice(DocumentNode? node, string what, string yes, string no)
    {
        if (Text(node, what) is not { } word)
        {
            return null;
        }

        if (word == yes || word == no)
        {
            return word == yes;
        }

        _diagnostics.Add(node!.Location, DiagnosticCodes.UnknownValue, $"Unknown value '{word}' for {what}.{Suggestions.DidYouMean(word, [yes, no])} Allowed: {yes}, {no}.");
        return null;
    }

    private Supersession? ReadSupersedes(DocumentNode node)
    {
        if (Scalars.Mapping(node, _diagnostics, "'supersedes' ({ version, reason: { zh, en } })") is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics);
        var versionNode = m.Required("version", "the version superseded, e.g. 1.0.0");
        var version = Text(versionNode, "'supersedes.version'");
        var reason = m.Required("reason", "why, as { zh: ..., en: ... }") is { } r ? ReadText(r, "'supersedes.reason'", null) : null;
        m.Finish("'supersedes'");
        if (version is not null && !SemVerPattern().IsMatch(version))
        {
            _diagnostics.Add(versionNode!.Location, DiagnosticCodes.ManifestInvalid, $"'{version}' is not a semantic version; write MAJOR.MINOR.PATCH, e.g. 1.0.0.");
            return null;
        }

        return version is null || reason is null ? null : new Supersession(version, reason);
    }

    private static int Major(string version) =>
        int.TryParse(version.AsSpan(0, Math.Max(0, version.IndexOf('.', StringComparison.Ordinal))), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : 0;

    private List<string> Counties(DocumentNode node, string? ruleId)
    {
        var result = new List<string>();
        if (Scalars.Sequence(node, _diagnostics, "'scope.counties'", ruleId) is not { } items)
        {
            return result;
        }

        foreach (var item in items)
        {
            if (Text(item, "a banner or county", ruleId) is not { } text)
            {
                continue;
            }

            var found = AdministrativeDivisions.Default.Find(text).Where(d => !d.IsLeague && d.Code != AdministrativeDivisions.RegionCode).ToList();
            if (found.Count == 1)
            {
                result.Add(found[0].Code);
            }
            else
            {
                _diagnostics.Add(item.Location, DiagnosticCodes.UnknownValue, found.Count > 1 ? $"'{text}' names more than one banner or county; give its GB/T 2260 code." : $"Unknown banner or county '{text}'; use its name (e.g. 准格尔旗) or GB/T 2260 code (e.g. 150622).", ruleId);
            }
        }

        return result;
    }
}
