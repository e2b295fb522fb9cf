using System.Diagnostics;
using System.Globalization;

namespace MineralRules.Benchmarks;

/// <summary>
/// The quick measurement: warm-up, then several Stopwatch rounds per implementation and the median of each; bytes
/// allocated per evaluation; cold start in fresh processes; 8 threads sharing one compiled rule set.
/// </summary>
public static class QuickRun
{
    private const int Rounds = 7;
    private const int WarmUpMs = 2000;

    /// <summary>
    /// Passes over the mix before the library's variants are timed: each application's combination of permit,
    /// action and mineral is then past the 131,072 evaluations after which the library runs its compiled program
    /// (docs/performance.md, "the steady state"), so the rounds time the steady state, not the switch to it.
    /// </summary>
    private const int SteadyPasses = 140_000;

    /// <summary>Runs everything, prints PASS or FAIL per budget, and the summary line last.</summary>
    /// <returns>0; 1 when the implementations or the threads disagree; 2 when a budget is not met.</returns>
    public static int Run()
    {
        var mix = Mix.Load();
        var catalog = RuleSetCatalog.LoadEmbedded();
        var ruleSet = catalog.RuleSets[0];
        var workflow = new RulesEngineWorkflow();

        var disagreements = 0;
        foreach (var application in mix)
        {
            var result = ruleSet.Evaluate(application);
            var ours = PlanSummary.Of(result);
            var handwritten = PlanSummary.Of(HandwrittenPlan.Evaluate(application));
            var rulesEngine = RulesEngineWorkflow.Summarise(Wait(workflow.ExecuteAsync(application)));
            var explained = HandwrittenTexts.Explain(application);
            if (ours != handwritten || ours != rulesEngine || !SameOutcomes(result, explained.Outcomes) || explained.Messages.Count != result.Failures.Count() + result.Reviews.Count())
            {
                disagreements++;
                Console.WriteLine($"disagree {application.Id}: ours {ours}; handwritten {handwritten}; rulesengine {rulesEngine}");
            }
        }

        Console.WriteLine($"mix: {mix.Count} applications, {ruleSet.RuleIds.Count} rules; disagreements: {disagreements}");

        // All are warmed up first, then measured round-robin, so drift (tiering, other builds on the machine) falls on
        // each alike. (a') and (a") evaluate with (a)'s rule set, whose programs (a)'s warm-up has compiled; (v) with the
        // catalog's, warmed up on its own.
        var medians = Time(
            mix,
            ("(a) evaluator", a => (int)ruleSet.Evaluate(a).Decision, 60, SteadyPasses),
            ("(b) handwritten, scope first", a => (int)HandwrittenPlan.Evaluate(a).Decision, 60, 0),
            ("(c) rulesengine", a => Wait(workflow.ExecuteAsync(a)).Count, 300, 0),
            ("(a') evaluator, then every fail and review's message and remedy read ((b')'s work)", a => ReadTexts(ruleSet.Evaluate(a)), 60, 0),
            ("(b') handwritten, with the message of every fail and review", a => ReadInFull(HandwrittenTexts.Explain(a)), 60, 0),
            ("(v) catalog.Evaluate (validates once, then selects the version)", a => (int)catalog.Evaluate(a).Decision, 60, SteadyPasses),
            ("(a\") as (a'), and each fail and review's facts read too: everything (reported, no budget)", a => ReadInFull(ruleSet.Evaluate(a)), 60, 0));
        var (evaluator, handwrittenNs, rulesEngineNs, withMessages, handwrittenWithMessages) = (medians[0], medians[1], medians[2], medians[3], medians[4]);

        var bytes = AllocatedPerEvaluation(ruleSet, mix);
        var bytesWithMessages = AllocatedPerEvaluation(mix, a => ReadTexts(ruleSet.Evaluate(a)));
        var bytesEverything = AllocatedPerEvaluation(mix, a => ReadInFull(ruleSet.Evaluate(a)));
        var handwrittenBytes = AllocatedPerEvaluation(mix, a => HandwrittenPlan.Evaluate(a));
        var handwrittenBytesWithMessages = AllocatedPerEvaluation(mix, a => ReadInFull(HandwrittenTexts.Explain(a)));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"allocated per evaluation: (a) {bytes} B, (b) {handwrittenBytes} B; with messages read: (a') {bytesWithMessages} B, (b') {handwrittenBytesWithMessages} B; everything read: (a\") {bytesEverything} B"));

        var (identical, perSecond) = SharedAcrossThreads(ruleSet, mix, threads: 8, passes: 40);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"8 threads, one rule set: {perSecond:F0} evaluations/s; identical results: {identical}"));

        var cold = ColdStart.Measure(runs: 5);

        var a = evaluator / handwrittenNs;
        var c = rulesEngineNs / evaluator;
        var m = withMessages / handwrittenWithMessages;
        var met = Budget("ratio-vs-handwritten (a/b)", a, "<= 2.0", a <= 2.0)
            & Budget("ratio-with-messages (a'/b')", m, "<= 2.0", m <= 2.0)
            & Budget("ratio-rulesengine-vs-ours (c/a)", c, ">= 50", c >= 50)
            & Budget("bytes allocated per evaluation with everything read (a\")", bytesEverything, "<= 4096", bytesEverything <= 4096)
            & Budget("cold load, ReadyToRun host, ms", cold, "<= 150", cold <= 150);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ratio-vs-handwritten={a:F2} ratio-rulesengine-vs-ours={c:F1} alloc-bytes-per-eval={bytes} cold-ms={cold:F0} ratio-with-messages={m:F2}"));
        return disagreements != 0 || !identical ? 1 : met ? 0 : 2;
    }

    /// <summary>Prints one budget's line: name, measured, limit, PASS or FAIL.</summary>
    private static bool Budget(string name, double measured, string limit, bool met)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"budget {name}: {measured:0.##} (limit {limit}) {(met ? "PASS" : "FAIL")}"));
        return met;
    }

    private static bool SameOutcomes(EvaluationResult result, Outcome[] outcomes)
    {
        var byRule = result.Verdicts.ToDictionary(v => v.Rule, v => v.Outcome, StringComparer.Ordinal);
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (byRule[HandwrittenPlan.RuleIds[i]] != outcomes[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a host that shows or archives (b')'s messages reads: every text.</summary>
    /// <param name="report">The hand-written report.</param>
    /// <returns>The number of characters read.</returns>
    public static int ReadInFull(HandwrittenReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var read = (int)report.Decision;
        foreach (var message in report.Messages)
        {
            read += message.Zh.Length + message.En.Length;
        }

        return read;
    }

    /// <summary>(a"): what a host that shows or archives every explanation reads: each fail and review's texts and facts.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The number of characters read, so nothing is optimised away.</returns>
    public static int ReadInFull(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var read = (int)result.Decision;
        foreach (var verdict in result.Verdicts)
        {
            if (verdict.Outcome is Outcome.Fail or Outcome.Review)
            {
                read += verdict.Message!.Zh.Length + verdict.Message.En.Length + (verdict.Remedy?.Zh.Length ?? 0) + (verdict.Remedy?.En.Length ?? 0);
                foreach (var fact in verdict.Facts)
                {
                    read += fact.Field.Length + (fact.Value?.Length ?? 0) + fact.Required.Length;
                }
            }
        }

        return read;
    }

    /// <summary>(a'): each fail and review's message and remedy, the work (b') does (<see cref="ReadInFull(EvaluationResult)"/> without the facts).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The number of characters read.</returns>
    public static int ReadTexts(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var read = (int)result.Decision;
        foreach (var verdict in result.Verdicts)
        {
            if (verdict.Outcome is Outcome.Fail or Outcome.Review)
            {
                read += verdict.Message!.Zh.Length + verdict.Message.En.Length + (verdict.Remedy?.Zh.Length ?? 0) + (verdict.Remedy?.En.Length ?? 0);
            }
        }

        return read;
    }

    /// <summary>Bytes the current thread allocates per <see cref="CompiledRuleSet.Evaluate"/>, result included, averaged over the mix.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="mix">The applications.</param>
    /// <returns>Bytes per evaluation.</returns>
    public static long AllocatedPerEvaluation(CompiledRuleSet ruleSet, IReadOnlyList<Application> mix)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return AllocatedPerEvaluation(mix, a => ruleSet.Evaluate(a));
    }

    /// <summary>Evaluates the mix on several threads at once with one shared rule set.</summary>
    /// <param name="ruleSet">The shared rule set.</param>
    /// <param name="mix">The applications.</param>
    /// <param name="threads">How many threads.</param>
    /// <param name="passes">Passes over the mix per thread.</param>
    /// <returns>Whether every thread got the single-threaded results every time, and evaluations per second.</returns>
    public static (bool Identical, double PerSecond) SharedAcrossThreads(CompiledRuleSet ruleSet, IReadOnlyList<Application> mix, int threads, int passes)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(mix);
        var expected = mix.Select(a => Fingerprint(ruleSet.Evaluate(a))).ToArray();
        var identical = true;
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var pass = 0; pass < passes; pass++)
            {
                for (var i = 0; i < mix.Count; i++)
                {
                    // Each thread starts at a different application, so they contend on different rules at once.
                    var index = (i + (t * 7)) % mix.Count;
                    if (Fingerprint(ruleSet.Evaluate(mix[index])) != expected[index])
                    {
                        Volatile.Write(ref identical, false);
                    }
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        workers.ForEach(w => w.Join());
        var seconds = watch.Elapsed.TotalSeconds;
        return (identical, threads * passes * mix.Count / seconds);
    }

    /// <summary>Every verdict's rule, outcome, message and missing facts, and the decision: equal results print equal.</summary>
    /// <param name="result">A result.</param>
    /// <returns>The fingerprint.</returns>
    public static string Fingerprint(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"{result.Decision}|{string.Join("|", result.Verdicts.Select(v => $"{v.Rule}:{v.Outcome}:{v.Message?.Zh}:{v.Message?.En}:{string.Join(",", v.Missing)}"))}";
    }

    /// <summary>Bytes the current thread allocates per call of <paramref name="evaluate"/>, averaged over the mix.</summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="mix">The applications.</param>
    /// <param name="evaluate">The call, result and whatever it reads included.</param>
    /// <returns>Bytes per call.</returns>
    public static long AllocatedPerEvaluation<T>(IReadOnlyList<Application> mix, Func<Application, T> evaluate)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentNullException.ThrowIfNull(evaluate);
        for (var warm = 0; warm < 3; warm++)
        {
            foreach (var application in mix)
            {
                evaluate(application);
            }
        }

        const int Passes = 50;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var application in mix)
            {
                evaluate(application);
            }
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (Passes * mix.Count);
    }

    /// <summary>Median nanoseconds per evaluation of each implementation over <see cref="Rounds"/> round-robin rounds, after warm-up.</summary>
    private static double[] Time(IReadOnlyList<Application> mix, params (string Name, Func<Application, int> Evaluate, int TargetMs, int MinWarmUpPasses)[] implementations)
    {
        var passes = new int[implementations.Length];
        for (var k = 0; k < implementations.Length; k++)
        {
            // Warm-up: tiered compilation must reach its optimised code, which on a busy two-core machine takes a
            // second or more of steady calls, and the library must have compiled each combination's program (after
            // 131,072 evaluations of it: SteadyPasses); then calibration: passes per round ≈ the target.
            var evaluate = implementations[k].Evaluate;
            var warm = Stopwatch.StartNew();
            for (var pass = 0; warm.ElapsedMilliseconds < WarmUpMs || pass < implementations[k].MinWarmUpPasses; pass++)
            {
                Pass(mix, evaluate, 1);
            }

            warm.Restart();
            var warmPasses = 0;
            while (warm.ElapsedMilliseconds < implementations[k].TargetMs || warmPasses < 3)
            {
                Pass(mix, evaluate, 1);
                warmPasses++;
            }

            passes[k] = Math.Max(1, (int)(warmPasses * implementations[k].TargetMs / (double)warm.ElapsedMilliseconds));
        }

        var samples = new double[implementations.Length][];
        for (var k = 0; k < implementations.Length; k++)
        {
            samples[k] = new double[Rounds];
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < implementations.Length; k++)
            {
                var watch = Stopwatch.StartNew();
                Pass(mix, implementations[k].Evaluate, passes[k]);
                samples[k][round] = watch.Elapsed.TotalNanoseconds / (passes[k] * mix.Count);
            }
        }

        var medians = new double[implementations.Length];
        for (var k = 0; k < implementations.Length; k++)
        {
            var sorted = samples[k];
            Array.Sort(sorted);
            medians[k] = sorted[Rounds / 2];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{implementations[k].Name}: median {medians[k]:F0} ns per evaluation (min {sorted[0]:F0}, max {sorted[^1]:F0}; {passes[k]} passes x {mix.Count} per round)"));
        }

        return medians;
    }

    private static void Pass(IReadOnlyList<Application> mix, Func<Application, int> evaluate, int passes)
    {
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var application in mix)
            {
                evaluate(application);
            }
        }
    }

    private static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
