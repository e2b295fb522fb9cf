using MineralRules.Tests.Cli;

namespace MineralRules.Tests;

/// <summary>
/// Small rule sets written by a test: one version of a test plan whose rules are given as YAML, with the manifest's
/// readings (null: a 1.0.0 without readings). No edit of the shipped rules can change them.
/// </summary>
internal static class TestRuleSets
{
    public static CompiledRuleSet Load(string? readings, string rules)
    {
        var result = TryLoad(readings, rules);
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Catalog!.RuleSets.Single();
    }

    public static RuleSetLoadResult TryLoad(string? readings, string rules, string version = "0.0.0")
    {
        using var temp = new TempFolder();
        WriteVersion(temp, readings is null ? "1.0.0" : version == "0.0.0" ? "2.0.0" : version, readings, rules);
        return RuleSetCatalog.TryLoadFromFolder(temp.Path);
    }

    public static string WriteVersion(TempFolder temp, string version, string? readings, string rules)
    {
        var folder = Path.Combine(temp.Path, "test-plan", version);
        Directory.CreateDirectory(Path.Combine(folder, "source"));
        File.Copy(Path.Combine(TestPaths.TestRules, "nmg-mineral-plan-2021-2025", "1.0.0", "source", "plan.zh.txt"), Path.Combine(folder, "source", "plan.zh.txt"), overwrite: true);
        var manifest = string.Join(
            "\n",
            "id: test-plan",
            $"version: {version}",
            "title: { zh: 测试, en: Test }",
            "source: { title: 测试规划, number: 测试〔2022〕1号, issued: 2022-08-19, published: 2022-08-26, text: source/plan.zh.txt }",
            "effectiveFrom: 2022-08-19",
            readings ?? string.Empty);
        File.WriteAllText(Path.Combine(folder, "manifest.yaml"), manifest + "\n");
        File.WriteAllText(Path.Combine(folder, "rules.yaml"), "rules:\n" + rules);
        return folder;
    }
}
