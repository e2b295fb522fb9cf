using MineralRules.Applications;
using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;

namespace MineralRules.RuleSets.Reading;

/// <summary>Reads a rule's <c>scope</c>: which applications it covers, and its <c>when</c> condition (through the condition forms).</summary>
internal sealed class ScopeReader(ReadingContext context, ConditionReader conditions)
{
    private readonly DiagnosticBag _diagnostics = context.Diagnostics;

    public ScopeDefinition? Read(DocumentNode node, IReadOnlyDictionary<string, MineralList> lists, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, "'scope'", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var errorsBefore = _diagnostics.Count;
        CheckScopeValues(mapping, ruleId);
        var permits = m.Optional("permit") is { } p ? context.WordOrWords(p, Vocabularies.Permits, "'scope.permit'", ruleId) : new WordList<Permit>(0);
        var actions = m.Optional("actions") is { } a ? context.Words(a, Vocabularies.Actions, "'scope.actions'", ruleId) : new WordList<PermitAction>(0);
        var minerals = m.Optional("minerals") is { } mn ? context.Words(mn, Vocabularies.Minerals, "'scope.minerals'", ruleId) : new WordList<Mineral>(0);
        var mineralListNode = m.Optional("mineralList");
        var mineralList = mineralListNode is { } ml ? List(ml, lists, ruleId) : new WordList<Mineral>(0);
        var except = m.Optional("exceptMinerals") is { } ex ? context.Words(ex, Vocabularies.Minerals, "'scope.exceptMinerals'", ruleId) : new WordList<Mineral>(0);
        var exceptListNode = m.Optional("exceptMineralList");
        var exceptList = exceptListNode is { } el ? List(el, lists, ruleId) : new WordList<Mineral>(0);
        var methods = m.Optional("miningMethods") is { } mm ? context.Words(mm, Vocabularies.MiningMethods, "'scope.miningMethods'", ruleId) : new WordList<MiningMethod>(0);
        var zones = m.Optional("zones") is { } z ? context.Words(z, Vocabularies.Zones, "'scope.zones'", ruleId) : new WordList<Zone>(0);
        var leagues = m.Optional("leagues") is { } l ? Leagues(l, ruleId) : [];
        var counties = m.Optional("counties") is { } co ? Counties(co, ruleId) : [];
        var when = m.Optional("when") is { } w ? conditions.Read(w, ruleId) : null;
        m.Finish("'scope'");
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (ScopeListKeys.Contains(entry.Key.Value))
            {
                named.Add(entry.Key.Value);
            }
        }

        var included = Distinct(minerals, mineralList);
        var excluded = Distinct(except, exceptList);
        if (_diagnostics.Count == errorsBefore && included.Count > 0 && excluded.Count > 0 && AllIn(included, excluded))
        {
            _diagnostics.Add(mapping.Location, DiagnosticCodes.InvalidRule, $"The scope names minerals ({string.Join(", ", included.Select(Vocabularies.Minerals.Code))}) and excepts every one of them, so the rule covers no application; remove the exception or the rule.", $"适用范围列出了矿种（{string.Join(", ", included.Select(Vocabularies.Minerals.Code))}），又把它们全部排除，因此该规则不涵盖任何申请；请删除排除项或删除该规则。", ruleId);
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
            var emptyZh = value switch
            {
                ScalarNode { IsNull: true } => "没有值",
                SequenceNode => "是空列表",
                _ => "为空",
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
                    $"'scope.{key.Value}' {emptyZh}；这不表示“无”，而表示“任意”，规则将涵盖所有申请。请写明规则涵盖什么，如 {ScopeExample(key.Value)}；如果规则确实适用于任意申请，请删除键 '{key.Value}'。",
                    ruleId);
            }
            else if (key.Value == "when")
            {
                _diagnostics.Add(key.Location, DiagnosticCodes.InvalidRule, "'scope.when' has no condition; write one, e.g. `when: { is: { field: includesProcessing, value: true } }`, or remove 'when'.", "'scope.when' 没有条件；请写一个，如 `when: { is: { field: includesProcessing, value: true } }`，或删除 'when'。", ruleId);
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

    /// <summary>The minerals of both lists, each once, in order of first appearance.</summary>
    private static WordList<Mineral> Distinct(WordList<Mineral> first, WordList<Mineral> second)
    {
        var result = new WordList<Mineral>(first.Count + second.Count);
        result.AddNew(first);
        result.AddNew(second);
        return result;
    }

    private static bool AllIn(WordList<Mineral> minerals, WordList<Mineral> among)
    {
        foreach (var mineral in minerals)
        {
            if (!among.Contains(mineral))
            {
                return false;
            }
        }

        return true;
    }

    private WordList<Mineral> List(DocumentNode node, IReadOnlyDictionary<string, MineralList> lists, string? ruleId)
    {
        if (context.Text(node, "'mineralList'", ruleId) is not { } id)
        {
            return new WordList<Mineral>(0);
        }

        if (lists.TryGetValue(id, out var list))
        {
            var minerals = new WordList<Mineral>(list.Minerals.Count);
            foreach (var mineral in list.Minerals)
            {
                minerals.AddNew(mineral);
            }

            return minerals;
        }

        _diagnostics.Add(node.Location, DiagnosticCodes.UnknownList, $"No mineral list '{id}' is defined in this rule set.{Suggestions.DidYouMean(id, lists.Keys)} Lists: {string.Join(", ", lists.Keys)}.", $"本规则集没有定义矿种清单 '{id}'。{Suggestions.DidYouMeanZh(id, lists.Keys)}已有的清单：{string.Join(", ", lists.Keys)}。", ruleId);
        return new WordList<Mineral>(0);
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
            if (context.Text(item, "a league", ruleId) is not { } text)
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
                _diagnostics.Add(item.Location, DiagnosticCodes.UnknownValue, $"Unknown league or city '{text}'.{Suggestions.DidYouMean(text, names)} Use one of: {string.Join(", ", names)} (or its GB/T 2260 code).", $"未知的盟市 '{text}'。{Suggestions.DidYouMeanZh(text, names)}请使用以下之一：{string.Join(", ", names)}（或其 GB/T 2260 代码）。", ruleId);
            }
        }

        return result;
    }

    private List<string> Counties(DocumentNode node, string? ruleId)
    {
        var result = new List<string>();
        if (Scalars.Sequence(node, _diagnostics, "'scope.counties'", ruleId) is not { } items)
        {
            return result;
        }

        foreach (var item in items)
        {
            if (context.Text(item, "a banner or county", ruleId) is not { } text)
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
                _diagnostics.Add(item.Location, DiagnosticCodes.UnknownValue, found.Count > 1 ? $"'{text}' names more than one banner or county; give its GB/T 2260 code." : $"Unknown banner or county '{text}'; use its name (e.g. 准格尔旗) or GB/T 2260 code (e.g. 150622).", found.Count > 1 ? $"'{text}' 对应不止一个旗县区；请填写其 GB/T 2260 代码。" : $"未知的旗县区 '{text}'；请使用其名称（如准格尔旗）或 GB/T 2260 代码（如 150622）。", ruleId);
            }
        }

        return result;
    }
}
