using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using MineralRules.Diagnostics;

namespace MineralRules.Applications;

/// <summary>Strict UTF-8 decoding of a document given as bytes: a bad byte is a located diagnostic, never a replacement character.</summary>
internal static class Utf8Text
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Decodes UTF-8 (after an optional byte-order mark).</summary>
    /// <param name="bytes">The document.</param>
    /// <param name="name">The document's name, for the diagnostic.</param>
    /// <param name="text">The text, or empty.</param>
    /// <param name="problem">Where the first byte that is not UTF-8 is (<c>MR1002</c>), or null.</param>
    /// <returns>True when the bytes are UTF-8.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string name, out string text, out Diagnostic? problem)
    {
        if (bytes.StartsWith(ByteOrderMark))
        {
            bytes = bytes[ByteOrderMark.Length..];
        }

        problem = null;
        text = string.Empty;
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                text = new string(chars, 0, charsWritten);
                return true;
            }

            // The line and column of the first bad byte, counted as the readers count them (characters from 1).
            var before = bytes[..bytesRead];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var line = before.Count((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
            problem = new Diagnostic(
                new SourceLocation(name, line, column),
                DiagnosticCodes.Syntax,
                $"The document is not UTF-8: byte 0x{bytes[bytesRead].ToString("X2", CultureInfo.InvariantCulture)} at offset {bytesRead.ToString(CultureInfo.InvariantCulture)} starts no UTF-8 character; save it as UTF-8.")
            {
                MessageZh = $"文档不是 UTF-8 编码：偏移 {bytesRead.ToString(CultureInfo.InvariantCulture)} 处的字节 0x{bytes[bytesRead].ToString("X2", CultureInfo.InvariantCulture)} 不是任何 UTF-8 字符的开头；请以 UTF-8 保存。",
            };
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
