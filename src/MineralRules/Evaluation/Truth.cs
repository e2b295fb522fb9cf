namespace MineralRules.Evaluation;

/// <summary>A set of application fields (by catalog id), as two 64-bit masks: no allocation on the hot path.</summary>
internal readonly record struct FieldSet(ulong Low, ulong High)
{
    public const int Capacity = 128;

    public static FieldSet Empty => default;

    public bool IsEmpty => Low == 0 && High == 0;

    public static FieldSet Of(int id) => id < 64 ? new FieldSet(1UL << id, 0) : new FieldSet(0, 1UL << (id - 64));

    public FieldSet Union(FieldSet other) => new(Low | other.Low, High | other.High);

    public bool Contains(int id) => id < 64 ? (Low & (1UL << id)) != 0 : (High & (1UL << (id - 64))) != 0;

    public IEnumerable<int> Ids()
    {
        for (var i = 0; i < Capacity; i++)
        {
            if (Contains(i))
            {
                yield return i;
            }
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

    public static Truth Of(bool value) => value ? True : False;

    public static Truth MissingField(int fieldId) => new(TruthValue.Unknown, FieldSet.Of(fieldId));

    public static Truth MissingFields(FieldSet fields) => new(TruthValue.Unknown, fields);

    public bool IsTrue => Value == TruthValue.True;

    public bool IsFalse => Value == TruthValue.False;

    public bool IsUnknown => Value == TruthValue.Unknown;

    /// <summary>Kleene conjunction: false wins, then unknown (collecting what is missing), then true.</summary>
    public Truth And(Truth other) =>
        IsFalse || other.IsFalse ? False
        : IsUnknown || other.IsUnknown ? new(TruthValue.Unknown, Missing.Union(other.Missing))
        : True;

    /// <summary>Kleene disjunction: true wins, then unknown, then false.</summary>
    public Truth Or(Truth other) =>
        IsTrue || other.IsTrue ? True
        : IsUnknown || other.IsUnknown ? new(TruthValue.Unknown, Missing.Union(other.Missing))
        : False;

    public Truth Not() => Value switch
    {
        TruthValue.True => False,
        TruthValue.False => True,
        _ => this,
    };
}
