using MineralRules.Compilation;

namespace MineralRules.Evaluation;

/// <summary>
/// Which rules can apply to an application at all, by its permit, action and mineral (an alpha index, as a Rete
/// network keeps one): most rules are for one kind of permit, one action or a few minerals, so for each
/// combination the not-applicable verdicts are laid out once and only the rules that can apply are evaluated.
/// Entries are built on first use; thread-safe and lock-free.
/// </summary>
internal sealed class RuleIndex
{
    // Not Enum.GetValues<T>(): its generic code over each enum would be JIT-compiled at every cold load.
    private static readonly int PermitCount = Enum.GetValuesAsUnderlyingType(typeof(Permit)).Length;
    private static readonly int ActionCount = Enum.GetValuesAsUnderlyingType(typeof(PermitAction)).Length;
    private static readonly int MineralCount = Enum.GetValuesAsUnderlyingType(typeof(Mineral)).Length;

    private readonly Entry?[] _entries = new Entry?[PermitCount * ActionCount * MineralCount];

    public RuleIndex(IReadOnlyList<CompiledRule> rules)
    {
        Deciding = [.. rules.Where(r => r.Condition is not null)];
        Notes = [.. rules.Where(r => r.Condition is null)];
        ExemptableClauses = rules.Where(r => r.Definition.Exemptable).Select(r => r.Clause.Ref).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The clauses with a provision worded 原则上, for which an exemption can be claimed.</summary>
    public HashSet<string> ExemptableClauses { get; }

    /// <summary>The rules that decide, in rule-set order: one verdict each.</summary>
    public CompiledRule[] Deciding { get; }

    /// <summary>The notes, in rule-set order.</summary>
    public CompiledRule[] Notes { get; }

    public Entry For(Application application)
    {
        var (permit, action, mineral) = (application.Permit, application.Action, application.Mineral);
        if ((uint)permit >= (uint)PermitCount || (uint)action >= (uint)ActionCount || (uint)mineral >= (uint)MineralCount)
        {
            return Build(permit, action, mineral); // not a word of the vocabulary: nothing to share
        }

        var key = ((((int)permit * ActionCount) + (int)action) * MineralCount) + (int)mineral;
        return Volatile.Read(ref _entries[key]) ?? Interlocked.CompareExchange(ref _entries[key], Build(permit, action, mineral), null) ?? _entries[key]!;
    }

    private Entry Build(Permit permit, PermitAction action, Mineral mineral)
    {
        // Messages that name only the permit, action or mineral read the same for every application of the
        // combination: their verdicts and notes are built here, once, instead of for each application.
        var sample = new Application { Id = string.Empty, Permit = permit, Action = action, ApplicationDate = default, Mineral = mineral };
        var template = new Verdict[Deciding.Length];
        var violated = new Verdict?[Deciding.Length];
        var metForReview = new Verdict?[Deciding.Length];
        var candidates = new List<int>();
        for (var i = 0; i < Deciding.Length; i++)
        {
            var rule = Deciding[i];
            template[i] = rule.NotApplicable;
            if (!rule.Scope.Admits(permit, action, mineral))
            {
                continue;
            }

            candidates.Add(i);
            var definition = rule.Definition;
            // A message naming only the combination is filled here; one naming the application's values is filled
            // for each application when its verdict is first read, so evaluation allocates nothing for the verdict.
            violated[i] = MessageTemplates.DependsOnCombinationOnly(definition.Message)
                ? Evaluator.Unexplained(rule, definition.Outcome, MessageTemplates.Format(definition.Message, rule, sample), null, definition.Remedy)
                : Evaluator.Unexplained(rule, definition.Outcome, definition.Message, null, definition.Remedy, messageToFill: true);

            if (definition.MessageWhenMet is { } whenMet)
            {
                metForReview[i] = MessageTemplates.DependsOnCombinationOnly(whenMet)
                    ? Evaluator.Unexplained(rule, Outcome.Review, MessageTemplates.Format(whenMet, rule, sample), null, definition.RemedyWhenMet)
                    : Evaluator.Unexplained(rule, Outcome.Review, whenMet, null, definition.RemedyWhenMet, messageToFill: true);
            }
        }

        var slots = new int[Deciding.Length];
        Array.Fill(slots, -1);
        for (var slot = 0; slot < candidates.Count; slot++)
        {
            slots[candidates[slot]] = slot;
        }

        var notes = Notes.Where(n => n.Scope.Admits(permit, action, mineral)).ToArray();
        var noteTexts = notes.Select(n => MessageTemplates.DependsOnCombinationOnly(n.Definition.Message) ? new Note(n.Id, n.Clause, MessageTemplates.Format(n.Definition.Message, n, sample)) : null).ToArray();
        // Where every note of the combination applies to every application of it and reads the same, the
        // results share one array of them.
        var allNotes = notes.All(n => n.Scope.HasNoRest) && noteTexts.All(n => n is not null) ? noteTexts.Select(n => n!).ToArray() : null;
        return new Entry(Deciding, template, [.. candidates], [.. candidates.Select(i => Deciding[i])], slots, violated, metForReview, notes, noteTexts, allNotes);
    }

    /// <summary>For one (permit, action, mineral): every verdict not applicable, and the rules that may apply.</summary>
    /// <param name="Rules">The deciding rules (<see cref="Deciding"/>).</param>
    /// <param name="Template">A verdict per deciding rule, all not applicable; shared by every result.</param>
    /// <param name="Candidates">Indexes into <see cref="Deciding"/> of the rules whose scope admits the combination.</param>
    /// <param name="CandidateRules">The rules of <paramref name="Candidates"/>, in the same order.</param>
    /// <param name="Slots">By deciding rule: its place in <paramref name="Candidates"/>, or -1.</param>
    /// <param name="Violated">By deciding rule that may apply: the verdict when violated with no exemption claimed, unexplained (its message filled for the combination, or a template filled when the verdict is first read); else null.</param>
    /// <param name="MetForReview">By deciding rule that may apply: the review verdict of an <c>outcomeWhenMet: review</c> rule, likewise; else null.</param>
    /// <param name="Notes">The notes whose scope admits the combination.</param>
    /// <param name="NoteTexts">By note: the note, where its message names nothing but the combination; else null.</param>
    /// <param name="AllNotes">The notes of every result of the combination, where they do not depend on the application; else null.</param>
    internal sealed record Entry(CompiledRule[] Rules, Verdict[] Template, int[] Candidates, CompiledRule[] CandidateRules, int[] Slots, Verdict?[] Violated, Verdict?[] MetForReview, CompiledRule[] Notes, Note?[] NoteTexts, Note[]? AllNotes)
    {
        private readonly bool _programmable = CandidatePrograms.Supported && CandidateRules.Length is > 0 and <= VerdictList.MaskedCandidates;

        // The program and its count, in an object of their own: the record's value equality compares it by reference.
        private readonly Tier _tier = new();

        /// <summary>
        /// The combination's compiled program (<see cref="CandidatePrograms"/>), or null for the evaluator's loop. As a
        /// runtime tiers its code: the first <see cref="ProgramAfter"/> evaluations of a combination run the loop, then
        /// the one evaluation that reaches the count compiles the program (a few milliseconds, once per combination:
        /// about what the loop costs over those evaluations more than the program would) and every later one runs it.
        /// A short run never pays for code it would not earn back; a host checking many applications of a kind gets
        /// the program's speed.
        /// </summary>
        public CandidateProgram? Program(EvaluationPath path) => Program(path, CandidatePrograms.Compile);

        /// <summary>As <see cref="Program(EvaluationPath)"/>, compiling with <paramref name="compile"/> (tests make it fail).</summary>
        internal CandidateProgram? Program(EvaluationPath path, Func<IReadOnlyList<CompiledRule>, CandidateProgram> compile)
        {
            if (!_programmable || path == EvaluationPath.Loop)
            {
                return null;
            }

            if (Volatile.Read(ref _tier.Program) is { } program)
            {
                return program;
            }

            if (Volatile.Read(ref _tier.Compiling) != 0 && path != EvaluationPath.Program)
            {
                return null; // being compiled by another evaluation, or could not be
            }

            // Counted without a lock: a count lost between threads only delays the program a little. One thread compiles.
            if ((path == EvaluationPath.Program || ++_tier.Evaluations >= ProgramAfter) && Interlocked.Exchange(ref _tier.Compiling, 1) == 0)
            {
                try
                {
                    Volatile.Write(ref _tier.Program, compile(CandidateRules));
                }
#pragma warning disable CA1031 // A program is only a faster way to the loop's verdicts: one that cannot be built leaves the combination to the loop, never a failed check (tests force the program and see the exception).
                catch (Exception e) when (path != EvaluationPath.Program && e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                }
            }

            return Volatile.Read(ref _tier.Program);
        }

        private sealed class Tier
        {
            public CandidateProgram? Program;
            public int Evaluations;
            public int Compiling;
        }
    }

    /// <summary>
    /// How many evaluations of a combination run the evaluator's loop before its program is compiled: compiling one
    /// costs 2–46 ms on the reference machine (median 8–12 ms) and the program saves some 80–110 ns per evaluation
    /// (docs/performance.md, <c>CandidateProgramCostTests</c>), so a compilation is earned back after about
    /// 100,000–150,000 evaluations; at 131,072 it has cost about what the loop would have cost more.
    /// </summary>
    public const int ProgramAfter = 1 << 17;
}

/// <summary>Which way the evaluator takes through a combination's candidate rules (tests compare them).</summary>
internal enum EvaluationPath
{
    /// <summary>The loop until the combination has been evaluated <see cref="RuleIndex.ProgramAfter"/> times, then its program.</summary>
    Tiered,

    /// <summary>The loop over the condition trees, always.</summary>
    Loop,

    /// <summary>The combination's program from the first evaluation (where programs can be compiled).</summary>
    Program,
}
