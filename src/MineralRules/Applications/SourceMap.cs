using System.Collections.Frozen;

namespace MineralRules.Applications;

/// <summary>Where each field of a read application stands in its file, by field path (<c>capacity.value</c>).</summary>
internal sealed class SourceMap
{
    private readonly FrozenDictionary<string, SourceLocation> _locations;

    public SourceMap(string path, IDictionary<string, SourceLocation> locations)
        : this(path, locations.ToFrozenDictionary(StringComparer.Ordinal))
    {
    }

    private SourceMap(string path, FrozenDictionary<string, SourceLocation> locations)
    {
        Path = path;
        _locations = locations;
    }

    public string Path { get; }

    /// <summary>The location of the field itself, or null when the document does not give it.</summary>
    public SourceLocation? Find(string fieldPath) => _locations.GetValueOrDefault(fieldPath);

    /// <summary>
    /// A location of a document that stands at <paramref name="line"/>, <paramref name="column"/> of a larger one, in
    /// that larger document: lines move down, columns of its first line move right; a location without a line stays.
    /// </summary>
    public static SourceLocation Moved(SourceLocation location, int line, int column) =>
        location.Line <= 0 ? location
            : location with { Line = location.Line + line - 1, Column = location.Line == 1 && location.Column > 0 ? location.Column + column - 1 : location.Column };

    /// <summary>This map for a document standing at <paramref name="line"/>, <paramref name="column"/> of a larger one (<see cref="Moved"/>).</summary>
    public SourceMap MovedTo(int line, int column) =>
        new(Path, _locations.ToFrozenDictionary(e => e.Key, e => Moved(e.Value, line, column), StringComparer.Ordinal));

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
