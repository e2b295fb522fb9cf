using MineralRules.Tests.Authoring;

namespace MineralRules.Tests.Compilation;

/// <summary>
/// An expression that throws while it is evaluated never crashes the check and never passes or fails silently: the
/// verdict is review, with a message saying a person must decide (docs/rule-format.md, "Expressions").
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ExpressionEvaluationTests
{
    private static readonly string Application = BrokenRuleFileTests.SampleApplication
        .Replace("block: { otherHolders: 0 }", "block: { otherHolders: 0, basicUnits: 2.5 }", StringComparison.Ordinal)
        + "\noperatingDaysPerYear: 300\napplicant: 内蒙古某矿业有限公司\n";

    [TestCase("Math.Round(block.basicUnits.Value, operatingDaysPerYear.Value) >= 0", "failed (ArgumentOutOfRangeException)", TestName = "Evaluate_MathRoundWithBadDigits_Review")]
    [TestCase("block.otherHolders / (operatingDaysPerYear.Value - 300) == 0", "divides by zero", TestName = "Evaluate_DivisionByZero_Review")]
    [TestCase("block.basicUnits * 1000000000000000000 * 1000000000000000000 > 0", "overflows its range", TestName = "Evaluate_DecimalOverflow_Review")]
    public void Evaluate_ExpressionThrows_ReviewWithMessage(string expression, string reason)
    {
        var loaded = ExpressionRuleSet.Load(expression);
        var catalog = loaded.Catalog;
        Assert.That(catalog, Is.Not.Null, "the expression is within the sandbox: " + string.Join(Environment.NewLine, loaded.Diagnostics));

        var verdict = catalog!.Evaluate(Fixtures.Read(Application)).VerdictOf(ExpressionRuleSet.RuleId);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Message!.En, Does.Contain(reason).And.Contain("A person must review"));
        });
    }

    [Test]
    public void Evaluate_ZonesOfAbsentLocation_ReadAsNoneLikeTheDeclarativeForms()
    {
        // Used to throw NullReferenceException: location.zones now reads through the field's null-propagating access.
        var catalog = ExpressionRuleSet.Load("location.zones.Count > 0").Catalog!;
        var application = Fixtures.Read(Application.Replace("location: { league: 鄂尔多斯市, zones: [energy-base] }\n", string.Empty, StringComparison.Ordinal));

        var verdict = catalog.Evaluate(application).VerdictOf(ExpressionRuleSet.RuleId);

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail), "absent zones = none (contract)");
    }

    [Test]
    public void Evaluate_StartsWithAbsentText_ReviewNamingTheField()
    {
        var catalog = ExpressionRuleSet.Load("applicant.StartsWith(location.county)").Catalog!;

        var verdict = catalog.Evaluate(Fixtures.Read(Application)).VerdictOf(ExpressionRuleSet.RuleId);

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
    }

    [TestCase("true")]
    [TestCase("(true)")]
    [TestCase("false")]
    [TestCase("1 > 0")]
    public void Load_ConstantExpression_RefusedAtItsLine(string expression)
    {
        var result = ExpressionRuleSet.Load(expression);

        Assert.That(result.Catalog, Is.Null);
        Assert.That(result.Diagnostics, Has.Some.Matches<Diagnostic>(d => d.Location.Line == ExpressionRuleSet.ExpressionLine && d.Code is "MR4001" or "MR4003"));
    }
}
