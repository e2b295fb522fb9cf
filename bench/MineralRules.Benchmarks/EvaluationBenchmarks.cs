using BenchmarkDotNet.Attributes;

namespace MineralRules.Benchmarks;

/// <summary>
/// BenchmarkDotNet: one operation is one application of the mix checked against the full rule set, by (b) the
/// hand-written plan (baseline), (a) the compiled rule set and (c) the RulesEngine workflow; (a') and (b') also read
/// (or write) the message of every fail and review (and (a'), its remedy); (a") reads everything, facts included.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private IReadOnlyList<Application> _mix = [];
    private CompiledRuleSet? _ruleSet;
    private RulesEngineWorkflow? _workflow;

    /// <summary>Applications per invocation (the size of the mix).</summary>
    public const int MixSize = 60;

    /// <summary>Loads the rule set, the workflow and the mix once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _mix = Mix.Load();
        if (_mix.Count != MixSize)
        {
            throw new InvalidOperationException($"The mix has {_mix.Count} applications; {nameof(MixSize)} says {MixSize}.");
        }

        _ruleSet = RuleSetCatalog.LoadEmbedded().RuleSets[0];
        _workflow = new RulesEngineWorkflow();
    }

    /// <summary>(b) The hand-written plan.</summary>
    /// <returns>A value depending on every result.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = MixSize)]
    public int Handwritten()
    {
        var sum = 0;
        foreach (var application in _mix)
        {
            sum += (int)HandwrittenPlan.Evaluate(application).Decision;
        }

        return sum;
    }

    /// <summary>(a) The compiled rule set.</summary>
    /// <returns>A value depending on every result.</returns>
    [Benchmark(OperationsPerInvoke = MixSize)]
    public int Evaluator()
    {
        var sum = 0;
        foreach (var application in _mix)
        {
            sum += (int)_ruleSet!.Evaluate(application).Decision;
        }

        return sum;
    }

    /// <summary>(b') The hand-written plan with the message of every fail and review.</summary>
    /// <returns>A value depending on every result.</returns>
    [Benchmark(OperationsPerInvoke = MixSize)]
    public int HandwrittenWithMessages()
    {
        var sum = 0;
        foreach (var application in _mix)
        {
            sum += QuickRun.ReadInFull(HandwrittenTexts.Explain(application));
        }

        return sum;
    }

    /// <summary>(a') The compiled rule set, every fail and review's message and remedy read.</summary>
    /// <returns>A value depending on every result.</returns>
    [Benchmark(OperationsPerInvoke = MixSize)]
    public int EvaluatorWithMessages()
    {
        var sum = 0;
        foreach (var application in _mix)
        {
            sum += QuickRun.ReadTexts(_ruleSet!.Evaluate(application));
        }

        return sum;
    }

    /// <summary>(a") The compiled rule set, every fail and review read in full (message, remedy, facts).</summary>
    /// <returns>A value depending on every result.</returns>
    [Benchmark(OperationsPerInvoke = MixSize)]
    public int EvaluatorEverythingRead()
    {
        var sum = 0;
        foreach (var application in _mix)
        {
            sum += QuickRun.ReadInFull(_ruleSet!.Evaluate(application));
        }

        return sum;
    }

    /// <summary>(c) Microsoft RulesEngine, ExecuteAllRulesAsync.</summary>
    /// <returns>A value depending on every result.</returns>
    [Benchmark(OperationsPerInvoke = MixSize)]
    public async Task<int> RulesEngine()
    {
        var sum = 0;
        foreach (var application in _mix)
        {
            sum += (await _workflow!.ExecuteAsync(application).ConfigureAwait(false)).Count(r => r.IsSuccess);
        }

        return sum;
    }
}
