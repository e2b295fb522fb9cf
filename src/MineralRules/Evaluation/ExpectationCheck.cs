using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Reference;

namespace MineralRules.Evaluation;

/// <summary>
/// Compares a result with the <c>expect</c> block a sample carries (<see cref="Expectation.Differences"/>): the decision
/// (when given) and the sets of failing and review clause refs; and checks the block's clause refs when it is read.
/// </summary>
internal static class ExpectationCheck
{
    /// <summary>The differences, one line each; empty when the result is as expected.</summary>
    public static IReadOnlyList<string> Differences(Expectation expected, EvaluationResult result, bool zh = false)
    {
        var differences = new List<string>();
        if (expected.Decision is { } decision && decision != result.Decision)
        {
            differences.Add(zh ? $"decision：应为 {Code(decision)}，实际为 {Code(result.Decision)}" : $"decision: expected {Code(decision)}, got {Code(result.Decision)}");
        }

        Compare("fail", expected.Fail, Refs(result.Failures), differences, zh);
        Compare("review", expected.Review, Refs(result.Reviews), differences, zh);
        return differences;
    }

    /// <summary>
    /// What is wrong with an <c>expect</c> block read from a document (the reader has checked its shape and words):
    /// every entry of <c>fail</c> and <c>review</c> that is not a clause reference, at its path.
    /// </summary>
    public static IEnumerable<ApplicationIntegrity.Problem> Problems(Expectation expect)
    {
        foreach (var (key, refs) in new[] { ("fail", expect.Fail), ("review", expect.Review) })
        {
            for (var i = 0; i < refs.Count; i++)
            {
                if (!ClauseNumbers.IsReference(refs[i]))
                {
                    yield return new($"expect.{key}[{i}]", DiagnosticCodes.InvalidApplication, $"'expect.{key}' holds clause references such as \"5.2.1\" (found '{refs[i]}').", $"'expect.{key}' 中应为条款编号，如 \"5.2.1\"（实际为 '{refs[i]}'）。");
                }
            }
        }
    }

    /// <summary>The distinct clause refs of verdicts, in the plan's order.</summary>
    public static IReadOnlyList<string> Refs(IEnumerable<Verdict> verdicts) =>
        [.. verdicts.Select(v => v.Clause.Ref).Distinct(StringComparer.Ordinal).Order(ClauseRefComparer.Instance)];

    public static string Code(Decision decision) => Applications.ResultVocabularies.Decisions.Code(decision);

    private static void Compare(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual, List<string> differences, bool zh)
    {
        var wanted = expected.ToHashSet(StringComparer.Ordinal);
        var got = actual.ToHashSet(StringComparer.Ordinal);
        if (wanted.SetEquals(got))
        {
            return;
        }

        var missing = wanted.Except(got).Order(ClauseRefComparer.Instance).ToList();
        var unexpected = got.Except(wanted).Order(ClauseRefComparer.Instance).ToList();
        var detail = string.Join(zh ? "；" : "; ", new[]
        {
            missing.Count > 0 ? $"{(zh ? "缺少 " : "missing ")}{string.Join(", ", missing)}" : null,
            unexpected.Count > 0 ? $"{(zh ? "多出 " : "unexpected ")}{string.Join(", ", unexpected)}" : null,
        }.Where(s => s is not null));
        differences.Add(zh
            ? $"{what}：应为 [{string.Join(", ", expected.Order(ClauseRefComparer.Instance))}]，实际为 [{string.Join(", ", actual)}]（{detail}）"
            : $"{what}: expected [{string.Join(", ", expected.Order(ClauseRefComparer.Instance))}], got [{string.Join(", ", actual)}] ({detail})");
    }
}

/// <summary>Orders clause refs by the plan's numbering: 3.4 before 4.2.1 before 5.10.</summary>
internal sealed class ClauseRefComparer : IComparer<string>
{
    public static readonly ClauseRefComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('.');
        var b = (y ?? string.Empty).Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
