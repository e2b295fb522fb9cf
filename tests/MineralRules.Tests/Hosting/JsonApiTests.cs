using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MineralRules.Tests.Hosting;

/// <summary>The JSON-native API: MineralRulesJson.Options, ApplicationReader.Read(text/bytes/stream, format), CompiledRuleSet.Rules.</summary>
public sealed class JsonApiTests
{
    /// <summary>A JSON application: line 7 is the capacity, line 4 the date.</summary>
    private const string CoalMineJson = """
        {
          "id": "COAL-JSON",
          "permit": "mining",
          "applicationDate": "2024-05-01",
          "action": "new",
          "mineral": "煤炭",
          "capacity": { "value": 400, "unit": "万吨/年" },
          "miningMethod": "underground",
          "location": { "league": "鄂尔多斯市", "zones": [] }
        }
        """;

    private static IEnumerable<TestCaseData> Samples() =>
        Directory.EnumerateFiles(TestPaths.Samples, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetRelativePath(TestPaths.Samples, f)));

    [TestCaseSource(nameof(Samples))]
    public void Serialize_EverySample_RoundTripsToEqualApplication(string file)
    {
        var read = ApplicationReader.ReadFile(file);
        Assert.That(read.Diagnostics, Is.Empty);

        var json = JsonSerializer.Serialize(read.Application, MineralRulesJson.Options);
        var back = JsonSerializer.Deserialize<Application>(json, MineralRulesJson.Options)!;

        Assert.Multiple(() =>
        {
            Assert.That(back, Is.EqualTo(read.Application).UsingPropertiesComparer(), json);
            Assert.That(JsonSerializer.Serialize(back, MineralRulesJson.Options), Is.EqualTo(json));
            Assert.That(back.IsValidated, Is.True, "read through the reader, so validated once");
        });
    }

    [Test]
    public void Deserialize_ContractJson_SameApplicationAsReader()
    {
        var fromSerializer = JsonSerializer.Deserialize<Application>(CoalMineJson, MineralRulesJson.Options);
        var fromReader = ApplicationReader.Read(CoalMineJson, ApplicationFormat.Json);

        Assert.Multiple(() =>
        {
            Assert.That(fromReader.Diagnostics, Is.Empty);
            Assert.That(fromSerializer, Is.EqualTo(fromReader.Application).UsingPropertiesComparer());
            Assert.That(fromSerializer!.Mineral, Is.EqualTo(Mineral.Coal));
            Assert.That(fromSerializer.Location!.League, Is.EqualTo("150600"), "names become codes, as the reader does");
            Assert.That(fromSerializer.Location.Zones, Is.Empty, "empty zones (none) stay empty, not absent (unknown)");
        });
    }

    [Test]
    public void Serialize_Application_ContractWordsAndCodes()
    {
        var application = JsonSerializer.Deserialize<Application>(CoalMineJson, MineralRulesJson.Options)!;

        var json = JsonSerializer.Serialize(application, MineralRulesJson.Options);

        Assert.That(json, Is.EqualTo("""
            {
              "id": "COAL-JSON",
              "permit": "mining",
              "action": "new",
              "applicationDate": "2024-05-01",
              "mineral": "coal",
              "miningMethod": "underground",
              "capacity": {
                "value": 400,
                "unit": "万吨/年"
              },
              "location": {
                "league": "150600",
                "zones": []
              }
            }
            """.ReplaceLineEndings("\n")));
    }

    [TestCase("\"capcity\": {", "\"capacity\": {", "MR1005", 7, 3)]
    [TestCase("\"mineral\": \"coall\"", "\"mineral\": \"煤炭\"", "MR1008", 6, 14)]
    [TestCase("\"applicationDate\": \"2024-02-30\"", "\"applicationDate\": \"2024-05-01\"", "MR1009", 4, 22)]
    [TestCase("\"unit\": \"万吨/月\"", "\"unit\": \"万吨/年\"", "MR1010", 7, 39)]
    [TestCase("\"capacity\": { \"value\": -1,", "\"capacity\": { \"value\": 400,", "MR2001", 7, 26)]
    public void Deserialize_InvalidInput_ThrowsReaderDiagnostic(string wrong, string right, string code, int line, int column)
    {
        var json = CoalMineJson.Replace(right, wrong, StringComparison.Ordinal);
        Assert.That(json, Is.Not.EqualTo(CoalMineJson));
        var reader = ApplicationReader.Read(json, ApplicationFormat.Json);

        var exception = Assert.Throws<MineralRulesJsonException>(() => JsonSerializer.Deserialize<Application>(json, MineralRulesJson.Options));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Diagnostics, Is.EqualTo(reader.Diagnostics), "the reader's diagnostics, exactly");
            Assert.That(exception.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)), Is.EqualTo(new[] { (code, line, column) }));
            Assert.That(exception.Diagnostics[0].Location.Path, Is.EqualTo("<json>"));
            Assert.That(exception, Is.InstanceOf<JsonException>());
        });
    }

    [Test]
    public void Deserialize_ApplicationInsideHostRecord_ReadAndValidated()
    {
        var envelope = $$"""{ "Ticket": 7, "Application": {{CoalMineJson}} }""";

        var read = JsonSerializer.Deserialize<Envelope>(envelope, MineralRulesJson.Options)!;
        var broken = envelope.Replace("\"mining\"", "\"minning\"", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(read.Application.Id, Is.EqualTo("COAL-JSON"));
            Assert.That(Assert.Throws<MineralRulesJsonException>(() => JsonSerializer.Deserialize<Envelope>(broken, MineralRulesJson.Options))!
                .Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MR1008" }));
        });
    }

    [Test]
    public void Serialize_Words_ContractWords()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(Mineral.RareEarth, MineralRulesJson.Options), Is.EqualTo("\"rare-earth\""));
            Assert.That(JsonSerializer.Serialize(Permit.Mining, MineralRulesJson.Options), Is.EqualTo("\"mining\""));
            Assert.That(JsonSerializer.Serialize(PermitAction.New, MineralRulesJson.Options), Is.EqualTo("\"new\""));
            Assert.That(JsonSerializer.Serialize(MiningMethod.OpenPit, MineralRulesJson.Options), Is.EqualTo("\"open-pit\""));
            Assert.That(JsonSerializer.Serialize(CapacityUnit.TenThousandTonnesPerYear, MineralRulesJson.Options), Is.EqualTo("\"万吨/年\""));
            Assert.That(JsonSerializer.Serialize(Decision.NeedsReview, MineralRulesJson.Options), Is.EqualTo("\"needs-review\""));
            Assert.That(JsonSerializer.Serialize(Outcome.NotApplicable, MineralRulesJson.Options), Is.EqualTo("\"not-applicable\""));
            Assert.That(JsonSerializer.Serialize(new DateOnly(2024, 5, 1), MineralRulesJson.Options), Is.EqualTo("\"2024-05-01\""));
            Assert.That(JsonSerializer.Deserialize<Mineral>("\"稀土\"", MineralRulesJson.Options), Is.EqualTo(Mineral.RareEarth));
            Assert.That(JsonSerializer.Deserialize<Zone?>("\"energy-base\"", MineralRulesJson.Options), Is.EqualTo(Zone.EnergyBase));
            Assert.That(JsonSerializer.Deserialize<Capacity>("""{ "value": 2.4, "unit": "Mt/a" }""", MineralRulesJson.Options), Is.EqualTo(new Capacity(2.4m, CapacityUnit.MegatonnesPerYear)));
            Assert.That(JsonSerializer.Deserialize<Dictionary<Mineral, int>>("""{ "coal": 1 }""", MineralRulesJson.Options)![Mineral.Coal], Is.EqualTo(1));
        });
    }

    [TestCase("\"coall\"", typeof(Mineral), "MR1008")]
    [TestCase("""["coal"]""", typeof(Mineral), "MR1007")]
    [TestCase("\"万吨/月\"", typeof(CapacityUnit), "MR1010")]
    [TestCase("\"2024-02-30\"", typeof(DateOnly), "MR1009")]
    [TestCase("\"2024-5-1\"", typeof(DateOnly), "MR1009")]
    [TestCase("""{ "value": 300 }""", typeof(Capacity), "MR1006")]
    [TestCase("""{ "value": 300, "unit": "t/a", "per": "year" }""", typeof(Capacity), "MR1005")]
    public void Deserialize_WrongValue_ThrowsReaderCode(string json, Type type, string code)
    {
        var exception = Assert.Throws<MineralRulesJsonException>(() => JsonSerializer.Deserialize(json, type, MineralRulesJson.Options));

        Assert.That(exception!.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { code }));
    }

    [Test]
    public void Serialize_Result_SameAsResultJson()
    {
        var result = Fixtures.Evaluate(Fixtures.CoalMine("COAL-SMALL", 120));
        Assert.That(result.Decision, Is.Not.EqualTo(Decision.Compliant), "a result with verdicts to write");
        var chinese = MineralRulesJson.CreateOptions(CultureInfo.GetCultureInfo("zh-CN"));

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(result, MineralRulesJson.Options), Is.EqualTo(ResultJson.Serialize(result)));
            Assert.That(JsonSerializer.Serialize(result, chinese), Is.EqualTo(ResultJson.Serialize(result, culture: CultureInfo.GetCultureInfo("zh-CN"))));
            Assert.That(JsonSerializer.Serialize(new[] { result }, MineralRulesJson.Options), Does.Contain("\"decision\": \"non-compliant\""));
        });
    }

    [Test]
    public void Options_Frozen()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MineralRulesJson.Options.IsReadOnly, Is.True);
            Assert.Throws<InvalidOperationException>(() => MineralRulesJson.Options.WriteIndented = false);
            Assert.Throws<InvalidOperationException>(() => MineralRulesJson.Options.Converters.Clear());
        });
    }

    [Test]
    public void Read_TextWithFormat_LocatedWithoutFileName()
    {
        var json = ApplicationReader.Read(CoalMineJson.Replace("\"capacity\"", "\"capcity\"", StringComparison.Ordinal), ApplicationFormat.Json);
        var yaml = ApplicationReader.Read(Fixtures.CompliantCoalMine.Replace("capacity:", "capcity:", StringComparison.Ordinal), ApplicationFormat.Yaml);

        Assert.Multiple(() =>
        {
            Assert.That(json.Diagnostics.Select(d => d.ToString()), Has.One.StartsWith("<json>:7:3: error MR1005: Unknown key 'capcity'"));
            Assert.That(json.Path, Is.EqualTo("<json>"));
            Assert.That(yaml.Diagnostics.Select(d => d.ToString()), Has.One.StartsWith("<yaml>:7:1: error MR1005: Unknown key 'capcity'"));
            Assert.That(ApplicationReader.Read(Fixtures.CompliantCoalMine, ApplicationFormat.Yaml).IsValid, Is.True);
        });
    }

    [Test]
    public void Read_Utf8BytesAndStreams_SameAsText()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CoalMineJson)).ToArray();
        var text = ApplicationReader.Read(CoalMineJson, ApplicationFormat.Json).Application;

        Assert.Multiple(() =>
        {
            Assert.That(ApplicationReader.Read(bytes, ApplicationFormat.Json).Application, Is.EqualTo(text).UsingPropertiesComparer());
            Assert.That(ApplicationReader.Read(new MemoryStream(bytes), ApplicationFormat.Json).Application, Is.EqualTo(text).UsingPropertiesComparer());
            Assert.That(ApplicationReader.Read(new OneByteAtATime(bytes), ApplicationFormat.Json).Application, Is.EqualTo(text).UsingPropertiesComparer());
            Assert.That(ApplicationReader.ReadAsync(new MemoryStream(bytes), ApplicationFormat.Json).GetAwaiter().GetResult().Application, Is.EqualTo(text).UsingPropertiesComparer());
        });
    }

    [Test]
    public void Read_InvalidUtf8_DiagnosticAtBadByte()
    {
        var bytes = Encoding.UTF8.GetBytes(Fixtures.CompliantCoalMine.Replace("COAL-OK", "COAL-\u00e9", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0xFF;

        var fromBytes = ApplicationReader.Read(bytes, ApplicationFormat.Yaml);
        var fromStream = ApplicationReader.Read(new MemoryStream(bytes), ApplicationFormat.Yaml);

        Assert.Multiple(() =>
        {
            Assert.That(fromBytes.IsValid, Is.False);
            Assert.That(fromBytes.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { "<yaml>:1:10: error MR1002: The document is not UTF-8: byte 0xFF at offset 9 starts no UTF-8 character; save it as UTF-8." }));
            Assert.That(fromStream.Diagnostics, Is.EqualTo(fromBytes.Diagnostics));
        });
    }

    [Test]
    public void Read_OverSizeCap_RefusedWithoutReadingOn()
    {
        var endless = new Endless();

        var fromStream = ApplicationReader.Read(endless, ApplicationFormat.Json, maxSize: 1000);
        var fromBytes = ApplicationReader.Read(new byte[1001], ApplicationFormat.Json, maxSize: 1000);
        var seekable = ApplicationReader.Read(new MemoryStream(new byte[MineralRulesOptions.DefaultMaxFileSize + 1]), ApplicationFormat.Yaml);

        Assert.Multiple(() =>
        {
            Assert.That(fromStream.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { "<json>: error MR1012: Cannot read the document: larger than 1000 bytes; it was not read." }));
            Assert.That(endless.Served, Is.LessThanOrEqualTo(1001), "reads stop one byte past the cap");
            Assert.That(fromBytes.Diagnostics, Is.EqualTo(fromStream.Diagnostics));
            Assert.That(seekable.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MR1012" }));
        });
    }

    [Test]
    public void Rules_TestRuleSet_ListsEveryRuleInContractWords()
    {
        var ruleSet = Fixtures.Catalog.RuleSets.Single();
        var listing = ruleSet.Rules;

        var coal = ruleSet.Rules.Single(r => r.Id == "coal.new-underground.min-capacity");
        var banned = ruleSet.Rules.Single(r => r.Id == "mining.banned-minerals");
        var grant = ruleSet.Rules.Single(r => r.Id == "rights.grant.competitive");

        Assert.Multiple(() =>
        {
            Assert.That(ruleSet.Rules.Select(r => r.Id), Is.EqualTo(ruleSet.RuleIds));
            Assert.That(ruleSet.Rules, Is.SameAs(listing), "built once");
            Assert.That(coal.Clause, Is.EqualTo(new ClauseReference("5.2.1", "新建井工煤矿原则上产能不低于300万吨/年", "New underground coal mines: capacity at least 3 Mt/a, in principle")));
            Assert.That(coal.Kind, Is.EqualTo("check"));
            Assert.That((coal.Outcome, coal.OutcomeWhenMet, coal.Exemptable), Is.EqualTo((Outcome.Fail, Outcome.Pass, true)));
            Assert.That(coal.Thresholds, Is.EqualTo(new[] { new RuleThreshold("capacity", "atLeast", "300", "万吨/年", null, null, null, InScope: false) }));
            Assert.That(coal.Condition, Is.EqualTo("capacity ≥ 300 万吨/年"));
            Assert.That(coal.Scope.Permits, Is.EqualTo(new[] { "mining" }));
            Assert.That(coal.Scope.Actions, Is.EqualTo(new[] { "new", "conversion" }));
            Assert.That(coal.Scope.Minerals, Is.EqualTo(new[] { "coal" }));
            Assert.That(coal.Scope.MiningMethods, Is.EqualTo(new[] { "underground" }));
            Assert.That(coal.Scope.Zones, Is.Empty);
            Assert.That(coal.Message.En, Is.EqualTo("Capacity {actual} is below the minimum {required} for a new underground coal mine."));
            Assert.That(banned.Scope.MineralList, Is.EqualTo("banned-for-mining"));
            Assert.That(banned.Scope.Minerals, Does.Contain("ultra-lean-magnetite"));
            Assert.That(banned.Condition, Is.EqualTo("prohibited"));
            Assert.That(grant.Lists.Select(l => (l.Field, l.Test, string.Join(",", l.Values))), Is.EqualTo(new[] { ("grant.method", "noneOf", "agreement"), ("grant.stateCouncilKeyProject", "is", "true") }));
            Assert.That(ruleSet.Rules.Where(r => r.Kind == "note").Select(r => r.Outcome), Is.All.Null);
        });
    }

    [Test]
    public void Rules_SerializedWithOptions_OutcomesAsWords()
    {
        var coal = Fixtures.Catalog.RuleSets.Single().Rules.Single(r => r.Id == "coal.new-underground.min-capacity");

        var json = JsonSerializer.Serialize(coal, MineralRulesJson.Options);

        Assert.That(json, Does.Contain("\"Outcome\": \"fail\"").And.Contain("\"Unit\": \"万吨/年\""));
    }

    private sealed record Envelope(int Ticket, Application Application);

    /// <summary>A stream that never ends; counts the bytes it served.</summary>
    private sealed class Endless : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A non-seekable stream that returns one byte per read.</summary>
    private sealed class OneByteAtATime(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position == bytes.Length || count == 0)
            {
                return 0;
            }

            buffer[offset] = bytes[_position++];
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
