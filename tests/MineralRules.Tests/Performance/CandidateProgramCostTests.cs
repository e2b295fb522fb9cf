using System.Diagnostics;
using System.Globalization;
using MineralRules.Compilation;
using MineralRules.Evaluation;

namespace MineralRules.Tests.Performance;

/// <summary>
/// What a combination's compiled program costs and saves (docs/performance.md, "a compiled program per
/// combination"): the time to compile the programs of every combination the benchmark's mix meets, and the time per
/// evaluation through the loop and through the programs, in one process. The threshold after which a combination is
/// compiled (<see cref="RuleIndex.ProgramAfter"/>) is right when the compilation costs about what the programs save
/// over that many evaluations.
/// </summary>
[Explicit("A benchmark: run by hand, one at a time, on a quiet machine.")]
public sealed class CandidateProgramCostTests
{
    [Test]
    public void Program_MixUnderRuleSet1_0_0_FasterThanTheLoopAndEarnsItsCompilationBackAroundProgramAfter()
    {
        var mix = Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "bench", "MineralRules.Benchmarks", "mix"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => ApplicationReader.ReadFile(f).Application!)
            .ToArray();
        var ruleSet = Fixtures.Shipped.RuleSets[0];
        var entries = mix.Select(a => ruleSet.Index.For(a)).Distinct().ToArray();

        // Compiling: the first program of the process (System.Linq.Expressions' own start), then the others.
        var watch = Stopwatch.StartNew();
        CandidatePrograms.Compile(entries[0].CandidateRules)(mix[0], 0, out _);
        var first = watch.Elapsed.TotalMilliseconds;
        var each = new List<double>();
        foreach (var entry in entries.Skip(1))
        {
            watch.Restart();
            CandidatePrograms.Compile(entry.CandidateRules)(mix[0], 0, out _);
            each.Add(watch.Elapsed.TotalMilliseconds);
        }

        var loop = NanosecondsPerEvaluation(mix, a => ruleSet.Evaluate(a, EvaluationPath.Loop));
        var program = NanosecondsPerEvaluation(mix, a => ruleSet.Evaluate(a, EvaluationPath.Program));
        var loop2 = NanosecondsPerEvaluation(mix, a => ruleSet.Evaluate(a, EvaluationPath.Loop));
        var program2 = NanosecondsPerEvaluation(mix, a => ruleSet.Evaluate(a, EvaluationPath.Program));
        var saving = Math.Min(loop, loop2) - Math.Min(program, program2);
        var median = each.Order().ElementAt(each.Count / 2);
        var earnedBackAfter = median * 1e6 / saving;
        TestContext.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{entries.Length} combinations; compile: first {first:F1} ms, then median {median:F2} ms (min {each.Min():F2}, max {each.Max():F2}); per evaluation: loop {loop:F0}/{loop2:F0} ns, program {program:F0}/{program2:F0} ns; saving {saving:F0} ns; a compilation earned back after {earnedBackAfter:F0} evaluations (ProgramAfter {RuleIndex.ProgramAfter})"));

        Assert.That(saving, Is.GreaterThan(0));
        Assert.That(earnedBackAfter, Is.InRange(RuleIndex.ProgramAfter / 4.0, RuleIndex.ProgramAfter * 4.0));
    }

    private static double NanosecondsPerEvaluation(Application[] mix, Func<Application, EvaluationResult> evaluate)
    {
        var sink = 0;
        for (var warm = 0; warm < 20_000; warm++)
        {
            foreach (var application in mix)
            {
                sink += (int)evaluate(application).Decision;
            }
        }

        var best = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var pass = 0; pass < 5_000; pass++)
            {
                foreach (var application in mix)
                {
                    sink += (int)evaluate(application).Decision;
                }
            }

            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / (5_000.0 * mix.Length));
        }

        return sink >= 0 ? best : double.NaN;
    }
}
