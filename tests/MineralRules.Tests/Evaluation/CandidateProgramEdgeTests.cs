using MineralRules.Compilation;
using MineralRules.Evaluation;

namespace MineralRules.Tests.Evaluation;

/// <summary>
/// The compiled programs where the shipped rules and samples do not go: a rule set that reads absent zones as
/// unknown and a met condition under an unknown scope as review, zones known only in part (as records leave them),
/// conditions under <c>not</c> over absent facts; and the switch from the loop to the program — after
/// <see cref="RuleIndex.ProgramAfter"/> evaluations, on many threads at once, and a program that cannot be compiled
/// leaving the combination to the loop instead of failing the check.
/// </summary>
public sealed class CandidateProgramEdgeTests
{
    private const string Readings = "readings: { absentZones: unknown, unknownScopeWhenMet: review, remedies: optional }";

    private static readonly string Rules =
        Rule("z1", ", zones: [energy-base]", "{ atLeast: { field: capacity, value: 300, unit: 万吨/年 } }")
        + Rule("z2", ", zones: [energy-base, key-area]", "{ is: { field: environment.eiaApproved, value: true } }")
        + Rule("n1", string.Empty, "{ not: { is: { field: block.inPlanningBlock, value: false } } }")
        + Rule("n2", string.Empty, "{ not: { atLeast: { field: block.otherHolders, value: 1 } } }")
        + Rule("n3", ", miningMethods: [underground]", "{ any: [ { not: { is: { field: environment.eiaApproved, value: false } } }, { atMost: { field: block.otherHolders, value: 0 } } ] }")
        + Rule("n4", ", zones: [energy-base]", "{ all: [ { not: { is: { field: grant.stateCouncilKeyProject, value: true } } }, { atMost: { field: operatingDaysPerYear, value: 330 } } ] }");

    [Test]
    public void Program_ZonesUnknownReadAsReviewAndNotOverAbsentFacts_ClassifiesEverySlotAsTheLoop()
    {
        var ruleSet = TestRuleSets.Load(Readings, Rules);
        var applications = Variants().ToList();

        Assert.That(applications, Has.Count.GreaterThan(400));
        Assert.Multiple(() =>
        {
            foreach (var application in applications)
            {
                Assert.That(CandidateProgramTests.ByProgram(ruleSet, application), Is.EqualTo(CandidateProgramTests.ByLoop(ruleSet, application)), application.ToString());
                Assert.That(CandidateProgramTests.Json(ruleSet, application, EvaluationPath.Program), Is.EqualTo(CandidateProgramTests.Json(ruleSet, application, EvaluationPath.Loop)), application.ToString());
            }
        });
    }

    [Test]
    public void Program_FirstEvaluationsOfACombination_LoopUntilProgramAfter()
    {
        var entry = TestRuleSets.Load(Readings, Rules).Index.For(Fixtures.Read(Fixtures.CompliantCoalMine));

        var before = Enumerable.Range(1, RuleIndex.ProgramAfter - 1).Count(_ => entry.Program(EvaluationPath.Tiered) is not null);
        var at = entry.Program(EvaluationPath.Tiered);

        Assert.That(before, Is.Zero);
        Assert.That(at, Is.Not.Null);
        Assert.That(entry.Program(EvaluationPath.Tiered), Is.SameAs(at));
        Assert.That(entry.Program(EvaluationPath.Loop), Is.Null);
    }

    [Test]
    public void Evaluate_ManyThreadsAcrossTheThreshold_EveryResultAsTheLoop()
    {
        var ruleSet = TestRuleSets.Load(Readings, Rules);
        var applications = Variants().Take(48).ToArray();
        var expected = applications.Select(a => ResultJson.Serialize(ruleSet.Evaluate(a, EvaluationPath.Loop))).ToArray();

        var wrong = Fixtures.AtOnce(4, thread =>
        {
            var count = 0;
            for (var i = 0; i < 3 * RuleIndex.ProgramAfter / 4; i++)
            {
                var k = ((i * 7) + thread) % applications.Length;
                var result = ruleSet.Evaluate(applications[k]);
                count += i % 97 == 0 && ResultJson.Serialize(result) != expected[k] ? 1 : 0;
            }

            return count;
        });

        Assert.That(wrong, Is.All.Zero);
        Assert.That(ruleSet.Index.For(applications[0]).Program(EvaluationPath.Tiered), Is.Not.Null, "the threshold was crossed, so the program is in use");
    }

    [Test]
    public void Program_CompilationFails_TheCombinationStaysWithTheLoopAndNoCheckFails()
    {
        var entry = TestRuleSets.Load(Readings, Rules).Index.For(Fixtures.Read(Fixtures.CompliantCoalMine));
        var attempts = 0;
        CandidateProgram Failing(IReadOnlyList<CompiledRule> rules)
        {
            attempts++;
            throw new InvalidOperationException("cannot compile");
        }

        var programs = Enumerable.Range(0, RuleIndex.ProgramAfter + 100).Count(_ => entry.Program(EvaluationPath.Tiered, Failing) is not null);

        Assert.That(programs, Is.Zero);
        Assert.That(attempts, Is.EqualTo(1), "tried once, not at every evaluation after");
        Assert.That(() => TestRuleSets.Load(Readings, Rules).Index.For(Fixtures.Read(Fixtures.CompliantCoalMine)).Program(EvaluationPath.Program, Failing), Throws.InvalidOperationException, "tests that force the program see the failure");
    }

    private static string Rule(string id, string scope, string condition) => $$"""
          - id: {{id}}
            clause: { ref: "5.2.1", zh: 新建井工煤矿原则上产能不低于300万吨/年, en: At least 3 Mt/a. }
            scope: { permit: mining, actions: [new], minerals: [coal]{{scope}} }
            condition: {{condition}}
            outcome: fail
            message: { zh: "不符。", en: "No." }

        """;

    /// <summary>
    /// The compliant coal mine with its zones, block, environment, mining method and grant each varied or left out,
    /// and each of those with its zones known only in part (none or key-area listed, energy-base unknown).
    /// </summary>
    private static IEnumerable<Application> Variants()
    {
        var zones = new[] { "zones: [energy-base]", "zones: []", "zones: [key-area]", null };
        var blocks = new[] { "block: { otherHolders: 0 }", "block: { inPlanningBlock: false }", "block: { inPlanningBlock: true, otherHolders: 2 }", null };
        var environments = new[] { "environment: { greenMineStandard: true, restorationPlanFiled: true }", "environment: { eiaApproved: true }", "environment: { eiaApproved: false }" };
        var methods = new[] { "miningMethod: underground", "miningMethod: open-pit", null };
        var grants = new[] { "grant: { method: listing, stateCouncilKeyProject: false }", "grant: { method: listing, stateCouncilKeyProject: true }", "grant: { method: listing }" };
        foreach (var zone in zones)
        {
            foreach (var block in blocks)
            {
                foreach (var environment in environments)
                {
                    foreach (var method in methods)
                    {
                        foreach (var grant in grants)
                        {
                            var yaml = Fixtures.CompliantCoalMine
                                .Replace("zones: [energy-base]", zone ?? string.Empty, StringComparison.Ordinal)
                                .Replace("block: { otherHolders: 0 }", block ?? string.Empty, StringComparison.Ordinal)
                                .Replace("environment: { greenMineStandard: true, restorationPlanFiled: true }", environment, StringComparison.Ordinal)
                                .Replace("miningMethod: underground", method ?? string.Empty, StringComparison.Ordinal)
                                .Replace("grant: { method: listing, stateCouncilKeyProject: false }", grant, StringComparison.Ordinal)
                                .Replace("location: { league: 鄂尔多斯市,  }", "location: { league: 鄂尔多斯市 }", StringComparison.Ordinal);
                            var application = Fixtures.Read(yaml);
                            var location = application.Location ?? new Location();
                            yield return application;
                            yield return application with { Location = location with { Zones = [], UnknownZoneMask = 1UL << (int)Zone.EnergyBase } };
                            yield return application with { Location = location with { Zones = [Zone.KeyArea], UnknownZoneMask = 1UL << (int)Zone.EnergyBase } };
                        }
                    }
                }
            }
        }
    }
}
