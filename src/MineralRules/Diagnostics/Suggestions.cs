namespace MineralRules.Diagnostics;

/// <summary>"Did you mean" hints for misspelt keys and values.</summary>
internal static class Suggestions
{
    /// <summary>Longer inputs get no hint: no key or word is this long, and the distance costs length times length.</summary>
    public const int MaxInputLength = 64;

    /// <summary>The closest candidate within a small edit distance, or null.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        if (input.Length > MaxInputLength)
        {
            return null;
        }

        var upper = input.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Length > MaxInputLength * 2)
            {
                continue;
            }

            var d = Distance(upper, candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        // Allow two edits (a swapped or doubled letter) in words of four letters or more, one per three letters in
        // longer ones; a wild guess helps nobody.
        var allowed = input.Length < 4 ? 1 : Math.Max(2, input.Length / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>Appends " Did you mean 'x'?" when there is a close candidate.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } hint ? $" Did you mean '{hint}'?" : string.Empty;

    /// <summary>The Chinese of <see cref="DidYouMean"/>: appends "是否应为“x”？" when there is a close candidate.</summary>
    public static string DidYouMeanZh(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } hint ? $"是否应为“{hint}”？" : string.Empty;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
