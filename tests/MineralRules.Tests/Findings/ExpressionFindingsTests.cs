using System.Diagnostics;
using System.Globalization;
using MineralRules.Tests.Authoring;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Findings;

/// <summary>
/// Findings F08, F09, F10, F11 and F13 (hostile and broken inputs): an expression or a date shift either loads and
/// decides honestly, or is refused at its line; nothing crashes the process, nothing wraps, and no verdict hangs on
/// a unit, a culture or a number the document never wrote.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ExpressionFindingsTests
{
    private const string EscapedQuote = "applicant == \"\\\"\" || ";

    private static readonly string Application = BrokenRuleFileTests.SampleApplication;

    /// <summary>F08's reproducers: the escaped quote made the old bracket count think the rest was text.</summary>
    private static readonly (string Scenario, string Expression)[] DeepNesting =
    [
        ("SeventeenBracketsAfterEscapedQuote", EscapedQuote + new string('(', 17) + "block.otherHolders > 0" + new string(')', 17)),
        ("FiveHundredBracketsAfterEscapedQuote", EscapedQuote + new string('(', 500) + "block.otherHolders > 0" + new string(')', 500)),
        ("UnclosedBracketsAfterEscapedQuote", EscapedQuote + new string('(', 2000 - EscapedQuote.Length)),
        ("NotChain", new string('!', 20) + "(block.otherHolders > 0)"),
        ("NotKeywordChain", string.Concat(Enumerable.Repeat("not ", 20)) + "(block.otherHolders > 0)"),
        ("MinusChain", string.Concat(Enumerable.Repeat("- ", 20)) + "block.otherHolders < 0"),
        ("ConditionalChain", string.Concat(Enumerable.Repeat("block.otherHolders == 0 ? true : ", 20)) + "false"),
    ];

    public static IEnumerable<TestCaseData> DeepNestingCases() =>
        DeepNesting.Select(d => new TestCaseData(d.Expression).SetName($"Load_{d.Scenario}_RefusedWithMR4002AtExpressionLine"));

    [TestCaseSource(nameof(DeepNestingCases))]
    public void Load_DeepNesting_RefusedWithMR4002AtExpressionLine(string expression)
    {
        var result = ExpressionRuleSet.Load(expression);

        AssertRefused(result, "MR4002");
    }

    [Test]
    public void Load_F08ReproducersOnThreadWithSmallStack_RefusedWithoutCrash()
    {
        // A host's reload thread, or Windows' 1 MB default: nothing the rule text says may exhaust it.
        var results = new List<RuleSetLoadResult>();
        RuleSetLoadResult? withinCap = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    results.AddRange(DeepNesting.Select(d => ExpressionRuleSet.Load(d.Expression)));
                    withinCap = ExpressionRuleSet.Load(EscapedQuote + new string('(', 14) + "!(block.otherHolders > 0)" + new string(')', 14));
                }
#pragma warning disable CA1031 // Reported by the assertion below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = e;
                }
            },
            maxStackSize: 256 * 1024);

        thread.Start();
        thread.Join();

        Assert.That(failure, Is.Null);
        Assert.That(withinCap!.Diagnostics, Is.Empty, "the cap itself is safe on a small stack");
        Assert.That(results, Has.Count.EqualTo(DeepNesting.Length));
        foreach (var result in results)
        {
            AssertRefused(result, "MR4002");
        }
    }

    [TestCase("deposit.otherMiningRights + block.otherHolders <= 0", 2147483647, 2147483647, TestName = "Evaluate_IntSumOverflows_ReviewNotPass")]
    [TestCase("block.otherHolders * 1000000000 >= 0", 0, 3, TestName = "Evaluate_IntProductOverflows_ReviewNotFail")]
    [TestCase("-block.otherHolders - 2 < 0", 0, 2147483647, TestName = "Evaluate_IntDifferenceOverflows_ReviewNotFail")]
    public void Evaluate_IntArithmeticOverflows_Review(string expression, int otherRights, int otherHolders)
    {
        var verdict = Evaluate(expression, Application
            .Replace("otherMiningRights: 0", $"otherMiningRights: {otherRights.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)
            .Replace("otherHolders: 0", $"otherHolders: {otherHolders.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review), "an overflow is undecided, never a wrapped number");
            Assert.That(verdict.Message!.En, Does.Contain("overflows its range").And.Contain("A person must review"));
            Assert.That(verdict.Message.Zh, Does.Contain("溢出"));
            Assert.That(verdict.Facts, Is.Not.Empty, "the facts the expression reads");
        });
    }

    [TestCase("double(block.otherHolders) / 0.0 >= 0")]
    [TestCase("double(block.otherHolders) * 1.5 > 1")]
    [TestCase("block.otherHolders == 0 || 0.0 / 0.0 == 0.0")]
    public void Load_FloatingPointArithmetic_RefusedWithMR4002(string expression)
    {
        var result = ExpressionRuleSet.Load(expression);

        AssertRefused(result, "MR4002");
        Assert.That(result.Diagnostics.First().Message, Does.Contain("NaN"));
    }

    [TestCase("capacity.value >= 300")]
    [TestCase("capacityBefore.value > 0 || block.otherHolders == 0")]
    [TestCase("capacity.unit == capacityBefore.unit")]
    public void Load_CapacityValueOrUnit_RefusedPointingToTheDeclarativeForm(string expression)
    {
        var result = ExpressionRuleSet.Load(expression);

        AssertRefused(result, "MR4002");
        Assert.That(result.Diagnostics.First().Message, Does.Contain("atLeast: { field: capacity, value: 300, unit: 万吨/年 }"));
    }

    [Test]
    public void Load_ExpressionOfAnotherType_MessageGivesAnExampleThatLoads()
    {
        var message = ExpressionRuleSet.Load("block.otherHolders + 1").Diagnostics.Single().Message;

        Assert.That(message, Does.Not.Contain("capacity.value"));
    }

    [TestCase("!applicant.StartsWith(\"国有\")", "国\u00AD有示例矿业有限公司", TestName = "Evaluate_StartsWithAcrossSoftHyphen_Ordinal")]
    [TestCase("!applicant.StartsWith(\"\\u0000\")", "示例矿业有限公司", TestName = "Evaluate_StartsWithNul_Ordinal")]
    [TestCase("!applicant.EndsWith(\"\\u00AD\")", "示例矿业有限公司", TestName = "Evaluate_EndsWithSoftHyphen_Ordinal")]
    public void Evaluate_TextComparison_OrdinalWhateverTheCulture(string expression, string applicant)
    {
        // A zh-CN host (ICU) ignores U+00AD and U+0000 in culture-sensitive comparisons; the rule must not.
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            var verdict = Evaluate(expression, Application + $"\napplicant: \"{applicant.Replace("\u00AD", "\\u00AD", StringComparison.Ordinal)}\"\n");

            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Pass), "the applicant's text does not start with, end with, contain or equal it, character for character");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Check_GlobalizationInvariantMode_RunsAndDecidesInEitherLanguage()
    {
        // Minimal containers run .NET without ICU (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1): the tool used to die
        // with "en is an invalid culture identifier" before checking anything.
        using var temp = new TempFolder();
        var sample = temp.Write("application.yaml", Fixtures.CoalMine("INVARIANT-1", 10));

        var (enCode, en, enError) = RunInInvariantMode("check", "--rules", TestPaths.TestRules, "--culture", "en", sample);
        var (zhCode, zh, zhError) = RunInInvariantMode("check", "--rules", TestPaths.TestRules, "--culture", "zh", sample);

        Assert.Multiple(() =>
        {
            Assert.That(enCode, Is.EqualTo(1), enError);
            Assert.That(zhCode, Is.EqualTo(1), zhError);
            Assert.That(enError + zhError, Does.Not.Contain("CultureNotFoundException"));
            Assert.That(en, Does.Contain("NON-COMPLIANT"));
            Assert.That(zh, Is.Not.EqualTo(en), "--culture zh still chooses the Chinese messages");
        });
    }

    [TestCase("plusMonths: -3000000")]
    [TestCase("plusMonths: 120000")]
    [TestCase("plusMonths: 1201")]
    [TestCase("plusDays: 36601")]
    [TestCase("plusDays: -2147483648")]
    public void Load_DateShiftBeyondACentury_MR3009AtTheKeysLine(string shift)
    {
        var result = ExpressionRuleSet.LoadCondition($"atMost: {{ field: applicationDate, compareTo: licence.expiresOn, {shift} }}");

        AssertRefused(result, "MR3009");
        Assert.That(result.Diagnostics.Single().Message, Does.Contain(shift.Split(':')[0]));
    }

    [TestCase("plusMonths: -1200", "0001-01-01")]
    [TestCase("plusMonths: 1200", "9999-12-31")]
    [TestCase("plusDays: -30", "0001-01-01")]
    [TestCase("plusDays: 36600", "9999-12-31")]
    public void Evaluate_ShiftPastTheCalendar_ReviewNamingTheReason(string shift, string expiresOn)
    {
        var result = ExpressionRuleSet.LoadCondition($"atMost: {{ field: applicationDate, compareTo: licence.expiresOn, {shift} }}");
        Assert.That(result.Catalog, Is.Not.Null, string.Join(Environment.NewLine, result.Diagnostics));

        var verdict = result.Catalog!.Evaluate(Fixtures.Read(Application + $"\nlicence: {{ expiresOn: {expiresOn} }}\n")).VerdictOf(ExpressionRuleSet.RuleId);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Message!.En, Does.Contain("outside the calendar"));
            Assert.That(verdict.Message!.Zh, Does.Contain("超出日历范围"));
        });
    }

    [TestCase("mineral == 99")]
    [TestCase("mineral == 3")]
    [TestCase("mineral > 3")]
    [TestCase("block.otherHolders == 0 && mineral != 0")]
    public void Load_WordComparedWithANumber_RefusedWithMR4003(string expression)
    {
        var result = ExpressionRuleSet.Load(expression);

        AssertRefused(result, "MR4003");
        Assert.That(ExpressionRuleSet.Load("mineral == \"coal\" && block.otherHolders == 0").Diagnostics, Is.Empty, "words still compare by name");
    }

    /// <summary>Runs the built command line as a child process without ICU.</summary>
    private static (int ExitCode, string Output, string Error) RunInInvariantMode(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MineralRules.Cli.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static Verdict Evaluate(string expression, string application)
    {
        var loaded = ExpressionRuleSet.Load(expression);
        Assert.That(loaded.Catalog, Is.Not.Null, string.Join(Environment.NewLine, loaded.Diagnostics));
        return loaded.Catalog!.Evaluate(Fixtures.Read(application)).VerdictOf(ExpressionRuleSet.RuleId);
    }

    private static void AssertRefused(RuleSetLoadResult result, string code)
    {
        var all = string.Join(Environment.NewLine, result.Diagnostics);
        Assert.Multiple(() =>
        {
            Assert.That(result.Catalog, Is.Null, "nothing loads");
            Assert.That(
                result.Diagnostics,
                Has.Some.Matches<Diagnostic>(d => d.Code == code
                    && d.Location.Path.EndsWith("/" + ExpressionRuleSet.RuleFile, StringComparison.Ordinal)
                    && d.Location.Line == ExpressionRuleSet.ExpressionLine
                    && d.RuleId == ExpressionRuleSet.RuleId),
                all);
        });
    }
}
