using System.Text;
using System.Text.Json;
using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>
/// Reads a JSON document into <see cref="DocumentNode"/>s with line and column for every value. Whatever the JSON
/// reader throws on a broken file (a lone surrogate escape, ...) becomes a syntax error located in that file.
/// </summary>
internal static class JsonDocumentReader
{
    public static DocumentNode? Read(string text, string path, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(SourceLocation.File(path), DiagnosticCodes.EmptyDocument, "The file is empty; an application is a JSON object { \"id\": ..., \"permit\": ... }.", "文件为空；申请应为一个 JSON 对象 { \"id\": ..., \"permit\": ... }。");
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(SourceLocation.File(path), DiagnosticCodes.EmptyDocument, "The file is empty.", "文件为空。");
                return null;
            }

            var root = ReadValue(ref reader, path, lines, diagnostics);
            if (reader.Read())
            {
                diagnostics.Add(lines.At(path, reader.TokenStartIndex), DiagnosticCodes.Syntax, "Unexpected content after the JSON value.", "JSON 值之后还有多余的内容。");
                return null;
            }

            return root;
        }
        catch (RefusedException e)
        {
            diagnostics.Add(e.Location, DiagnosticCodes.Syntax, e.Message, e.MessageZh);
            return null;
        }
        catch (JsonException e)
        {
            var location = e.LineNumber is { } line && e.BytePositionInLine is { } bytePosition
                ? lines.AtLineByte(path, (int)line, (int)bytePosition)
                : SourceLocation.File(path);
            diagnostics.Add(location, DiagnosticCodes.Syntax, $"JSON syntax error: {FirstSentence(e.Message)}", $"JSON 语法错误：{FirstSentence(e.Message)}");
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(lines.At(path, reader.TokenStartIndex), DiagnosticCodes.Syntax, $"JSON syntax error: {FirstSentence(e.Message)}", $"JSON 语法错误：{FirstSentence(e.Message)}");
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
                    var keyLocation = lines.At(path, reader.TokenStartIndex);
                    var key = new ScalarNode(ReadString(ref reader, keyLocation, diagnostics), quoted: true, keyLocation);
                    reader.Read();
                    var value = ReadValue(ref reader, path, lines, diagnostics);
                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        diagnostics.Add(
                            key.Location,
                            DiagnosticCodes.DuplicateKey,
                            $"The key '{DocumentText.Shown(key.Value)}' appears twice in this object (first on line {first.Location.Line}); keep one.",
                            $"键 '{DocumentText.Shown(key.Value)}' 在此对象中出现了两次（第一次在第 {first.Location.Line} 行）；请只保留一个。");
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
                return new ScalarNode(ReadString(ref reader, location, diagnostics), quoted: true, location);
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

    /// <summary>A string's text; an escape that is half a character ("\uD800") is a syntax error here.</summary>
    private static string ReadString(ref Utf8JsonReader reader, SourceLocation location, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new RefusedException(location, "JSON syntax error: invalid surrogate escape: a \\u escape from \\uD800 to \\uDBFF must be followed by one from \\uDC00 to \\uDFFF, and \\uDC00 to \\uDFFF cannot stand alone (or write the character itself).", "JSON 语法错误：无效的代理项转义：\\uD800 至 \\uDBFF 的 \\u 转义之后必须紧跟 \\uDC00 至 \\uDFFF 的转义，\\uDC00 至 \\uDFFF 也不能单独出现（或直接写出该字符）。");
        }

        return DocumentText.Check(text, location, diagnostics);
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
        private int _lastLine = -1;
        private int _lastOffset;
        private int _lastColumn;

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

        /// <summary>
        /// The location of a byte offset. Tokens are asked for in document order, so the column is counted on from
        /// the last token on the same line: a one-line (minified) document costs one pass, not one per token.
        /// </summary>
        public SourceLocation At(string path, long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            int column;
            if (line == _lastLine && offset >= _lastOffset)
            {
                column = _lastColumn + Encoding.UTF8.GetCharCount(_bytes, _lastOffset, (int)offset - _lastOffset);
            }
            else
            {
                var start = _lineStarts[line];
                column = Encoding.UTF8.GetCharCount(_bytes, start, (int)offset - start) + 1;
            }

            (_lastLine, _lastOffset, _lastColumn) = (line, (int)offset, column);
            return new SourceLocation(path, line + 1, column);
        }
    }

    /// <summary>A syntax error the reader raises itself, with its location and message.</summary>
    private sealed class RefusedException(SourceLocation location, string message, string messageZh) : Exception(message)
    {
        public SourceLocation Location { get; } = location;

        public string MessageZh { get; } = messageZh;
    }
}
