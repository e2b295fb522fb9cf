using System.Text.Json;
using System.Text.RegularExpressions;

namespace MineralRules.Tests.Cli;

/// <summary><c>mineralrules check</c> as contract.md fixes it: arguments, exit codes, JSON array, errors on stderr.</summary>
public class CheckCommandTests
{
    private static readonly string Compliant = Fixtures.CoalMine("CLI-OK", 400);

    private static readonly Regex ContractError = new(@"^.+:\d+:\d+: error MR\d{4}: .+$", RegexOptions.Multiline);

    [Test]
    public void Check_CompliantApplication_ExitZero()
    {
        using var temp = new TempFolder();
        var file = temp.Write("ok.yaml", Compliant);

        var (code, output, error) = CliRunner.Run("check", file);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain(": COMPLIANT"));
            Assert.That(error, Is.Empty);
        });
    }

    [Test]
    public void Check_NonCompliantApplication_ExitOneAndTextShowsDecisionClauseAndMessage()
    {
        using var temp = new TempFolder();
        var file = temp.Write("low.yaml", Compliant.Replace("value: 400", "value: 240", StringComparison.Ordinal));

        var (code, output, _) = CliRunner.Run("check", file);
        var lines = output.Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(lines[0], Does.StartWith("1 application(s): 0 compliant, 1 non-compliant"), "the summary comes first");
            Assert.That(lines[1], Does.Contain("NON-COMPLIANT").And.Contain("low.yaml"), "then each application's decision");
            Assert.That(output, Does.Contain("FAIL   5.2.1  coal.new-underground.min-capacity"));
            Assert.That(output, Does.Contain("新建井工煤矿原则上产能不低于300万吨/年"));
            Assert.That(output, Does.Contain("Capacity 240万吨/年 is below the minimum 300万吨/年"));
        });
    }

    [Test]
    public void Check_NeedsReview_ExitOne()
    {
        using var temp = new TempFolder();
        var file = temp.Write("review.yaml", Compliant.Replace("coal: { rank: thermal, toxicSubstancesExceedStandard: false }", "coal: { rank: thermal }", StringComparison.Ordinal));

        var (code, output, _) = CliRunner.Run("check", file);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("NEEDS REVIEW"));
            Assert.That(output, Does.Contain("coal.toxicSubstancesExceedStandard"));
        });
    }

    [Test]
    public void Check_JsonFormatOneFile_ArrayWithOneResult()
    {
        using var temp = new TempFolder();
        var file = temp.Write("low.json", """
            { "id": "CLI-JSON", "permit": "mining", "action": "new", "applicationDate": "2024-05-01", "mineral": "copper",
              "capacity": { "value": 30, "unit": "万吨/年" }, "scale": "medium", "depositScale": "medium",
              "deposit": { "otherMiningRights": 0 } }
            """);

        var (code, output, _) = CliRunner.Run("check", file, "--format", "json");
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement[0];
        var failing = result.GetProperty("verdicts").EnumerateArray().Where(v => v.GetProperty("outcome").GetString() == "fail").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(json.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(1));
            Assert.That(result.GetProperty("application").GetString(), Is.EqualTo("CLI-JSON"));
            Assert.That(result.GetProperty("source").GetString(), Does.EndWith("low.json"));
            Assert.That(result.GetProperty("ruleSet").GetProperty("id").GetString(), Is.EqualTo("nmg-mineral-plan-2021-2025"));
            Assert.That(result.GetProperty("ruleSet").GetProperty("version").GetString(), Is.EqualTo("1.0.0"));
            Assert.That(result.GetProperty("decision").GetString(), Is.EqualTo("non-compliant"));
            Assert.That(failing.Select(v => v.GetProperty("rule").GetString()), Is.EqualTo(new[] { "copper.new.min-ore-output" }));
            Assert.That(failing[0].GetProperty("clause").GetProperty("ref").GetString(), Is.EqualTo("5.2.1"));
            Assert.That(failing[0].GetProperty("clause").GetProperty("text").GetString(), Is.EqualTo("原则上不再新建年产矿石量30万吨以下的铜矿山"));
            Assert.That(failing[0].GetProperty("missing").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public void Check_Folder_EveryApplicationBelowInPathOrder()
    {
        using var temp = new TempFolder();
        temp.Write("b/second.yml", Compliant.Replace("CLI-OK", "CLI-2", StringComparison.Ordinal));
        temp.Write("a/first.yaml", Compliant.Replace("CLI-OK", "CLI-1", StringComparison.Ordinal));
        temp.Write("a/readme.txt", "not an application");
        temp.Write("Consumer/obj/project.assets.json", "{ \"version\": 3 }");
        temp.Write(".vscode/settings.json", "{}");

        var (code, output, _) = CliRunner.Run("check", temp.Path, "--format", "json");
        using var json = JsonDocument.Parse(output);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(json.RootElement.EnumerateArray().Select(r => r.GetProperty("application").GetString()), Is.EqualTo(new[] { "CLI-1", "CLI-2" }));
        });
    }

    [Test]
    public void Check_ManyFilesCheckedInParallel_OutputInPathOrderAndRepeatable()
    {
        using var temp = new TempFolder();
        var ids = Enumerable.Range(0, 60).Select(i => $"CLI-{i:D3}").ToList();
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            var capacity = id.EndsWith('7') ? "value: 100" : "value: 400";
            temp.Write($"{id}.yaml", Compliant.Replace("CLI-OK", id, StringComparison.Ordinal).Replace("value: 400", capacity, StringComparison.Ordinal));
        }

        var first = CliRunner.Run("check", temp.Path, "--format", "json");
        var second = CliRunner.Run("check", temp.Path, "--format", "json");
        using var json = JsonDocument.Parse(first.Output);

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.EnumerateArray().Select(r => r.GetProperty("application").GetString()), Is.EqualTo(ids));
            Assert.That(second.Output, Is.EqualTo(first.Output));
            Assert.That(first.ExitCode, Is.EqualTo(1), "the files ending in 7 are below the minimum");
        });
    }

    [Test]
    public void Check_InvalidApplication_ExitTwoWithLocatedErrorsAndNoVerdictForIt()
    {
        using var temp = new TempFolder();
        var good = temp.Write("good.yaml", Compliant);
        var bad = temp.Write("bad.yaml", Compliant.Replace("capacity:", "capcity:", StringComparison.Ordinal).Replace("mineral: coal", "mineral: cole", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run("check", good, bad, "--format", "json");
        using var json = JsonDocument.Parse(output);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(ContractError.Matches(error), Has.Count.EqualTo(2), error);
            Assert.That(error, Does.Contain("bad.yaml:5:10: error MR1008: Unknown value 'cole' for 'mineral'. Did you mean 'coal'?"));
            Assert.That(error, Does.Contain("bad.yaml:7:1: error MR1005: Unknown key 'capcity'"));
            // Both files are in the machine report: the good one with its verdicts, the bad one as invalid with its
            // located diagnostics and no verdict (contract: a machine reader never loses a file).
            var results = json.RootElement.EnumerateArray().ToList();
            Assert.That(results.Select(r => r.GetProperty("decision").GetString()), Is.EqualTo(new[] { "compliant", "invalid" }));
            Assert.That(results[0].GetProperty("application").GetString(), Is.EqualTo("CLI-OK"));
            Assert.That(results[1].TryGetProperty("verdicts", out _), Is.False);
            Assert.That(results[1].GetProperty("source").GetString(), Does.EndWith("bad.yaml"));
            Assert.That(
                results[1].GetProperty("diagnostics").EnumerateArray().Select(d => (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("code").GetString())),
                Is.EqualTo(new[] { (5, 10, "MR1008"), (7, 1, "MR1005") }));
        });
    }

    [Test]
    public void Check_DateBeforeAnyRuleSet_ExitTwoAtApplicationDate()
    {
        using var temp = new TempFolder();
        var file = temp.Write("early.yaml", Compliant.Replace("2024-05-01", "2021-05-01", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run("check", file);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("early.yaml:4:18: error MR2002: No rule set is in force on 2021-05-01"));
            Assert.That(output, Does.Not.Contain("COMPLIANT"));
        });
    }

    [Test]
    public void Check_MissingPath_ExitTwo()
    {
        var (code, _, error) = CliRunner.Run("check", "/no/such/application.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("/no/such/application.yaml: error MR1001: no such file or folder"));
        });
    }

    [Test]
    public void Check_UnknownOption_ExitTwo()
    {
        var (code, _, error) = CliRunner.Run("check", "x.yaml", "--formt", "json");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--formt"));
        });
    }

    [Test]
    public void Check_RulesFolderCopyOfShippedRules_SameResult()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = temp.Write("app.yaml", Compliant);

        var (code, output, _) = CliRunner.Run("check", file, "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain(": COMPLIANT"));
        });
    }

    [Test]
    public void Check_RulesWithExpressionTypo_ExitTwoNamingFileLineAndRuleBeforeAnyVerdict()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        var text = File.ReadAllText(file).Replace(
            "      atMost: { field: deposit.otherMiningRights, value: 0 }",
            "      expression: \"deposit.otherMiningRights <= \"",
            StringComparison.Ordinal);
        File.WriteAllText(file, text);
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains("expression:", StringComparison.Ordinal)) + 1;
        var app = temp.Write("app.yaml", Compliant);

        var (code, output, error) = CliRunner.Run("check", app, "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Match($@"chapter-5-mining\.yaml:{line}:\d+: error MR4001: The expression does not compile"));
            Assert.That(error, Does.Contain("(rule mining.new.one-right-per-deposit)"));
            Assert.That(output, Is.Empty, "nothing is evaluated with a broken rule set");
        });
    }

    [Test]
    public void Check_RulesWithUnknownKey_ExitTwoNamingFileAndLine()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var file = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "1.0.0", "chapter-5-mining.yaml");
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Trim() == "exemptable: true");
        lines[index] = lines[index].Replace("exemptable", "exemptible", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var app = temp.Write("app.yaml", Compliant);

        var (code, output, error) = CliRunner.Run("check", app, "--rules", rules);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain($"chapter-5-mining.yaml:{index + 1}:5: error MR1005: Unknown key 'exemptible'"));
            Assert.That(error, Does.Contain("Did you mean 'exemptable'?"));
            Assert.That(output, Is.Empty);
        });
    }

    [Test]
    public void Check_ChineseCulture_MessagesInChinese()
    {
        using var temp = new TempFolder();
        var file = temp.Write("low.yaml", Compliant.Replace("value: 400", "value: 240", StringComparison.Ordinal));

        var (_, output, _) = CliRunner.Run("check", file, "--culture", "zh");

        Assert.That(output, Does.Contain("产能240万吨/年低于新建井工煤矿最低产能300万吨/年。"));
    }
}
