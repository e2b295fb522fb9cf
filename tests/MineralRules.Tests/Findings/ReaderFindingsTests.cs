using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MineralRules.Reporting;
using MineralRules.Diagnostics;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Findings;

/// <summary>
/// Hostile and broken documents (findings F01-F04, F15, F16): every one is a located error for that file only, never
/// an exception that loses the run; the reproducers are copied under Findings/.
/// </summary>
public class ReaderFindingsTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "Findings");

    private static string Base => File.ReadAllText(Path.Combine(Folder, "base-application.yaml"));

    private static readonly string GoodJson = """
        {"id": "J-01", "permit": "mining", "action": "new", "applicationDate": "2024-05-01", "mineral": "coal", "miningMethod": "underground", "capacity": {"value": 400, "unit": "万吨/年"}}
        """;

    [TestCase("F01/app-lone-surrogate.json")]
    [TestCase("F01/key-lone-surrogate.json")]
    [TestCase("F01/crash-001.json")]
    [TestCase("F01/crash-002.json")]
    [TestCase("F01/crash-003.json")]
    [TestCase("F02/minimal.yaml")]
    [TestCase("F02/app-bad-surrogate-pair.yaml")]
    [TestCase("F02/fuzz-found.yaml")]
    [TestCase("F04/minimal.yaml")]
    [TestCase("F04/app-verbatim-tag.yaml")]
    [TestCase("F04/fuzz-found.yaml")]
    public void ReadFile_Reproducer_LocatedSyntaxErrorForThatFile(string reproducer)
    {
        var path = Path.Combine(Folder, reproducer);

        var result = ApplicationReader.ReadFile(path);

        AssertLocated(result, path, "MR1002");
    }

    [TestCase("{\"id\": \"\\uD800\"}", 1, 8)]
    [TestCase("{\"id\": \"a\\uDC00b\"}", 1, 8)]
    [TestCase("{\n  \"\\uD800x\": 1}", 2, 3)]
    public void Read_JsonLoneSurrogateEscape_SyntaxErrorAtTheString(string json, int line, int column)
    {
        var diagnostic = ApplicationReader.Read(json, "app.json").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR1002"));
            Assert.That(diagnostic.Location, Is.EqualTo(new SourceLocation("app.json", line, column)));
            Assert.That(diagnostic.Message, Does.Contain("surrogate"));
        });
    }

    [TestCase("id: \"\\uD800\\u0041\"\n")]
    [TestCase("id: \"\\uD800\"\n")]
    [TestCase("id: \"a\\uDC00\"\n")]
    [TestCase("\"\\uD800\": 1\n")]
    public void Read_YamlBadSurrogateEscape_LocatedSyntaxError(string yaml)
    {
        var result = ApplicationReader.Read(yaml, "app.yaml");

        AssertLocated(result, "app.yaml", "MR1002");
    }

    [TestCase("id: !!str 300\n", 1, 5)]
    [TestCase("id: !custom fail\n", 1, 5)]
    [TestCase("id: !<a:b> a\n", 1, 5)]
    [TestCase("id: !<tag:yaml.org,2002:str> a\n", 1, 5)]
    [TestCase("id: ! a\n", 1, 5)]
    [TestCase("%TAG !e! tag:example.com,2000:\n---\nid: a\n", 1, 1)]
    [TestCase("capacity: !!map {value: 400, unit: 万吨/年}\n", 1, 11)]
    public void Read_YamlTag_TagsNotAllowedAtTheTag(string yaml, int line, int column)
    {
        var diagnostic = ApplicationReader.Read(yaml, "app.yaml").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR1002"));
            Assert.That(diagnostic.Location, Is.EqualTo(new SourceLocation("app.yaml", line, column)));
            Assert.That(diagnostic.Message, Does.Contain("tags").And.Contain("not allowed"));
        });
    }

    [TestCase("id: &a Y-1\napplicant: *a\n", 1, 5)]
    [TestCase("id: Y-1\nlocation: {league: 鄂尔多斯市, zones: &z [energy-base]}\nexemptions: *z\n", 2, 34)]
    public void Read_YamlAnchorOrAlias_RefusedAtTheAnchor(string yaml, int line, int column)
    {
        var diagnostic = ApplicationReader.Read(yaml, "app.yaml").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR1002"));
            Assert.That(diagnostic.Location, Is.EqualTo(new SourceLocation("app.yaml", line, column)));
            Assert.That(diagnostic.Message, Does.Contain("anchors and aliases"));
        });
    }

    [Test]
    public void Read_AliasAmplification_RefusedWithOneError()
    {
        // F03: one mapping of 1000 unknown keys aliased 1000 times made a million diagnostics (1.4 GB).
        var yaml = new StringBuilder(Base).Append("applicant2: &k {");
        yaml.AppendJoin(", ", Enumerable.Range(0, 1000).Select(i => $"k{i}: 1")).Append("}\nexemptions: [");
        yaml.AppendJoin(", ", Enumerable.Repeat("*k", 1000)).Append("]\n");

        var result = ApplicationReader.Read(yaml.ToString(), "app.yaml");

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MR1002" }));
    }

    [Test]
    public void Read_ThousandsOfUnknownKeys_AtMostOneHundredAndOneDiagnostics()
    {
        var yaml = new StringBuilder(Base);
        for (var i = 0; i < 5000; i++)
        {
            yaml.Append("unknown").Append(i).Append(": 1\n");
        }

        var diagnostics = ApplicationReader.Read(yaml.ToString(), "app.yaml").Diagnostics;

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics, Has.Count.EqualTo(DiagnosticBag.MaxPerFile + 1));
            Assert.That(diagnostics.Count(d => d.Message.StartsWith("More than 100 problems in this file", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public void Read_HugeUnknownValue_MessageQuotesItShortened()
    {
        var word = new string('x', 1_000_000);

        var diagnostic = ApplicationReader.Read(Base.Replace("mineral: coal", $"mineral: {word}", StringComparison.Ordinal), "app.yaml").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR1008"));
            Assert.That(diagnostic.Message, Has.Length.LessThan(1000));
            Assert.That(diagnostic.Message, Does.Contain("(1000000 characters)"));
        });
    }

    [Test]
    public void Closest_LongInput_NoSuggestion()
    {
        // The distance costs input times candidate length: a 10 MB value cost 10 s. No key or word is this long.
        var input = new string('a', 1000);

        var hint = Suggestions.Closest(input, [new string('a', 999) + "b", "coal"]);

        Assert.That(hint, Is.Null);
    }

    [Test]
    public void Read_ControlCharacterInYamlValue_LocatedWrongType()
    {
        var path = Path.Combine(Folder, "F16", "app-control-char-id.yaml");

        var result = ApplicationReader.ReadFile(path);

        AssertLocated(result, path, "MR1007");
        Assert.That(result.Diagnostics[0].Message, Does.Contain("U+0001"));
    }

    [Test]
    public void Read_ControlCharacterInYamlExemptionBasis_LocatedWrongType()
    {
        var path = Path.Combine(Folder, "F16", "app-control-char-basis.yaml");

        var result = ApplicationReader.ReadFile(path);

        AssertLocated(result, path, "MR1007");
        Assert.That(result.Diagnostics[0].Location.Line, Is.EqualTo(12));
    }

    [TestCase("\\u0000")]
    [TestCase("\\u001b")]
    [TestCase("\\u007f")]
    [TestCase("\\u0085")]
    public void Read_ControlCharacterInJsonValue_LocatedWrongType(string escape)
    {
        var json = GoodJson.Replace("J-01", "J-" + escape, StringComparison.Ordinal);

        var diagnostic = ApplicationReader.Read(json, "app.json").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR1007"));
            Assert.That(diagnostic.Location, Is.EqualTo(new SourceLocation("app.json", 1, 8)));
        });
    }

    [Test]
    public void Read_TabsAndLineBreaksInValues_StillAccepted()
    {
        var result = ApplicationReader.Read(Base.Replace("applicant: 示例矿业有限公司", "applicant: \"示例\\t矿业\\n有限公司\"", StringComparison.Ordinal), "app.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void ReadFile_InvalidUtf8Bytes_LocatedSyntaxError()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "app.yaml");
        var bytes = Encoding.UTF8.GetBytes(Base.Replace("applicant: 示例矿业有限公司", "applicant: 示例XX", StringComparison.Ordinal)).ToList();
        var at = bytes.IndexOf((byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        File.WriteAllBytes(path, [.. bytes]);

        var result = ApplicationReader.ReadFile(path);

        AssertLocated(result, path, "MR1002");
        Assert.That(result.Diagnostics[0].Location.Line, Is.EqualTo(5));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("UTF-8"));
    }

    [Test]
    public void Read_MinifiedJson_AboutAsFastAsPrettyPrinted()
    {
        // F15: the column of every token was counted from the start of its line: 200k zones on one line took 6.7 s.
        var zones = string.Join(", ", Enumerable.Repeat("\"energy-base\"", 200_000));
        var minified = GoodJson.Replace("}}", $"}}, \"location\": {{\"league\": \"鄂尔多斯市\", \"zones\": [{zones}]}}}}", StringComparison.Ordinal);
        var pretty = minified.Replace(", ", ",\n  ", StringComparison.Ordinal);
        ApplicationReader.Read(pretty, "warm-up.json");

        var prettyTime = Time(() => ApplicationReader.Read(pretty, "pretty.json"));
        var minifiedTime = Time(() => ApplicationReader.Read(minified, "minified.json"));

        Assert.That(minifiedTime, Is.LessThan((prettyTime * 3) + TimeSpan.FromSeconds(1)), $"pretty {prettyTime}, minified {minifiedTime}");
    }

    [Test]
    public void Read_MinifiedJsonErrorLate_ColumnCountsCharacters()
    {
        var json = "{\"applicant\": \"鄂尔多斯市\", \"mineral\": \"coal\", \"x\": \"é\", \"unknownKey\": 1}";

        var diagnostics = ApplicationReader.Read(json, "app.json").Diagnostics;

        Assert.That(
            diagnostics.Single(d => d.Code == "MR1005" && d.Message.Contains("unknownKey", StringComparison.Ordinal)).Location.Column,
            Is.EqualTo(json.IndexOf("\"unknownKey\"", StringComparison.Ordinal) + 1));
    }

    [Test]
    public void Check_FolderWithOneBadFile_JsonListsEveryFileAndTheBadOneInvalid()
    {
        using var temp = new TempFolder();
        temp.Write("a-good.yaml", Base);
        temp.Write("b-good.json", GoodJson);
        temp.Write("c-bad.json", File.ReadAllText(Path.Combine(Folder, "F01", "app-lone-surrogate.json")));
        temp.Write("d-bad.yaml", File.ReadAllText(Path.Combine(Folder, "F02", "minimal.yaml")));
        temp.Write("e-bad.yaml", File.ReadAllText(Path.Combine(Folder, "F04", "minimal.yaml")));
        temp.Write("f-good.yaml", Base.Replace("Y-1", "Y-2", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run("check", "--format", "json", temp.Path);
        using var json = JsonDocument.Parse(output);
        var decisions = json.RootElement.EnumerateArray().ToDictionary(
            r => Path.GetFileName(r.GetProperty("source").GetString()!),
            r => r.GetProperty("decision").GetString());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(decisions.Keys, Is.EquivalentTo(new[] { "a-good.yaml", "b-good.json", "c-bad.json", "d-bad.yaml", "e-bad.yaml", "f-good.yaml" }));
            Assert.That(decisions.Where(d => d.Value == "invalid").Select(d => d.Key), Is.EquivalentTo(new[] { "c-bad.json", "d-bad.yaml", "e-bad.yaml" }));
            Assert.That(error, Does.Contain("c-bad.json:1:8: error MR1002: "));
            Assert.That(error, Does.Not.Contain("please report"));
        });
    }

    [Test]
    public void Check_JUnitWithControlCharacterInFileName_ValidXmlForEveryFile()
    {
        // F16: XmlWriter threw on a control character and the report was lost; the writer now escapes it.
        using var temp = new TempFolder();
        temp.Write("good.yaml", Base);
        temp.Write("bad\u0001name.yaml", Base.Replace("Y-1", "Y-2", StringComparison.Ordinal));
        temp.Write("control-id.yaml", File.ReadAllText(Path.Combine(Folder, "F16", "app-control-char-id.yaml")));

        var (_, output, error) = CliRunner.Run("check", "--format", "junit", temp.Path);
        var suites = XDocument.Parse(output).Root!.Elements("testsuite").Select(s => Path.GetFileName((string)s.Attribute("name")!)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(suites, Is.EquivalentTo(new[] { "good.yaml", "bad\\u0001name.yaml", "control-id.yaml" }));
            Assert.That(error, Does.Not.Contain("please report"));
        });
    }

    [TestCase("a\u0001b", "a\\u0001bcd")]
    [TestCase("\uFFFE", "\\uFFFEcd")]
    [TestCase("鄂尔多斯\U0001F600\t\n", "鄂尔多斯\U0001F600\t\ncd")]
    public void XmlSafe_InvalidXmlCharacters_Escaped(string text, string expected) =>
        Assert.That(JUnitResultReporter.XmlSafe(text + "cd"), Is.EqualTo(expected));

    [Test]
    public void XmlSafe_UnpairedSurrogates_Escaped() =>
        Assert.That(JUnitResultReporter.XmlSafe(new string(['a', '\uD800', 'b', '\uDC00'])), Is.EqualTo("a\\uD800b\\uDC00"));

    [TestCase("en: \"\\uD800\\u0041 New underground coal mines", "MR1002")]
    [TestCase("outcome: !<a:b> fail", "MR1002")]
    [TestCase("outcome: !custom fail", "MR1002")]
    [TestCase("en: \"\\0 New underground coal mines", "MR1007")]
    public void TryLoadFromFolder_HostileRuleFile_LocatedDiagnosticNotException(string edit, string code)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        var lines = File.ReadAllLines(file);
        var key = edit[..(edit.IndexOf(':', StringComparison.Ordinal) + 1)];
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key, StringComparison.Ordinal) && (key != "en:" || l.Contains('"', StringComparison.Ordinal)));
        lines[index] = lines[index][..lines[index].IndexOf(key, StringComparison.Ordinal)] + edit + (key == "en:" ? "\"" : string.Empty);
        File.WriteAllLines(file, lines);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(result.Catalog, Is.Null);
            Assert.That(result.Diagnostics, Has.Some.Matches<Diagnostic>(d => d.Code == code && d.Location.Path == file && d.Location.Line == index + 1));
        });
    }

    [Test]
    public void ReloadFromFolder_BadSurrogateEscapeInRuleText_RefusedAndStillServing()
    {
        // F02: the reload threw to the caller instead of returning a refused result.
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        var host = new RuleSetHost(Fixtures.Catalog);
        File.WriteAllText(file, File.ReadAllText(file).Replace("en: \"", "en: \"\\uD800\\u0041 ", StringComparison.Ordinal));

        var reload = host.ReloadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(reload.Reloaded, Is.False);
            Assert.That(host.Current, Is.SameAs(Fixtures.Catalog));
            Assert.That(reload.Diagnostics, Has.Some.Matches<Diagnostic>(d => d.Code == "MR1002" && d.Location.Path == file && d.Location.Line > 0));
        });
    }

    private static void AssertLocated(ApplicationReadResult result, string path, string code) =>
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Diagnostics, Is.Not.Empty);
            Assert.That(result.Diagnostics[0].Code, Is.EqualTo(code), string.Join("\n", result.Diagnostics));
            Assert.That(result.Diagnostics[0].Location.Line, Is.GreaterThan(0), "located");
            Assert.That(result.Diagnostics[0].Location.Column, Is.GreaterThan(0), "located");
            Assert.That(result.Diagnostics.Select(d => d.Location.Path), Is.All.EqualTo(path), "for that file only");
        });

    private static TimeSpan Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed;
    }
}
