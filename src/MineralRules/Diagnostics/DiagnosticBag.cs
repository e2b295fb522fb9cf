using System.Globalization;

namespace MineralRules.Diagnostics;

/// <summary>
/// Collects diagnostics while one stage runs; the stage hands them on together. A file reports at most
/// <see cref="MaxPerFile"/> problems and then one saying the rest are left out, and a message is cut at
/// <see cref="MaxMessageLength"/> characters: a hostile or garbled file cannot make the report itself huge.
/// </summary>
internal sealed class DiagnosticBag
{
    /// <summary>The most diagnostics kept for one file (path).</summary>
    public const int MaxPerFile = 100;

    /// <summary>The longest message kept.</summary>
    public const int MaxMessageLength = 2000;

    private readonly List<Diagnostic> _items = [];

    // Warnings are kept apart: they never count in Count or HasErrors, so nothing is refused because of them.
    private readonly List<Diagnostic> _warnings = [];

    // The number of every Add, kept or not, for each stored diagnostic: Count keeps growing when a file's
    // diagnostics are left out, so "did this step add an error?" (Count before and after) stays true.
    private readonly List<int> _serials = [];
    private readonly Dictionary<string, int> _perFile = new(StringComparer.Ordinal);
    private int _added;

    /// <summary>
    /// A test hook that sees every diagnostic added to any bag, kept or not (the project's tests check that each has
    /// its Chinese text); null outside tests. It must be safe to call from several threads at once.
    /// </summary>
    internal static Action<Diagnostic>? Observer { get; set; }

    /// <summary>How many diagnostics were added, including those left out past <see cref="MaxPerFile"/>.</summary>
    public int Count => _added;

    public bool HasErrors => _added > 0;

    /// <summary>Adds a problem with its English and its Chinese text (every diagnostic the library writes has both).</summary>
    public void Add(SourceLocation location, string code, string message, string messageZh, string? ruleId = null) =>
        Add(new Diagnostic(location, code, message, ruleId) { MessageZh = messageZh });

    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Observer?.Invoke(diagnostic);
        var serial = _added++;
        var path = diagnostic.Location.Path;
        var count = _perFile.TryGetValue(path, out var n) ? n : 0;
        _perFile[path] = count + 1;
        if (count > MaxPerFile)
        {
            return;
        }

        if (count == MaxPerFile)
        {
            diagnostic = diagnostic with
            {
                Message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"More than {MaxPerFile} problems in this file; the rest are not reported. Fix these and check again. Next: {Cut(diagnostic.Message, 200)}"),
                MessageZh = string.Create(
                    CultureInfo.InvariantCulture,
                    $"本文件的问题超过 {MaxPerFile} 个，其余的不再列出。请先修正这些问题，再重新检查。下一个问题：{Cut(diagnostic.MessageZh ?? diagnostic.Message, 200)}"),
            };
        }
        else if (diagnostic.Message.Length > MaxMessageLength)
        {
            diagnostic = diagnostic with { Message = Cut(diagnostic.Message, MaxMessageLength) };
        }

        if (diagnostic.MessageZh is { Length: > MaxMessageLength } zh)
        {
            diagnostic = diagnostic with { MessageZh = Cut(zh, MaxMessageLength) };
        }

        _items.Add(diagnostic);
        _serials.Add(serial);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>Adds a warning (<see cref="DiagnosticSeverity.Warning"/>): reported, never counted as an error.</summary>
    public void Warn(Diagnostic warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        Observer?.Invoke(warning);
        if (_warnings.Count < MaxPerFile * 10)
        {
            _warnings.Add(warning with { Severity = DiagnosticSeverity.Warning });
        }
    }

    /// <summary>The warnings in path, line and column order.</summary>
    public IReadOnlyList<Diagnostic> Warnings =>
        [.. _warnings.OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)];

    /// <summary>Names the rule of each diagnostic added since <paramref name="from"/> (a <see cref="Count"/>) that has none, where one is found.</summary>
    public void AttachRuleIds(int from, Func<int, string?> ruleAtLine)
    {
        for (var i = _items.Count - 1; i >= 0 && _serials[i] >= from; i--)
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

    private static string Cut(string message, int length) =>
        message.Length <= length ? message : string.Concat(message.AsSpan(0, char.IsHighSurrogate(message[length - 1]) ? length - 1 : length), "…");
}
