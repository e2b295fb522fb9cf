using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MineralRules.Compilation;
using MineralRules.RuleSets;

namespace MineralRules.Evaluation;

/// <summary>
/// Applies compiled rules to one application and decides, exactly as clauses.md says: scope, condition, missing
/// facts (review, naming them), exemptions (fail → review only where the rule is 原则上), then the decision.
/// </summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(RuleSetInfo info, RuleIndex index, FieldCatalog fields, Application application)
    {
        var entry = index.For(application);
        var candidates = entry.Candidates;
        var verdicts = new VerdictList.Builder(entry);
        var candidateRules = entry.CandidateRules;
        HashSet<string>? applied = null;
        HashSet<string>? ignored = null;
        var fail = false;
        var review = false;
        var zones = CompiledScope.ZonesOf(application);
        for (var slot = 0; slot < candidates.Length; slot++)
        {
            var i = candidates[slot];
            var rule = candidateRules[slot];
            var scope = rule.Scope.Rest(application, zones);
            if (scope.IsFalse)
            {
                verdicts.NotApplicable(slot);
                continue;
            }

            var condition = rule.Condition!.Evaluate(application);
            if (condition.IsTrue && (scope.IsTrue ? rule.PassesWhenMet : rule.PassesWhenMetDespiteUnknownScope))
            {
                // The common case, first. A met condition does not ask for the scope's absent facts where the
                // rule set reads so (2.0.0); 1.0.0 asked for them.
                verdicts.Passed(slot);
                continue;
            }

            var definition = rule.Definition;
            Verdict verdict;
            if (scope.IsUnknown)
            {
                // Whether the rule applies hangs on an absent fact: never a pass, never a fail (clauses.md).
                var missing = condition.IsUnknown ? scope.Missing.Union(condition.Missing) : scope.Missing;
                verdict = MissingVerdict(rule, missing, fields, application);
            }
            else if (condition.IsTrue)
            {
                // Met, scope known, and not a pass (that returned above): an outcomeWhenMet: review rule.
                // Built once for the combination (RuleIndex); explained when first read (VerdictList).
                verdict = entry.MetForReview[i]!;
            }
            else if (condition.IsUnknown)
            {
                verdict = MissingVerdict(rule, condition.Missing, fields, application);
            }
            else
            {
                verdict = Violated(rule, entry.Violated[i]!, application);
                if (verdict.Exemption is { } exemption)
                {
                    (exemption.Status == ExemptionStatus.Applied ? applied ??= [] : ignored ??= []).Add(exemption.Clause);
                }
            }

            fail |= verdict.Outcome == Outcome.Fail;
            review |= verdict.Outcome == Outcome.Review;
            verdicts.Add(slot, verdict);
        }

        var notes = entry.AllNotes ?? Notes(entry, application, zones);

        // 7.2: 经审查不符合矿产资源规划的 ... 不得颁发 — any fail decides.
        var decision = fail ? Decision.NonCompliant : review ? Decision.NeedsReview : Decision.Compliant;
        return new EvaluationResult(
            application.Id,
            info,
            decision,
            verdicts.Build(application),
            notes,
            application.Exemptions.Count == 0 ? [] : Summarise(application, index, applied, ignored));
    }

    /// <summary>The notes whose whole scope holds (for a combination whose notes do not all hold alike).</summary>
    private static Note[] Notes(RuleIndex.Entry entry, Application application, ulong zones)
    {
        if (entry.Notes.Length == 0)
        {
            return [];
        }

        Span<bool> holds = stackalloc bool[entry.Notes.Length];
        var count = 0;
        for (var k = 0; k < entry.Notes.Length; k++)
        {
            holds[k] = entry.Notes[k].Scope.Rest(application, zones).IsTrue;
            count += holds[k] ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var notes = new Note[count];
        for (int k = 0, n = 0; k < entry.Notes.Length; k++)
        {
            if (holds[k])
            {
                var note = entry.Notes[k];
                notes[n++] = entry.NoteTexts[k] ?? new Note(note.Id, note.Clause, Deferred(note.Definition.Message, note, application));
            }
        }

        return notes;
    }

    // forCombination: the violated verdict built once for the application's permit, action and mineral (RuleIndex);
    // an exemption claim always needs a verdict of its own. Either is explained when first read (VerdictList).
    private static Verdict Violated(CompiledRule rule, Verdict forCombination, Application application)
    {
        var definition = rule.Definition;
        var claim = definition.Outcome == Outcome.Fail && application.Exemptions.Count > 0 ? FindClaim(application, definition.Clause.Ref) : null;
        if (claim is null)
        {
            return forCombination;
        }

        if (definition.Exemptable)
        {
            var reason = ExemptionText.Of(ExemptionText.Kind.Claimed, claim);
            var report = new ExemptionReport(claim.Clause, claim.Basis, ExemptionStatus.Applied, reason);
            return Unexplained(rule, Outcome.Review, Deferred(definition.Message, rule, application, reason), report, definition.Remedy);
        }

        var ignoredReason = ExemptionText.Of(ExemptionText.Kind.IgnoredHere, claim);
        return Unexplained(rule, Outcome.Fail, Deferred(definition.Message, rule, application, ignoredReason), new ExemptionReport(claim.Clause, claim.Basis, ExemptionStatus.Ignored, ignoredReason), definition.Remedy);
    }

    private static ExemptionClaim? FindClaim(Application application, string clause)
    {
        foreach (var claim in application.Exemptions)
        {
            if (claim.Clause == clause && !string.IsNullOrWhiteSpace(claim.Basis))
            {
                return claim;
            }
        }

        return null;
    }

    private static ExemptionReport[] Summarise(Application application, RuleIndex index, HashSet<string>? applied, HashSet<string>? ignored)
    {
        var reports = new ExemptionReport[application.Exemptions.Count];
        for (var k = 0; k < reports.Length; k++)
        {
            var claim = application.Exemptions[k];
            var exemptable = index.ExemptableClauses.Contains(claim.Clause);
            var (status, text) = applied?.Contains(claim.Clause) == true ? (ExemptionStatus.Applied, ExemptionText.Kind.Applied)
                : !exemptable ? (ExemptionStatus.Ignored, ExemptionText.Kind.NotExemptable)
                : ignored?.Contains(claim.Clause) == true ? (ExemptionStatus.Ignored, ExemptionText.Kind.NotExemptableHere)
                : (ExemptionStatus.NotNeeded, ExemptionText.Kind.NotNeeded);
            reports[k] = new ExemptionReport(claim.Clause, claim.Basis, status, ExemptionText.Of(text, claim));
        }

        return reports;
    }

    /// <summary>
    /// A fail or review still to be explained: it holds the rule's remedy template and <see cref="DeferredFacts.Pending"/>
    /// (or, when its message is a template still to fill with the application's values,
    /// <see cref="DeferredFacts.PendingWithMessage"/>), and the result's verdict list explains it for the application
    /// when it is first read (<see cref="Explain"/>).
    /// </summary>
    public static Verdict Unexplained(CompiledRule rule, Outcome outcome, LocalizedText message, ExemptionReport? exemption, LocalizedText? remedy, bool messageToFill = false) =>
        rule.Verdict(outcome, message, [], exemption, remedy, messageToFill ? DeferredFacts.PendingWithMessage : DeferredFacts.Pending);

    /// <summary>An unexplained verdict explained for this application: its message and remedy filled and the facts it was decided on, all formed when first read.</summary>
    public static Verdict Explain(Verdict verdict, CompiledRule rule, Application application) =>
        verdict with
        {
            Message = ReferenceEquals(verdict.Facts, DeferredFacts.PendingWithMessage) ? Deferred(verdict.Message!, rule, application) : verdict.Message,
            Remedy = verdict.Remedy is { } remedy ? Deferred(remedy, rule, application) : null,
            Facts = new DeferredFacts(rule, application),
        };

    /// <summary>A rule's message for this application, formatted when first read (a template without placeholders as it is).</summary>
    private static LocalizedText Deferred(LocalizedText template, CompiledRule rule, Application application, LocalizedText? more = null) =>
        more is null && !HasPlaceholder(template) ? template : new LocalizedText(new DeferredMessage(template, rule, application, more));

    /// <summary>True when a message names nothing but the permit, action and mineral (or nothing at all).</summary>
    public static bool DependsOnCombinationOnly(LocalizedText text) => OnlyCombination(text.Zh) && OnlyCombination(text.En);

    private static bool OnlyCombination(string template)
    {
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            if (template.AsSpan(open + 1, close - open - 1) is "actual" or "required" or "league")
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasPlaceholder(LocalizedText text) =>
        text.Zh.Contains('{', StringComparison.Ordinal) || text.En.Contains('{', StringComparison.Ordinal);

    /// <summary>
    /// The review verdict for facts that could not decide the rule. Where every one of them is absent, the verdict
    /// depends on nothing but the rule and the set of fields, and is built once per set; a field that is given but
    /// still could not decide (a unit that cannot convert) is explained with the application's own value, when the
    /// verdict is first read.
    /// </summary>
    private static Verdict MissingVerdict(CompiledRule rule, FieldSet missing, FieldCatalog fields, Application application)
    {
        if (missing.IsEmpty)
        {
            // Nothing absent, yet undecided (an expression that overflowed): the message says why, the facts are
            // the ones the condition reads.
            return rule.Verdict(
                Outcome.Review,
                new LocalizedText(new DeferredUndecidedMessage(rule, application)),
                [],
                null,
                rule.Readings.RemediesRequired ? new LocalizedText("由人工复核本项规定。", "Have a person review this provision.") : null,
                new DeferredFacts(rule, application));
        }

        var allAbsent = AllAbsent(missing, fields, application);
        if (allAbsent && rule.MissingVerdict(missing) is { } cached)
        {
            return cached;
        }

        var absent = Absent(missing, fields, application);
        var verdict = rule.Verdict(
            Outcome.Review,
            new LocalizedText(new DeferredMissingMessage(missing, fields, application, MissingFacts.NamesInChinese(rule.Readings))),
            absent,
            null,
            rule.Readings.RemediesRequired ? new LocalizedText(new DeferredMissingRemedy(missing, fields, application)) : null,
            allAbsent ? MissingFacts.Of(missing, fields, application) : new DeferredFacts(rule, application, missing));
        if (allAbsent && !missing.IsEmpty)
        {
            rule.CacheMissingVerdict(missing, verdict);
        }

        return verdict;
    }

    private static bool AllAbsent(FieldSet missing, FieldCatalog fields, Application application)
    {
        foreach (var id in missing.Ids())
        {
            if (fields[id].Read(application) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fields the application leaves out. A field it gives that still could not decide (a capacity in
    /// a unit that cannot convert to the threshold's) is not missing: the message says why instead.</summary>
    private static string[] Absent(FieldSet missing, FieldCatalog fields, Application application)
    {
        var count = 0;
        foreach (var id in missing.Ids())
        {
            count += fields[id].Read(application) is null ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var absent = new string[count];
        var n = 0;
        foreach (var id in missing.Ids())
        {
            if (fields[id].Read(application) is null)
            {
                absent[n++] = fields[id].Path;
            }
        }

        return absent;
    }

    /// <summary>The fields of a set, in field order.</summary>
    public static List<Field> Fields(FieldSet set, FieldCatalog fields)
    {
        var list = new List<Field>();
        foreach (var id in set.Ids())
        {
            list.Add(fields[id]);
        }

        return list;
    }

    public static LocalizedText MissingMessage(FieldSet missing, FieldCatalog fields, Application application, bool zhNames = true)
    {
        if (missing.IsEmpty)
        {
            return new LocalizedText("无法自动判断本项规定，须人工复核。", "This provision could not be decided automatically; a person must review it.");
        }

        var absent = Absent(missing, fields, application);
        var givenFields = Fields(missing, fields).Where(f => f.Read(application) is not null).ToList();

        // A date the application gives is "missing" only when the rule's shift (plusMonths, plusDays) takes it
        // past the calendar: say so, rather than blame a unit.
        var dates = givenFields.Where(f => f.Kind == FieldKind.Date).ToList();
        var given = givenFields.Where(f => f.Kind != FieldKind.Date).ToList();
        var zh = new StringBuilder();
        var en = new StringBuilder();
        if (absent.Length > 0)
        {
            var names = string.Join(", ", absent);
            var zhList = zhNames ? string.Join("、", Fields(missing, fields).Where(f => f.Read(application) is null).Select(f => f.ZhNamed)) : names;
            zh.Append(CultureInfo.InvariantCulture, $"缺少判断本项规定所需的事实：{zhList}。请补充后重新检查，或由人工复核。");
            en.Append(CultureInfo.InvariantCulture, $"Missing fact(s) needed to decide this provision: {names}. Supply them and check again, or have a person review it.");
        }

        if (given.Count > 0)
        {
            var zhValues = string.Join("，", given.Select(f => MissingFacts.ZhWithValue(f, application, zhNames)));
            var enValues = string.Join(", ", given.Select(f => $"{f.Path} ({ValueText.Of(f.Read(application), f, zh: false)})"));
            zh.Append(CultureInfo.InvariantCulture, $"{zhValues}无法与本项规定的标准比较（如体积单位对质量标准），须人工复核。");
            en.Append(en.Length > 0 ? " " : string.Empty).Append(CultureInfo.InvariantCulture, $"{enValues} cannot be compared with this provision's threshold (e.g. a volume against a mass); a person must review it.");
        }

        if (dates.Count > 0)
        {
            var zhValues = string.Join("，", dates.Select(f => MissingFacts.ZhWithValue(f, application, zhNames)));
            var enValues = string.Join(", ", dates.Select(f => $"{f.Path} ({ValueText.Of(f.Read(application), f, zh: false)})"));
            zh.Append(CultureInfo.InvariantCulture, $"{zhValues}按本项规定推移后超出日历范围（0001-01-01至9999-12-31），无法比较，须人工复核。");
            en.Append(en.Length > 0 ? " " : string.Empty).Append(CultureInfo.InvariantCulture, $"{enValues} shifted as this provision requires falls outside the calendar (0001-01-01 to 9999-12-31), so it cannot be compared; a person must review it.");
        }

        return new LocalizedText(zh.ToString(), en.ToString());
    }

    /// <summary>Fills a message's placeholders with this application's values.</summary>
    public static LocalizedText Format(LocalizedText template, CompiledRule rule, Application application)
    {
        if (!HasPlaceholder(template))
        {
            return template;
        }

        return new LocalizedText(Fill(template.Zh, rule, application, true), Fill(template.En, rule, application, false));
    }

    /// <summary>
    /// One pass over the template: literal text is copied, each known placeholder replaced by its value, computed
    /// only when the template names it (the condition's explanation at most once); unknown braces stay as written.
    /// </summary>
    private static string Fill(string template, CompiledRule rule, Application application, bool zh)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        Explanation? explanation = null;
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        var start = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            string? value = name switch
            {
                "actual" => (explanation ??= ExplainCondition(rule, application, zh)).Actual ?? ValueText.Of(null, null, zh),
                "required" => (explanation ??= ExplainCondition(rule, application, zh)).Required ?? ValueText.Of(null, null, zh),
                "mineral" => ValueText.Of(application.Mineral, null, zh),
                "permit" => ValueText.Of(application.Permit, null, zh),
                "action" => ValueText.Of(application.Action, null, zh),
                "league" => ValueText.Of(application.Location?.League, ApplicationFields.League, zh),
                _ => null,
            };
            text.AppendFormatted(template.AsSpan(start, (value is null ? close + 1 : open) - start));
            if (value is not null)
            {
                text.AppendFormatted(value);
            }

            start = close + 1;
            open = template.IndexOf('{', start);
        }

        text.AppendFormatted(template.AsSpan(start));
        return text.ToStringAndClear();
    }

    private static Explanation ExplainCondition(CompiledRule rule, Application application, bool zh) =>
        rule.Condition?.Explain(application, zh) ?? Explanation.None;
}

/// <summary>A rule's message for one application, filled with its values when first read.</summary>
internal sealed class DeferredMessage(LocalizedText template, CompiledRule rule, Application application, LocalizedText? more) : IDeferredText
{
    public LocalizedText Format()
    {
        var message = Evaluator.Format(template, rule, application);
        return more is null ? message : new LocalizedText(message.Zh + more.Zh, message.En + " " + more.En);
    }
}

/// <summary>The message of a review for facts that could not decide a rule, formatted when first read.</summary>
internal sealed class DeferredMissingMessage(FieldSet missing, FieldCatalog fields, Application application, bool zhNames) : IDeferredText
{
    public LocalizedText Format() => Evaluator.MissingMessage(missing, fields, application, zhNames);
}

/// <summary>The message of a review whose condition could not decide with every fact given, naming why; formatted when first read.</summary>
internal sealed class DeferredUndecidedMessage(CompiledRule rule, Application application) : IDeferredText
{
    public LocalizedText Format() => rule.Condition?.Undecided(application, zh: true) is { } zh && rule.Condition.Undecided(application, zh: false) is { } en
        ? new LocalizedText($"无法自动判断本项规定：{zh}。须人工复核。", $"This provision could not be decided automatically: {en}. A person must review it.")
        : new LocalizedText("无法自动判断本项规定，须人工复核。", "This provision could not be decided automatically; a person must review it.");
}

/// <summary>The remedy of a review for facts that could not decide a rule, formatted when first read.</summary>
internal sealed class DeferredMissingRemedy(FieldSet missing, FieldCatalog fields, Application application) : IDeferredText
{
    public LocalizedText Format() => MissingFacts.Remedy(missing, fields, application);
}

/// <summary>What became of an exemption claim, in Chinese and English; formatted when first read.</summary>
internal sealed class ExemptionText(ExemptionText.Kind kind, ExemptionClaim claim) : IDeferredText
{
    public enum Kind
    {
        /// <summary>On a violated 原则上 provision: review, a person confirms.</summary>
        Claimed,

        /// <summary>On a violated provision not worded 原则上.</summary>
        IgnoredHere,

        /// <summary>Summary: it turned failing in-principle provisions into review.</summary>
        Applied,

        /// <summary>Summary: the clause has no in-principle provision.</summary>
        NotExemptable,

        /// <summary>Summary: the clause's failing provision is not in principle.</summary>
        NotExemptableHere,

        /// <summary>Summary: its in-principle provisions are met.</summary>
        NotNeeded,
    }

    public static LocalizedText Of(Kind kind, ExemptionClaim claim) => new(new ExemptionText(kind, claim));

    public LocalizedText Format()
    {
        var (clause, basis) = (claim.Clause, claim.Basis);
        return kind switch
        {
            Kind.Claimed => new(
                $"条款{clause}以“原则上”表述，已依据“{basis}”申请例外：须人工确认，不视为通过。",
                $"Clause {clause} is worded 原则上 (in principle); an exemption is claimed on the basis \"{basis}\": a person must confirm it, it is not a pass."),
            Kind.IgnoredHere => new(
                $"所申请的条款{clause}例外不适用于本项规定：该规定未以“原则上”表述，不得例外。",
                $"The exemption claimed for clause {clause} is ignored here: this provision is not worded 原则上 (in principle) and admits no exception."),
            Kind.Applied => new(
                $"条款{clause}的例外已申请：相关不通过项改为人工复核。",
                $"The exemption for clause {clause} turned its failing in-principle provisions into review."),
            Kind.NotExemptable => new(
                $"条款{clause}未以“原则上”表述，例外申请不予考虑。",
                $"Clause {clause} is not worded 原则上 (in principle); the exemption is ignored."),
            Kind.NotExemptableHere => new(
                $"条款{clause}中未通过的规定未以“原则上”表述，例外申请不予考虑。",
                $"Clause {clause}'s failing provision is not worded 原则上 (in principle); the exemption is ignored."),
            _ => new(
                $"条款{clause}的原则性规定均已满足，无需例外。",
                $"The in-principle provisions of clause {clause} are met; the exemption is not needed."),
        };
    }
}
