using System.Numerics;
using System.Runtime.CompilerServices;
using MineralRules.Compilation;

namespace MineralRules.Evaluation;

/// <summary>
/// A result's verdicts, held compactly. The rules that cannot apply to the application's permit, action and mineral
/// read from the combination's shared not-applicable verdicts (<see cref="RuleIndex.Entry.Template"/>); of the rules
/// that could apply, those that passed or turned out not to apply are two bits in a mask each pointing at the rule's
/// shared verdict, and only the others — fails, reviews — are kept, in a small array. An application that passes
/// everything allocates no array at all.
/// <para>
/// A fail or review is explained for the application — remedy filled, facts — when it is first read
/// (<see cref="VerdictText.Explain"/>), and that verdict is kept: the list reads the same every time. Thread-safe: two
/// first readers may both explain a verdict; one is kept, and they are equal. A combination with more candidate rules
/// than a mask holds keeps every verdict in the array, by slot.
/// </para>
/// </summary>
internal sealed class VerdictList : IReadOnlyList<Verdict>
{
    /// <summary>The most candidate rules the masks hold.</summary>
    public const int MaskedCandidates = 64;

    private readonly RuleIndex.Entry _entry;
    private readonly ulong _passed;
    private readonly ulong _own;
    private readonly Verdict[] _verdicts;
    private readonly Application _application;

    private VerdictList(RuleIndex.Entry entry, ulong passed, ulong own, Verdict[] verdicts, Application application)
    {
        _entry = entry;
        _passed = passed;
        _own = own;
        _verdicts = verdicts;
        _application = application;
    }

    public int Count => _entry.Template.Length;

    public Verdict this[int index]
    {
        get
        {
            var slot = _entry.Slots[index];
            if (slot < 0)
            {
                return _entry.Template[index];
            }

            int at;
            if (_entry.Candidates.Length > MaskedCandidates)
            {
                at = slot;
            }
            else
            {
                var bit = 1UL << slot;
                if ((_passed & bit) != 0)
                {
                    return _entry.Rules[index].Passed;
                }

                if ((_own & bit) == 0)
                {
                    return _entry.Template[index];
                }

                at = BitOperations.PopCount(_own & (bit - 1));
            }

            var verdict = Volatile.Read(ref _verdicts[at]);
            return ReferenceEquals(verdict.Facts, DeferredFacts.Pending) || ReferenceEquals(verdict.Facts, DeferredFacts.PendingWithMessage)
                ? Explain(at, index, verdict)
                : verdict;
        }
    }

    /// <summary>Explains a fail or review on its first read and keeps it (the first one stored wins); off the indexer's path, so the indexer stays small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Verdict Explain(int at, int index, Verdict verdict)
    {
        var explained = VerdictText.Explain(verdict, _entry.Rules[index], _application);
        var stored = Interlocked.CompareExchange(ref _verdicts[at], explained, verdict);
        return ReferenceEquals(stored, verdict) ? explained : stored;
    }

    public IEnumerator<Verdict> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Collects the verdicts of one evaluation, slot by slot, on the stack where it can.</summary>
    internal struct Builder
    {
        private readonly RuleIndex.Entry _entry;
        private readonly Verdict[]? _wide;
        private Few _few;
        private List<Verdict>? _more;
        private ulong _passed;
        private ulong _own;
        private int _count;

        public Builder(RuleIndex.Entry entry)
        {
            _entry = entry;
            _wide = entry.Candidates.Length > MaskedCandidates ? new Verdict[entry.Candidates.Length] : null;
        }

        /// <summary>The rule in this slot passed (its shared verdict).</summary>
        public void Passed(int slot)
        {
            if (_wide is null)
            {
                _passed |= 1UL << slot;
            }
            else
            {
                _wide[slot] = _entry.Rules[_entry.Candidates[slot]].Passed;
            }
        }

        /// <summary>The rules in these slots passed (a bit per slot); only where the slots fit the mask.</summary>
        public void PassedAll(ulong slots)
        {
            if (_wide is not null)
            {
                throw new InvalidOperationException("The slots of a wide list are not a mask.");
            }

            _passed |= slots;
        }

        /// <summary>The rule in this slot does not apply after all (its shared verdict).</summary>
        public readonly void NotApplicable(int slot)
        {
            if (_wide is not null)
            {
                _wide[slot] = _entry.Template[_entry.Candidates[slot]];
            }
        }

        /// <summary>The rule in this slot gave this verdict (fail or review). Slots come in ascending order.</summary>
        public void Add(int slot, Verdict verdict)
        {
            if (_wide is not null)
            {
                _wide[slot] = verdict;
                return;
            }

            _own |= 1UL << slot;
            if (_count < Few.Length)
            {
                _few[_count] = verdict;
            }
            else
            {
                if (_more is null)
                {
                    _more = new List<Verdict>(Few.Length * 2);
                    _more.AddRange(_few);
                }

                _more.Add(verdict);
            }

            _count++;
        }

        public VerdictList Build(Application application)
        {
            var verdicts = _wide ?? (_count == 0 ? [] : _more?.ToArray() ?? ((ReadOnlySpan<Verdict>)_few)[.._count].ToArray());
            return new VerdictList(_entry, _passed, _own, verdicts, application);
        }

        /// <summary>Room for the fails and reviews of most applications, on the stack.</summary>
        [InlineArray(Length)]
        private struct Few
        {
            public const int Length = 8;

            private Verdict _first;
        }
    }
}
