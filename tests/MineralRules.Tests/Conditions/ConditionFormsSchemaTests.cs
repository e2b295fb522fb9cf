using System.Text.Json.Nodes;
using MineralRules.Conditions;

namespace MineralRules.Tests.Conditions;

/// <summary>
/// schemas/rule-file.schema.json describes a condition exactly as the registry of condition forms does: a form in the
/// registry but not in the schema (or the other way round), or a fragment that differs, fails here.
/// </summary>
public sealed class ConditionFormsSchemaTests
{
    private static JsonNode SchemaCondition() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Repository, "schemas", "rule-file.schema.json")))!["$defs"]!["condition"]!;

    [Test]
    public void Schema_ConditionForms_SameNamesAsTheRegistry()
    {
        var written = SchemaCondition()["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.That(written, Is.EqualTo(ConditionForms.Default.Names.Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(nameof(FormNames))]
    public void Schema_ConditionForm_FragmentIsTheRegistrys(string name)
    {
        var written = SchemaCondition()["properties"]![name];
        var generated = ConditionForms.Default.Find(name)!.Schema(name);

        Assert.That(JsonNode.DeepEquals(written, generated), Is.True, $"schemas/rule-file.schema.json $defs.condition.properties.{name} should be:\n{generated.ToJsonString()}");
    }

    [Test]
    public void Schema_Condition_IsTheGeneratedOne()
    {
        var generated = ConditionForms.Default.Schema();

        Assert.That(JsonNode.DeepEquals(SchemaCondition(), generated), Is.True, $"$defs.condition should be:\n{generated.ToJsonString()}");
    }

    private static IEnumerable<string> FormNames() => ConditionForms.Default.Names;
}
