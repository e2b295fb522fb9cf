using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Vocabularies = MineralRules.Applications.Vocabularies;
using MineralRules.Applications;
using MineralRules.Units;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MineralRules.Tests.Schemas;

/// <summary>
/// The published JSON Schemas (schemas/) are what editors underline with: every shipped rule file and sample must
/// validate against the schema its modeline names, and the schemas' word lists must be the library's own.
/// </summary>
public sealed partial class SchemaTests
{
    private static readonly string SchemaFolder = Path.Combine(TestPaths.Repository, "schemas");

    private static IEnumerable<TestCaseData> ShippedYamlFiles()
    {
        var rules = Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories);
        var samples = Directory.Exists(TestPaths.Samples)
            ? Directory.EnumerateFiles(TestPaths.Samples, "*.yaml", SearchOption.AllDirectories)
            : [];
        return rules.Concat(samples)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetRelativePath(TestPaths.Repository, path).Replace('\\', '/'))
                .SetName($"Validate_{Path.GetRelativePath(TestPaths.Repository, path).Replace('\\', '/')}_MatchesItsSchema"));
    }

    [TestCaseSource(nameof(ShippedYamlFiles))]
    public void Validate_ShippedFile_MatchesItsSchema(string relativePath)
    {
        var path = Path.Combine(TestPaths.Repository, relativePath);
        var text = File.ReadAllText(path);
        var modeline = Modeline().Match(text.Split('\n')[0]);
        Assert.That(modeline.Success, Is.True, $"{relativePath}: the first line must be '# yaml-language-server: $schema=<relative path>'.");

        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, modeline.Groups[1].Value));
        var expected = Path.GetFileName(path) == "manifest.yaml" ? "manifest.schema.json"
            : Path.GetFileName(path) == RuleSetSeal.FileName ? "seal.schema.json"
            : relativePath.StartsWith("samples/", StringComparison.Ordinal) ? "application.schema.json"
            : "rule-file.schema.json";
        Assert.That(schemaPath, Is.EqualTo(Path.Combine(SchemaFolder, expected)), $"{relativePath} names the wrong schema.");

        var errors = Validate(expected, text);
        Assert.That(errors, Is.Empty, $"{relativePath} does not match {expected}.");
    }

    [Test]
    public void Validate_MisspeltApplicationKey_Refused()
    {
        var errors = Validate("application.schema.json", """
            id: A-1
            permit: mining
            action: new
            applicationDate: 2024-05-01
            minerl: coal
            """);

        Assert.That(errors, Is.Not.Empty);
    }

    [TestCase("capacity: { value: 300, unit: 万吨/年 }", true)]
    [TestCase("capacity: { value: 300, unit: tons }", false)]
    [TestCase("capacity: { value: 0, unit: t/a }", false)]
    [TestCase("location: { league: 150600, zones: [energy-base] }", true)]
    [TestCase("location: { league: 鄂尔多斯市 }", true)]
    [TestCase("location: { league: 北京市 }", false)]
    [TestCase("location: { zones: [ecological-redline] }", false)]
    [TestCase("recovery: { mining: { actual: 1.2 } }", false)]
    [TestCase("exemptions: [{ clause: \"5.2.1\", basis: 国务院批准的重点建设项目配套 }]", true)]
    [TestCase("exemptions: [{ clause: \"5.2.1\" }]", false)]
    public void Validate_ApplicationFact_AsSchemaSays(string fact, bool valid)
    {
        var errors = Validate("application.schema.json", $"""
            id: A-1
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: 煤炭
            {fact}
            """);

        Assert.That(errors, valid ? Is.Empty : Is.Not.Empty);
    }

    [TestCase("condition: { atLeast: { field: capacity, value: 300, unit: 万吨/年 } }", true)]
    [TestCase("condition: { atleast: { field: capacity, value: 300, unit: 万吨/年 } }", false)]
    [TestCase("condition: { atLeast: { field: capacity, value: 300, unit: 万吨/年 }, prohibited: true }", false)]
    [TestCase("condition: { prohibited: false }", false)]
    [TestCase("outcome: warn\n    condition: { prohibited: true }", false)]
    public void Validate_RuleCondition_AsSchemaSays(string body, bool valid)
    {
        var errors = Validate("rule-file.schema.json", $$"""
            rules:
              - id: coal.example
                clause: { ref: "5.2.1", zh: 原文, en: Text }
                scope: { permit: mining, minerals: [coal] }
                message: { zh: 消息, en: Message }
                {{body}}
            """);

        Assert.That(errors, valid ? Is.Empty : Is.Not.Empty);
    }

    [Test]
    public void ApplicationSchema_Vocabularies_AreTheLibrarys()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaFolder, "application.schema.json")))!;
        var properties = schema["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Enum(properties["mineral"]!), Is.EquivalentTo(Words(Vocabularies.Minerals)));
            Assert.That(Enum(properties["permit"]!), Is.EquivalentTo(Words(Vocabularies.Permits)));
            Assert.That(Enum(properties["action"]!), Is.EquivalentTo(Words(Vocabularies.Actions)));
            Assert.That(Enum(properties["miningMethod"]!), Is.EquivalentTo(Words(Vocabularies.MiningMethods)));
            Assert.That(Enum(properties["scale"]!), Is.EquivalentTo(Words(Vocabularies.Scales)));
            Assert.That(Enum(properties["explorationStage"]!), Is.EquivalentTo(Words(Vocabularies.Stages)));
            Assert.That(Enum(properties["location"]!["properties"]!["zones"]!["items"]!), Is.EquivalentTo(Words(Vocabularies.Zones)));
            Assert.That(Enum(properties["grant"]!["properties"]!["method"]!), Is.EquivalentTo(Words(Vocabularies.GrantMethods)));
            Assert.That(Enum(properties["coal"]!["properties"]!["rank"]!), Is.EquivalentTo(Words(Vocabularies.CoalRanks)));
            Assert.That(Enum(schema["$defs"]!["capacity"]!["properties"]!["unit"]!), Is.SupersetOf(UnitConversions.CapacitySymbols));
            Assert.That(Enum(properties["quota"]!["properties"]!["unit"]!), Is.SupersetOf(UnitConversions.MassSymbols));
            Assert.That(Enum(properties["location"]!["properties"]!["league"]!).Where(w => !w.All(char.IsAsciiDigit)), Is.EquivalentTo(MineralRules.Reference.AdministrativeDivisions.Default.Leagues.Select(l => l.Name)));
        });

        static IEnumerable<string> Enum(JsonNode node) => node["enum"]!.AsArray().Select(w => w!.ToString()).Distinct();

        static IEnumerable<string> Words<T>(Vocabulary<T> vocabulary)
            where T : struct, Enum =>
            vocabulary.Terms.SelectMany(t => new[] { t.Code, t.Zh }.Concat(t.Aliases)).Distinct();
    }

    private static List<string> Validate(string schemaName, string yaml)
    {
        var schema = JsonSchema.FromFile(Path.Combine(SchemaFolder, schemaName));
        var results = schema.Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    /// <summary>YAML as editors see it: plain scalars typed (bool, number, null), quoted ones strings.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JsonObject(mapping.Children.Select(kv =>
                KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new NotSupportedException(node.NodeType.ToString()),
        };

        static JsonNode? Scalar(YamlScalarNode scalar)
        {
            var value = scalar.Value ?? string.Empty;
            if (scalar.Style != ScalarStyle.Plain)
            {
                return JsonValue.Create(value);
            }

            return value switch
            {
                "" or "~" or "null" => null,
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
                _ when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
                _ => JsonValue.Create(value),
            };
        }
    }

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)\s*$")]
    private static partial Regex Modeline();
}
