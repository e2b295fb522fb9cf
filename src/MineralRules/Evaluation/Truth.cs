using System.Runtime.CompilerServices;

namespace MineralRules.Evaluation;

/// <summary>
/// A set of application fields (by catalog id) as one 64-bit mask: no allocation on the hot path, and a
/// <see cref="Truth"/> of 16 bytes travels in two registers. The catalog has 46 fields; it refuses to build
/// past 64.
/// </summary>
internal readonly record struct FieldSet(ulong Bits)
{
    public const int Capacity = 64;

    public static FieldSet Empty => default;

    public bool IsEmpty => Bits == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldSet Of(int id) => new(1UL << id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldSet Union(FieldSet other) => new(Bits | other.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int id) => (uint)id < Capacity && (Bits & (1UL << id)) != 0;

    /// <summary>The ids in the set, in ascending order.</summary>
    public Enumerator Ids() => new(Bits);

    /// <summary>Walks the set bits only; a struct, so a foreach over it allocates nothing.</summary>
    public struct Enumerator(ulong bits)
    {
        private ulong _bits = bits;

        public int Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_bits == 0)
            {
                return false;
            }

            Current = System.Numerics.BitOperations.TrailingZeroCount(_bits);
            _bits &= _bits - 1;
            return true;
        }
    }
}

/// <summary>Three-valued truth (Kleene): true, false, or unknown because facts are missing.</summary>
internal enum TruthValue : byte
{
    False,
    True,
    Unknown,
}

/// <summary>The truth of a condition for one application, with the missing fields that made it unknown.</summary>
internal readonly record struct Truth(TruthValue Value, FieldSet Missing)
{
    public static readonly Truth True = new(TruthValue.True, FieldSet.Empty);

    public static readonly Truth False = new(TruthValue.False, FieldSet.Empty);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Of(bool value) => value ? True : False;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth MissingField(int fieldId) => new(TruthValue.Unknown, FieldSet.Of(fieldId));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth MissingFields(FieldSet fields) => new(TruthValue.Unknown, fields);

    public bool IsTrue => Value == TruthValue.True;

    public bool IsFalse => Value == TruthValue.False;

    public bool IsUnknown => Value == TruthValue.Unknown;

    /// <summary>Kleene conjunction: false wins, then unknown (collecting what is missing), then true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Truth And(Truth other) =>
        IsFalse || other.IsFalse ? False
        : IsUnknown || other.IsUnknown ? new(TruthValue.Unknown, Missing.Union(other.Missing))
        : True;

    /// <summary>Kleene disjunction: true wins, then unknown, then false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Truth Or(Truth other) =>
        IsTrue || other.IsTrue ? True
        : IsUnknown || other.IsUnknown ? new(TruthValue.Unknown, Missing.Union(other.Missing))
        : False;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Truth Not() => Value switch
    {
        TruthValue.True => False,
        TruthValue.False => True,
        _ => this,
    };
}
