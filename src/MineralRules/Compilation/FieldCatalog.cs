using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using MineralRules.Applications;
using MineralRules.Evaluation;

namespace MineralRules.Compilation;

/// <summary>What a field holds, as far as conditions are concerned.</summary>
internal enum FieldKind
{
    Boolean,
    Integer,
    Decimal,
    Date,
    Capacity,
    Word,
    WordList,
    Text,
}

/// <summary>
/// One fact of the application that rules can read, e.g. <c>environment.eiaApproved</c>, with a typed reader for
/// its kind (null when it or any record above it is absent) and a boxed one for messages.
/// </summary>
internal sealed class Field
{
    private PropertyInfo[]? _chain;

    private Field(string path, string zh, FieldKind kind, Type valueType, Func<Application, object?> read)
    {
        Path = path;
        Zh = zh;
        Kind = kind;
        ValueType = valueType;
        Read = read;
        IsGiven = a => read(a) is not null;
        Vocabulary = kind switch
        {
            FieldKind.Word => Vocabularies.For(valueType),
            FieldKind.WordList => Vocabularies.For(valueType.GetGenericArguments()[0]),
            _ => null,
        };
    }

    public int Id { get; private set; }

    /// <summary>The field's path in documents and rules (camelCase), e.g. <c>recovery.mining.actual</c>.</summary>
    public string Path { get; }

    /// <summary>The fact's Chinese name, for messages (<c>所在规划分区</c>).</summary>
    public string Zh { get; }

    /// <summary>How a Chinese message names the fact: its name, then its document key in brackets (<c>所在规划分区（location.zones）</c>).</summary>
    public string ZhNamed => $"{Zh}（{Path}）";

    public FieldKind Kind { get; }

    /// <summary>The leaf's type without Nullable: bool, int, decimal, DateOnly, Capacity, an enum, IReadOnlyList of an enum, string.</summary>
    public Type ValueType { get; }

    /// <summary>For words and word lists: their vocabulary.</summary>
    public IVocabulary? Vocabulary { get; }

    /// <summary>True for words with an order (scale, exploration stage), which thresholds can compare.</summary>
    public bool IsOrdered => ValueType == typeof(Scale) || ValueType == typeof(ExplorationStage);

    /// <summary>Reads the value boxed (null when absent); for messages, not the hot path.</summary>
    public Func<Application, object?> Read { get; }

    /// <summary>Whether the application gives the field (what <see cref="Read"/> returns is not null), without boxing a value.</summary>
    public Func<Application, bool> IsGiven { get; private init; }

    /// <summary>Booleans.</summary>
    public Func<Application, bool?>? ReadBoolean { get; private init; }

    /// <summary>Integers, and words as their ordinal (an enum's value).</summary>
    public Func<Application, int?>? ReadInteger { get; private init; }

    /// <summary>Decimals, and integers widened.</summary>
    public Func<Application, decimal?>? ReadNumber { get; private init; }

    public Func<Application, DateOnly?>? ReadDate { get; private init; }

    public Func<Application, Capacity?>? ReadCapacity { get; private init; }

    public Func<Application, string?>? ReadText { get; private init; }

    /// <summary>Word lists as a bit per word present (an absent list gives no bit: see <see cref="ReadWordsUnknown"/>).</summary>
    public Func<Application, ulong>? ReadWordMask { get; private init; }

    /// <summary>
    /// Word lists: a bit per word whose presence is unknown — every bit when the list is absent; the bits
    /// the reader given to <see cref="Words"/> names when the list is given in part (zones from records).
    /// </summary>
    public Func<Application, ulong>? ReadWordsUnknown { get; private init; }

    /// <summary>True for a mark (absent reads as false).</summary>
    public bool IsMark { get; private init; }

    /// <summary>The type <see cref="Access"/> yields: Nullable of a value type, or the reference type.</summary>
    public Type AccessType => ValueType.IsValueType ? typeof(Nullable<>).MakeGenericType(ValueType) : ValueType;

    public static Field Boolean(string path, string zh, Func<Application, bool?> read) =>
        new(path, zh, FieldKind.Boolean, typeof(bool), a => read(a)) { ReadBoolean = read, IsGiven = a => read(a) is not null };

    public static Field Integer(string path, string zh, Func<Application, int?> read) =>
        new(path, zh, FieldKind.Integer, typeof(int), a => read(a)) { ReadInteger = read, ReadNumber = a => read(a), IsGiven = a => read(a) is not null };

    public static Field Number(string path, string zh, Func<Application, decimal?> read) =>
        new(path, zh, FieldKind.Decimal, typeof(decimal), a => read(a)) { ReadNumber = read, IsGiven = a => read(a) is not null };

    public static Field Date(string path, string zh, Func<Application, DateOnly?> read) =>
        new(path, zh, FieldKind.Date, typeof(DateOnly), a => read(a)) { ReadDate = read, IsGiven = a => read(a) is not null };

    public static Field Capacity(string path, string zh, Func<Application, Capacity?> read) =>
        new(path, zh, FieldKind.Capacity, typeof(Capacity), read) { ReadCapacity = read };

    public static Field Text(string path, string zh, Func<Application, string?> read) =>
        new(path, zh, FieldKind.Text, typeof(string), read) { ReadText = read };

    public static Field Word<T>(string path, string zh, Func<Application, T?> read)
        where T : struct, Enum =>
        new(path, zh, FieldKind.Word, typeof(T), a => read(a)) { ReadInteger = a => read(a) is { } v ? (int)(object)v : null, IsGiven = a => read(a) is not null };

    /// <summary>
    /// A mark: a boolean whose <c>true</c> can only raise a review, read as false when absent (clauses.md: "Marks"),
    /// so it never makes a rule ask for it.
    /// </summary>
    public static Field Mark(string path, string zh, Func<Application, bool?> read) =>
        new(path, zh, FieldKind.Boolean, typeof(bool), a => read(a) ?? false) { ReadBoolean = a => read(a) ?? false, IsMark = true, IsGiven = static _ => true };

    public static Field Words<T>(string path, string zh, Func<Application, IReadOnlyList<T>?> read, Func<Application, ulong>? unknown = null)
        where T : struct, Enum =>
        new(path, zh, FieldKind.WordList, typeof(IReadOnlyList<T>), read)
        {
            ReadWordsUnknown = a => read(a) is null ? ulong.MaxValue : unknown?.Invoke(a) ?? 0UL,

            // A list known only in part (zones a record leaves unknown) is not given: a rule it could not decide names it missing.
            IsGiven = a => read(a) is not null && (unknown?.Invoke(a) ?? 0UL) == 0,
            ReadWordMask = a =>
            {
                var words = read(a);
                if (words is null)
                {
                    return 0UL;
                }

                var mask = 0UL;
                for (var i = 0; i < words.Count; i++)
                {
                    var word = words[i];
                    mask |= 1UL << (int)(object)word;
                }

                return mask;
            },
        };

    /// <summary>
    /// An expression reading the field from <paramref name="app"/>, null when it or any record above it is absent
    /// (for rule expressions). A word list is never null here: absent reads as empty (an expression cannot tell an
    /// unknown list from an empty one; the declarative forms can, see <see cref="ReadWordsUnknown"/>).
    /// </summary>
    public Expression Access(Expression app) => AccessFrom(app, _chain ??= Chain(), 0);

    /// <summary>
    /// Code that reads the field exactly as its typed reader for <paramref name="type"/> does (<see cref="ReadBoolean"/>,
    /// <see cref="ReadInteger"/>, <see cref="ReadNumber"/>, <see cref="ReadDate"/>), as Nullable of it; null where the
    /// field has no such reader. For the programs of <see cref="CandidatePrograms"/>: CandidateProgramTests
    /// (<c>AccessAs_*</c>) hold each against its delegate.
    /// </summary>
    public Expression? AccessAs(Type type, Expression app)
    {
        var nullable = typeof(Nullable<>).MakeGenericType(type);
        return Kind switch
        {
            FieldKind.Boolean when type == typeof(bool) => IsMark ? Expression.Convert(Expression.Coalesce(Access(app), Expression.Constant(false)), nullable) : Access(app),
            FieldKind.Integer when type == typeof(int) => Access(app),
            FieldKind.Integer when type == typeof(decimal) => Expression.Convert(Access(app), nullable),
            FieldKind.Word when type == typeof(int) => Expression.Convert(Access(app), nullable),
            FieldKind.Decimal when type == typeof(decimal) => Access(app),
            FieldKind.Date when type == typeof(DateOnly) => Access(app),
            _ => null,
        };
    }

    /// <summary>The field of the default catalog whose typed reader <paramref name="read"/> is, or null (a reader made elsewhere).</summary>
    public static Field? Owning(Delegate read)
    {
        foreach (var field in FieldCatalog.Default.Fields)
        {
            if (ReferenceEquals(field.ReadBoolean, read) || ReferenceEquals(field.ReadInteger, read) || ReferenceEquals(field.ReadNumber, read) || ReferenceEquals(field.ReadDate, read))
            {
                return field;
            }
        }

        return null;
    }

    internal Field WithId(int id)
    {
        Id = id;
        return this;
    }

    /// <summary>The properties from <see cref="Application"/> down to the leaf, found by the path's camelCase names.</summary>
    private PropertyInfo[] Chain()
    {
        var type = typeof(Application);
        var chain = new List<PropertyInfo>();
        foreach (var key in Path.Split('.'))
        {
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Single(p => FieldNames.ToKey(p.Name) == key);
            chain.Add(property);
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return [.. chain];
    }

    private Expression AccessFrom(Expression current, PropertyInfo[] chain, int index)
    {
        var member = Expression.Property(current, chain[index]);
        if (index == chain.Length - 1)
        {
            return Kind == FieldKind.WordList || member.Type == AccessType ? member : Expression.Convert(member, AccessType);
        }

        // Null-propagate through the optional record above the leaf.
        var parent = Expression.Variable(member.Type, chain[index].Name);
        Expression whenAbsent = Kind == FieldKind.WordList
            ? Expression.Constant(Array.CreateInstance(ValueType.GetGenericArguments()[0], 0), ValueType)
            : Expression.Constant(null, AccessType);
        return Expression.Block(
            AccessType,
            [parent],
            Expression.Assign(parent, member),
            Expression.Condition(
                Expression.Equal(parent, Expression.Constant(null, member.Type)),
                whenAbsent,
                AccessFrom(parent, chain, index + 1),
                AccessType));
    }
}

/// <summary>
/// The facts rules can read: every property of the <see cref="Application"/> record and of the records below it,
/// by the same camelCase path as in documents, in declaration order: the handles of <see cref="ApplicationFields"/>.
/// Written out rather than found by reflection so that loading compiles nothing; FieldCatalogTests checks the list
/// against the record, so a new fact in the model fails the build's tests until it has a handle there.
/// </summary>
internal sealed class FieldCatalog
{
    private readonly Dictionary<string, Field> _byPath;

    private FieldCatalog(IReadOnlyList<Field> fields)
    {
        Fields = [.. fields.Select((f, id) => f.WithId(id))];
        if (Fields.Count > FieldSet.Capacity)
        {
            throw new InvalidOperationException($"The application has {Fields.Count} facts; FieldSet holds {FieldSet.Capacity}.");
        }

        _byPath = Fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public static FieldCatalog Default { get; } = new(ApplicationFields.All);

    public IReadOnlyList<Field> Fields { get; }

    public IEnumerable<string> Paths => Fields.Select(f => f.Path);

    public Field? Find(string path) => _byPath.GetValueOrDefault(path);

    public Field this[int id] => Fields[id];
}
