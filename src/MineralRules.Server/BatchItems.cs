using System.Text.Json;

namespace MineralRules.Server;

/// <summary>
/// The applications of a batch: each element of a JSON array, or each uploaded file, read by the library's reader.
/// An array element is read where it stands in the body (its line and column given to the reader, the bytes not
/// copied), strictly as UTF-8 like an uploaded file. Splitting stops after one element more than the count limit.
/// </summary>
internal static class BatchItems
{
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

                // Read where it stands: named batch[i].json, located at the body's line and column, nothing copied to place it.
                var read = ApplicationReader.Read(body.AsMemory(start, end - start), ApplicationFormat.Json, maxApplicationBytes, new SourceLocation(name, line, column));
                items.Add(new BatchItem(name, read, null));
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
        new(location, "MR1012", ServerText.Format(ServerText.En.ApplicationTooLarge, maxApplicationBytes))
        {
            MessageZh = ServerText.Format(ServerText.Zh.ApplicationTooLarge, maxApplicationBytes),
        };

    /// <summary>An uploaded file: strict UTF-8 named by its file name (its extension picks JSON or YAML).</summary>
    public static BatchItem Read(byte[] bytes, string fileName, long maxApplicationBytes) =>
        new(fileName, ApplicationReader.Read(bytes, Checking.FormatOfFile(fileName), maxApplicationBytes, new SourceLocation(fileName, 1, 1)), null);

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
/// <param name="Read">The application as read (located in the request body), or null when it was refused before reading.</param>
/// <param name="Refusal">Why it was not read (too large), or null.</param>
internal sealed record BatchItem(string Source, ApplicationReadResult? Read, Diagnostic? Refusal);
