using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules.RuleSets;

/// <summary>
/// Warns (<c>MR3025</c>) of full-width punctuation typed with a Chinese input method where YAML reads punctuation: in a
/// key, or in a list entry (<c>[coal，iron]</c> is one entry, <c>key：value</c> one word). Texts — quotes, messages —
/// keep their Chinese punctuation: only keys and list entries are looked at. A warning refuses nothing.
/// </summary>
internal static class FullWidthPunctuation
{
    /// <summary>Walks a parsed rule file and warns once per key or list entry holding full-width punctuation.</summary>
    public static void Check(DocumentNode? node, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case MappingNode mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    Warn(key, "key", diagnostics);
                    Check(value, diagnostics);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is ScalarNode scalar)
                    {
                        Warn(scalar, "list entry", diagnostics);
                    }
                    else
                    {
                        Check(item, diagnostics);
                    }
                }

                break;
        }
    }

    /// <summary>The half-width character meant, for a full-width one YAML does not read as punctuation; null for others.</summary>
    public static char? HalfWidth(char c) => c switch
    {
        '\u3000' => ' ',
        '、' => ',',
        >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20' or >= '\uFF3B' and <= '\uFF40' or >= '\uFF5B' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => null,
    };

    private static void Warn(ScalarNode scalar, string what, DiagnosticBag diagnostics)
    {
        var text = scalar.Value;
        for (var i = 0; i < text.Length; i++)
        {
            if (HalfWidth(text[i]) is not { } half)
            {
                continue;
            }

            // The column of the character itself where the scalar is written plainly on one line.
            var location = scalar.Quoted || text.AsSpan(0, i).Contains('\n') ? scalar.Location : scalar.Location with { Column = scalar.Location.Column + i };
            var shown = half == ' ' ? "a space" : $"'{half}'";
            var name = text[i] == '\u3000' ? "full-width space" : $"full-width '{text[i]}'";
            diagnostics.Warn(new Diagnostic(
                location,
                DiagnosticCodes.FullWidthPunctuation,
                $"The {what} '{DocumentText.Shown(text)}' holds a {name} (U+{(int)text[i]:X4}, typed with a Chinese input method); YAML reads only the half-width character as punctuation, so it is part of the word. Write {shown} if that was meant.")
            {
                MessageZh = $"{(what == "key" ? "键" : "列表项")}“{DocumentText.Shown(text)}”中有{(text[i] == '\u3000' ? "全角空格" : $"全角“{text[i]}”")}（U+{(int)text[i]:X4}，中文输入法打出）；YAML 只把半角字符当作标点，它成了文字的一部分。如果本意是标点，请切换到半角输入，写{(half == ' ' ? "空格" : $"“{half}”")}。",
            });
            return;
        }
    }
}
