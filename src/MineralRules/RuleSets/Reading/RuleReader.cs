using MineralRules.Applications;
using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;

namespace MineralRules.RuleSets.Reading;

/// <summary>
/// Reads one rule: id, kind, clause, scope (<see cref="ScopeReader"/>), condition (<see cref="ConditionReader"/>),
/// outcomes, messages, and the keys that explain verdicts rather than decide them (<c>alsoCites</c>, <c>basis</c>,
/// <c>interpretation</c>, <c>remedy</c>). Texts come back with their locations (<see cref="LocatedText"/>).
/// </summary>
internal sealed class RuleReader(ReadingContext context, ScopeReader scopes, ConditionReader conditions, RuleSetReadings readings)
{
    private readonly DiagnosticBag _diagnostics = context.Diagnostics;

    public RuleDefinition? Read(DocumentNode node, IReadOnlyDictionary<string, MineralList> lists)
    {
        if (Scalars.Mapping(node, _diagnostics, "a rule (id, clause, scope, condition, outcome, message)") is not { } mapping)
        {
            return null;
        }

        DocumentNode? idNode = null;
        foreach (var (key, value) in mapping.Entries)
        {
            if (key.Value == "id")
            {
                idNode = value;
                break;
            }
        }

        var ruleId = idNode is ScalarNode { IsNull: false } s ? s.Value : null;
        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var errorsBefore = _diagnostics.Count;

        var id = context.Text(m.Required("id", "the rule's id, e.g. coal.new-underground.min-capacity"), "'id'", ruleId);
        if (id is not null && !Identifiers.IsRuleId(id))
        {
            _diagnostics.Add(idNode!.Location, DiagnosticCodes.InvalidRule, $"The rule id '{id}' must be lower-case words joined by '.' or '-', e.g. coal.new-underground.min-capacity.", $"规则编号 '{id}' 必须是用 '.' 或 '-' 连接的小写单词，如 coal.new-underground.min-capacity。", ruleId);
        }

        var kindNode = m.Optional("kind");
        var kind = RuleKind.Check;
        if (kindNode is not null && context.Text(kindNode, "'kind'", ruleId) is { } kindText)
        {
            switch (kindText)
            {
                case "check":
                    break;
                case "note":
                    kind = RuleKind.Note;
                    break;
                default:
                    _diagnostics.Add(kindNode.Location, DiagnosticCodes.UnknownValue, $"Unknown kind '{kindText}'; use check (the default) or note (informational).", $"未知的 kind '{kindText}'；请使用 check（默认，检查）或 note（提示，仅供参考）。", ruleId);
                    break;
            }
        }

        var clause = m.Required("clause", "the clause it enforces: { ref, zh, en }") is { } c ? ReadClause(c, ruleId) : null;
        var scope = m.Required("scope", "which applications it covers (permit, actions, minerals ...)") is { } sc ? scopes.Read(sc, lists, ruleId) : null;
        var conditionNode = m.Optional("condition");
        var condition = conditionNode is null ? null : conditions.Read(conditionNode, ruleId);
        var outcomeNode = m.Optional("outcome");
        var outcome = outcomeNode is null ? Outcome.Fail : ReadOutcome(outcomeNode, ruleId, "'outcome'", Outcome.Fail, Outcome.Review);
        var whenMetNode = m.Optional("outcomeWhenMet");
        var whenMet = whenMetNode is null ? Outcome.Pass : ReadOutcome(whenMetNode, ruleId, "'outcomeWhenMet'", Outcome.Pass, Outcome.Review);
        var exemptableNode = m.Optional("exemptable");
        var exemptable = exemptableNode is not null && (Scalars.Boolean(exemptableNode, _diagnostics, "'exemptable'", ruleId) ?? false);
        var message = m.Required("message", "the message as { zh: ..., en: ... } with {actual} and {required} where they fit") is { } msg ? context.ReadLocatedText(msg, "'message'", ruleId) : null;
        var messageWhenMet = m.Optional("messageWhenMet") is { } mwm ? context.ReadLocatedText(mwm, "'messageWhenMet'", ruleId) : null;
        var explanations = ReadExplanations(m, ruleId);
        m.Finish(id is null ? "a rule" : $"the rule '{id}'");
        CheckExplanations(explanations, kind, whenMet, mapping.Location, ruleId);

        if (kind == RuleKind.Check && conditionNode is null)
        {
            _diagnostics.Add(mapping.Location, DiagnosticCodes.MissingKey, "'condition' is required for a check; write `prohibited: true` for a rule every application in scope violates.", "检查类规则必须有 'condition'；适用范围内的申请一律违反的规则，请写 `prohibited: true`。", ruleId);
        }

        if (kind == RuleKind.Note)
        {
            foreach (var (key, present) in new[] { ("condition", conditionNode), ("outcome", outcomeNode), ("outcomeWhenMet", whenMetNode), ("exemptable", exemptableNode) })
            {
                if (present is not null)
                {
                    _diagnostics.Add(present.Location, DiagnosticCodes.InvalidRule, $"A note has no '{key}': it is shown as context and never decides. Remove '{key}' or make the rule a check.", $"提示（note）没有 '{key}'：它只作为背景信息显示，从不作出判断。请删除 '{key}'，或把该规则改为检查（check）。", ruleId);
                }
            }
        }

        if (whenMet == Outcome.Review && messageWhenMet is null)
        {
            _diagnostics.Add(whenMetNode!.Location, DiagnosticCodes.MissingKey, "With 'outcomeWhenMet: review' the rule needs 'messageWhenMet' { zh, en } to tell the reviewer what to confirm.", "写了 'outcomeWhenMet: review' 的规则需要 'messageWhenMet' { zh, en }，告诉审查人员需要确认什么。", ruleId);
        }

        if (exemptable && outcome != Outcome.Fail)
        {
            _diagnostics.Add(exemptableNode!.Location, DiagnosticCodes.InvalidRule, "Only a rule whose outcome is fail can be exemptable (an exemption turns fail into review).", "只有结果为 fail 的规则才能设为可豁免（exemptable）（豁免把不通过变为需复核）。", ruleId);
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
            Clause = clause.Clause,
            ClauseRefLocation = clause.RefLocation,
            ClauseQuoteLocation = clause.QuoteLocation,
            Scope = scope,
            Condition = condition,
            Outcome = outcome,
            OutcomeWhenMet = whenMet,
            Exemptable = exemptable,
            Message = message.Text,
            MessageWhenMet = messageWhenMet?.Text,
            MessageLocations = message.Locations,
            MessageWhenMetLocations = messageWhenMet?.Locations ?? default,
            AlsoCites = explanations.AlsoCites,
            AlsoCitesLocations = explanations.AlsoCitesLocations,
            Basis = explanations.Basis,
            Interpretation = explanations.Interpretation,
            Remedy = explanations.Remedy?.Text,
            RemedyLocations = explanations.Remedy?.Locations ?? default,
            RemedyWhenMet = explanations.RemedyWhenMet?.Text,
            RemedyWhenMetLocations = explanations.RemedyWhenMet?.Locations ?? default,
        };
    }

    /// <summary>The clause of record, with where its number and its quote stand (the citation checks point there).</summary>
    private LocatedClause? ReadClause(DocumentNode node, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, "'clause' ({ ref, zh, en })", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var refNode = m.Required("ref", "the plan's numbering, e.g. \"5.2.1\"");
        var reference = context.Text(refNode, "'clause.ref'", ruleId);
        var zhNode = m.Required("zh", "the plan's own words, quoted verbatim");
        var zh = context.HumanText(zhNode, "'clause.zh'", ruleId);
        var en = context.HumanText(m.Required("en", "a short English rendering"), "'clause.en'", ruleId);
        m.Finish("'clause'");
        if (reference is not null && !ClauseNumbers.IsReference(reference))
        {
            _diagnostics.Add(refNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{reference}' is not a clause reference; write chapter.section[.item] in quotes, e.g. \"5.2.1\".", $"'{reference}' 不是条款编号；请加引号写作 章.节[.条]，如 \"5.2.1\"。", ruleId);
        }

        return reference is null || zh is null || en is null ? null : new LocatedClause(new ClauseReference(reference, zh.Trim(), en.Trim()), refNode?.Location, zhNode?.Location);
    }

    private Outcome ReadOutcome(DocumentNode node, string? ruleId, string what, params Outcome[] allowed)
    {
        var text = context.Text(node, what, ruleId);
        var match = (Outcome)(-1);
        foreach (var outcome in allowed)
        {
            if (ResultVocabularies.Outcomes.Code(outcome) == text)
            {
                match = outcome;
                break;
            }
        }

        if (text is not null && match == (Outcome)(-1))
        {
            var words = allowed.Select(o => ResultVocabularies.Outcomes.Code(o)).ToList();
            _diagnostics.Add(node.Location, DiagnosticCodes.UnknownValue, $"Unknown {what} '{text}'.{Suggestions.DidYouMean(text, words)} Allowed: {string.Join(", ", words)}.", $"'{what}' 的值 '{text}' 无法识别。{Suggestions.DidYouMeanZh(text, words)}可用的值：{string.Join(", ", words)}。", ruleId);
            return allowed[0];
        }

        return match == (Outcome)(-1) ? allowed[0] : match;
    }

    /// <summary>The explanatory keys of one rule, as read.</summary>
    private sealed record Explanations(
        IReadOnlyList<ClauseReference> AlsoCites,
        IReadOnlyList<SourceLocation> AlsoCitesLocations,
        IReadOnlyList<LegalBasis> Basis,
        LocalizedText? Interpretation,
        LocatedText? Remedy,
        LocatedText? RemedyWhenMet,
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

        var interpretation = m.Optional("interpretation") is { } i ? context.ReadText(i, "'interpretation'", ruleId) : null;
        var remedyNode = m.Optional("remedy");
        var remedy = remedyNode is null ? null : context.ReadLocatedText(remedyNode, "'remedy'", ruleId);
        var remedyWhenMetNode = m.Optional("remedyWhenMet");
        var remedyWhenMet = remedyWhenMetNode is null ? null : context.ReadLocatedText(remedyWhenMetNode, "'remedyWhenMet'", ruleId);
        return new Explanations(alsoCites, alsoCitesLocations, basis, interpretation, remedy, remedyWhenMet, remedyNode?.Location, remedyWhenMetNode?.Location);
    }

    private (ClauseReference Clause, SourceLocation QuoteLocation)? ReadCitation(DocumentNode node, string? ruleId)
    {
        if (Scalars.Mapping(node, _diagnostics, "a citation ({ ref, zh })", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics, ruleId);
        var refNode = m.Required("ref", "the plan's numbering, e.g. \"5.1.2\"");
        var reference = context.Text(refNode, "'alsoCites.ref'", ruleId);
        var zhNode = m.Required("zh", "the plan's own words, quoted verbatim");
        var zh = context.HumanText(zhNode, "'alsoCites.zh'", ruleId);
        var en = m.Optional("en") is { } enNode ? context.Text(enNode, "'alsoCites.en'", ruleId) : null;
        m.Finish("a citation in 'alsoCites'");
        if (reference is not null && !ClauseNumbers.IsReference(reference))
        {
            _diagnostics.Add(refNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{reference}' is not a clause reference; write chapter.section[.item] in quotes, e.g. \"5.1.2\".", $"'{reference}' 不是条款编号；请加引号写作 章.节[.条]，如 \"5.1.2\"。", ruleId);
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
        var title = context.Text(titleNode, "'basis.title'", ruleId);
        var number = m.Optional("number") is { } n ? context.Text(n, "'basis.number'", ruleId) : null;
        var article = m.Optional("article") is { } a ? context.Text(a, "'basis.article'", ruleId) : null;
        m.Finish("a legal basis in 'basis'");
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            _diagnostics.Add(titleNode!.Location, DiagnosticCodes.InvalidRule, "A legal basis needs its title, e.g. 矿产资源开采登记管理办法.", "法律依据须写明名称，如 矿产资源开采登记管理办法。", ruleId);
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
                    _diagnostics.Add(location, DiagnosticCodes.InvalidRule, $"A note has no '{key}': it never decides, so there is nothing to remedy. Remove '{key}' or make the rule a check.", $"提示（note）没有 '{key}'：它从不作出判断，也就无需补正。请删除 '{key}'，或把该规则改为检查（check）。", ruleId);
                }
            }

            return;
        }

        if (explanations.RemedyWhenMetNode is { } extra && whenMet != Outcome.Review)
        {
            _diagnostics.Add(extra, DiagnosticCodes.InvalidRule, "'remedyWhenMet' goes with 'outcomeWhenMet: review'; remove it or add that outcome.", "'remedyWhenMet' 须与 'outcomeWhenMet: review' 一同使用；请删除它或加上该结果。", ruleId);
        }

        if (!readings.RemediesRequired)
        {
            return;
        }

        if (explanations.Remedy is null && explanations.RemedyNode is null)
        {
            _diagnostics.Add(ruleLocation, DiagnosticCodes.MissingKey, "'remedy' { zh, en } is required on every check from rule set 2.0.0 on (the manifest's readings say remedies: required): say what the applicant or the authority does next, in the plan's terms where it gives them (docs/rule-format.md, \"Remedies\").", "自 2.0.0 版规则集起（清单文件的 readings 写明 remedies: required），每条检查类规则都必须有 'remedy' { zh, en }：写明申请人或主管部门下一步怎么做，规划有相应表述的用规划的表述（见 docs/rule-format.md 的 \"Remedies\"）。", ruleId);
        }

        if (whenMet == Outcome.Review && explanations.RemedyWhenMet is null && explanations.RemedyWhenMetNode is null)
        {
            _diagnostics.Add(ruleLocation, DiagnosticCodes.MissingKey, "With 'outcomeWhenMet: review' the rule needs 'remedyWhenMet' { zh, en }: what the reviewer confirms.", "写了 'outcomeWhenMet: review' 的规则需要 'remedyWhenMet' { zh, en }：审查人员需要确认什么。", ruleId);
        }
    }
}

/// <summary>A rule's clause of record with where its number (<c>ref</c>) and its quote (<c>zh</c>) stand.</summary>
internal sealed record LocatedClause(ClauseReference Clause, SourceLocation? RefLocation, SourceLocation? QuoteLocation);
