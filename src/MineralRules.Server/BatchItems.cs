using System.Text;
using System.Text.Json;

namespace MineralRules.Server;

/// <summary>
/// The applications of a batch: each element of a JSON array, or each uploaded file, read by the library's reader.
/// An array element is read alone (after as many newlines as lines stand before it, so fact lines are the body's);
/// its diagnostics are shifted to the body's column. Splitting stops after one element more than the count limit.
/// </summary>
internal static class BatchItems
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The elements of a JSON array of applications, or null with why the body is not one.</summary>
    /// <remarks>At most <paramref name="maxItems"/> + 1 elements are read, so a caller sees that there are too many.</remarks>
    public static List<BatchItem>? Split(byte[] body, long maxApplicationBytes, int maxItems, CancellationToken cancellationToken, out IReadOnlyList<Diagnostic> failure)
    {
        failure = [];
        var source = ApplicationReader.SourceName(ApplicationFormat.Json);
        var items = new List<BatchItem>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                failure = [new Diagnostic(new SourceLocation(source, 1, 1), "MR1002", "Expected a JSON array of applications.") { MessageZh = "应为由申请组成的 JSON 数组。" }];
                return null;
            }

            var (line, column, counted) = (1, 1, 0);
            while (items.Count <= maxItems && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = (int)reader.TokenStartIndex;
                (line, column, counted) = Advance(body, counted, start, line, column);
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                var name = $"batch[{items.Count}].json";
                if (end - start > maxApplicationBytes)
                {
                    items.Add(new BatchItem(name, null, TooLarge(new SourceLocation(name, line, column), maxApplicationBytes)));
                    continue;
                }

                if (items.Count == maxItems)
                {
                    // One too many: the caller refuses the batch without reading it.
                    items.Add(new BatchItem(name, null, null));
                    break;
                }

                // Newlines put the element on its line of the body (fact lines); no padding to its column, which would
                // cost the element's byte offset on a one-line array: diagnostics on its first line are shifted instead.
                var text = new string('\n', line - 1) + Encoding.UTF8.GetString(body, start, end - start);
                var read = ApplicationReader.Read(text, name);
                items.Add(new BatchItem(name, read, null, line, column));
            }

            return items;
        }
        catch (JsonException e)
        {
            failure = [new Diagnostic(new SourceLocation(source, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), "MR1002", $"The batch is not valid JSON: {e.Message}") { MessageZh = $"批量请求不是有效的 JSON：{e.Message}" }];
            return null;
        }
    }

    /// <summary>An application over the size limit: an invalid result of its own (the rest of the batch is still checked).</summary>
    public static Diagnostic TooLarge(SourceLocation location, long maxApplicationBytes) =>
        new(location, "MR1012", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The application is larger than the limit of {maxApplicationBytes} bytes."))
        {
            MessageZh = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"申请超过了 {maxApplicationBytes} 字节的大小上限。"),
        };

    /// <summary>An uploaded file: read as UTF-8 text named by its file name (its extension picks JSON or YAML).</summary>
    public static BatchItem Read(byte[] bytes, string fileName, long maxApplicationBytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
            return new BatchItem(fileName, ApplicationReader.Read(text, fileName), null);
        }
        catch (DecoderFallbackException)
        {
            // The library locates the first byte that is not UTF-8.
            return new BatchItem(fileName, ApplicationReader.Read(bytes, Checking.FormatOfFile(fileName), maxApplicationBytes), null);
        }
    }

    // Line and column (in characters) of byte `to`, counting on from byte `from` at (line, column).
    private static (int Line, int Column, int Counted) Advance(byte[] body, int from, int to, int line, int column)
    {
        for (var i = from; i < to; i++)
        {
            if (body[i] == (byte)'\n')
            {
                (line, column) = (line + 1, 1);
            }
            else if ((body[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column, to);
    }
}

/// <summary>One application of a batch: its name in the results, and what was read, or why it was not read.</summary>
/// <param name="Source">Its name in the results: the uploaded file's name, or <c>batch[i].json</c>.</param>
/// <param name="Read">The application as read, or null when it was refused before reading.</param>
/// <param name="Refusal">Why it was not read (too large), or null.</param>
/// <param name="Line">The line of the request body the element starts on (the read already stands on it).</param>
/// <param name="Column">The column it starts at: diagnostics on its first line are shifted by this much less one.</param>
internal sealed record BatchItem(string Source, ApplicationReadResult? Read, Diagnostic? Refusal, int Line = 1, int Column = 1)
{
    /// <summary>Diagnostics of the element at the request body's columns.</summary>
    public IReadOnlyList<Diagnostic> Located(IReadOnlyList<Diagnostic> diagnostics) =>
        Column == 1 || !diagnostics.Any(d => d.Location.Line == Line && d.Location.Column > 0)
            ? diagnostics
            : [.. diagnostics.Select(d => d.Location.Line == Line && d.Location.Column > 0 ? d with { Location = d.Location with { Column = d.Location.Column + Column - 1 } } : d)];
}
