using System.Text;
using System.Text.Json;
using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>Reads a JSON document into <see cref="DocumentNode"/>s with line and column for every value.</summary>
internal static class JsonDocumentReader
{
    public static DocumentNode? Read(string text, string path, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(SourceLocation.File(path), DiagnosticCodes.EmptyDocument, "The file is empty; an application is a JSON object { \"id\": ..., \"permit\": ... }.");
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(SourceLocation.File(path), DiagnosticCodes.EmptyDocument, "The file is empty.");
                return null;
            }

            var root = ReadValue(ref reader, path, lines, diagnostics);
            if (reader.Read())
            {
                diagnostics.Add(lines.At(path, reader.TokenStartIndex), DiagnosticCodes.Syntax, "Unexpected content after the JSON value.");
                return null;
            }

            return root;
        }
        catch (JsonException e)
        {
            var location = e.LineNumber is { } line && e.BytePositionInLine is { } bytePosition
                ? lines.AtLineByte(path, (int)line, (int)bytePosition)
                : SourceLocation.File(path);
            diagnostics.Add(location, DiagnosticCodes.Syntax, $"JSON syntax error: {FirstSentence(e.Message)}");
            return null;
        }
    }

    private static DocumentNode ReadValue(ref Utf8JsonReader reader, string path, LineMap lines, DiagnosticBag diagnostics)
    {
        var location = lines.At(path, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var entries = new List<KeyValuePair<ScalarNode, DocumentNode>>();
                var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = new ScalarNode(reader.GetString()!, quoted: true, lines.At(path, reader.TokenStartIndex));
                    reader.Read();
                    var value = ReadValue(ref reader, path, lines, diagnostics);
                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        diagnostics.Add(
                            key.Location,
                            DiagnosticCodes.DuplicateKey,
                            $"The key '{key.Value}' appears twice in this object (first on line {first.Location.Line}); keep one.");
                        continue;
                    }

                    seen.Add(key.Value, key);
                    entries.Add(new(key, value));
                }

                return new MappingNode(entries, location);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<DocumentNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, path, lines, diagnostics));
                }

                return new SequenceNode(items, location);
            }

            case JsonTokenType.String:
                return new ScalarNode(reader.GetString()!, quoted: true, location);
            case JsonTokenType.Number:
                return new ScalarNode(Encoding.UTF8.GetString(reader.ValueSpan), quoted: false, location);
            case JsonTokenType.True:
                return new ScalarNode("true", quoted: false, location);
            case JsonTokenType.False:
                return new ScalarNode("false", quoted: false, location);
            case JsonTokenType.Null:
                return new ScalarNode("null", quoted: false, location);
            default:
                throw new JsonException($"Unexpected token {reader.TokenType}.");
        }
    }

    private static string FirstSentence(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }

    /// <summary>Turns byte offsets into 1-based line and (character) column.</summary>
    private sealed class LineMap
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = [0];

        public LineMap(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        /// <summary>The location of a 0-based line and a byte offset within it, with the column counted in characters.</summary>
        public SourceLocation AtLineByte(string path, int line, int bytePosition)
        {
            if (line < 0 || line >= _lineStarts.Count)
            {
                return SourceLocation.File(path);
            }

            var start = _lineStarts[line];
            var length = Math.Clamp(bytePosition, 0, _bytes.Length - start);
            return new SourceLocation(path, line + 1, Encoding.UTF8.GetCharCount(_bytes, start, length) + 1);
        }

        public SourceLocation At(string path, long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = _lineStarts[line];
            var column = Encoding.UTF8.GetCharCount(_bytes, start, (int)offset - start) + 1;
            return new SourceLocation(path, line + 1, column);
        }
    }
}
