using MineralRules.Diagnostics;
using MineralRules.Reference;

namespace MineralRules.RuleSets;

/// <summary>
/// The checks of a rule set's citations of the plan, in one place: the clause index lists every clause of the plan
/// once, under the plan's own title; each rule cites a clause the plan has and quotes words that stand under it, and
/// so does each further citation (<c>alsoCites</c>); and a rule cites a clause the index lets it cite (a check a
/// checkable clause, a note a checkable or informational one). The loader reports what is wrong as diagnostics
/// (through <see cref="RuleSetValidator"/>); the coverage report lists a rule's first citation problem
/// (<see cref="Problem"/>), from the same checks.
/// </summary>
internal sealed class ClauseCitations
{
    private readonly RuleSetDefinition _definition;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _checkQuotes;
    private readonly Dictionary<string, ClauseIndexEntry> _index = new(StringComparer.Ordinal);

    /// <param name="definition">The rule set read.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="checkQuotes">False only for the coverage report, which lists quote problems itself (<see cref="Problem"/>).</param>
    public ClauseCitations(RuleSetDefinition definition, DiagnosticBag diagnostics, bool checkQuotes)
    {
        _definition = definition;
        _diagnostics = diagnostics;
        _checkQuotes = checkQuotes;
    }

    /// <summary>What can be wrong with one citation, in the order the checks ask.</summary>
    private enum Fault
    {
        /// <summary>The plan has no clause of that number.</summary>
        NoSuchClause,

        /// <summary>The quoted words are nowhere in the plan's text.</summary>
        QuoteNotInPlan,

        /// <summary>The quoted words are in the plan, but not under the cited clause.</summary>
        QuoteNotUnderClause,
    }

    /// <summary>What is wrong with a rule's citation against the plan's text (the first problem only), or null; for the coverage report.</summary>
    public static LocalizedText? Problem(RuleDefinition rule, PlanText plan) => FirstFault(rule.Clause, plan) switch
    {
        Fault.NoSuchClause => new($"规划中没有条款 {rule.Clause.Ref}", $"the plan has no clause {rule.Clause.Ref}"),
        Fault.QuoteNotInPlan => new($"引文 '{rule.Clause.Text}' 不在规划原文中", $"the quote '{rule.Clause.Text}' is not in the plan's text"),
        Fault.QuoteNotUnderClause => new($"引文在规划中，但不在条款 {rule.Clause.Ref} 之下", $"the quote is in the plan but not under clause {rule.Clause.Ref}"),
        _ => null,
    };

    /// <summary>The index lists every clause of the plan once, with the plan's own title.</summary>
    public void CheckIndex()
    {
        foreach (var entry in _definition.ClauseIndex)
        {
            if (!_index.TryAdd(entry.Ref, entry))
            {
                _diagnostics.Add(entry.Location, DiagnosticCodes.DuplicateKey, $"Clause {entry.Ref} is indexed twice (first at {_index[entry.Ref].Location}).", $"条款 {entry.Ref} 在索引中出现了两次（第一次在 {_index[entry.Ref].Location}）。");
                continue;
            }

            if (_definition.Plan is { } plan)
            {
                if (plan.Clause(entry.Ref) is not { } clause)
                {
                    _diagnostics.Add(entry.Location, DiagnosticCodes.InvalidClauseRef, $"The plan has no clause {entry.Ref}.{Suggestions.DidYouMean(entry.Ref, plan.Clauses.Select(c => c.Ref))}", $"规划中没有条款 {entry.Ref}。{Suggestions.DidYouMeanZh(entry.Ref, plan.Clauses.Select(c => c.Ref))}");
                }
                else if (PlanText.Compact(clause.Title) != PlanText.Compact(entry.Title))
                {
                    _diagnostics.Add(entry.Location, DiagnosticCodes.InvalidClauseRef, $"Clause {entry.Ref} is titled '{clause.Title}' in the plan, not '{entry.Title}'.", $"条款 {entry.Ref} 在规划中的标题是 '{clause.Title}'，而不是 '{entry.Title}'。");
                }
            }
        }

        if (_definition.Plan is { } text && _index.Count > 0)
        {
            var where = _definition.ClauseIndex[0].Location with { Line = _definition.ClauseIndex[0].Location.Line, Column = 1 };
            foreach (var clause in text.Clauses.Where(c => !_index.ContainsKey(c.Ref)))
            {
                _diagnostics.Add(where, DiagnosticCodes.InvalidClauseRef, $"The clause index lacks clause {clause.Ref} ({clause.Title}); add it with its status and, when not checkable, the reason.", $"条款索引缺少条款 {clause.Ref}（{clause.Title}）；请加上它及其状态，不可检查的还要写明理由。");
            }
        }
    }

    /// <summary>A rule's citation and further citations against the plan's text, then the clause's status in the index (after <see cref="CheckIndex"/>).</summary>
    public void CheckRule(RuleDefinition rule)
    {
        if (_definition.Plan is { } plan && _checkQuotes)
        {
            CheckCitation(rule, plan);
            CheckAlsoCites(rule, plan);
        }

        if (_index.Count > 0)
        {
            CheckIndexed(rule);
        }
    }

    private static Fault? FirstFault(ClauseReference citation, PlanText plan) =>
        !plan.HasClause(citation.Ref) ? Fault.NoSuchClause : QuoteFault(citation, plan);

    /// <summary>Whether the quote is in the plan and, when the plan has the cited clause, stands in its text (between its heading and the next one).</summary>
    private static Fault? QuoteFault(ClauseReference citation, PlanText plan) =>
        !plan.Contains(citation.Text) ? Fault.QuoteNotInPlan
        : plan.HasClause(citation.Ref) && !plan.ClauseContains(citation.Ref, citation.Text) ? Fault.QuoteNotUnderClause
        : null;

    /// <summary>The clause and the quote are each reported: a wrong number and a misquote are two mistakes.</summary>
    private void CheckCitation(RuleDefinition rule, PlanText plan)
    {
        if (!plan.HasClause(rule.Clause.Ref))
        {
            var refs = plan.Clauses.Select(c => c.Ref).ToList();
            _diagnostics.Add(
                rule.ClauseRefLocation ?? rule.Location,
                DiagnosticCodes.InvalidClauseRef,
                $"The plan has no clause {rule.Clause.Ref}.{Suggestions.DidYouMean(rule.Clause.Ref, refs)} Clauses are cited by the plan's own numbering (第五章第二节 item 1 is 5.2.1).",
                $"规划中没有条款 {rule.Clause.Ref}。{Suggestions.DidYouMeanZh(rule.Clause.Ref, refs)}条款按规划自身的编号引用（第五章第二节第 1 项为 5.2.1）。",
                rule.Id);
        }

        switch (QuoteFault(rule.Clause, plan))
        {
            case Fault.QuoteNotInPlan:
                _diagnostics.Add(
                    rule.ClauseQuoteLocation ?? rule.Location,
                    DiagnosticCodes.QuoteNotInPlan,
                    $"The quote '{rule.Clause.Text}' is not in the plan's text; copy the plan's own words exactly (spaces and line breaks do not matter).",
                    $"引文 '{rule.Clause.Text}' 不在规划原文中；请逐字照抄规划原文（空格和换行不影响）。",
                    rule.Id);
                break;
            case Fault.QuoteNotUnderClause:
                _diagnostics.Add(
                    rule.ClauseQuoteLocation ?? rule.Location,
                    DiagnosticCodes.QuoteNotInPlan,
                    $"The quote is in the plan, but not under clause {rule.Clause.Ref} ({plan.Clause(rule.Clause.Ref)!.Title}); cite the clause the words stand in.",
                    $"引文在规划中，但不在条款 {rule.Clause.Ref}（{plan.Clause(rule.Clause.Ref)!.Title}）之下；请引用这段文字所在的条款。",
                    rule.Id);
                break;
        }
    }

    /// <summary>Each further citation (<c>alsoCites</c>) names a clause of the plan and quotes words that stand under it: its first problem is reported.</summary>
    private void CheckAlsoCites(RuleDefinition rule, PlanText plan)
    {
        for (var i = 0; i < rule.AlsoCites.Count; i++)
        {
            var citation = rule.AlsoCites[i];
            var location = i < rule.AlsoCitesLocations.Count ? rule.AlsoCitesLocations[i] : rule.Location;
            switch (FirstFault(citation, plan))
            {
                case Fault.NoSuchClause:
                    _diagnostics.Add(location, DiagnosticCodes.InvalidClauseRef, $"'alsoCites' names clause {citation.Ref}, which the plan does not have.{Suggestions.DidYouMean(citation.Ref, plan.Clauses.Select(c => c.Ref))}", $"'alsoCites' 引用了条款 {citation.Ref}，但规划中没有该条款。{Suggestions.DidYouMeanZh(citation.Ref, plan.Clauses.Select(c => c.Ref))}", rule.Id);
                    break;
                case Fault.QuoteNotInPlan:
                    _diagnostics.Add(location, DiagnosticCodes.QuoteNotInPlan, $"The quote '{citation.Text}' in 'alsoCites' is not in the plan's text; copy the plan's own words exactly.", $"'alsoCites' 中的引文 '{citation.Text}' 不在规划原文中；请逐字照抄规划原文。", rule.Id);
                    break;
                case Fault.QuoteNotUnderClause:
                    _diagnostics.Add(location, DiagnosticCodes.QuoteNotInPlan, $"The quote in 'alsoCites' is in the plan, but not under clause {citation.Ref}; cite the clause the words stand in.", $"'alsoCites' 中的引文在规划中，但不在条款 {citation.Ref} 之下；请引用这段文字所在的条款。", rule.Id);
                    break;
            }
        }
    }

    /// <summary>A check cites a checkable clause; a note a checkable or informational one.</summary>
    private void CheckIndexed(RuleDefinition rule)
    {
        if (!_index.TryGetValue(rule.Clause.Ref, out var entry))
        {
            return; // reported with the citation when the plan has no such clause
        }

        var allowed = rule.Kind == RuleKind.Check ? entry.Status == ClauseStatus.Checkable : entry.Status != ClauseStatus.NotCheckable;
        if (!allowed)
        {
            _diagnostics.Add(
                rule.ClauseRefLocation ?? rule.Location,
                DiagnosticCodes.InvalidClauseRef,
                $"The clause index marks {entry.Ref} ({entry.Title}) as {(entry.Status == ClauseStatus.Informational ? "informational: cite it from a note (kind: note)" : "not checkable")}; change the index or cite another clause.",
                $"条款索引把 {entry.Ref}（{entry.Title}）标为{(entry.Status == ClauseStatus.Informational ? "仅供参考：请在提示（kind: note）中引用它" : "不可检查")}；请修改索引或引用其他条款。",
                rule.Id);
        }
    }
}
