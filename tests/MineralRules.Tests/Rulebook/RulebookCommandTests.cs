using MineralRules.Tests.Cli;
using static MineralRules.Tests.Rulebook.RulebookFixtures;

namespace MineralRules.Tests.Rulebook;

/// <summary><c>mineralrules rulebook</c> and <c>mineralrules explain</c>.</summary>
public class RulebookCommandTests
{
    [Test]
    public void Rulebook_OutFolder_WritesTheSite()
    {
        using var temp = new TempFolder();
        var samples = temp.Write("samples/coal.fail.yaml", "id: C\npermit: mining\naction: new\napplicationDate: 2024-05-01\nmineral: coal\nminingMethod: underground\nlocation: {zones: []}\ncapacity: {value: 200, unit: 万吨/年}\n");
        var site = Path.Combine(temp.Path, "site");

        var (code, output, error) = CliRunner.RunWithShippedRules("rulebook", "--out", site, "--rules", TestRules, "--samples", Path.GetDirectoryName(samples)!);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Wrote 9 files"));
        Assert.That(File.Exists(Path.Combine(site, "index.html")), Is.True);
        Assert.That(File.Exists(Path.Combine(site, "rulebook.css")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(site, "rulebook-test", "1.1.0", "chapter-1.html")), Does.Contain("coal.fail.yaml"));
    }

    [Test]
    public void Rulebook_MissingSamplesFolder_InvalidInput()
    {
        using var temp = new TempFolder();

        var (code, _, error) = CliRunner.RunWithShippedRules("rulebook", "--out", temp.Path, "--rules", TestRules, "--samples", Path.Combine(temp.Path, "none"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("MR1001"));
    }

    [Test]
    public void Explain_RuleId_ClauseTextThenTheRuleInPlainWords()
    {
        var (code, output, error) = CliRunner.RunWithShippedRules("explain", "coal.min-capacity", "--rules", TestRules, "--culture", "zh");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.StartWith("rulebook-test 1.1.0\n\n条款 1.1.1 最低开采规模\n"));
        Assert.That(output, Does.Contain("  合规条件：设计生产能力至少 250万吨/年（250 本身合格）\n"));
        Assert.That(output, Does.Contain(Latest.Descriptions.Single(d => d.RuleId == "coal.min-capacity").Format(Chinese)), "the library's description, word for word");
    }

    [Test]
    public void Explain_ClauseInAVersion_EveryRuleOfTheClause()
    {
        var (code, output, _) = CliRunner.RunWithShippedRules("explain", "1.1.1", "--rules", TestRules, "--rule-set-version", "1.0.0");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("Clause 1.1.1 最低开采规模"));
        Assert.That(output, Does.Contain("Rule coal.min-capacity (1.1.1)"));
        Assert.That(output, Does.Contain("capacity at least 300万吨/年 = 3,000,000 t/a (300 itself passes)"));
    }

    [Test]
    public void Explain_ShippedClause_PrintsItsRules()
    {
        var (code, output, _) = CliRunner.RunWithShippedRules("explain", "5.2.1");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("Rule coal.new-underground.min-capacity (5.2.1)"));
    }

    [Test]
    public void Explain_Unknown_ExitTwoWithTheNearestIds()
    {
        var (code, output, error) = CliRunner.RunWithShippedRules("explain", "coal.min-capcity", "--rules", TestRules);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("no rule or clause 'coal.min-capcity' in rulebook-test 1.1.0").And.Contain("Nearest: coal.min-capacity"));
    }
}
