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
    private static readonly (string Scenario, string Expression, string Code)[] Hostile =
    [
        ("GetTypeOnField", "capacity.GetType().Name == \"Capacity\"", "MR4002"),
        ("GetTypeAssemblyLocation", "capacity.GetType().Assembly.Location.Length > 0", "MR4002"),
        ("GetTypeOnText", "applicant.GetType() != null", "MR4002"),
        ("TypeOf", "typeof(System.IO.File).Name == \"File\"", "MR4001"),
        ("MethodNameViaReflection", "capacity.GetType().GetMethods().Length > 0", "MR4001"),
        ("FileReadAllText", "System.IO.File.ReadAllText(\"/etc/passwd\").Length > 0", "MR4001"),
        ("FileExists", "System.IO.File.Exists(\"/etc/passwd\")", "MR4001"),
        ("EnvironmentVariable", "Environment.GetEnvironmentVariable(\"HOME\") != null", "MR4001"),
        ("EnvironmentExit", "Environment.Exit(3) == null", "MR4001"),
        ("ProcessStart", "System.Diagnostics.Process.Start(\"sh\").Id > 0", "MR4001"),
        ("TypeGetType", "Type.GetType(\"System.IO.File\") != null", "MR4001"),
        ("ActivatorCreateInstance", "Activator.CreateInstance(Type.GetType(\"System.Object\")) != null", "MR4001"),
        ("AppDomainBaseDirectory", "AppDomain.CurrentDomain.BaseDirectory.Length > 0", "MR4001"),
        ("EnumerableRangeHuge", "Enumerable.Range(0, int.MaxValue).Count() > 0", "MR4002"),
        ("EnumerableRepeatHuge", "Enumerable.Repeat(\"x\", 1000000000).Count() > 0", "MR4002"),
        ("NewStringHuge", "new string('x', 1000000000).Length > 0", "MR4001"),
        ("StringConstructorHuge", "string('x', 1000000000).Length > 0", "MR4002"),
        ("StringConcat", "string.Concat(applicant, applicant).Length > 0", "MR4002"),
        ("PadLeftHuge", "applicant.PadLeft(1000000000).Length > 0", "MR4002"),
        ("PadRightHuge", "applicant.PadRight(1000000000).Length > 0", "MR4002"),
        ("ReplaceGrows", "applicant.Replace(\"a\", \"aaaaaaaaaaaaaaaa\").Length > 0", "MR4002"),
        ("LambdaOverZones", "location.zones.Where(z => z.ToString().Length > 0).Count() > 0", "MR4002"),
        ("ToStringOnField", "capacity.ToString().Length > 0", "MR4002"),
        ("TextJoinedInLoop", "(applicant + applicant + applicant).Length > 0", "MR4002"),
        ("NestedBrackets", new string('(', 40) + "block.basicUnits >= 1" + new string(')', 40), "MR4002"),
        ("DeepOperatorChain", string.Join(" + ", Enumerable.Repeat("block.basicUnits", 60)) + " > 0", "MR4002"),
        ("StartsWithNull", "applicant.StartsWith(null)", "MR4002"),
        ("OverlongText", string.Join(" || ", Enumerable.Repeat("applicant == \"x\"", 150)), "MR4002"),
    ];

    public static IEnumerable<TestCaseData> HostileCases() =>
        Hostile.Select(h => new TestCaseData(h.Expression, h.Code).SetName($"Load_Hostile{h.Scenario}_{h.Code}AtExpressionLine"));

    [TestCaseSource(nameof(HostileCases))]
    public void Load_HostileExpression_RefusedWithItsCodeAtExpressionLine(string expression, string code)
    {
        var result = ExpressionRuleSet.Load(expression);

        Assert.That(result.Diagnostics, Has.Count.EqualTo(1), string.Join(Environment.NewLine, result.Diagnostics));
        var diagnostic = result.Diagnostics[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.Catalog, Is.Null, "nothing loads");
            Assert.That(diagnostic.Code, Is.EqualTo(code), diagnostic.ToString());
            Assert.That(diagnostic.Location.Path, Does.EndWith("/" + ExpressionRuleSet.RuleFile));
            Assert.That(diagnostic.Location.Line, Is.EqualTo(ExpressionRuleSet.ExpressionLine));
            Assert.That(diagnostic.RuleId, Is.EqualTo(ExpressionRuleSet.RuleId));
        });
    }

    [Test]
    public void Load_GetTypeOnField_RefusedBySandboxAsLeavingIt()
    {
        var diagnostic = ExpressionRuleSet.Load("capacity.GetType().Name == \"Capacity\"").Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("MR4002"));
            Assert.That(diagnostic.Message, Does.Contain("leaves the sandbox").And.Contain("is not allowed"));
        });
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
