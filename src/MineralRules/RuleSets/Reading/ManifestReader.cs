using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules.RuleSets.Reading;

/// <summary>
/// Reads a version's manifest (id, version, title, source document, dates, readings, supersedes). Its text errors are
/// manifest errors (<c>MR1002</c>), so it reads through a context of its own.
/// </summary>
internal sealed class ManifestReader(DiagnosticBag diagnostics)
{
    private readonly DiagnosticBag _diagnostics = diagnostics;
    private readonly ReadingContext _context = new(diagnostics, manifest: true);

    /// <summary>The last day a version of the plan's rules may be in force: the plan looks ahead to 2035 (《规划》…展望到2035年).</summary>
    public static readonly DateOnly LatestEffectiveDate = new(2035, 12, 31);

    /// <summary>The manifest, or null when it is not a mapping (reported).</summary>
    public ManifestReading? Read(DocumentNode root, string folder) =>
        Scalars.Mapping(root, _diagnostics, "the manifest") is { } mapping ? Read(mapping, folder) : null;

    private ManifestReading Read(MappingNode mapping, string folder)
    {
        var m = new MappingReader(mapping, _diagnostics);
        var id = _context.Text(m.Required("id", "the rule set's id, e.g. nmg-mineral-plan-2021-2025"), "'id'");
        var versionNode = m.Required("version", "the semantic version, e.g. 1.0.0");
        var version = _context.Text(versionNode, "'version'");
        var title = m.Required("title", "the title as { zh: ..., en: ... }") is { } t ? _context.ReadText(t, "'title'", null) : null;
        var sourceNode = m.Required("source", "the source document (title, number, issued, published)");
        var (source, plan) = sourceNode is null ? (null, null) : ReadSource(sourceNode);
        var fromNode = m.Required("effectiveFrom", "the first day the rule set is in force (YYYY-MM-DD)");
        var from = fromNode is null ? null : Scalars.Date(fromNode, _diagnostics, "'effectiveFrom'");
        var toNode = m.Optional("effectiveTo");
        var to = toNode is null ? null : Scalars.Date(toNode, _diagnostics, "'effectiveTo'");
        var supersedes = m.Optional("supersedes") is { } sup ? ReadSupersedes(sup) : null;
        var readings = ReadReadings(m.Optional("readings"), version, mapping.Location);
        m.Finish("the manifest");

        if (version is not null && !Identifiers.IsSemanticVersion(version))
        {
            _diagnostics.Add(versionNode!.Location, DiagnosticCodes.ManifestInvalid, $"'{version}' is not a semantic version; write MAJOR.MINOR.PATCH, e.g. 1.0.0.", $"'{version}' 不是语义化版本号；请写作 主版本.次版本.修订号，如 1.0.0。");
        }

        if (version is not null && RuleSource.FileName(folder) != version)
        {
            _diagnostics.Add(versionNode!.Location, DiagnosticCodes.ManifestInvalid, $"The manifest says version {version} but its folder is '{RuleSource.FileName(folder)}'; keep each version in rules/<id>/<version>/.", $"清单文件写的版本是 {version}，但所在文件夹是 '{RuleSource.FileName(folder)}'；每个版本应放在 rules/<id>/<version>/ 中。");
        }

        if (id is not null && !Identifiers.IsRuleSetId(id))
        {
            _diagnostics.Add(mapping.Location, DiagnosticCodes.ManifestInvalid, $"The id '{id}' must be lower-case words joined by '-', e.g. nmg-mineral-plan-2021-2025.", $"编号 '{id}' 必须是用 '-' 连接的小写单词，如 nmg-mineral-plan-2021-2025。");
        }

        if (from is not null && to is not null && to < from)
        {
            _diagnostics.Add(toNode!.Location, DiagnosticCodes.ManifestInvalid, $"'effectiveTo' ({to:yyyy-MM-dd}) is before 'effectiveFrom' ({from:yyyy-MM-dd}).", $"'effectiveTo'（{to:yyyy-MM-dd}）早于 'effectiveFrom'（{from:yyyy-MM-dd}）。");
        }

        foreach (var (date, node, key) in new[] { (from, fromNode, "effectiveFrom"), (to, toNode, "effectiveTo") })
        {
            if (date is null)
            {
                continue;
            }

            if (source is not null && date < source.Issued)
            {
                _diagnostics.Add(node!.Location, DiagnosticCodes.ManifestInvalid, $"'{key}' ({date:yyyy-MM-dd}) is before the plan was issued (source.issued: {source.Issued:yyyy-MM-dd}); a rule set cannot be in force before its plan. Check the year: write a date from {source.Issued:yyyy-MM-dd} to {LatestEffectiveDate:yyyy-MM-dd}.", $"'{key}'（{date:yyyy-MM-dd}）早于规划印发日期（source.issued：{source.Issued:yyyy-MM-dd}）；规则集不能在其规划印发之前生效。请检查年份：写 {source.Issued:yyyy-MM-dd} 至 {LatestEffectiveDate:yyyy-MM-dd} 之间的日期。");
            }
            else if (date > LatestEffectiveDate)
            {
                _diagnostics.Add(node!.Location, DiagnosticCodes.ManifestInvalid, $"'{key}' ({date:yyyy-MM-dd}) is after {LatestEffectiveDate:yyyy-MM-dd}, the end of the plan's outlook (展望到2035年); check the year (a typo such as 2202 for 2022 would leave no rule set in force).", $"'{key}'（{date:yyyy-MM-dd}）晚于规划展望期末 {LatestEffectiveDate:yyyy-MM-dd}（展望到2035年）；请检查年份（把 2022 误写成 2202 会导致没有规则集生效）。");
            }
        }

        var info = id is null || version is null || title is null || source is null || from is null || readings is null
            ? null
            : new RuleSetInfo(id, version, title, source, from.Value, to) { Readings = readings, Supersedes = supersedes };
        return new ManifestReading(info, plan, fromNode?.Location, toNode?.Location, readings ?? RuleSetReadings.Original);
    }

    /// <summary>The source document, and the path of the plan's text beside the manifest (<c>source.text</c>).</summary>
    private (SourceDocument? Source, Located<string>? Plan) ReadSource(DocumentNode node)
    {
        if (Scalars.Mapping(node, _diagnostics, "'source'") is not { } mapping)
        {
            return (null, null);
        }

        Located<string>? plan = null;

        var m = new MappingReader(mapping, _diagnostics);
        var title = _context.Text(m.Required("title", "the document's title"), "'source.title'");
        var number = _context.Text(m.Required("number", "the document number, e.g. 内政发〔2022〕24号"), "'source.number'");
        var issued = m.Required("issued", "the date of issue") is { } i ? Scalars.Date(i, _diagnostics, "'source.issued'") : null;
        var published = m.Required("published", "the date of publication") is { } p ? Scalars.Date(p, _diagnostics, "'source.published'") : null;
        int? periodFrom = null, periodTo = null;
        if (m.Optional("planningPeriod") is { } periodNode && Scalars.Mapping(periodNode, _diagnostics, "'source.planningPeriod' ({ from: 2021, to: 2025 })") is { } period)
        {
            var pm = new MappingReader(period, _diagnostics);
            periodFrom = pm.Required("from", "the first year") is { } f ? Scalars.Integer(f, _diagnostics, "'planningPeriod.from'") : null;
            periodTo = pm.Required("to", "the last year") is { } t ? Scalars.Integer(t, _diagnostics, "'planningPeriod.to'") : null;
            pm.Finish("'source.planningPeriod'");
        }

        // Quotes are always checked against the plan's own text: a rule set without it does not load.
        if (m.Required("text", "the plan's published text beside the manifest, e.g. `text: source/plan.zh.txt`; every quote and clause number is checked against it, and a rule set without its source text does not load") is { } textNode)
        {
            plan = _context.Text(textNode, "'source.text' (the plan's text, relative to the manifest)") is { } path ? new Located<string>(path, textNode.Location) : null;
        }

        m.Finish("'source'");
        return (title is null || number is null || issued is null || published is null
            ? null
            : new SourceDocument(title, number, issued.Value, published.Value, periodFrom, periodTo), plan);
    }

    /// <summary>The manifest's <c>readings</c>: absent means the version was released before readings were stated (1.0.0's).</summary>
    private RuleSetReadings? ReadReadings(DocumentNode? node, string? version, SourceLocation manifestLocation)
    {
        if (node is null)
        {
            if (version is not null && Major(version) >= 2)
            {
                _diagnostics.Add(manifestLocation, DiagnosticCodes.ManifestInvalid, "From version 2.0.0 on the manifest states the readings it relies on: readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required } (docs/rule-format.md, \"Readings\").", "自 2.0.0 版起，清单文件须写明所依据的解读：readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required }（见 docs/rule-format.md 的 \"Readings\"）。");
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
        if (_context.Text(node, what) is not { } word)
        {
            return null;
        }

        if (word == yes || word == no)
        {
            return word == yes;
        }

        _diagnostics.Add(node!.Location, DiagnosticCodes.UnknownValue, $"Unknown value '{word}' for {what}.{Suggestions.DidYouMean(word, [yes, no])} Allowed: {yes}, {no}.", $"{Wording.Before(Wording.Zh(what))}的值 '{word}' 无法识别。{Suggestions.DidYouMeanZh(word, [yes, no])}可用的值：{yes}, {no}。");
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
        var version = _context.Text(versionNode, "'supersedes.version'");
        var reason = m.Required("reason", "why, as { zh: ..., en: ... }") is { } r ? _context.ReadText(r, "'supersedes.reason'", null) : null;
        m.Finish("'supersedes'");
        if (version is not null && !Identifiers.IsSemanticVersion(version))
        {
            _diagnostics.Add(versionNode!.Location, DiagnosticCodes.ManifestInvalid, $"'{version}' is not a semantic version; write MAJOR.MINOR.PATCH, e.g. 1.0.0.", $"'{version}' 不是语义化版本号；请写作 主版本.次版本.修订号，如 1.0.0。");
            return null;
        }

        return version is null || reason is null ? null : new Supersession(version, reason);
    }

    private static int Major(string version) =>
        int.TryParse(version.AsSpan(0, Math.Max(0, version.IndexOf('.', StringComparison.Ordinal))), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : 0;
}

/// <summary>
/// A manifest as read: the version's info (null when something required is wrong), the plan's text beside it, where
/// its dates stand (the checks across versions point there) and the readings its rules are read with.
/// </summary>
internal sealed record ManifestReading(RuleSetInfo? Info, Located<string>? Plan, SourceLocation? EffectiveFrom, SourceLocation? EffectiveTo, RuleSetReadings Readings);
