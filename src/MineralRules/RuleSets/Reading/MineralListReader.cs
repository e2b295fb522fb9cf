using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;

namespace MineralRules.RuleSets.Reading;

/// <summary>Reads the mineral lists (<c>mineralLists</c>) that rules name in their scope.</summary>
internal sealed class MineralListReader(ReadingContext context)
{
    private readonly DiagnosticBag _diagnostics = context.Diagnostics;

    public IEnumerable<MineralList> Read(DocumentNode node)
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
            var id = context.Text(m.Required("id", "the list's id, e.g. banned-for-mining"), "the list's 'id'");
            var title = m.Optional("title") is { } t ? context.ReadText(t, "the list's 'title'", null) : null;
            var clauseNode = m.Optional("clause");
            var clause = clauseNode is null ? null : context.Text(clauseNode, "the list's 'clause'");
            var mineralsNode = m.Required("minerals", "the minerals, e.g. [ultra-lean-magnetite, blue-asbestos]");
            var minerals = mineralsNode is null ? null : context.Words(mineralsNode, Vocabularies.Minerals, "'minerals'", id);
            m.Finish($"the mineral list '{id}'");
            if (mineralsNode is SequenceNode { Items.Count: 0 })
            {
                // A scope naming the list would read its empty mask as "any mineral": emptying a banned list would ban all mining.
                _diagnostics.Add(
                    mineralsNode.Location,
                    DiagnosticCodes.InvalidRule,
                    $"The mineral list '{id}' is empty; a rule naming it would cover every mineral, not none. Name at least one mineral, e.g. [ultra-lean-magnetite]; if no mineral is left, remove the list and the rules that name it (mineralList: {id}).",
                    $"矿种清单 '{id}' 为空；引用它的规则将涵盖所有矿种，而不是一个也不涵盖。请至少列出一个矿种，如 [ultra-lean-magnetite]；如已没有矿种，请删除该清单及引用它的规则（mineralList: {id}）。");
            }
            if (clause is not null && !ClauseNumbers.IsReference(clause))
            {
                _diagnostics.Add(clauseNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{clause}' is not a clause reference; write chapter.section[.item], e.g. \"5.1.1\".", $"'{clause}' 不是条款编号；请写作 章.节[.条]，如 \"5.1.1\"。");
            }

            if (id is not null && minerals is not null)
            {
                yield return new MineralList(id, mapping.Location, title, clause, minerals);
            }
        }
    }
}
