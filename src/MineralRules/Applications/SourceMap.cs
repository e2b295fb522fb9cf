using System.Collections.Frozen;

namespace MineralRules.Applications;

/// <summary>Where each field of a read application stands in its file, by field path (<c>capacity.value</c>).</summary>
internal sealed class SourceMap
{
    private readonly FrozenDictionary<string, SourceLocation> _locations;

    public SourceMap(string path, IDictionary<string, SourceLocation> locations)
    {
        Path = path;
        _locations = locations.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>The location of the field itself, or null when the document does not give it.</summary>
    public SourceLocation? Find(string fieldPath) => _locations.GetValueOrDefault(fieldPath);

    /// <summary>The location of the field, else of its closest parent, else the file.</summary>
    public SourceLocation Locate(string fieldPath)
    {
        var current = fieldPath;
        while (true)
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return _locations.GetValueOrDefault(string.Empty) ?? SourceLocation.File(Path);
            }

            current = current[..cut];
        }
    }
}
