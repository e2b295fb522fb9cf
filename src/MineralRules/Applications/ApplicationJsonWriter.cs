using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MineralRules.Units;

namespace MineralRules.Applications;

/// <summary>
/// Writes an <see cref="Application"/> as the contract's JSON (docs/application.md): the keys the reader reads, in the
/// records' order, words as their codes, capacities as <c>{ value, unit }</c>, dates as <c>yyyy-MM-dd</c>. Absent facts
/// are left out; an empty list is written only where empty differs from absent (<c>location.zones</c>). Reading the
/// output back gives an equal application.
/// </summary>
internal static class ApplicationJsonWriter
{
    // A fresh record of each type: a property whose default is an empty list (exemptions) is left out
    // when empty, because absent reads back as that same empty list.
    private static readonly ConcurrentDictionary<Type, object> Defaults = new();

    public static void Write(Utf8JsonWriter writer, Application application) => WriteValue(writer, application, typeof(Application));

    private static void WriteValue(Utf8JsonWriter writer, object value, Type declared)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int number:
                writer.WriteNumberValue(number);
                return;
            case decimal number:
                writer.WriteNumberValue(number);
                return;
            case DateOnly date:
                writer.WriteStringValue(ContractWords.Date(date));
                return;
            case Capacity capacity:
                WriteCapacity(writer, capacity);
                return;
            case Enum word:
                writer.WriteStringValue(ContractWords.Code(word));
                return;
            case IEnumerable items when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>):
                var element = type.GetGenericArguments()[0];
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item ?? throw new JsonException($"A list of {element.Name} holds a null item; the contract has none."), element);
                }

                writer.WriteEndArray();
                return;
        }

        writer.WriteStartObject();
        var defaults = Defaults.GetOrAdd(type, t => Activator.CreateInstance(t)!);
        foreach (var (key, property) in ApplicationMapper.KeysOf(type))
        {
            var field = property.GetValue(value);
            if (field is null || (field is ICollection { Count: 0 } && property.GetValue(defaults) is ICollection { Count: 0 }))
            {
                continue;
            }

            writer.WritePropertyName(key);
            WriteValue(writer, field, property.PropertyType);
        }

        writer.WriteEndObject();
    }

    public static void WriteCapacity(Utf8JsonWriter writer, Capacity capacity)
    {
        writer.WriteStartObject();
        writer.WriteNumber("value", capacity.Value);
        writer.WriteString("unit", ContractWords.Code(capacity.Unit));
        writer.WriteEndObject();
    }
}

/// <summary>The contract's words for the enums of the model (docs/application.md, docs/results.md): one table per enum, shared with the reader.</summary>
internal static class ContractWords
{
    /// <summary>The code of an enum value (<c>mining</c>, <c>rare-earth</c>, <c>万吨/年</c>, <c>needs-review</c>).</summary>
    /// <exception cref="JsonException">The value is not one the enum defines.</exception>
    public static string Code(Enum value)
    {
        var type = value.GetType();
        if (!Enum.IsDefined(type, value))
        {
            throw new JsonException($"{type.Name} has no value {Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}; it has no word in the contract.");
        }

        return Vocabularies.Has(type) ? Vocabularies.Of(type).Code(value) : throw new JsonException($"{type.Name} has no words in the contract.");
    }

    /// <summary>A date as the contract writes it, <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
