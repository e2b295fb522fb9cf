using System.Globalization;
using System.Text.Json.Nodes;
using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Conditions;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.RuleSets;
using MineralRules.Tests.Cli;
using MineralRules.Versioning;

namespace MineralRules.Tests.Conditions;

/// <summary>
/// A condition form added with one registration (<see cref="ConditionForms.With"/>), end to end: read, lint, evaluate,
/// explain, diff and schema. docs/architecture.md ("Add a condition form") walks through this test.
/// </summary>
public sealed class CustomConditionFormTests
{
    private static readonly ConditionForms Forms = ConditionForms.Default.With(EvenNumberForm.Instance);

    private const string Rule = """
          - id: mine.even-days
            clause: { ref: "5.2.1", zh: 新建井工煤矿原则上产能不低于300万吨/年, en: At least 3 Mt/a. }
            scope: { permit: mining, minerals: [coal] }
            condition: { evenNumber: operatingDaysPerYear }
            outcome: fail
            message: { zh: "天数{actual}，应为{required}。", en: "Days {actual}; required: {required}." }
        """;

    private static string Mine(int days) => $"""
        id: T-1
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: coal
        operatingDaysPerYear: {days.ToString(CultureInfo.InvariantCulture)}

        """;

    [Test]
    public void Load_RuleWithCustomForm_ReadsAndSummarizes()
    {
        var ruleSet = Load(Rule);

        Assert.That(ruleSet.Rules.Single().Condition, Is.EqualTo("operatingDaysPerYear is even"));
    }

    [Test]
    public void Load_CustomFormWithoutItsRegistration_UnknownFormAtItsKey()
    {
        using var temp = new TempFolder();
        TestRuleSets.WriteVersion(temp, "1.0.0", null, Rule);

        var result = RuleSetCatalog.Load(RuleSource.FromFolder(temp.Path).Files, temp.Path);

        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.UnknownKey));
            Assert.That((diagnostic.Location.Line, diagnostic.Location.Column), Is.EqualTo((5, 18)));
            Assert.That(diagnostic.Message, Does.StartWith("Unknown condition form 'evenNumber'."));
        });
    }

    [Test]
    public void Load_CustomFormOnAWordField_LocatedTypeMismatch()
    {
        var result = TryLoad(Rule.Replace("evenNumber: operatingDaysPerYear", "evenNumber: mineral", StringComparison.Ordinal));

        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.FieldTypeMismatch));
            Assert.That((diagnostic.Location.Line, diagnostic.Location.Column), Is.EqualTo((5, 30)));
            Assert.That(diagnostic.Message, Is.EqualTo("'evenNumber' tests a whole number; 'mineral' is a mineral (unordered)."));
        });
    }

    [Test]
    public void Evaluate_EvenAndOddDays_PassAndFailWithExplanation()
    {
        var ruleSet = Load(Rule);

        var even = ruleSet.Evaluate(Fixtures.Read(Mine(330))).VerdictOf("mine.even-days");
        var odd = ruleSet.Evaluate(Fixtures.Read(Mine(331))).VerdictOf("mine.even-days");

        Assert.Multiple(() =>
        {
            Assert.That(even.Outcome, Is.EqualTo(Outcome.Pass));
            Assert.That(odd.Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(odd.Message!.En, Is.EqualTo("Days 331; required: an even number."));
            Assert.That(odd.Message.Zh, Is.EqualTo("天数331，应为偶数。"));
            Assert.That(odd.Facts, Is.EqualTo(new[] { new Fact("operatingDaysPerYear", "331", "even", "application") }));
        });
    }

    [TestCase(330, Outcome.Pass)]
    [TestCase(331, Outcome.Fail)]
    public void Evaluate_CustomFormInACompiledProgram_AsInTheLoop(int days, Outcome expected)
    {
        // The form writes no code of its own: the combination's program calls its condition (CompiledCondition.Code).
        var ruleSet = Load(Rule);
        var application = Fixtures.Read(Mine(days));

        var byProgram = ruleSet.Evaluate(application, MineralRules.Evaluation.EvaluationPath.Program).VerdictOf("mine.even-days");
        var byLoop = ruleSet.Evaluate(application, MineralRules.Evaluation.EvaluationPath.Loop).VerdictOf("mine.even-days");

        Assert.That(byProgram.Outcome, Is.EqualTo(expected));
        Assert.That(byProgram, Is.EqualTo(byLoop));
    }

    [Test]
    public void Diff_CustomFormNegated_ShownInWords()
    {
        var older = Load(Rule);
        var newer = Load(Rule.Replace("{ evenNumber: operatingDaysPerYear }", "{ not: { evenNumber: operatingDaysPerYear } }", StringComparison.Ordinal));

        var report = RuleSetDiff.Compare(older, newer, []);

        Assert.That(report.Changed.Single().Changes, Is.EqualTo(new[] { "condition: operatingDaysPerYear is even → not(operatingDaysPerYear is even)" }));
    }

    [Test]
    public void Schema_RegistryWithCustomForm_HasItsFragment()
    {
        var schema = Forms.Schema();

        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(schema["properties"]!["evenNumber"], EvenNumberForm.Instance.Schema("evenNumber")), Is.True);
            Assert.That((string?)schema["description"], Does.EndWith("expression or evenNumber."));
            Assert.That(ConditionForms.Default.Schema()["properties"]!["evenNumber"], Is.Null);
        });
    }

    private static RuleSetLoadResult TryLoad(string rules)
    {
        using var temp = new TempFolder();
        TestRuleSets.WriteVersion(temp, "1.0.0", null, rules);
        return RuleSetCatalog.Load(RuleSource.FromFolder(temp.Path).Files, temp.Path, forms: Forms);
    }

    private static CompiledRuleSet Load(string rules)
    {
        var result = TryLoad(rules);
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Catalog!.RuleSets.Single();
    }
}

/// <summary><c>evenNumber: field</c> — the test's own form: a whole-number field that is even.</summary>
internal sealed record EvenNumberCondition(SourceLocation Location, string Field, SourceLocation FieldLocation) : ConditionDefinition(Location)
{
    public override ConditionForm Form => EvenNumberForm.Instance;
}

internal sealed record BoundEvenNumber(SourceLocation Location, Field Field) : BoundCondition(Location)
{
    public override ConditionForm Form => EvenNumberForm.Instance;
}

internal sealed class EvenNumberForm : ConditionForm<EvenNumberCondition, BoundEvenNumber>
{
    public static readonly EvenNumberForm Instance = new();

    public override IReadOnlyList<string> Names { get; } = ["evenNumber"];

    public override ConditionDefinition? Read(string name, DocumentNode body, SourceLocation location, ConditionReader reader, string? ruleId) =>
        reader.Text(body, "'evenNumber'", ruleId) is { } field ? new EvenNumberCondition(location, field, body.Location) : null;

    protected override BoundCondition? Bind(EvenNumberCondition condition, ConditionBinder binder, string ruleId)
    {
        if (binder.FieldOf(condition.Field, condition.FieldLocation, ruleId) is not { } field)
        {
            return null;
        }

        if (field.Kind != FieldKind.Integer)
        {
            binder.Diagnostics.Add(condition.FieldLocation, DiagnosticCodes.FieldTypeMismatch, $"'evenNumber' tests a whole number; '{field.Path}' is {ConditionBinder.Describe(field)}.", $"'evenNumber' 检验整数；{field.ZhNamed}是{ConditionBinder.DescribeZh(field)}。", ruleId);
            return null;
        }

        return new BoundEvenNumber(condition.Location, field);
    }

    protected override CompiledCondition Compile(BoundEvenNumber condition, ConditionCompiler compiler, string ruleId, DiagnosticBag diagnostics)
    {
        var read = condition.Field.ReadInteger!;
        var absent = Truth.MissingField(condition.Field.Id);
        return new LeafCondition(
            a => read(a) is { } n ? Truth.Of(n % 2 == 0) : absent,
            (a, zh) => new Explanation(read(a)?.ToString(CultureInfo.InvariantCulture), zh ? "偶数" : "an even number"));
    }

    protected override IEnumerable<FactSpec> Facts(BoundEvenNumber condition, FieldCatalog fields) => [new(condition.Field, _ => "even")];

    protected override string Render(EvenNumberCondition condition) => $"{condition.Field} is even";

    protected override IEnumerable<string> FieldsRead(EvenNumberCondition condition) => [condition.Field];

    protected override string Describe(EvenNumberCondition condition, MineralRules.Rulebook.Wording wording) => wording.Zh ? $"{condition.Field}为偶数" : $"{condition.Field} is even";

    public override JsonNode Schema(string name) => FormSchema.Field();
}
