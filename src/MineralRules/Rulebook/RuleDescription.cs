using System.Globalization;
using System.Text;
using MineralRules.Rulebook;
using MineralRules.RuleSets;

namespace MineralRules;

/// <summary>
/// One rule in plain words, in Chinese and English, for people who read law rather than YAML
/// (<see cref="CompiledRuleSet.Descriptions"/>): which applications it covers, what a compliant one satisfies, each
/// threshold with its unit and how its boundary reads ("至少 300万吨/年（300 本身合格）"), the outcome, and the texts and
/// citations the rule carries. The same words serve the rulebook, <c>mineralrules explain</c> and hosts' own screens.
/// </summary>
public sealed record RuleDescription
{
    /// <summary>The rule's id.</summary>
    public required string RuleId { get; init; }

    /// <summary><c>check</c> or <c>note</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The clause of record: its number, the plan's words quoted, and their English rendering.</summary>
    public required ClauseReference Clause { get; init; }

    /// <summary>Which applications the rule covers, on one line.</summary>
    public required LocalizedText Scope { get; init; }

    /// <summary>The same, one item per scope key (permit, actions, minerals with their list, zones, places, when).</summary>
    public IReadOnlyList<LocalizedText> ScopeItems { get; init; } = [];

    /// <summary>What a compliant application satisfies, in words; null for a note.</summary>
    public LocalizedText? Condition { get; init; }

    /// <summary>Every threshold of the condition and scope with its unit and boundary reading, in the order written.</summary>
    public IReadOnlyList<LocalizedText> Thresholds { get; init; } = [];

    /// <summary>What follows when the condition is violated (and when met, for conditional permission), or "note".</summary>
    public required LocalizedText Outcome { get; init; }

    /// <summary>The message template (placeholders such as <c>{actual}</c> as written).</summary>
    public required LocalizedText Message { get; init; }

    /// <summary>The message when met with review, or null.</summary>
    public LocalizedText? MessageWhenMet { get; init; }

    /// <summary>What to do about a fail or review, or null.</summary>
    public LocalizedText? Remedy { get; init; }

    /// <summary>What to do when met with review, or null.</summary>
    public LocalizedText? RemedyWhenMet { get; init; }

    /// <summary>The reading of the clause the rule rests on, or null.</summary>
    public LocalizedText? Interpretation { get; init; }

    /// <summary>National instruments relied on, each as 《title》（number）article.</summary>
    public IReadOnlyList<string> Basis { get; init; } = [];

    /// <summary>Further clauses cited.</summary>
    public IReadOnlyList<ClauseReference> AlsoCites { get; init; } = [];

    /// <summary>The minerals the scope covers (named or through a list), by code and name; empty when any mineral.</summary>
    public IReadOnlyList<NamedWord> Minerals { get; init; } = [];

    /// <summary>The outcome when the condition is violated (fail or review); null for a note.</summary>
    public Outcome? WhenViolated { get; init; }

    /// <summary>
    /// The description item by item in the reader's language, each with its label: clause, scope, condition, each
    /// threshold, outcome, message, remedy, interpretation, each legal basis, each further clause (what is absent is left out).
    /// </summary>
    /// <param name="culture">A <c>zh</c> culture for Chinese, any other for English.</param>
    /// <returns>The items, in that order.</returns>
    public IReadOnlyList<DescriptionLine> Lines(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var zh = culture.TwoLetterISOLanguageName == "zh";
        var lines = new List<DescriptionLine>();
        void Line(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                lines.Add(new DescriptionLine(key, PlainWords.Label(key, zh), value));
            }
        }

        Line("clause", zh || Clause.En.Length == 0 ? Clause.Text : Clause.En);
        Line("scope", Scope.In(culture));
        Line("condition", Condition?.In(culture));
        foreach (var threshold in Thresholds.Where(t => t != Condition))
        {
            Line("threshold", threshold.In(culture)); // a condition that is one comparison already says it
        }

        Line("outcome", Outcome.In(culture));
        Line("message", Message.In(culture));
        Line("messageWhenMet", MessageWhenMet?.In(culture));
        Line("remedy", Remedy?.In(culture));
        Line("remedyWhenMet", RemedyWhenMet?.In(culture));
        Line("interpretation", Interpretation?.In(culture));
        foreach (var basis in Basis)
        {
            Line("basis", basis);
        }

        foreach (var cited in AlsoCites)
        {
            Line("alsoCites", $"{cited.Ref} {cited.Text}{(!zh && cited.En.Length > 0 ? " — " + cited.En : string.Empty)}");
        }

        return lines;
    }

    /// <summary>The whole description as text in the reader's language (<c>mineralrules explain</c>): a heading line, then <see cref="Lines"/>.</summary>
    /// <param name="culture">A <c>zh</c> culture for Chinese, any other for English.</param>
    /// <returns>The text, one item a line.</returns>
    public string Format(CultureInfo culture)
    {
        var zh = culture?.TwoLetterISOLanguageName == "zh";
        var text = new StringBuilder();
        text.Append(PlainWords.Label("rule", zh)).Append(' ').Append(RuleId).Append(zh ? $"（{Clause.Ref}）" : $" ({Clause.Ref})").Append('\n');
        foreach (var line in Lines(culture!))
        {
            text.Append("  ").Append(line.Label).Append(zh ? "：" : ": ").Append(line.Text).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>One item of a <see cref="RuleDescription"/> in one language.</summary>
/// <param name="Key">What the item is: <c>clause</c>, <c>scope</c>, <c>condition</c>, <c>threshold</c>, <c>outcome</c>, <c>message</c>, <c>messageWhenMet</c>, <c>remedy</c>, <c>remedyWhenMet</c>, <c>interpretation</c>, <c>basis</c>, <c>alsoCites</c>.</param>
/// <param name="Label">Its label in the language (适用范围 / Applies to).</param>
/// <param name="Text">Its text.</param>
public sealed record DescriptionLine(string Key, string Label, string Text);

/// <summary>A word of the contract by its code and its Chinese and English names (e.g. <c>coal</c>, 煤炭, coal).</summary>
/// <param name="Code">The code documents write.</param>
/// <param name="Zh">The Chinese name.</param>
/// <param name="En">The English name.</param>
public sealed record NamedWord(string Code, string Zh, string En);

/// <summary>
/// One chapter, section or numbered item of the plan in a rule set (<see cref="CompiledRuleSet.Clauses"/>): its
/// number and title, whether applications can be checked against it and why, the plan's own words, the passages the
/// rules quote with their English rendering, and the rules that cite it — so a reader can go clause → text → rules.
/// </summary>
public sealed record ClauseText
{
    /// <summary>The clause's number, e.g. <c>5.2.1</c>.</summary>
    public required string Ref { get; init; }

    /// <summary>The chapter the clause belongs to, e.g. <c>5</c>.</summary>
    public string Chapter => Ref.Split('.')[0];

    /// <summary>The plan's title of the clause (Chinese), e.g. 提高最低开采规模.</summary>
    public required string Title { get; init; }

    /// <summary><c>checkable</c>, <c>informational</c> or <c>not-checkable</c> (the clause index); empty when the rule set has no index entry for it.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>The status in words, or null.</summary>
    public LocalizedText? StatusName { get; init; }

    /// <summary>Why the clause has that status (the clause index's reason), or null.</summary>
    public LocalizedText? Reason { get; init; }

    /// <summary>The plan's own words under the clause's heading, up to the next heading (Chinese, as published); empty when the plan text lacks it.</summary>
    public string PlanText { get; init; } = string.Empty;

    /// <summary>The passages of the clause the rules quote, each with its English rendering (the rules' own), in rule order, each once.</summary>
    public IReadOnlyList<ClauseReference> Quotes { get; init; } = [];

    /// <summary>The rules whose clause of record this is, in evaluation order.</summary>
    public IReadOnlyList<string> RuleIds { get; init; } = [];

    /// <summary>The clause as lines of text in the reader's language (<c>explain</c>): number, title, status, the plan's words, the quoted passages.</summary>
    /// <param name="culture">A <c>zh</c> culture for Chinese, any other for English.</param>
    /// <returns>The text.</returns>
    public string Format(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var zh = culture.TwoLetterISOLanguageName == "zh";
        var colon = zh ? "：" : ": ";
        var text = new StringBuilder();
        text.Append(PlainWords.Label("clauseHeading", zh)).Append(' ').Append(Ref).Append(' ').Append(Title).Append('\n');
        if (StatusName is { } status)
        {
            text.Append("  ").Append(PlainWords.Label("status", zh)).Append(colon).Append(status.In(culture));
            text.Append(Reason is { } reason ? (zh ? "。" : ". ") + reason.In(culture) : string.Empty).Append('\n');
        }

        if (PlanText.Length > 0)
        {
            text.Append("  ").Append(PlainWords.Label("planText", zh)).Append(colon.TrimEnd()).Append('\n');
            foreach (var line in PlanText.Split('\n'))
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }

        if (Quotes.Count > 0)
        {
            text.Append("  ").Append(PlainWords.Label("quotes", zh)).Append(colon.TrimEnd()).Append('\n');
            foreach (var quote in Quotes)
            {
                text.Append("    ").Append(quote.Text).Append(!zh && quote.En.Length > 0 ? "\n      " + quote.En : string.Empty).Append('\n');
            }
        }

        text.Append("  ").Append(PlainWords.Label("rules", zh)).Append(colon).Append(RuleIds.Count == 0 ? (zh ? "（无）" : "(none)") : string.Join(", ", RuleIds)).Append('\n');
        return text.ToString();
    }
}

/// <summary>Builds a rule set's <see cref="ClauseText"/>s: the clause index in its order, then any clause a rule cites that the index lacks.</summary>
internal static class ClauseTexts
{
    public static IReadOnlyList<ClauseText> From(RuleSetDefinition definition)
    {
        var plan = definition.Plan;
        var refs = definition.ClauseIndex.Count > 0
            ? definition.ClauseIndex.Select(e => e.Ref).ToList()
            : plan?.Clauses.Select(c => c.Ref).ToList() ?? [];
        foreach (var rule in definition.Rules.Where(r => !refs.Contains(r.Clause.Ref, StringComparer.Ordinal)))
        {
            refs.Add(rule.Clause.Ref);
        }

        var index = definition.ClauseIndex.ToDictionary(e => e.Ref, StringComparer.Ordinal);
        return [.. refs.Distinct(StringComparer.Ordinal).Select(reference =>
        {
            var entry = index.GetValueOrDefault(reference);
            var rules = definition.Rules.Where(r => r.Clause.Ref == reference).ToList();
            var quotes = rules.Select(r => r.Clause)
                .Concat(definition.Rules.SelectMany(r => r.AlsoCites).Where(c => c.Ref == reference))
                .DistinctBy(c => c.Text)
                .ToList();
            return new ClauseText
            {
                Ref = reference,
                Title = entry?.Title ?? plan?.Clause(reference)?.Title ?? string.Empty,
                Status = entry is null ? string.Empty : Applications.ResultVocabularies.ClauseStatuses.Code(entry.Status),
                StatusName = entry is null ? null : PlainWords.Status(entry.Status),
                Reason = entry?.Reason,
                PlanText = plan?.OwnText(reference) ?? string.Empty,
                Quotes = quotes,
                RuleIds = [.. rules.Select(r => r.Id)],
            };
        })];
    }
}

/// <summary>
/// The contract's result words in both languages, for pages and screens that label outcomes and decisions (the
/// rulebook, a host's preview): the names of <c>Vocabularies</c>, the one place the contract's words are defined.
/// </summary>
public static class PlainNames
{
    /// <summary>An outcome's name: 通过 / pass, 不通过 / fail, 需复核 / review, 不适用 / not applicable.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Its Chinese and English names.</returns>
    public static LocalizedText Outcome(Outcome outcome)
    {
        var term = Applications.ResultVocabularies.Outcomes[outcome];
        return new(term.Zh, term.En);
    }

    /// <summary>An outcome's code as the result document writes it: <c>pass</c>, <c>fail</c>, <c>review</c>, <c>not-applicable</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Its code.</returns>
    public static string Code(Outcome outcome) => Applications.ResultVocabularies.Outcomes.Code(outcome);

    /// <summary>
    /// A label of the plain words in both languages, as <see cref="RuleDescription.Lines"/> and <see cref="ClauseText.Format"/>
    /// write it: <c>planText</c> (规划原文), <c>rules</c> (执行该条款的规则), <c>note</c> (提示), <c>noteShown</c> (显示提示), or a
    /// <see cref="DescriptionLine.Key"/>; an unknown key is returned as it is.
    /// </summary>
    /// <param name="key">The label's key.</param>
    /// <returns>Its Chinese and English words.</returns>
    public static LocalizedText Label(string key) => new(PlainWords.Label(key, zh: true), PlainWords.Label(key, zh: false));

    /// <summary>A decision's name: 符合规划 / compliant, 不符合规划 / non-compliant, 需人工复核 / needs review.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>Its Chinese and English names.</returns>
    public static LocalizedText Decision(Decision decision)
    {
        var term = Applications.ResultVocabularies.Decisions[decision];
        return new(term.Zh, term.En);
    }

    /// <summary>A mineral's code and names (煤炭 / coal).</summary>
    /// <param name="mineral">The mineral.</param>
    /// <returns>Its code, Chinese and English names.</returns>
    public static NamedWord Mineral(Mineral mineral)
    {
        var term = Applications.Vocabularies.Minerals[mineral];
        return new(term.Code, term.Zh, term.En);
    }
}
