using System.Linq.Expressions;
using MineralRules.Compilation;

namespace MineralRules.Tests.Authoring;

/// <summary>
/// Rule text must not reach anything outside the application it checks, nor run unbounded work: each hostile
/// <c>expression:</c> is refused when the rules load, at the expression's file and line, and nothing loads.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class HostileExpressionTests
{
    private static readonly (string Scenario, string Expression)[] Hostile =
    [
        ("GetTypeOnField", "capacity.GetType().Name == \"Capacity\""),
        ("GetTypeAssemblyLocation", "capacity.GetType().Assembly.Location.Length > 0"),
        ("GetTypeOnText", "applicant.GetType() != null"),
        ("TypeOf", "typeof(System.IO.File).Name == \"File\""),
        ("MethodNameViaReflection", "capacity.GetType().GetMethods().Length > 0"),
        ("FileReadAllText", "System.IO.File.ReadAllText(\"/etc/passwd\").Length > 0"),
        ("FileExists", "System.IO.File.Exists(\"/etc/passwd\")"),
        ("EnvironmentVariable", "Environment.GetEnvironmentVariable(\"HOME\") != null"),
        ("EnvironmentExit", "Environment.Exit(3) == null"),
        ("ProcessStart", "System.Diagnostics.Process.Start(\"sh\").Id > 0"),
        ("TypeGetType", "Type.GetType(\"System.IO.File\") != null"),
        ("ActivatorCreateInstance", "Activator.CreateInstance(Type.GetType(\"System.Object\")) != null"),
        ("AppDomainBaseDirectory", "AppDomain.CurrentDomain.BaseDirectory.Length > 0"),
        ("EnumerableRangeHuge", "Enumerable.Range(0, int.MaxValue).Count() > 0"),
        ("EnumerableRepeatHuge", "Enumerable.Repeat(\"x\", 1000000000).Count() > 0"),
        ("NewStringHuge", "new string('x', 1000000000).Length > 0"),
        ("StringConstructorHuge", "string('x', 1000000000).Length > 0"),
        ("StringConcat", "string.Concat(applicant, applicant).Length > 0"),
        ("PadLeftHuge", "applicant.PadLeft(1000000000).Length > 0"),
        ("PadRightHuge", "applicant.PadRight(1000000000).Length > 0"),
        ("ReplaceGrows", "applicant.Replace(\"a\", \"aaaaaaaaaaaaaaaa\").Length > 0"),
        ("LambdaOverZones", "location.zones.Where(z => z.ToString().Length > 0).Count() > 0"),
        ("ToStringOnField", "capacity.ToString().Length > 0"),
        ("TextJoinedInLoop", "(applicant + applicant + applicant).Length > 0"),
        ("NestedBrackets", new string('(', 40) + "block.basicUnits >= 1" + new string(')', 40)),
        ("DeepOperatorChain", string.Join(" + ", Enumerable.Repeat("block.basicUnits", 60)) + " > 0"),
        ("StartsWithNull", "applicant.StartsWith(null)"),
        ("OverlongText", string.Join(" || ", Enumerable.Repeat("applicant == \"x\"", 150))),
    ];

    public static IEnumerable<TestCaseData> HostileCases() =>
        Hostile.Select(h => new TestCaseData(h.Expression).SetName($"Load_Hostile{h.Scenario}_RefusedAtExpressionLine"));

    [Test]
    public void Corpus_HasAtLeastFifteenHostileExpressions()
    {
        Assert.That(Hostile, Has.Length.GreaterThanOrEqualTo(15));
    }

    [TestCaseSource(nameof(HostileCases))]
    public void Load_HostileExpression_RefusedAtExpressionLine(string expression)
    {
        var result = ExpressionRuleSet.Load(expression);

        var all = string.Join(Environment.NewLine, result.Diagnostics);
        Assert.Multiple(() =>
        {
            Assert.That(result.Catalog, Is.Null, "nothing loads");
            Assert.That(
                result.Diagnostics,
                Has.Some.Matches<Diagnostic>(d => d.Code is "MR4001" or "MR4002" or "MR4003"
                    && d.Location.Path.EndsWith("/" + ExpressionRuleSet.RuleFile, StringComparison.Ordinal)
                    && d.Location.Line == ExpressionRuleSet.ExpressionLine
                    && d.RuleId == ExpressionRuleSet.RuleId),
                all);
        });
    }

    [Test]
    public void Load_GetTypeOnField_RefusedBySandboxOrParser()
    {
        var diagnostic = ExpressionRuleSet.Load("capacity.GetType().Name == \"Capacity\"").Diagnostics.Single();

        Assert.That(diagnostic.Message, Does.Contain("GetType").Or.Contain("not allowed").Or.Contain("accessible"));
    }

    [Test]
    public void Check_GetTypeCallBuiltByHand_IsAViolation()
    {
        // Whatever the parser lets through, the sandbox itself refuses GetType() on any value, even a fact.
        var parameter = Expression.Parameter(typeof(Capacity), "capacity");
        var body = Expression.ReferenceNotEqual(Expression.Call(parameter, typeof(object).GetMethod(nameof(GetType))!), Expression.Constant(null, typeof(Type)));

        var violations = ExpressionSandbox.Check(body, new HashSet<ParameterExpression> { parameter });

        Assert.That(violations, Has.Some.Contains("GetType"));
    }

    [Test]
    public void Check_TypeConstant_IsAViolation()
    {
        var body = Expression.NotEqual(Expression.Constant(typeof(File), typeof(Type)), Expression.Constant(null, typeof(Type)));

        var violations = ExpressionSandbox.Check(body, new HashSet<ParameterExpression>());

        Assert.That(violations, Is.Not.Empty);
    }

    [Test]
    public void Check_TreeDeeperThanCap_IsAViolation()
    {
        var parameter = Expression.Parameter(typeof(int), "x");
        Expression body = parameter;
        for (var i = 0; i < 100; i++)
        {
            body = Expression.Add(body, parameter);
        }

        var violations = ExpressionSandbox.Check(Expression.GreaterThan(body, Expression.Constant(0)), new HashSet<ParameterExpression> { parameter }, maxDepth: 48);

        Assert.That(violations, Has.Some.Contains("deep"));
    }

    [Test]
    public void Load_BenignExpression_LoadsAndDecidesPassFailAndReview()
    {
        var catalog = ExpressionRuleSet.Load("deposit.otherMiningRights <= 0 && block.otherHolders == 0").Catalog;
        Assert.That(catalog, Is.Not.Null);

        var none = catalog!.Evaluate(Fixtures.Read(BrokenRuleFileTests.SampleApplication));
        var other = catalog.Evaluate(Fixtures.Read(BrokenRuleFileTests.SampleApplication.Replace("otherMiningRights: 0", "otherMiningRights: 2", StringComparison.Ordinal)));
        var absent = catalog.Evaluate(Fixtures.Read(BrokenRuleFileTests.SampleApplication.Replace("deposit: { otherMiningRights: 0 }\n", string.Empty, StringComparison.Ordinal)));

        Assert.Multiple(() =>
        {
            Assert.That(none.VerdictOf(ExpressionRuleSet.RuleId).Outcome, Is.EqualTo(Outcome.Pass));
            Assert.That(other.VerdictOf(ExpressionRuleSet.RuleId).Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(absent.VerdictOf(ExpressionRuleSet.RuleId).Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(absent.VerdictOf(ExpressionRuleSet.RuleId).Missing, Does.Contain("deposit.otherMiningRights"));
        });
    }

    [TestCase("block.basicUnits >= 1 && Math.Abs(block.basicUnits.Value) < 100000")]
    [TestCase("location.zones.Count > 0 || block.basicUnits >= 1")]
    [TestCase("applicant == null || applicant.StartsWith(\"内蒙古\") || applicant.Length < 200")]
    public void Load_ExpressionWithinTheSandbox_Loads(string expression)
    {
        var result = ExpressionRuleSet.Load(expression);

        Assert.That(result.Diagnostics, Is.Empty);
    }
}
