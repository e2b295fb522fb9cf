using System.Text.RegularExpressions;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;

namespace MineralRules.RuleSets.Reading;

/// <summary>Reads the clause index (<c>clauseIndex</c>): every clause of the plan with its status and, when not checkable, why.</summary>
internal sealed partial class ClauseIndexReader(ReadingContext context)
{
    private readonly DiagnosticBag _diagnostics = context.Diagnostics;

    public IEnumerable<ClauseIndexEntry> Read(DocumentNode node)
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
            var reference = context.Text(refNode, "'ref'");
            var title = context.Text(m.Required("title", "the heading as the plan writes it"), "'title'");
            var statusNode = m.Required("status", "checkable, informational or not-checkable");
            var statusText = context.Text(statusNode, "'status'");
            var reason = m.Required("reason", "a one-line reason { zh, en }") is { } r ? context.ReadText(r, "'reason'", null) : null;
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
                _diagnostics.Add(statusNode!.Location, DiagnosticCodes.UnknownValue, $"Unknown status '{statusText}'.{Suggestions.DidYouMean(statusText, ["checkable", "informational", "not-checkable"])} Allowed: checkable, informational, not-checkable.", $"未知的条款状态 '{statusText}'。{Suggestions.DidYouMeanZh(statusText, ["checkable", "informational", "not-checkable"])}可用的值：checkable, informational, not-checkable。");
            }

            if (reference is not null && !ClauseNumbers.IsReference(reference) && !ChapterPattern().IsMatch(reference))
            {
                _diagnostics.Add(refNode!.Location, DiagnosticCodes.InvalidClauseRef, $"'{reference}' is not a clause reference; write chapter[.section[.item]], e.g. \"5.2.1\".", $"'{reference}' 不是条款编号；请写作 章[.节[.条]]，如 \"5.2.1\"。");
            }

            if (reference is not null && title is not null && status is not null && reason is not null)
            {
                yield return new ClauseIndexEntry(reference, title, status.Value, reason, refNode!.Location);
            }
        }
    }

    [GeneratedRegex(@"^[1-9][0-9]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterPattern();
}
