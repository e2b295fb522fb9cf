using System.Globalization;
using System.Text;
using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>
/// Checks on the text of keys and values, common to YAML and JSON: control characters, unpaired surrogates and
/// U+FFFD (the mark of bytes that were not UTF-8) are refused, and long values are shortened when quoted in messages.
/// </summary>
internal static class DocumentText
{
    /// <summary>Values longer than this are cut when a message quotes them.</summary>
    public const int MaxShown = 80;

    /// <summary>
    /// Reports the first character no key or value may hold, and returns the text with such characters made
    /// visible (so no message or report carries them on); returns the text itself when it is clean.
    /// </summary>
    public static string Check(string value, SourceLocation location, DiagnosticBag diagnostics)
    {
        var bad = FindForbidden(value);
        if (bad < 0)
        {
            return value;
        }

        var c = value[bad];
        var position = (bad + 1).ToString(CultureInfo.InvariantCulture);
        if (char.IsSurrogate(c))
        {
            diagnostics.Add(location, DiagnosticCodes.Syntax, $"The text holds an unpaired surrogate (U+{(int)c:X4}) at character {position}: a \\u escape of half a character. Write the character itself, or both halves of the pair.", $"文本第 {position} 个字符处有一个不成对的代理项（U+{(int)c:X4}）：\\u 转义只写了半个字符。请直接写出该字符，或写出代理对的两半。");
        }
        else if (c == '\uFFFD')
        {
            diagnostics.Add(location, DiagnosticCodes.Syntax, $"The text holds U+FFFD at character {position}: the file is not valid UTF-8 there (or holds a replacement character). Save the file as UTF-8.", $"文本第 {position} 个字符处为 U+FFFD：文件在此处不是有效的 UTF-8（或含有替换字符）。请以 UTF-8 保存文件。");
        }
        else
        {
            diagnostics.Add(location, DiagnosticCodes.WrongType, $"The text holds the control character U+{(int)c:X4} at character {position}; keys and values must be printable text (tabs and line breaks aside). Remove it.", $"文本第 {position} 个字符处有控制字符 U+{(int)c:X4}；键和值必须是可打印的文本（制表符和换行除外）。请删除该字符。");
        }

        return Visible(value);
    }

    /// <summary>The index of the first control character (other than tab, line feed and carriage return), unpaired surrogate or U+FFFD, or -1.</summary>
    public static int FindForbidden(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ')
            {
                if (c is not ('\t' or '\n' or '\r'))
                {
                    return i;
                }
            }
            else if (c is >= '\u007F' and <= '\u009F' or '\uFFFD')
            {
                return i;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else
                {
                    return i;
                }
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value for a message: cut to <see cref="MaxShown"/> characters (never inside a pair) with a note of its length.</summary>
    public static string Shown(string value)
    {
        if (value.Length <= MaxShown)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[MaxShown - 1]) ? MaxShown - 1 : MaxShown;
        return string.Concat(value.AsSpan(0, cut), "… (", value.Length.ToString(CultureInfo.InvariantCulture), " characters)");
    }

    private static string Visible(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
