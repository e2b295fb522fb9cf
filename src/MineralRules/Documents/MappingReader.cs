using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>
/// Strict reading of one mapping: the caller takes the keys it knows; <see cref="Finish"/> reports every key
/// left over as unknown, with a "did you mean" where one fits. Nothing is silently ignored.
/// </summary>
internal sealed class MappingReader
{
    private readonly MappingNode _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];

    public MappingReader(MappingNode mapping, DiagnosticBag diagnostics, string? ruleId = null)
    {
        _mapping = mapping;
        _diagnostics = diagnostics;
        RuleId = ruleId;
    }

    public string? RuleId { get; }

    public MappingNode Node => _mapping;

    public SourceLocation Location => _mapping.Location;

    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>Takes an optional key: null when absent or written as null.</summary>
    public DocumentNode? Optional(string key)
    {
        _known.Add(key);
        foreach (var (k, v) in _mapping.Entries)
        {
            if (k.Value == key)
            {
                _taken.Add(key);
                return v is ScalarNode { IsNull: true } ? null : v;
            }
        }

        return null;
    }

    /// <summary>Takes a required key, reporting it when missing.</summary>
    public DocumentNode? Required(string key, string what)
    {
        var node = Optional(key);
        if (node is null)
        {
            _diagnostics.Add(_mapping.Location, DiagnosticCodes.MissingKey, $"'{key}' is required here: {what}.", $"此处必须有 '{key}'：{Wording.Zh(what)}。", RuleId);
        }

        return node;
    }

    /// <summary>True when the key is present (used to tell forms apart); does not take it.</summary>
    public bool Has(string key)
    {
        // A loop, not Any(): LINQ over KeyValuePair entries is JIT-compiled at every cold load.
        foreach (var entry in _mapping.Entries)
        {
            if (entry.Key.Value == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports every key that was not taken.</summary>
    public void Finish(string context)
    {
        foreach (var (key, _) in _mapping.Entries)
        {
            if (!_taken.Contains(key.Value))
            {
                _diagnostics.Add(
                    key.Location,
                    DiagnosticCodes.UnknownKey,
                    $"Unknown key '{DocumentText.Shown(key.Value)}' in {context}.{Suggestions.DidYouMean(key.Value, _known)} Allowed: {string.Join(", ", _known)}.",
                    $"{Wording.Before(Wording.Zh(context))}中有未知的键 '{DocumentText.Shown(key.Value)}'。{Suggestions.DidYouMeanZh(key.Value, _known)}允许的键：{string.Join(", ", _known)}。",
                    RuleId);
            }
        }
    }
}
