using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Reporting;

/// <summary>
/// The CI report formats of <c>check</c>. The SARIF schema beside this file is the OASIS SARIF 2.1.0 (rtm.5) schema as
/// shipped in the MIT-licensed npm package @microsoft/jest-sarif, moved from draft-04 to draft-07 (<c>id</c> → <c>$id</c>).
/// </summary>
public sealed class ReportFormatTests
{
    // Fails 5.2.1 (240 < 300, line 7) and needs review on 5.1.1 (toxic content not stated, line 17).
    private static readonly string CoalMine = Fixtures.CoalMine("R-COAL", 240).Replace("coal: { rank: thermal, toxicSubstancesExceedStandard: false }", "coal: { rank: thermal }", StringComparison.Ordinal);

    private static readonly string CompliantCoalMine = Fixtures.CoalMine("R-OK", 400);

    [Test]
    public void CheckJUnit_TwoApplications_SuitePerApplicationFailurePerClause()
    {
        using var temp = new TempFolder();
        temp.Write("a.yaml", CoalMine);
        temp.Write("b.yaml", CompliantCoalMine);

        var (code, output, _) = CliRunner.Run("check", temp.Path, "--format", "junit");
        var suites = XDocument.Parse(output).Root!.Elements("testsuite").ToList();
        var failing = suites[0].Elements("testcase").Where(t => t.Element("failure") is not null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(suites.Select(s => Path.GetFileName((string)s.Attribute("file")!)), Is.EqualTo(new[] { "a.yaml", "b.yaml" }));
            Assert.That(failing.Select(t => (string)t.Attribute("name")!), Is.EquivalentTo(new[]
            {
                "decision", "5.2.1 coal.new-underground.min-capacity", "5.1.1 coal.toxic-substances.prohibited",
            }));
            var capacity = failing.Single(t => ((string)t.Attribute("name")!).StartsWith("5.2.1", StringComparison.Ordinal));
            Assert.That((string)capacity.Attribute("line")!, Is.EqualTo("7"));
            Assert.That((string)capacity.Element("failure")!.Attribute("type")!, Is.EqualTo("fail"));
            Assert.That(capacity.Element("failure")!.Value, Does.Contain("新建井工煤矿原则上产能不低于300万吨/年"));
            Assert.That((string)suites[0].Attribute("failures")!, Is.EqualTo("3"));
            Assert.That(suites[1].Descendants("failure"), Is.Empty);
        });
    }

    [Test]
    public void CheckSarif_NonCompliantApplication_ValidAgainstSarifSchemaWithResultPerClause()
    {
        using var temp = new TempFolder();
        temp.Write("a.yaml", CoalMine);
        temp.Write("b.yaml", CompliantCoalMine);

        var (_, output, _) = CliRunner.Run("check", temp.Path, "--format", "sarif");
        var schema = JsonSchema.FromFile(Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "Reporting", "sarif-2.1.0.schema.json"));
        var sarif = JsonNode.Parse(output)!;
        var validation = schema.Evaluate(sarif, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var results = sarif["runs"]![0]!["results"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(validation.IsValid, Is.True, string.Join("\n", (validation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
            Assert.That(results.Select(r => ((string)r!["ruleId"]!, (string)r["level"]!)), Is.EquivalentTo(new[]
            {
                ("coal.new-underground.min-capacity", "error"), ("coal.toxic-substances.prohibited", "warning"),
            }));
            var capacity = results.Single(r => (string)r!["ruleId"]! == "coal.new-underground.min-capacity")!;
            Assert.That((string)capacity["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!, Does.EndWith("a.yaml"));
            Assert.That((int)capacity["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!, Is.EqualTo(7));
            Assert.That((string)capacity["properties"]!["clause"]!["ref"]!, Is.EqualTo("5.2.1"));
            Assert.That((string)capacity["properties"]!["clause"]!["text"]!, Is.EqualTo("新建井工煤矿原则上产能不低于300万吨/年"));
            Assert.That(sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void CheckSarif_BrokenReport_RefusedBySchema()
    {
        var schema = JsonSchema.FromFile(Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "Reporting", "sarif-2.1.0.schema.json"));

        var validation = schema.Evaluate(JsonNode.Parse("""{ "version": "2.1.0", "runs": [ { "results": [] } ] }"""));

        Assert.That(validation.IsValid, Is.False, "a run without its tool is not SARIF");
    }

    [Test]
    public void CheckMarkdown_NonCompliantApplication_TableRowPerClauseAndSummary()
    {
        using var temp = new TempFolder();
        temp.Write("a.yaml", CoalMine);
        temp.Write("b.yaml", CompliantCoalMine);

        var (_, output, _) = CliRunner.Run("check", temp.Path, "--format", "markdown");

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.StartWith("## MineralRules check"));
            Assert.That(output.Split('\n')[4], Is.EqualTo("| 2 | 1 | 1 | 0 | 0 |"), "the summary comes first");
            Assert.That(output, Does.Contain("<details><summary>❌ non-compliant <code>").And.Contain("a.yaml</code></summary>"));
            Assert.That(output, Does.Not.Contain("b.yaml"));
            Assert.That(output, Does.Contain("| fail | 5.2.1 新建井工煤矿原则上产能不低于300万吨/年 | `coal.new-underground.min-capacity` | 7 |"));
            Assert.That(output, Does.Contain("| review | 5.1.1 "));
            Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo("</details>"));
        });
    }
}
