namespace MineralRules.Tests.Applications;

/// <summary>Reading applications: required keys with no value, JSON positions in characters, empty files.</summary>
public class ApplicationReaderTests
{
    private const string Valid = """
        id: APP-1
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: coal
        """;

    [TestCase("mineral: coal", "mineral:", 5)]
    [TestCase("permit: mining", "permit: ~", 2)]
    [TestCase("applicationDate: 2024-05-01", "applicationDate: null", 4)]
    public void Read_RequiredFieldWrittenAsNull_InvalidAtItsLine(string find, string replace, int line)
    {
        var result = ApplicationReader.Read(Valid.Replace(find, replace, StringComparison.Ordinal), "app.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False, "a required fact with no value is not a default");
            Assert.That(result.Diagnostics, Has.Some.Matches<Diagnostic>(d => d.Code == "MR1006" && d.Location.Line == line));
        });
    }

    [Test]
    public void Read_OptionalFieldWrittenAsNull_IsAbsent()
    {
        var result = ApplicationReader.Read(Valid + "\nminingMethod:\n", "app.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Application!.MiningMethod, Is.Null);
    }

    [Test]
    public void Read_JsonSyntaxErrorAfterChineseText_ColumnCountsCharacters()
    {
        // "鄂尔多斯市" is 5 characters but 15 UTF-8 bytes: the column must count characters.
        const string json = "{\"id\": \"鄂尔多斯市\" \"permit\": \"mining\"}";

        var diagnostic = ApplicationReader.Read(json, "app.json").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR1002"));
            Assert.That(diagnostic.Location.Line, Is.EqualTo(1));
            Assert.That(diagnostic.Location.Column, Is.EqualTo(json.IndexOf("\"permit\"", StringComparison.Ordinal) + 1));
        });
    }

    [TestCase("")]
    [TestCase("   \n\t\n")]
    public void Read_EmptyJson_EmptyDocumentDiagnostic(string text)
    {
        var diagnostic = ApplicationReader.Read(text, "app.json").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR1011"));
            Assert.That(diagnostic.Location.Path, Is.EqualTo("app.json"));
            Assert.That(diagnostic.Message, Does.Contain("empty"));
        });
    }

    [Test]
    public void Read_NestedTenThousandDeep_SyntaxErrorNotStackOverflow()
    {
        var yaml = "id: A\nlocation: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var diagnostic = ApplicationReader.Read(yaml, "app.yaml").Diagnostics.Single();

        Assert.That(diagnostic.Code, Is.EqualTo("MR1002"));
        Assert.That(diagnostic.Message, Does.Contain("nested"));
    }

    [TestCase("id: A\npermit: { kind: mining\n", 2)]
    [TestCase("id: A\nlocation: { league: 乌海市, zones: [energy-base\n", 2)]
    public void Read_UnclosedFlowCollection_LocatedSyntaxError(string yaml, int line)
    {
        var diagnostic = ApplicationReader.Read(yaml, "app.yaml").Diagnostics.Single();

        Assert.That(diagnostic.Code, Is.EqualTo("MR1002"));
        Assert.That(diagnostic.Location.Line, Is.EqualTo(line));
    }
}
