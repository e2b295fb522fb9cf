using System.Text.RegularExpressions;
using MineralRules.Applications;
using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;

namespace MineralRules.RuleSets;

/// <summary>
/// Reads one rule-set version (a manifest and its rule files) into a <see cref="RuleSetDefinition"/>. Every key is
/// known or reported; every list a rule names must exist. Semantic checks against the application's fields are
/// the validator's.
/// </summary>
internal sealed partial class RuleSetReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly ConditionReader _conditions;
    private (SourceLocation? Ref, SourceLocation? Quote) _clauseLocations;
    private (SourceLocation? Zh, SourceLocation? En) _textLocations;
    private (SourceLocation? From, SourceLocation? To) _effectiveLocations;
    private RuleSetReadings _readings = RuleSetReadings.Original;
    private bool _readingManifest;

    /// <summary>The last day a version of the plan's rules may be in force: the plan looks ahead to 2035 (《规划》…展望到2035年).</summary>
    internal static readonly DateOnly LatestEffectiveDate = new(2035, 12, 31);

    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="forms">The condition forms the rule files may use (<see cref="ConditionForms.Default"/> unless a test adds one).</param>
    public RuleSetReader(DiagnosticBag diagnostics, ConditionForms? forms = null)
    {
        _diagnostics = diagnostics;
        _conditions = new ConditionReader(diagnostics, forms ?? ConditionForms.Default, Text);
    }

    public RuleSetDefinition Read(string folder, RuleFile? manifestFile, IReadOnlyList<RuleFile> files)
    {
        if (manifestFile is null)
        {
            _diagnostics.Add(
                SourceLocation.File(folder),
                DiagnosticCodes.ManifestMissing,
                $"These rule files have no '{RuleSource.ManifestName}' in their folder or above; a rule-set version lives in rules/<id>/<version>/ beside its manifest.");
        }

        // Every document is parsed first, then the model is built from them: each stage's code is then compiled
        // once, in order (a cold load is mostly JIT compilation).
        var manifestErrors = _diagnostics.Count;
        var manifestRoot = manifestFile is null ? null : YamlDocumentReader.Read(manifestFile.Text, manifestFile.Path, _diagnostics);
        manifestErrors = _diagnostics.Count - manifestErrors;
        var documents = files.Where(f => RuleSource.IsYaml(f.Path)).Select(f => (File: f, Root: ReadYaml(f))).ToList();

        // A broken or missing manifest must not hide the rule files' own errors: they are read and validated
        // all the same, and the version is marked so that it is never compiled into a catalog.
        var errorsBefore = _diagnostics.Count;
        string? planPath = null;
        SourceLocation? planLocation = null;
        var info = manifestRoot is null ? null : ReadManifest(manifestRoot, manifestFile!.Path, folder, out planPath, out planLocation);
        var manifestValid = info is not null && manifestErrors == 0 && _diagnostics.Count == errorsBefore;
        PlanText? plan = null;
        if (planPath is not null)
        {
            var planFile = files.FirstOrDefault(f => f.Path == $"{folder}/{planPath}");
            if (planFile is null)
            {
                _diagnostics.Add(planLocation!, DiagnosticCodes.ManifestInvalid, $"The plan text '{planPath}' is not in {folder}/; keep a copy of the plan's text there so quotes and clause numbers can be checked.");
            }
            else
            {
                plan = PlanText.Parse(planFile.Text);
            }
        }

        var roots = documents
            .Where(x => x.Root is not null)
            .Select(x => (x.File, Root: Scalars.Mapping(x.Root!, _diagnostics, "a rule file (keys: title, mineralLists, rules)")))
            .Where(x => x.Root is not null)
            .Select(x => (x.File, Reader: new MappingReader(x.Root!, _diagnostics)))
            .ToList();

        // Lists first: rules in any file may name a list from any other.
        var lists = new List<MineralList>();
        foreach (var (_, reader) in roots)
        {
            if (reader.Optional("mineralLists") is { } listsNode)
            {
                lists.AddRange(ReadLists(listsNode));
            }
        }

        var listsById = new Dictionary<string, MineralList>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            if (!listsById.TryAdd(list.Id, list))
            {
                _diagnostics.Add(list.Location, DiagnosticCodes.DuplicateList, $"The mineral list '{list.Id}' is defined twice (first at {listsById[list.Id].Location}); each list lives in one place.");
            }
        }

        var reference = ReadReference(roots.Select(r => r.Reader).ToList());
        var index = new List<ClauseIndexEntry>();
        foreach (var (_, reader) in roots)
        {
            if (reader.Optional("clauseIndex") is { } indexNode)
            {
                index.AddRange(ReadClauseIndex(indexNode));
            }
        }

        var rules = new List<RuleDefinition>();
        foreach (var (file, reader) in roots)
        {
            if (reader.Optional("title") is { } title)
            {
                ReadText(title, "the file's title", null);
            }

            var rulesNode = reader.Optional("rules");
            if (rulesNode is null && reader.Has("rules"))
            {
                ReportNoRules(KeyLocation(reader, "rules"), file);
            }
            else if (rulesNode is not null && Scalars.Sequence(rulesNode, _diagnostics, "'rules'") is { } items)
            {
                if (items.Count == 0)
                {
                    ReportNoRules(rulesNode.Location, file);
                }

                foreach (var item in items)
                {
                    if (ReadRule(item, listsById) is { } rule)
                    {
                        rules.Add(rule);
                    }
                }
            }
            else if (rulesNode is null && !ContentKeys.Any(reader.Has))
            {
                // A file holding nothing but a title (every rule commented out) is a chapter that silently vanished.
                ReportNoRules(reader.Location with { Line = 1, Column = 1 }, file);
            }

            reader.Finish($"the rule file {RuleSource.FileName(file.Path)}");
        }

        var placeholder = new RuleSetInfo(RuleSource.FileName(RuleSource.Folder(folder)), RuleSource.FileName(folder), new LocalizedText(string.Empty, string.Empty), new SourceDocument(string.Empty, string.Empty, default, default, null, null), default, null);
        return new RuleSetDefinition(info ?? placeholder, manifestRoot?.Location ?? SourceLocation.File(folder), lists, rules, plan, reference, index)
        {
            ManifestValid = manifestValid,
            EffectiveFromLocation = _effectiveLocations.From,
            EffectiveToLocation = _effectiveLocations.To,
        };
    }

    /// <summary>What a row of the mine production scale table counts (<c>countedAs</c>); ore and raw-coal rows are compared with capacities.</summary>
    internal static readonly string[] CountedAsWords = ["ore", "raw-coal", "water", "gas", "crude-oil", "graphite", "asbestos"];

    /// <summary>What a row of the deposit scale table counts (<c>measure</c>), as the standard writes it.</summary>
    internal static readonly string[] MeasureWords = ["矿石", "原煤", "金属", "矿物", "氧化物", "独居石", "磷钇矿", "电(热)能", "CaF2", "Li2O", "LiCl", "Nb2O5", "TR2O3", "Ta2O5", "WO3"];

    /// <summary>How a reference row's figures were established (<c>status</c>).</summary>
    internal static readonly string[] RowStatusWords = ["sourced", "sourced-partial", "inferred", "memory", "not-found", "conflict", "superseded"];

    /// <summary>The units a reference table's figures may be in: the capacity and mass units, and the volume and energy units of 208号 and 133号.</summary>
    internal static readonly string[] ScaleUnits =
        [.. Units.UnitConversions.CapacitySymbols.Concat(Units.UnitConversions.MassSymbols).Concat(["万吨", "吨", "亿吨", "亿立方米/年", "亿立方米", "万立方米", "兆瓦"]).Distinct(StringComparer.Ordinal)];

    /// <summary>A figure of a reference table: a number held exactly and not negative.</summary>
    private decimal? Figure(DocumentNode node, string what)
    {
        if (Scalars.Decimal(node, _diagnostics, what) is not { } value)
        {
            return null;
        }

        if (RuleSetValidator.NumberProblem(((ScalarNode)node).Value, value) is { } problem)
        {
            _diagnostics.Add(node.Location, DiagnosticCodes.InvalidRule, $"The figure {what}: {problem}");
            return null;
        }

        return value;
    }

    /// <summary>A word from a closed list; any other word (a typo such as "raw coal") is refused with the words allowed.</summary>
    private string? Closed(DocumentNode? node, string what, IReadOnlyList<string> allowed, string? ruleId = null)
    {
        if (Text(node, what, ruleId) is not { } word)
        {
            return null;
        }

        if (allowed.Contains(word, StringComparer.Ordinal))
        {
            return word;
        }

        _diagnostics.Add(node!.Location, DiagnosticCodes.UnknownValue, $"Unknown value '{word}' for {what}.{Suggestions.DidYouMean(word, allowed)} Allowed: {string.Join(", ", allowed)}.", ruleId);
        return null;
    }

    /// <summary>The top-level keys that give a rule file something to hold; a file with none of them holds no rules.</summary>
    private static readonly string[] ContentKeys = ["rules", "mineralLists", "clauseIndex", "mineProductionScale", "depositScale", "divisions"];

    /// <summary>Where a key stands in a mapping (the caller knows it is there).</summary>
    private static SourceLocation KeyLocation(MappingReader reader, string key) =>
        reader.Node.Entries.First(e => e.Key.Value == key).Key.Location;

    private void ReportNoRules(SourceLocation location, RuleFile file) =>
        _diagnostics.Add(
            location,
            DiagnosticCodes.InvalidRule,
            $"The rule file {RuleSource.FileName(file.Path)} has no rules: 'rules:' is empty or every rule is commented out, and its chapter would silently stop being checked. Write its rules under 'rules:' as a list (\"- id: ...\"), or delete the file if the chapter is really withdrawn.");

    /// <summary>Reads a rule file; its syntax, tab and duplicate-key errors name the rule they stand in, where one is found.</summary>
    private DocumentNode? ReadYaml(RuleFile file)
    {
        var before = _diagnostics.Count;
        var root = YamlDocumentReader.Read(file.Text, file.Path, _diagnostics);
        if (_diagnostics.Count > before)
        {
            var lines = file.Text.Split('\n');
            _diagnostics.AttachRuleIds(before, line => RuleAtLine(lines, line));
        }

        return root;
    }

    /// <summary>The id of the rule (a "- id:" item below "rules:") whose text holds a 1-based line, or null.</summary>
    private static string? RuleAtLine(string[] lines, int line)
    {
        if (line < 1 || line > lines.Length || TopLevelKeyPattern().IsMatch(lines[line - 1]))
        {
            return null;
        }

        for (var i = line - 1; i >= 0; i--)
        {
            if (RuleItemPattern().Match(lines[i]) is { Success: true } item)
            {
                // Only an item of the rules list: "rules:" must stand above it with no other top-level key between.
                for (var j = i - 1; j >= 0; j--)
                {
                    if (TopLevelKeyPattern().Match(lines[j]) is { Success: true } key)
                    {
                        return key.Groups[1].Value == "rules" ? item.Groups[1].Value.Trim('"', '\'') : null;
                    }
                }

                return null;
            }

            if (TopLevelKeyPattern().IsMatch(lines[i]))
            {
                return null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*-\s+id:\s*([^\s#]+)", RegexOptions.CultureInvariant)]
    private static partial Regex RuleItemPattern();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*):", RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelKeyPattern();

    /// <summary>Reference tables may stand in any file of the version, each once.</summary>
    private ReferenceData ReadReference(IReadOnlyList<MappingReader> readers)
    {
        ScaleTable? mine = null, deposit = null;
        DivisionTable? divisions = null;
        foreach (var reader in readers)
        {
            if (reader.Optional("mineProductionScale") is { } m)
            {
                mine = Once(mine, ReadScaleTable(m, "mineProductionScale", withMethod: true), m);
            }

            if (reader.Optional("depositScale") is { } d)
            {
                deposit = Once(deposit, ReadScaleTable(d, "depositScale", withMethod: false), d);
            }

            if (reader.Optional("divisions") is { } v)
            {
                divisions = Once(divisions, ReadDivisions(v), v);
            }
        }

        return new ReferenceData(mine, deposit, divisions);
    }

    private IEnumerable<ClauseIndexEntry> ReadClauseIndex(DocumentNode node)
    {
        if (Scalars.Sequence(node, _diagnostics, "'clauseIndex'") is not { } items)
        {
            yield break;
        }

        foreach (var item in items)
        {
            if (Scalars.Mapping(item, _diagnostics, "a clause (ref, title, status, reason)") is not { } mapping)
            {
                continue;
            }

            var m = new MappingReader(mapping, _diagnostics);
            var refNode = m.Required("ref", "the plan's numbering, e.g. \"5.2.1\"");
            var reference = Text(refNode, "'ref'");
            var title = Text(m.Required("title", "the heading as the plan writes it"), "'title'");
            var statusNode = m.Required("status", "checkable, informational or not-checkable");
            var statusText = Text(statusNode, "'status'");
            var reason = m.Required("reason", "a one-line reason { zh, en }") is { } r ? ReadText(r, "'reason'", null) : null;
            m.Finish("a clause of the index");
            ClauseStatus? status = statusText switch
            {
                "checkable" => ClauseStatus.Checkable,
                "informational" => ClauseStatus.Informational,
                "not-checkable" => ClauseStatus.NotCheckable,
                null => null,
                _ => null,
            };
            if (statusText is not null && status is null)
            {
                _diagnostics.Add(statusNode!.Location, DiagnosticCodes.UnknownValue, $"Unknown status '{statusText}'.{Suggestions.DidYouMean(statusText, ["checkable", "informational", "not-checkable"])} Allowed: checkable, informational, not-checkable.");
            }

            if (reference is not null && !ClauseNumbers.IsReference(reference) && !ChapterPattern().IsMatch(reference))
            {
                _diagnostics.Add(refNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{reference}' is not a clause reference; write chapter[.section[.item]], e.g. \"5.2.1\".");
            }

            if (reference is not null && title is not null && status is not null && reason is not null)
            {
                yield return new ClauseIndexEntry(reference, title, status.Value, reason, refNode!.Location);
            }
        }
    }

    private T? Once<T>(T? existing, T? next, DocumentNode node)
        where T : class
    {
        if (existing is not null && next is not null)
        {
            _diagnostics.Add(node.Location, DiagnosticCodes.DuplicateList, "This reference table is already defined in another file of the rule set; keep one.");
        }

        return existing ?? next;
    }

    private ScaleTable? ReadScaleTable(DocumentNode node, string what, bool withMethod)
    {
        if (Scalars.Mapping(node, _diagnostics, $"'{what}' (document, rows)") is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics);
        var document = Text(m.Required("document", "the standard the table comes from"), "'document'");
        var rows = new List<ScaleRow>();
        if (m.Required("rows", "the table's rows") is { } rowsNode && Scalars.Sequence(rowsNode, _diagnostics, "'rows'") is { } items)
        {
            foreach (var item in items)
            {
                if (Scalars.Mapping(item, _diagnostics, "a table row") is not { } rowMap)
                {
                    continue;
                }

                var r = new MappingReader(rowMap, _diagnostics);
                var name = Text(r.Required("name", "the row's name as the standard writes it"), "'name'");
                var minerals = r.Required("minerals", "the contract's mineral codes the row covers ([] for none)") is { } mn ? Words(mn, Vocabularies.Minerals, "'minerals'", null) : [];
                MiningMethod? method = null;
                if (withMethod && r.Optional("miningMethod") is { } methodNode)
                {
                    method = Word(methodNode, Vocabularies.MiningMethods, "'miningMethod'", null);
                }

                var counted = withMethod
                    ? Closed(r.Required("countedAs", "what the figure counts: ore, raw-coal, ..."), "'countedAs'", CountedAsWords)
                    : Closed(r.Required("measure", "what the figure counts"), "'measure'", MeasureWords);
                var unit = Closed(r.Required("unit", "the unit of the figures"), "'unit'", ScaleUnits);
                var large = r.Optional("large") is { } l ? Figure(l, "'large'") : null;
                var medium = r.Optional("medium") is { } md ? Figure(md, "'medium'") : null;
                var minimum = withMethod && r.Optional("minimum") is { } mi ? Figure(mi, "'minimum'") : null;
                var verified = r.Required("verified", "true only where mineral and figures stand together in a cited source") is { } vn ? Scalars.Boolean(vn, _diagnostics, "'verified'") : null;
                var status = Closed(r.Required("status", "sourced, inferred, memory, not-found, ..."), "'status'", RowStatusWords);
                var source = Text(r.Required("source", "where the figures come from"), "'source'");
                r.Finish($"a row of '{what}'");
                if (verified is true && (large is null || medium is null || large <= medium))
                {
                    _diagnostics.Add(rowMap.Location, DiagnosticCodes.InvalidRule, $"A verified row needs 'large' above 'medium' (the lower bounds of 大型 and 中型).");
                }

                if (name is not null && counted is not null && unit is not null && verified is not null && status is not null && source is not null)
                {
                    rows.Add(new ScaleRow(name, minerals, method, counted, unit, large, medium, minimum, verified.Value, status, source, rowMap.Location));
                }
            }
        }

        m.Finish($"'{what}'");
        return document is null ? null : new ScaleTable(document, rows, mapping.Location);
    }

    private DivisionTable? ReadDivisions(DocumentNode node)
    {
        if (Scalars.Mapping(node, _diagnostics, "'divisions' (document, source, verified, leagues)") is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics);
        var document = Text(m.Required("document", "the standard"), "'document'");
        var source = Text(m.Required("source", "where the codes come from"), "'source'");
        var verified = m.Required("verified", "true for codes checked against the source") is { } vn ? Scalars.Boolean(vn, _diagnostics, "'verified'") : null;
        var leagues = new List<LeagueEntry>();
        if (m.Required("leagues", "the 12 leagues and cities") is { } leaguesNode && Scalars.Sequence(leaguesNode, _diagnostics, "'leagues'") is { } items)
        {
            foreach (var item in items)
            {
                if (Scalars.Mapping(item, _diagnostics, "a league (code, name, counties)") is not { } leagueMap)
                {
                    continue;
                }

                var l = new MappingReader(leagueMap, _diagnostics);
                var code = Text(l.Required("code", "the GB/T 2260 code"), "'code'");
                var name = Text(l.Required("name", "the name"), "'name'");
                var en = l.Optional("en") is { } e ? Text(e, "'en'") : null;
                if (l.Optional("enVerified") is { } ev)
                {
                    Scalars.Boolean(ev, _diagnostics, "'enVerified'");
                }

                var counties = new List<(string, string)>();
                if (l.Required("counties", "the banners, counties and districts") is { } cn && Scalars.Sequence(cn, _diagnostics, "'counties'") is { } countyItems)
                {
                    foreach (var county in countyItems)
                    {
                        if (Scalars.Mapping(county, _diagnostics, "a county (code, name)") is { } countyMap)
                        {
                            var c = new MappingReader(countyMap, _diagnostics);
                            var countyCode = Text(c.Required("code", "the GB/T 2260 code"), "'code'");
                            var countyName = Text(c.Required("name", "the name"), "'name'");
                            c.Finish("a county");
                            if (countyCode is not null && countyName is not null)
                            {
                                counties.Add((countyCode, countyName));
                            }
                        }
                    }
                }

                l.Finish("a league");
                if (code is not null && name is not null)
                {
                    leagues.Add(new LeagueEntry(code, name, en, counties));
                }
            }
        }

        m.Finish("'divisions'");
        return document is null || source is null || verified is null ? null : new DivisionTable(document, source, verified.Value, leagues, mapping.Location);
    }

    private RuleSetInfo? ReadManifest(DocumentNode root, string path, string folder, out string? planPath, out SourceLocation? planLocation)
    {
        planPath = null;
        planLocation = null;
        if (Scalars.Mapping(root, _diagnostics, "the manifest") is not { } mapping)
        {
            return null;
        }

        _readingManifest = true;
        try
        {
            return ReadManifest(mapping, folder, out planPath, out planLocation);
        }
        finally
        {
            _readingManifest = false;
        }
    }

    private RuleSetInfo? ReadManifest(MappingNode mapping, string folder, out string? planPath, out SourceLocation? planLocation)
    {
        planPath = null;
        planLocation = null;
        var m = new MappingReader(mapping, _diagnostics);
        var id = Text(m.Required("id", "the rule set's id, e.g. nmg-mineral-plan-2021-2025"), "'id'");
        var versionNode = m.Required("version", "the semantic version, e.g. 1.0.0");
        var version = Text(versionNode, "'version'");
        var title = m.Required("title", "the title as { zh: ..., en: ... }") is { } t ? ReadText(t, "'title'", null) : null;
        var sourceNode = m.Required("source", "the source document (title, number, issued, published)");
        var source = sourceNode is null ? null : ReadSource(sourceNode, out planPath, out planLocation);
        var fromNode = m.Required("effectiveFrom", "the first day the rule set is in force (YYYY-MM-DD)");
        var from = fromNode is null ? null : Scalars.Date(fromNode, _diagnostics, "'effectiveFrom'");
        var toNode = m.Optional("effectiveTo");
        var to = toNode is null ? null : Scalars.Date(toNode, _diagnostics, "'effectiveTo'");
        _effectiveLocations = (fromNode?.Location, toNode?.Location);
        var supersedes = m.Optional("supersedes") is { } sup ? ReadSupersedes(sup) : null;
        var readings = ReadReadings(m.Optional("readings"), version, mapping.Location);
        _readings = readings ?? RuleSetReadings.Original;
        m.Finish("the manifest");

        if (version is not null && !SemVerPattern().IsMatch(version))
        {
            _diagnostics.Add(versionNode!.Location, DiagnosticCodes.ManifestInvalid, $"'{version}' is not a semantic version; write MAJOR.MINOR.PATCH, e.g. 1.0.0.");
        }

        if (version is not null && RuleSource.FileName(folder) != version)
        {
            _diagnostics.Add(versionNode!.Location, DiagnosticCodes.ManifestInvalid, $"The manifest says version {version} but its folder is '{RuleSource.FileName(folder)}'; keep each version in rules/<id>/<version>/.");
        }

        if (id is not null && !IdPattern().IsMatch(id))
        {
            _diagnostics.Add(mapping.Location, DiagnosticCodes.ManifestInvalid, $"The id '{id}' must be lower-case words joined by '-', e.g. nmg-mineral-plan-2021-2025.");
        }

        if (from is not null && to is not null && to < from)
        {
            _diagnostics.Add(toNode!.Location, DiagnosticCodes.ManifestInvalid, $"'effectiveTo' ({to:yyyy-MM-dd}) is before 'effectiveFrom' ({from:yyyy-MM-dd}).");
        }

        foreach (var (date, node, key) in new[] { (from, fromNode, "effectiveFrom"), (to, toNode, "effectiveTo") })
        {
            if (date is null)
            {
                continue;
            }

            if (source is not null && date < source.Issued)
            {
                _diagnostics.Add(node!.Location, DiagnosticCodes.ManifestInvalid, $"'{key}' ({date:yyyy-MM-dd}) is before the plan was issued (source.issued: {source.Issued:yyyy-MM-dd}); a rule set cannot be in force before its plan. Check the year: write a date from {source.Issued:yyyy-MM-dd} to {LatestEffectiveDate:yyyy-MM-dd}.");
            }
            else if (date > LatestEffectiveDate)
            {
                _diagnostics.Add(node!.Location, DiagnosticCodes.ManifestInvalid, $"'{key}' ({date:yyyy-MM-dd}) is after {LatestEffectiveDate:yyyy-MM-dd}, the end of the plan's outlook (展望到2035年); check the year (a typo such as 2202 for 2022 would leave no rule set in force).");
            }
        }

        return id is null || version is null || title is null || source is null || from is null || readings is null
            ? null
            : new RuleSetInfo(id, version, title, source, from.Value, to) { Readings = readings, Supersedes = supersedes };
    }

    private SourceDocument? ReadSource(DocumentNode node, out string? planPath, out SourceLocation? planLocation)
    {
        planPath = null;
        planLocation = null;
        if (Scalars.Mapping(node, _diagnostics, "'source'") is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics);
        var title = Text(m.Required("title", "the document's title"), "'source.title'");
        var number = Text(m.Required("number", "the document number, e.g. 内政发〔2022〕24号"), "'source.number'");
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
            planPath = Text(textNode, "'source.text' (the plan's text, relative to the manifest)");
            planLocation = textNode.Location;
        }

        m.Finish("'source'");
        return title is null || number is null || issued is null || published is null
            ? null
            : new SourceDocument(title, number, issued.Value, published.Value, periodFrom, periodTo);
    }

    private IEnumerable<MineralList> ReadLists(DocumentNode node)
    {
        if (Scalars.Sequence(node, _diagnostics, "'mineralLists'") is not { } items)
        {
            yield break;
        }

        foreach (var item in items)
        {
            if (Scalars.Mapping(item, _diagnostics, "a mineral list (id, title, clause, minerals)") is not { } mapping)
            {
                continue;
            }

            var m = new MappingReader(mapping, _diagnostics);
            var id = Text(m.Required("id", "the list's id, e.g. banned-for-mining"), "the list's 'id'");
            var title = m.Optional("title") is { } t ? ReadText(t, "the list's 'title'", null) : null;
            var clauseNode = m.Optional("clause");
            var clause = clauseNode is null ? null : Text(clauseNode, "the list's 'clause'");
            var mineralsNode = m.Required("minerals", "the minerals, e.g. [ultra-lean-magnetite, blue-asbestos]");
            var minerals = mineralsNode is null ? null : Words(mineralsNode, Vocabularies.Minerals, "'minerals'", id);
            m.Finish($"the mineral list '{id}'");
            if (mineralsNode is SequenceNode { Items.Count: 0 })
            {
                // A scope naming the list would read its empty mask as "any mineral": emptying a banned list would ban all mining.
                _diagnostics.Add(
                    mineralsNode.Location,
                    DiagnosticCodes.InvalidRule,
                    $"The mineral list '{id}' is empty; a rule naming it would cover every mineral, not none. Name at least one mineral, e.g. [ultra-lean-magnetite]; if no mineral is left, remove the list and the rules that name it (mineralList: {id}).");
            }
            if (clause is not null && !ClauseNumbers.IsReference(clause))
            {
                _diagnostics.Add(clauseNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{clause}' is not a clause reference; write chapter.section[.item], e.g. \"5.1.1\".");
            }

            if (id is not null && minerals is not null)
            {
                yield return new MineralList(id, mapping.Location, title, clause, minerals);
            }
        }
    }

    private RuleDefinition? ReadRule(DocumentNode node, IReadOnlyDictionary<string, MineralList> lists)
    {
        if (Scalars.Mapping(node, _diagnostics, "a rule (id, clause, scope, condition, outcome, message)") is not { } mapping)
        {
            return null;
        }

        var idNode = mapping.Entries.FirstOrDefault(e => e.Key.Value == "id").Value;
        var ruleId = idNode is ScalarNode { IsNull: false } s ? s.Value : null;
        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var errorsBefore = _diagnostics.Count;

        var id = Text(m.Required("id", "the rule's id, e.g. coal.new-underground.min-capacity"), "'id'", ruleId);
        if (id is not null && !RuleIdPattern().IsMatch(id))
        {
            _diagnostics.Add(idNode!.Location, DiagnosticCodes.InvalidRule, $"The rule id '{id}' must be lower-case words joined by '.' or '-', e.g. coal.new-underground.min-capacity.", ruleId);
        }

        var kindNode = m.Optional("kind");
        var kind = RuleKind.Check;
        if (kindNode is not null && Text(kindNode, "'kind'", ruleId) is { } kindText)
        {
            switch (kindText)
            {
                case "check":
                    break;
                case "note":
                    kind = RuleKind.Note;
                    break;
                default:
                    _diagnostics.Add(kindNode.Location, DiagnosticCodes.UnknownValue, $"Unknown kind '{kindText}'; use check (the default) or note (informational).", ruleId);
                    break;
            }
        }

        _clauseLocations = default;
        var clause = m.Required("clause", "the clause it enforces: { ref, zh, en }") is { } c ? ReadClause(c, ruleId) : null;
        var clauseLocations = _clauseLocations;
        var scope = m.Required("scope", "which applications it covers (permit, actions, minerals ...)") is { } sc ? ReadScope(sc, lists, ruleId) : null;
        var conditionNode = m.Optional("condition");
        var condition = conditionNode is null ? null : _conditions.Read(conditionNode, ruleId);
        var outcomeNode = m.Optional("outcome");
        var outcome = outcomeNode is null ? Outcome.Fail : ReadOutcome(outcomeNode, ruleId, "'outcome'", Outcome.Fail, Outcome.Review);
        var whenMetNode = m.Optional("outcomeWhenMet");
        var whenMet = whenMetNode is null ? Outcome.Pass : ReadOutcome(whenMetNode, ruleId, "'outcomeWhenMet'", Outcome.Pass, Outcome.Review);
        var exemptableNode = m.Optional("exemptable");
        var exemptable = exemptableNode is not null && (Scalars.Boolean(exemptableNode, _diagnostics, "'exemptable'", ruleId) ?? false);
        _textLocations = default;
        var message = m.Required("message", "the message as { zh: ..., en: ... } with {actual} and {required} where they fit") is { } msg ? ReadText(msg, "'message'", ruleId) : null;
        var messageLocations = _textLocations;
        _textLocations = default;
        var messageWhenMet = m.Optional("messageWhenMet") is { } mwm ? ReadText(mwm, "'messageWhenMet'", ruleId) : null;
        var messageWhenMetLocations = _textLocations;
        var explanations = ReadExplanations(m, ruleId);
        m.Finish(id is null ? "a rule" : $"the rule '{id}'");
        CheckExplanations(explanations, kind, whenMet, mapping.Location, ruleId);

        if (kind == RuleKind.Check && conditionNode is null)
        {
            _diagnostics.Add(mapping.Location, DiagnosticCodes.MissingKey, "'condition' is required for a check; write `prohibited: true` for a rule every application in scope violates.", ruleId);
        }

        if (kind == RuleKind.Note)
        {
            foreach (var (key, present) in new[] { ("condition", conditionNode), ("outcome", outcomeNode), ("outcomeWhenMet", whenMetNode), ("exemptable", exemptableNode) })
            {
                if (present is not null)
                {
                    _diagnostics.Add(present.Location, DiagnosticCodes.InvalidRule, $"A note has no '{key}': it is shown as context and never decides. Remove '{key}' or make the rule a check.", ruleId);
                }
            }
        }

        if (whenMet == Outcome.Review && messageWhenMet is null)
        {
            _diagnostics.Add(whenMetNode!.Location, DiagnosticCodes.MissingKey, "With 'outcomeWhenMet: review' the rule needs 'messageWhenMet' { zh, en } to tell the reviewer what to confirm.", ruleId);
        }

        if (exemptable && outcome != Outcome.Fail)
        {
            _diagnostics.Add(exemptableNode!.Location, DiagnosticCodes.InvalidRule, "Only a rule whose outcome is fail can be exemptable (an exemption turns fail into review).", ruleId);
        }

        if (_diagnostics.Count > errorsBefore || id is null || clause is null || scope is null || message is null)
        {
            return null;
        }

        return new RuleDefinition
        {
            Id = id,
            Location = mapping.Location,
            Kind = kind,
            Clause = clause,
            ClauseRefLocation = clauseLocations.Ref,
            ClauseQuoteLocation = clauseLocations.Quote,
            Scope = scope,
            Condition = condition,
            Outcome = outcome,
            OutcomeWhenMet = whenMet,
            Exemptable = exemptable,
            Message = message,
            MessageWhenMet = messageWhenMet,
            MessageLocations = messageLocations,
            MessageWhenMetLocations = messageWhenMetLocations,
            AlsoCites = explanations.AlsoCites,
            AlsoCitesLocations = explanations.AlsoCitesLocations,
            Basis = explanations.Basis,
            Interpretation = explanations.Interpretation,
            Remedy = explanations.Remedy,
            RemedyLocations = explanations.RemedyLocations,
            RemedyWhenMet = explanations.RemedyWhenMet,
            RemedyWhenMetLocations = explanations.RemedyWhenMetLocations,
        };
    }

    private ClauseReference? ReadClause(DocumentNode node, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, "'clause' ({ ref, zh, en })", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var refNode = m.Required("ref", "the plan's numbering, e.g. \"5.2.1\"");
        var reference = Text(refNode, "'clause.ref'", ruleId);
        var zhNode = m.Required("zh", "the plan's own words, quoted verbatim");
        var zh = HumanText(zhNode, "'clause.zh'", ruleId);
        var en = HumanText(m.Required("en", "a short English rendering"), "'clause.en'", ruleId);
        m.Finish("'clause'");
        if (reference is not null && !ClauseNumbers.IsReference(reference))
        {
            _diagnostics.Add(refNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{reference}' is not a clause reference; write chapter.section[.item] in quotes, e.g. \"5.2.1\".", ruleId);
        }

        _clauseLocations = (refNode?.Location, zhNode?.Location);
        return reference is null || zh is null || en is null ? null : new ClauseReference(reference, zh.Trim(), en.Trim());
    }

    private ScopeDefinition? ReadScope(DocumentNode node, IReadOnlyDictionary<string, MineralList> lists, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, "'scope'", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var errorsBefore = _diagnostics.Count;
        CheckScopeValues(mapping, ruleId);
        var permits = m.Optional("permit") is { } p ? WordOrWords(p, Vocabularies.Permits, "'scope.permit'", ruleId) : [];
        var actions = m.Optional("actions") is { } a ? Words(a, Vocabularies.Actions, "'scope.actions'", ruleId) : [];
        var minerals = m.Optional("minerals") is { } mn ? Words(mn, Vocabularies.Minerals, "'scope.minerals'", ruleId) : [];
        var mineralListNode = m.Optional("mineralList");
        var mineralList = mineralListNode is { } ml ? List(ml, lists, ruleId) : [];
        var except = m.Optional("exceptMinerals") is { } ex ? Words(ex, Vocabularies.Minerals, "'scope.exceptMinerals'", ruleId) : [];
        var exceptListNode = m.Optional("exceptMineralList");
        var exceptList = exceptListNode is { } el ? List(el, lists, ruleId) : [];
        var methods = m.Optional("miningMethods") is { } mm ? Words(mm, Vocabularies.MiningMethods, "'scope.miningMethods'", ruleId) : [];
        var zones = m.Optional("zones") is { } z ? Words(z, Vocabularies.Zones, "'scope.zones'", ruleId) : [];
        var leagues = m.Optional("leagues") is { } l ? Leagues(l, ruleId) : [];
        var counties = m.Optional("counties") is { } co ? Counties(co, ruleId) : [];
        var when = m.Optional("when") is { } w ? _conditions.Read(w, ruleId) : null;
        m.Finish("'scope'");
        var named = mapping.Entries.Select(e => e.Key.Value).Where(ScopeListKeys.Contains).ToHashSet(StringComparer.Ordinal);
        var included = minerals.Concat(mineralList).Distinct().ToList();
        var excluded = except.Concat(exceptList).Distinct().ToList();
        if (_diagnostics.Count == errorsBefore && included.Count > 0 && excluded.Count > 0 && included.All(excluded.Contains))
        {
            _diagnostics.Add(mapping.Location, DiagnosticCodes.InvalidRule, $"The scope names minerals ({string.Join(", ", included.Select(Vocabularies.Minerals.Code))}) and excepts every one of them, so the rule covers no application; remove the exception or the rule.", ruleId);
        }

        return new ScopeDefinition
        {
            Named = named,
            Location = mapping.Location,
            Permits = permits,
            Actions = actions,
            Minerals = included,
            ExceptMinerals = excluded,
            MineralList = (mineralListNode as ScalarNode)?.Value,
            ExceptMineralList = (exceptListNode as ScalarNode)?.Value,
            MiningMethods = methods,
            Zones = zones,
            Leagues = leagues,
            Counties = counties,
            When = when,
        };
    }

    /// <summary>The scope keys that list what the rule covers; absent means "any", so none of them may be written empty.</summary>
    internal static readonly string[] ScopeListKeys = ["permit", "actions", "minerals", "mineralList", "exceptMinerals", "exceptMineralList", "miningMethods", "zones", "leagues", "counties"];

    /// <summary>
    /// A scope key written with nothing after it (<c>permit:</c>) or as an empty list (<c>zones: []</c>) would read as
    /// "any" and widen the rule to every application: refused. Only a key left out means any.
    /// </summary>
    private void CheckScopeValues(MappingNode scope, string? ruleId)
    {
        foreach (var (key, value) in scope.Entries)
        {
            var empty = value switch
            {
                ScalarNode { IsNull: true } => "has no value",
                ScalarNode { Value: "" } => "is empty",
                SequenceNode { Items.Count: 0 } => "is an empty list",
                _ => null,
            };
            if (empty is null)
            {
                continue;
            }

            if (ScopeListKeys.Contains(key.Value))
            {
                _diagnostics.Add(
                    value is ScalarNode { IsNull: true } ? key.Location : value.Location,
                    DiagnosticCodes.InvalidRule,
                    $"'scope.{key.Value}' {empty}; it would not mean \"none\" but \"any\", and the rule would cover every application. Name what the rule covers, e.g. {ScopeExample(key.Value)}, or remove the key '{key.Value}' if the rule really applies to any.",
                    ruleId);
            }
            else if (key.Value == "when")
            {
                _diagnostics.Add(key.Location, DiagnosticCodes.InvalidRule, "'scope.when' has no condition; write one, e.g. `when: { is: { field: includesProcessing, value: true } }`, or remove 'when'.", ruleId);
            }
        }
    }

    private static string ScopeExample(string key) => key switch
    {
        "permit" => "`permit: mining`",
        "actions" => "`actions: [new, conversion]`",
        "minerals" or "exceptMinerals" => $"`{key}: [coal]`",
        "mineralList" or "exceptMineralList" => $"`{key}: banned-for-mining`",
        "miningMethods" => "`miningMethods: [underground]`",
        "zones" => "`zones: [protection-area]`",
        "leagues" => "`leagues: [乌海市]`",
        _ => "`counties: [准格尔旗]`",
    };

    private Outcome ReadOutcome(DocumentNode node, string? ruleId, string what, params Outcome[] allowed)
    {
        var text = Text(node, what, ruleId);
        var match = allowed.FirstOrDefault(o => ResultVocabularies.Outcomes.Code(o) == text, (Outcome)(-1));
        if (text is not null && match == (Outcome)(-1))
        {
            var words = allowed.Select(o => ResultVocabularies.Outcomes.Code(o)).ToList();
            _diagnostics.Add(node.Location, DiagnosticCodes.UnknownValue, $"Unknown {what} '{text}'.{Suggestions.DidYouMean(text, words)} Allowed: {string.Join(", ", words)}.", ruleId);
            return allowed[0];
        }

        return match == (Outcome)(-1) ? allowed[0] : match;
    }

    private LocalizedText? ReadText(DocumentNode node, string what, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, $"{what} ({{ zh: ..., en: ... }})", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var zhNode = m.Required("zh", "the Chinese text");
        var enNode = m.Required("en", "the English text");
        _textLocations = (zhNode?.Location, enNode?.Location);
        var zh = HumanText(zhNode, Member(what, "zh"), ruleId);
        var en = HumanText(enNode, Member(what, "en"), ruleId);
        m.Finish(what);
        return zh is null || en is null ? null : new LocalizedText(zh.Trim(), en.Trim());
    }

    private List<T> Words<T>(DocumentNode node, Vocabulary<T> vocabulary, string what, string? ruleId)
        where T : struct, Enum
    {
        var result = new List<T>();
        if (Scalars.Sequence(node, _diagnostics, what, ruleId) is not { } items)
        {
            return result;
        }

        foreach (var item in items)
        {
            if (Word(item, vocabulary, what, ruleId) is { } value && !result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private List<T> WordOrWords<T>(DocumentNode node, Vocabulary<T> vocabulary, string what, string? ruleId)
        where T : struct, Enum =>
        node is SequenceNode ? Words(node, vocabulary, what, ruleId) : Word(node, vocabulary, what, ruleId) is { } one ? [one] : [];

    private T? Word<T>(DocumentNode node, Vocabulary<T> vocabulary, string what, string? ruleId)
        where T : struct, Enum
    {
        if (Text(node, what, ruleId) is not { } word)
        {
            return null;
        }

        if (vocabulary.TryParse(word, out var value))
        {
            return value;
        }

        var codes = vocabulary.Codes.ToList();
        var allowed = codes.Count <= 12 ? $" Allowed: {string.Join(", ", codes)}." : " See the codes in docs/application.md.";
        _diagnostics.Add(node.Location, DiagnosticCodes.UnknownValue, $"Unknown {vocabulary.Name} '{word}' in {what}.{Suggestions.DidYouMean(word, codes)}{allowed}", ruleId);
        return null;
    }

    private List<Mineral> List(DocumentNode node, IReadOnlyDictionary<string, MineralList> lists, string? ruleId)
    {
        if (Text(node, "'mineralList'", ruleId) is not { } id)
        {
            return [];
        }

        if (lists.TryGetValue(id, out var list))
        {
            return [.. list.Minerals];
        }

        _diagnostics.Add(node.Location, DiagnosticCodes.UnknownList, $"No mineral list '{id}' is defined in this rule set.{Suggestions.DidYouMean(id, lists.Keys)} Lists: {string.Join(", ", lists.Keys)}.", ruleId);
        return [];
    }

    private List<string> Leagues(DocumentNode node, string? ruleId)
    {
        var result = new List<string>();
        if (Scalars.Sequence(node, _diagnostics, "'scope.leagues'", ruleId) is not { } items)
        {
            return result;
        }

        foreach (var item in items)
        {
            if (Text(item, "a league", ruleId) is not { } text)
            {
                continue;
            }

            var found = AdministrativeDivisions.Default.Find(text).Where(d => d.IsLeague).ToList();
            if (found.Count == 1)
            {
                result.Add(found[0].Code);
            }
            else
            {
                var names = AdministrativeDivisions.Default.Leagues.Select(l => l.Name).ToList();
                _diagnostics.Add(item.Location, DiagnosticCodes.UnknownValue, $"Unknown league or city '{text}'.{Suggestions.DidYouMean(text, names)} Use one of: {string.Join(", ", names)} (or its GB/T 2260 code).", ruleId);
            }
        }

        return result;
    }

    private string? Text(DocumentNode? node, string what, string? ruleId = null)
    {
        if (node is null || Scalars.String(node, _diagnostics, what, ruleId) is not { } text)
        {
            return null;
        }

        if (UnreadableCharacter(text) is { } problem)
        {
            _diagnostics.Add(node.Location, _readingManifest ? DiagnosticCodes.ManifestInvalid : DiagnosticCodes.InvalidRule, $"{Capitalized(what)} {problem}", ruleId);
            return null;
        }

        return text;
    }

    /// <summary>
    /// Text as people read it: not empty or blank (an empty message or quote prints nothing, and an empty quote is
    /// "in" every plan).
    /// </summary>
    private string? HumanText(DocumentNode? node, string what, string? ruleId)
    {
        if (Text(node, what, ruleId) is not { } text)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            _diagnostics.Add(node!.Location, _readingManifest ? DiagnosticCodes.ManifestInvalid : DiagnosticCodes.InvalidRule, $"{Capitalized(what)} is empty; write the text (an empty text is shown as nothing to the applicant and reviewer), or remove the key where it is optional.", ruleId);
            return null;
        }

        return text;
    }

    /// <summary>What is wrong with a character of the text (a replacement character, a control or invisible format character), or null.</summary>
    internal static string? UnreadableCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD')
            {
                return $"contains the replacement character U+FFFD (shown as �) at character {i + 1}: the text was damaged by a wrong encoding. Retype it and save the file as UTF-8.";
            }

            if ((char.IsControl(c) && c != '\n') || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return $"contains the invisible character U+{(int)c:X4} at character {i + 1} (a control or format character, e.g. NUL or a zero-width space); delete it and retype the text around it.";
            }
        }

        return null;
    }

    /// <summary>'message' and zh give 'message.zh'; the file's title and zh give the file's title.zh.</summary>
    private static string Member(string what, string key) =>
        what.Length > 1 && what[0] == '\'' && what[^1] == '\'' ? $"{what[..^1]}.{key}'" : $"{what}.{key}";

    private static string Capitalized(string what) =>
        what.Length > 0 && what[0] == '\'' ? "The value of " + what : what.Length > 0 ? char.ToUpperInvariant(what[0]) + what[1..] : what;

    [GeneratedRegex(@"^[1-9][0-9]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVerPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();
}
