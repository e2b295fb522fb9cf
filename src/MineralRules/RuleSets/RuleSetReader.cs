using System.Text.RegularExpressions;
using MineralRules.Applications;
using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;
using MineralRules.RuleSets.Reading;

namespace MineralRules.RuleSets;

/// <summary>
/// Reads one rule-set version (a manifest and its rule files) into a <see cref="RuleSetDefinition"/>. Every key is
/// known or reported; every list a rule names must exist. Semantic checks against the application's fields are
/// the validator's. Each kind of document has its reader in Reading/ (<see cref="ManifestReader"/>,
/// <see cref="MineralListReader"/>, <see cref="ReferenceTableReader"/>, <see cref="ClauseIndexReader"/>,
/// <see cref="RuleReader"/> with <see cref="ScopeReader"/>, and conditions through <see cref="ConditionReader"/>);
/// this class parses the files, runs them in order and assembles the definition.
/// </summary>
internal sealed partial class RuleSetReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly ReadingContext _context;
    private readonly ConditionReader _conditions;
    private readonly Dictionary<string, PlanText>? _plans;
    private readonly Dictionary<string, DocumentNode>? _documents;

    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="forms">The condition forms the rule files may use (<see cref="ConditionForms.Default"/> unless a test adds one).</param>
    /// <param name="plans">
    /// Plan texts already parsed in this load, by their text: versions that keep the same plan text (every version
    /// of a plan) parse it once. Null to parse every time.
    /// </param>
    /// <param name="documents">
    /// Rule files already parsed without errors in this load, by their text: a file of another version with the same
    /// text (the reference tables every version of the plan keeps word for word) takes that tree with its own path
    /// instead of being parsed again. Null to parse every file.
    /// </param>
    public RuleSetReader(DiagnosticBag diagnostics, ConditionForms? forms = null, Dictionary<string, PlanText>? plans = null, Dictionary<string, DocumentNode>? documents = null)
    {
        _diagnostics = diagnostics;
        _plans = plans;
        _documents = documents;
        _context = new ReadingContext(diagnostics);
        _conditions = new ConditionReader(diagnostics, forms ?? ConditionForms.Default, _context.Text);
    }

    public RuleSetDefinition Read(string folder, RuleFile? manifestFile, IReadOnlyList<RuleFile> files)
    {
        if (manifestFile is null)
        {
            _diagnostics.Add(
                SourceLocation.File(folder),
                DiagnosticCodes.ManifestMissing,
                $"These rule files have no '{RuleSource.ManifestName}' in their folder or above; a rule-set version lives in rules/<id>/<version>/ beside its manifest.",
                $"这些规则文件所在的文件夹及其上级都没有 '{RuleSource.ManifestName}'；规则集的每个版本放在 rules/<id>/<version>/ 中，与其清单文件在一起。");
        }

        // Every document is parsed first, then the model is built from them: each stage's code is then compiled
        // once, in order (a cold load is mostly JIT compilation).
        var manifestErrors = _diagnostics.Count;
        var manifestRoot = manifestFile is null ? null : YamlDocumentReader.Read(manifestFile.Text, manifestFile.Path, _diagnostics);
        FullWidthPunctuation.Check(manifestRoot, _diagnostics);
        manifestErrors = _diagnostics.Count - manifestErrors;
        // Plain loops and a small class here, not LINQ over tuples: each generic shape over a value type is JIT-compiled
        // in every fresh process that loads the embedded rules (docs/performance.md).
        var documents = new List<ParsedFile>();
        foreach (var file in files)
        {
            if (RuleSource.IsYaml(file.Path))
            {
                documents.Add(new(file, ReadYaml(file)));
            }
        }

        // A broken or missing manifest must not hide the rule files' own errors: they are read and validated
        // all the same, and the version is marked so that it is never compiled into a catalog.
        var errorsBefore = _diagnostics.Count;
        var manifest = manifestRoot is null ? null : new ManifestReader(_diagnostics).Read(manifestRoot, folder);
        var info = manifest?.Info;
        var manifestValid = info is not null && manifestErrors == 0 && _diagnostics.Count == errorsBefore;
        PlanText? plan = null;
        if (manifest?.Plan is { Value: var planPath, Location: var planLocation })
        {
            var planFile = files.FirstOrDefault(f => f.Path == $"{folder}/{planPath}");
            if (planFile is null)
            {
                _diagnostics.Add(planLocation, DiagnosticCodes.ManifestInvalid, $"The plan text '{planPath}' is not in {folder}/; keep a copy of the plan's text there so quotes and clause numbers can be checked.", $"规划文本 '{planPath}' 不在 {folder}/ 中；请在那里保留一份规划文本，以便核对引文和条款编号。");
            }
            else
            {
                plan = Plan(planFile.Text);
            }
        }

        var roots = new List<RootFile>();
        foreach (var (file, root) in documents)
        {
            if (root is not null && Scalars.Mapping(root, _diagnostics, "a rule file (keys: title, mineralLists, rules)") is { } mapping)
            {
                roots.Add(new RootFile(file, new MappingReader(mapping, _diagnostics)));
            }
        }

        // Lists first: rules in any file may name a list from any other.
        var lists = new List<MineralList>();
        var listReader = new MineralListReader(_context);
        foreach (var (_, reader) in roots)
        {
            if (reader.Optional("mineralLists") is { } listsNode)
            {
                lists.AddRange(listReader.Read(listsNode));
            }
        }

        var listsById = new Dictionary<string, MineralList>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            if (!listsById.TryAdd(list.Id, list))
            {
                _diagnostics.Add(list.Location, DiagnosticCodes.DuplicateList, $"The mineral list '{list.Id}' is defined twice (first at {listsById[list.Id].Location}); each list lives in one place.", $"矿种清单 '{list.Id}' 被定义了两次（第一次在 {listsById[list.Id].Location}）；每个清单只能在一处定义。");
            }
        }

        var readers = new List<MappingReader>(roots.Count);
        foreach (var (_, reader) in roots)
        {
            readers.Add(reader);
        }

        var reference = new ReferenceTableReader(_context).Read(readers);
        var index = new List<ClauseIndexEntry>();
        var indexReader = new ClauseIndexReader(_context);
        foreach (var (_, reader) in roots)
        {
            if (reader.Optional("clauseIndex") is { } indexNode)
            {
                index.AddRange(indexReader.Read(indexNode));
            }
        }

        var rules = new List<RuleDefinition>();
        var ruleReader = new RuleReader(_context, new ScopeReader(_context, _conditions), _conditions, manifest?.Readings ?? RuleSetReadings.Original);
        foreach (var (file, reader) in roots)
        {
            if (reader.Optional("title") is { } title)
            {
                _context.ReadText(title, "the file's title", null);
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
                    if (ruleReader.Read(item, listsById) is { } rule)
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
            EffectiveFromLocation = manifest?.EffectiveFrom,
            EffectiveToLocation = manifest?.EffectiveTo,
        };
    }

    /// <summary>The plan's text parsed, once per text in a load (a parsed plan holds no path and never changes).</summary>
    private PlanText Plan(string text)
    {
        if (_plans is null)
        {
            return PlanText.Parse(text);
        }

        if (!_plans.TryGetValue(text, out var plan))
        {
            _plans.Add(text, plan = PlanText.Parse(text));
        }

        return plan;
    }

    /// <summary>A rule file and its document, or null when it does not parse.</summary>
    private sealed record ParsedFile(RuleFile File, DocumentNode? Root);

    /// <summary>A rule file whose document is a mapping, and its reader.</summary>
    private sealed record RootFile(RuleFile File, MappingReader Reader);

    /// <summary>The top-level keys that give a rule file something to hold; a file with none of them holds no rules.</summary>
    private static readonly string[] ContentKeys = ["rules", "mineralLists", "clauseIndex", "mineProductionScale", "depositScale", "divisions"];

    /// <summary>Where a key stands in a mapping (the caller knows it is there).</summary>
    private static SourceLocation KeyLocation(MappingReader reader, string key) =>
        reader.Node.Entries.First(e => e.Key.Value == key).Key.Location;

    private void ReportNoRules(SourceLocation location, RuleFile file) =>
        _diagnostics.Add(
            location,
            DiagnosticCodes.InvalidRule,
            $"The rule file {RuleSource.FileName(file.Path)} has no rules: 'rules:' is empty or every rule is commented out, and its chapter would silently stop being checked. Write its rules under 'rules:' as a list (\"- id: ...\"), or delete the file if the chapter is really withdrawn.",
            $"规则文件 {RuleSource.FileName(file.Path)} 中没有规则：'rules:' 为空或所有规则都被注释掉了，其所在章节将悄无声息地不再被检查。请在 'rules:' 下以列表形式写出规则（\"- id: ...\"）；如果该章确已废止，请删除此文件。");

    /// <summary>Reads a rule file; its syntax, tab and duplicate-key errors name the rule they stand in, where one is found.</summary>
    private DocumentNode? ReadYaml(RuleFile file)
    {
        var before = _diagnostics.Count;
        var root = Parse(file);
        FullWidthPunctuation.Check(root, _diagnostics);
        if (_diagnostics.Count > before)
        {
            var lines = file.Text.Split('\n');
            _diagnostics.AttachRuleIds(before, line => RuleAtLine(lines, line));
        }

        return root;
    }

    /// <summary>A rule file's tree: parsed, or the tree of a file of this load with the same text, moved to this file's path.</summary>
    private DocumentNode? Parse(RuleFile file)
    {
        if (_documents is not null && _documents.TryGetValue(file.Text, out var parsed))
        {
            return parsed.Location.Path == file.Path ? parsed : parsed.WithPath(file.Path);
        }

        var before = _diagnostics.Count;
        var root = YamlDocumentReader.Read(file.Text, file.Path, _diagnostics);
        if (_documents is not null && root is not null && _diagnostics.Count == before)
        {
            _documents[file.Text] = root;
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
}
