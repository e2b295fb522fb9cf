using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
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

/// <summary>One fact of the application that rules can read, e.g. <c>environment.eiaApproved</c>.</summary>
internal sealed class Field
{
    private readonly PropertyInfo[] _chain;

    public Field(int id, string path, FieldKind kind, Type valueType, PropertyInfo[] chain, IVocabulary? vocabulary)
    {
        Id = id;
        Path = path;
        Kind = kind;
        ValueType = valueType;
        _chain = chain;
        Vocabulary = vocabulary;
        var app = Expression.Parameter(typeof(Application), "app");
        Read = Expression.Lambda<Func<Application, object?>>(Expression.Convert(Access(app), typeof(object)), app).Compile();
    }

    public int Id { get; }

    /// <summary>The field's path in documents and rules (camelCase), e.g. <c>recovery.mining.actual</c>.</summary>
    public string Path { get; }

    public FieldKind Kind { get; }

    /// <summary>The leaf's type without Nullable: bool, int, decimal, DateOnly, Capacity, an enum, IReadOnlyList of an enum, string.</summary>
    public Type ValueType { get; }

    /// <summary>For words and word lists: their vocabulary.</summary>
    public IVocabulary? Vocabulary { get; }

    /// <summary>True for words with an order (scale, exploration stage), which thresholds can compare.</summary>
    public bool IsOrdered => ValueType == typeof(Scale) || ValueType == typeof(ExplorationStage);

    /// <summary>Reads the value boxed (null when absent); for messages, not the hot path.</summary>
    public Func<Application, object?> Read { get; }

    /// <summary>The type <see cref="Access"/> yields: Nullable of a value type, or the reference type.</summary>
    public Type AccessType => ValueType.IsValueType ? typeof(Nullable<>).MakeGenericType(ValueType) : ValueType;

    /// <summary>
    /// An expression reading the field from <paramref name="app"/>, null when it or any record above it is absent.
    /// A word list is never null: absent means empty (contract: absent zones = none).
    /// </summary>
    public Expression Access(Expression app) => AccessFrom(app, 0);

    private Expression AccessFrom(Expression current, int index)
    {
        var member = Expression.Property(current, _chain[index]);
        if (index == _chain.Length - 1)
        {
            return Kind == FieldKind.WordList || member.Type == AccessType ? member : Expression.Convert(member, AccessType);
        }

        // Null-propagate through the optional record above the leaf.
        var parent = Expression.Variable(member.Type, _chain[index].Name);
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
                AccessFrom(parent, index + 1),
                AccessType));
    }
}

/// <summary>
/// The facts rules can read, derived from the <see cref="Application"/> record by reflection once: a new fact in
/// the model is at once a field rules can name, with the same camelCase name as in documents.
/// </summary>
internal sealed class FieldCatalog
{
    private static readonly HashSet<string> NotFacts = ["exemptions", "expect"];

    private readonly FrozenDictionary<string, Field> _byPath;

    private FieldCatalog(IReadOnlyList<Field> fields)
    {
        Fields = fields;
        _byPath = fields.ToFrozenDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public static FieldCatalog Default { get; } = Build();

    public IReadOnlyList<Field> Fields { get; }

    public IEnumerable<string> Paths => Fields.Select(f => f.Path);

    public Field? Find(string path) => _byPath.GetValueOrDefault(path);

    public Field this[int id] => Fields[id];

    private static FieldCatalog Build()
    {
        var fields = new List<Field>();
        Walk(typeof(Application), [], string.Empty, fields);
        if (fields.Count > FieldSet.Capacity)
        {
            throw new InvalidOperationException($"The application has {fields.Count} facts; FieldSet holds {FieldSet.Capacity}.");
        }

        return new FieldCatalog(fields);
    }

    private static void Walk(Type type, PropertyInfo[] chain, string prefix, List<Field> fields)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = FieldNames.ToKey(property.Name);
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (prefix.Length == 0 && NotFacts.Contains(key))
            {
                continue;
            }

            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            PropertyInfo[] next = [.. chain, property];
            var kind = KindOf(t);
            if (kind is null)
            {
                Walk(t, next, path, fields); // a record of facts: descend
                continue;
            }

            var vocabulary = kind switch
            {
                FieldKind.Word => Vocabularies.For(t),
                FieldKind.WordList => Vocabularies.For(t.GetGenericArguments()[0]),
                _ => null,
            };
            fields.Add(new Field(fields.Count, path, kind.Value, t, next, vocabulary));
        }
    }

    private static FieldKind? KindOf(Type t) =>
        t == typeof(bool) ? FieldKind.Boolean
        : t == typeof(int) ? FieldKind.Integer
        : t == typeof(decimal) ? FieldKind.Decimal
        : t == typeof(DateOnly) ? FieldKind.Date
        : t == typeof(Capacity) ? FieldKind.Capacity
        : t == typeof(string) ? FieldKind.Text
        : t.IsEnum ? FieldKind.Word
        : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && t.GetGenericArguments()[0].IsEnum ? FieldKind.WordList
        : null;
}
