using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Authoring;

/// <summary>A one-rule rule set whose condition is an expression, written to a temporary folder.</summary>
internal static class ExpressionRuleSet
{
    /// <summary>The file the rule is written to.</summary>
    public const string RuleFile = "rules.yaml";

    /// <summary>The rule's id.</summary>
    public const string RuleId = "test.expression";

    /// <summary>The 1-based line of the <c>expression:</c> key in <see cref="RuleFile"/>.</summary>
    public const int ExpressionLine = 11;

    private const string Manifest = """
        id: test-rules
        version: 1.0.0
        title: { zh: 测试规则集, en: Test rule set }
        source:
          title: 测试
          number: 测试〔2022〕1号
          issued: 2022-08-19
          published: 2022-08-26
          text: source/plan.zh.txt
        effectiveFrom: 2022-08-19
        """;

    /// <summary>Writes the rule set with the expression (as a YAML single-quoted scalar) and returns its rules folder.</summary>
    public static string Write(TempFolder temp, string expression) =>
        WriteCondition(temp, "expression: '" + expression.Replace("'", "''", StringComparison.Ordinal) + "'");

    /// <summary>Writes the rule set with a condition given as one line of YAML (on line <see cref="ExpressionLine"/>) and returns its rules folder.</summary>
    public static string WriteCondition(TempFolder temp, string conditionLine)
    {
        temp.Write("rules/test-rules/1.0.0/manifest.yaml", Manifest);
        temp.Write("rules/test-rules/1.0.0/source/plan.zh.txt", File.ReadAllText(Path.Combine(TestPaths.TestRules, "nmg-mineral-plan-2021-2025", "1.0.0", "source", "plan.zh.txt")));
        temp.Write("rules/test-rules/1.0.0/" + RuleFile, $"""
            # A rule whose condition is an expression.
            rules:
              - id: {RuleId}
                clause:
                  ref: "5.4.1"
                  zh: 原则上1个开采规划区块只设1个开采主体。
                  en: One holder per planning block, in principle.
                scope:
                  permit: mining
                condition:
                  {conditionLine}
                outcome: fail
                message:
                  zh: 不符合。
                  en: Not met.
            """);
        return Path.Combine(temp.Path, "rules");
    }

    /// <summary>Loads the rule set with the expression.</summary>
    public static RuleSetLoadResult Load(string expression)
    {
        using var temp = new TempFolder();
        return RuleSetCatalog.TryLoadFromFolder(Write(temp, expression));
    }

    /// <summary>Loads the rule set with a condition given as one line of YAML.</summary>
    public static RuleSetLoadResult LoadCondition(string conditionLine)
    {
        using var temp = new TempFolder();
        return RuleSetCatalog.TryLoadFromFolder(WriteCondition(temp, conditionLine));
    }
}
