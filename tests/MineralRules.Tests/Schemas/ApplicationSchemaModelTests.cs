using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MineralRules.Applications;
using MineralRules.Compilation;
using Vocabularies = MineralRules.Applications.Vocabularies;

namespace MineralRules.Tests.Schemas;

/// <summary>
/// schemas/application.schema.json is written by hand (its descriptions and bounds are for people); this test holds it
/// to the model it describes. It walks the <see cref="Application"/> record and the records below it with the reader's
/// own key rule (<see cref="ApplicationMapper.KeysOf"/>) beside the schema, and fails when a key is in one but not the
/// other, when required keys differ, when a key's JSON type is not the property's type, or when a word list is not
/// exactly the vocabulary's words (<see cref="Vocabularies.Of"/>: codes, Chinese names, aliases). Every fact of the
/// field catalog must have its place in the schema too.
/// </summary>
public sealed class ApplicationSchemaModelTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Repository, "schemas", "application.schema.json")))!;

    [Test]
    public void ApplicationSchema_WalkedBesideTheModel_SameKeysTypesAndWords()
    {
        var problems = new List<string>();

        CheckObject(typeof(Application), Schema, "(application)", problems);

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void ApplicationSchema_EveryCatalogField_HasItsPlace()
    {
        var missing = FieldCatalog.Default.Paths.Where(path => At(path) is null).ToList();

        Assert.That(missing, Is.Empty);
    }

    private static JsonNode? At(string path)
    {
        JsonNode? node = Schema;
        foreach (var key in path.Split('.'))
        {
            node = Resolve(node!)["properties"]?[key];
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static void CheckObject(Type type, JsonNode node, string where, List<string> problems)
    {
        node = Resolve(node);
        if (!Types(node).Contains("object"))
        {
            problems.Add($"{where}: the schema does not say object");
            return;
        }

        if (node["additionalProperties"]?.GetValue<bool>() != false)
        {
            problems.Add($"{where}: the schema allows unknown keys; the reader refuses them");
        }

        var keys = ApplicationMapper.KeysOf(type);
        if (type == typeof(Application))
        {
            // A document may also hold a sample's expect block, read beside the application (ApplicationReadResult.Expect).
            keys = [.. keys, ("expect", typeof(SampleDocument).GetProperty(nameof(SampleDocument.Expect))!)];
        }

        var properties = node["properties"]!.AsObject();
        var modelKeys = keys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(modelKeys.Where(k => !properties.ContainsKey(k)).Select(k => $"{where}: '{k}' is in the model, not in the schema"));
        problems.AddRange(properties.Select(p => p.Key).Where(k => !modelKeys.Contains(k)).Select(k => $"{where}: '{k}' is in the schema, not in the model"));

        var required = keys.Where(k => k.Property.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(k => k.Key).Order(StringComparer.Ordinal);
        var schemaRequired = (node["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).Order(StringComparer.Ordinal);
        if (!required.SequenceEqual(schemaRequired))
        {
            problems.Add($"{where}: required keys are [{string.Join(", ", required)}] in the model, [{string.Join(", ", schemaRequired)}] in the schema");
        }

        foreach (var (key, property) in keys)
        {
            if (properties[key] is { } child)
            {
                CheckValue(property.PropertyType, child, where == "(application)" ? key : $"{where}.{key}", problems);
            }
        }
    }

    private static void CheckValue(Type declared, JsonNode node, string where, List<string> problems)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        node = Resolve(node);
        var types = Types(node);
        if (type.IsEnum)
        {
            var words = node["enum"]?.AsArray().Select(w => w!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var vocabulary = Vocabularies.Has(type) ? Vocabularies.Of(type).Words.ToHashSet(StringComparer.Ordinal) : null;
            if (vocabulary is null)
            {
                problems.Add($"{where}: {type.Name} has no vocabulary");
            }
            else if (words is null || !words.SetEquals(vocabulary))
            {
                problems.Add($"{where}: the schema's words differ from the {type.Name} vocabulary (schema only: {Except(words ?? [], vocabulary)}; vocabulary only: {Except(vocabulary, words ?? [])})");
            }
        }
        else if (type == typeof(string))
        {
            // Leagues and counties are listed as words (names and codes); other texts are strings.
            Expect(types.Contains("string") || node["enum"] is not null, where, "string", problems);
        }
        else if (type == typeof(bool))
        {
            Expect(types.Contains("boolean"), where, "boolean", problems);
        }
        else if (type == typeof(int))
        {
            Expect(types.Contains("integer"), where, "integer", problems);
        }
        else if (type == typeof(decimal))
        {
            Expect(types.Contains("number"), where, "number", problems);
        }
        else if (type == typeof(DateOnly))
        {
            Expect(types.Contains("string") && node["pattern"]?.GetValue<string>() == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", where, "a YYYY-MM-DD string", problems);
        }
        else if (type == typeof(Capacity))
        {
            var value = node["properties"]?["value"];
            var unit = node["properties"]?["unit"];
            Expect(Types(node).Contains("object") && value is not null && unit is not null, where, "a capacity { value, unit }", problems);
            if (value is not null && unit is not null)
            {
                CheckValue(typeof(decimal), value, where + ".value", problems);
                CheckValue(typeof(CapacityUnit), unit, where + ".unit", problems);
            }
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            Expect(types.Contains("array") && node["items"] is not null, where, "an array", problems);
            if (node["items"] is { } items)
            {
                CheckValue(type.GetGenericArguments()[0], items, where + "[]", problems);
            }
        }
        else
        {
            CheckObject(type, node, where, problems);
        }
    }

    private static void Expect(bool ok, string where, string what, List<string> problems)
    {
        if (!ok)
        {
            problems.Add($"{where}: the schema does not say {what}");
        }
    }

    private static JsonNode Resolve(JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference
            ? Schema["$defs"]![reference["#/$defs/".Length..]]!
            : node;

    private static HashSet<string> Types(JsonNode node) => node["type"] switch
    {
        JsonArray array => [.. array.Select(t => t!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };

    private static string Except(IEnumerable<string> left, HashSet<string> right) =>
        string.Join(", ", left.Where(w => !right.Contains(w)).DefaultIfEmpty("—"));

    /// <summary>The document-only key: the sample's expect block, which the reader carries beside the application.</summary>
    private sealed record SampleDocument(Expectation? Expect);
}
