namespace MineralRules.Benchmarks;

/// <summary>The fixed mix of applications the benchmarks evaluate: the YAML files of <c>mix/</c>, read once.</summary>
public static class Mix
{
    /// <summary>The folder of the mix beside the binaries.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "mix");

    /// <summary>Reads every application of the mix, in file-name order.</summary>
    /// <param name="folder">The folder; null for <see cref="Folder"/>.</param>
    /// <returns>The applications.</returns>
    /// <exception cref="InvalidOperationException">A file is not a valid application.</exception>
    public static IReadOnlyList<Application> Load(string? folder = null)
    {
        var files = Directory.GetFiles(folder ?? Folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var applications = new List<Application>(files.Count);
        foreach (var file in files)
        {
            var read = ApplicationReader.ReadFile(file);
            applications.Add(read.Application ?? throw new InvalidOperationException($"{file}: {string.Join("; ", read.Diagnostics)}"));
        }

        return applications;
    }
}

/// <summary>What the three implementations must agree on: the decision and the failing and review clause refs.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Fail">The distinct failing clause refs, ordinal order, comma-separated.</param>
/// <param name="Review">The distinct review clause refs, ordinal order, comma-separated.</param>
public sealed record PlanSummary(Decision Decision, string Fail, string Review)
{
    /// <summary>Summarises the evaluator's result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The summary.</returns>
    public static PlanSummary Of(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = Of(result.Failures.Select(v => v.Clause.Ref), result.Reviews.Select(v => v.Clause.Ref));
        return summary.Decision == result.Decision ? summary : summary with { Decision = result.Decision };
    }

    /// <summary>Summarises the hand-written plan's result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The summary.</returns>
    public static PlanSummary Of(HandwrittenResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fail = new List<string>();
        var review = new List<string>();
        for (var i = 0; i < result.Outcomes.Length; i++)
        {
            if (result.Outcomes[i] == Outcome.Fail)
            {
                fail.Add(HandwrittenPlan.ClauseRefs[i]);
            }
            else if (result.Outcomes[i] == Outcome.Review)
            {
                review.Add(HandwrittenPlan.ClauseRefs[i]);
            }
        }

        var summary = Of(fail, review);
        return summary.Decision == result.Decision ? summary : summary with { Decision = result.Decision };
    }

    /// <summary>Builds a summary from refs; the decision follows from them (any fail, else any review).</summary>
    /// <param name="fail">Failing clause refs.</param>
    /// <param name="review">Review clause refs.</param>
    /// <returns>The summary.</returns>
    public static PlanSummary Of(IEnumerable<string> fail, IEnumerable<string> review)
    {
        var f = fail.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var r = review.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var decision = f.Count > 0 ? Decision.NonCompliant : r.Count > 0 ? Decision.NeedsReview : Decision.Compliant;
        return new PlanSummary(decision, string.Join(",", f), string.Join(",", r));
    }
}
