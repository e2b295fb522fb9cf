namespace MineralRules.Diagnostics;

/// <summary>Collects diagnostics while one stage runs; the stage hands them on together.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public bool HasErrors => _items.Count > 0;

    public void Add(SourceLocation location, string code, string message, string? ruleId = null) =>
        _items.Add(new Diagnostic(location, code, message, ruleId));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Names the rule of each diagnostic added since <paramref name="from"/> that has none, where one is found.</summary>
    public void AttachRuleIds(int from, Func<int, string?> ruleAtLine)
    {
        for (var i = from; i < _items.Count; i++)
        {
            if (_items[i].RuleId is null && ruleAtLine(_items[i].Location.Line) is { } ruleId)
            {
                _items[i] = _items[i] with { RuleId = ruleId };
            }
        }
    }

    /// <summary>The diagnostics in path, line and column order (stable for equal positions).</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. _items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.Path, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)];
}
