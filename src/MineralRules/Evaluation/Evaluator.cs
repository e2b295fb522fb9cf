using System.Numerics;
using System.Runtime.CompilerServices;
using MineralRules.Compilation;
using MineralRules.RuleSets;

namespace MineralRules.Evaluation;

/// <summary>
/// Applies compiled rules to one application and decides, exactly as clauses.md says: scope, condition, missing
/// facts (review, naming them), exemptions (fail → review only where the rule is 原则上), then the decision.
/// It only decides: the words of a verdict are formed when first read (<see cref="MessageTemplates"/>,
/// <see cref="VerdictText"/>, <see cref="ExemptionText"/>).
/// </summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(RuleSetInfo info, RuleIndex index, FieldCatalog fields, Application application, EvaluationPath path = EvaluationPath.Tiered)
    {
        var entry = index.For(application);
        var verdicts = new VerdictList.Builder(entry);
        var tally = default(Tally);
        var zones = CompiledScope.ZonesOf(application);
        if (entry.Program(path) is { } program)
        {
            // The rules that passed or do not apply, answered by the combination's compiled program; the others
            // (fails, reviews, missing facts) decided here, through their condition trees.
            verdicts.PassedAll(program(application, zones, out var decide));
            for (; decide != 0; decide &= decide - 1)
            {
                Step(entry, BitOperations.TrailingZeroCount(decide), application, zones, fields, ref verdicts, ref tally);
            }
        }
        else
        {
            for (var slot = 0; slot < entry.CandidateRules.Length; slot++)
            {
                Step(entry, slot, application, zones, fields, ref verdicts, ref tally);
            }
        }

        var notes = entry.AllNotes ?? Notes(entry, application, zones);

        var decision = DecisionOf(tally.Fail, tally.Review);
        return new EvaluationResult(
            application.Id,
            info,
            decision,
            verdicts.Build(application),
            notes,
            application.Exemptions.Count == 0 ? [] : Summarise(application, index, tally.Applied, tally.Ignored));
    }

    /// <summary>One candidate rule: not applicable, passed, or decided (<see cref="Decide"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(RuleIndex.Entry entry, int slot, Application application, ulong zones, FieldCatalog fields, ref VerdictList.Builder verdicts, ref Tally tally)
    {
        switch (Classify(entry.CandidateRules[slot], application, zones, out var scope, out var condition))
        {
            case Slot.NotApplicable:
                verdicts.NotApplicable(slot);
                return;
            case Slot.Passed:
                verdicts.Passed(slot);
                return;
        }

        var verdict = Decide(entry, slot, scope, condition, fields, application, ref tally.Applied, ref tally.Ignored);
        tally.Fail |= verdict.Outcome == Outcome.Fail;
        tally.Review |= verdict.Outcome == Outcome.Review;
        verdicts.Add(slot, verdict);
    }

    /// <summary>
    /// What a candidate rule comes to before any verdict is formed: its scope false (not applicable); its condition
    /// met and passing (a met condition does not ask for the scope's absent facts where the rule set reads so, 2.0.0;
    /// 1.0.0 asked for them); else to decide, with the scope's and the condition's truth. What a combination's
    /// program must answer alike (<see cref="CandidateProgram"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Slot Classify(CompiledRule rule, Application application, ulong zones, out Truth scope, out Truth condition)
    {
        scope = rule.Scope.Rest(application, zones);
        if (scope.IsFalse)
        {
            condition = default;
            return Slot.NotApplicable;
        }

        condition = rule.Condition!.Evaluate(application);
        return condition.IsTrue && (scope.IsTrue ? rule.PassesWhenMet : rule.PassesWhenMetDespiteUnknownScope) ? Slot.Passed : Slot.Decide;
    }

    /// <summary>What a candidate rule comes to (<see cref="Classify"/>).</summary>
    internal enum Slot
    {
        NotApplicable,
        Passed,
        Decide,
    }

    /// <summary>What one evaluation has found so far beyond the verdicts.</summary>
    private struct Tally
    {
        /// <summary>The clauses whose claimed exemption was applied: a claim or two at most, so a list, not a set.</summary>
        public List<string>? Applied;

        /// <summary>The clauses whose claimed exemption was ignored.</summary>
        public List<string>? Ignored;

        public bool Fail;

        public bool Review;
    }

    /// <summary>The decision of a result: 7.2, 经审查不符合矿产资源规划的 ... 不得颁发 — any fail decides; then any review.</summary>
    public static Decision DecisionOf(bool fail, bool review) => fail ? Decision.NonCompliant : review ? Decision.NeedsReview : Decision.Compliant;

    /// <summary>
    /// The verdict of a rule that applies or may apply and did not pass: review for absent facts, the review of an
    /// <c>outcomeWhenMet: review</c> rule, or the rule's outcome (an exemption claim considered). Off the loop's path,
    /// so the loop over the candidates holds only what a pass or a rule out of scope needs.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Verdict Decide(RuleIndex.Entry entry, int slot, Truth scope, Truth condition, FieldCatalog fields, Application application, ref List<string>? applied, ref List<string>? ignored)
    {
        var rule = entry.CandidateRules[slot];
        var i = entry.Candidates[slot];
        if (scope.IsUnknown)
        {
            // Whether the rule applies hangs on an absent fact: never a pass, never a fail (clauses.md).
            var missing = condition.IsUnknown ? scope.Missing.Union(condition.Missing) : scope.Missing;
            return MissingVerdict(rule, missing, fields, application);
        }

        if (condition.IsTrue)
        {
            // Met, scope known, and not a pass: an outcomeWhenMet: review rule.
            // Built once for the combination (RuleIndex); explained when first read (VerdictList).
            return entry.MetForReview[i]!;
        }

        if (condition.IsUnknown)
        {
            return MissingVerdict(rule, condition.Missing, fields, application);
        }

        var verdict = Violated(rule, entry.Violated[i]!, application);
        if (verdict.Exemption is { } exemption)
        {
            (exemption.Status == ExemptionStatus.Applied ? applied ??= [] : ignored ??= []).Add(exemption.Clause);
        }

        return verdict;
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
                notes[n++] = entry.NoteTexts[k] ?? new Note(note.Id, note.Clause, MessageTemplates.Deferred(note.Definition.Message, note, application));
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
            return Unexplained(rule, Outcome.Review, MessageTemplates.Deferred(definition.Message, rule, application, reason), report, definition.Remedy);
        }

        var ignoredReason = ExemptionText.Of(ExemptionText.Kind.IgnoredHere, claim);
        return Unexplained(rule, Outcome.Fail, MessageTemplates.Deferred(definition.Message, rule, application, ignoredReason), new ExemptionReport(claim.Clause, claim.Basis, ExemptionStatus.Ignored, ignoredReason), definition.Remedy);
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

    private static ExemptionReport[] Summarise(Application application, RuleIndex index, List<string>? applied, List<string>? ignored)
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
    /// when it is first read (<see cref="VerdictText.Explain"/>).
    /// </summary>
    public static Verdict Unexplained(CompiledRule rule, Outcome outcome, LocalizedText message, ExemptionReport? exemption, LocalizedText? remedy, bool messageToFill = false) =>
        rule.Verdict(outcome, message, [], exemption, remedy, messageToFill ? DeferredFacts.PendingWithMessage : DeferredFacts.Pending);

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
                VerdictText.Undecided(rule, application),
                [],
                null,
                rule.Readings.RemediesRequired ? VerdictText.PersonReviews : null,
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
            VerdictText.Missing(missing, fields, application, rule.Readings.CorrectedWording),
            absent,
            null,
            rule.Readings.RemediesRequired ? VerdictText.MissingRemedy(missing, fields, application) : null,
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
            if (fields[id].IsGiven(application))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fields the application leaves out. A field it gives that still could not decide (a capacity in
    /// a unit that cannot convert to the threshold's) is not missing: the message says why instead.</summary>
    public static string[] Absent(FieldSet missing, FieldCatalog fields, Application application)
    {
        var count = 0;
        foreach (var id in missing.Ids())
        {
            count += fields[id].IsGiven(application) ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var absent = new string[count];
        var n = 0;
        foreach (var id in missing.Ids())
        {
            if (!fields[id].IsGiven(application))
            {
                absent[n++] = fields[id].Path;
            }
        }

        return absent;
    }
}
