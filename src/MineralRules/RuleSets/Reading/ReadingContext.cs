using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules.RuleSets.Reading;

/// <summary>
/// What every reader of a rule-set document shares: where problems go, and the helpers that read a text, a closed
/// word, a vocabulary word or list, a reference figure and a { zh, en } text. A text error is a manifest error
/// (<c>MR1002</c>) in a manifest and a rule error (<c>MR3001</c>) elsewhere.
/// </summary>
internal sealed class ReadingContext(DiagnosticBag diagnostics, bool manifest = false)
{
    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>A figure of a reference table: a number held exactly and not negative.</summary>
    public decimal? Figure(DocumentNode node, string what)
    {
        if (Scalars.Decimal(node, diagnostics, what) is not { } value)
        {
            return null;
        }

        if (RuleSetValidator.NumberProblem(((ScalarNode)node).Value, value) is { } problem)
        {
            diagnostics.Add(node.Location, DiagnosticCodes.InvalidRule, $"The figure {what}: {problem}", $"数值 {Wording.Zh(what)}：{RuleSetValidator.NumberProblemZh(((ScalarNode)node).Value, value)}");
            return null;
        }

        return value;
    }

    /// <summary>A word from a closed list; any other word (a typo such as "raw coal") is refused with the words allowed.</summary>
    public string? Closed(DocumentNode? node, string what, IReadOnlyList<string> allowed, string? ruleId = null)
    {
        if (Text(node, what, ruleId) is not { } word)
        {
            return null;
        }

        if (allowed.Contains(word, StringComparer.Ordinal))
        {
            return word;
        }

        diagnostics.Add(node!.Location, DiagnosticCodes.UnknownValue, $"Unknown value '{word}' for {what}.{Suggestions.DidYouMean(word, allowed)} Allowed: {string.Join(", ", allowed)}.", $"{Wording.Before(Wording.Zh(what))}的值 '{word}' 无法识别。{Suggestions.DidYouMeanZh(word, allowed)}可用的值：{string.Join(", ", allowed)}。", ruleId);
        return null;
    }

    /// <summary>A { zh, en } text, or null (reported).</summary>
    public LocalizedText? ReadText(DocumentNode node, string what, string? ruleId) => ReadLocatedText(node, what, ruleId)?.Text;

    /// <summary>A { zh, en } text with where each language stands (placeholder errors point there), or null (reported).</summary>
    public LocatedText? ReadLocatedText(DocumentNode node, string what, string? ruleId)
    {
        if (Scalars.Mapping(node, diagnostics, $"{what} ({{ zh: ..., en: ... }})", ruleId) is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, diagnostics, ruleId);
        var zhNode = m.Required("zh", "the Chinese text");
        var enNode = m.Required("en", "the English text");
        var zh = HumanText(zhNode, Member(what, "zh"), ruleId);
        var en = HumanText(enNode, Member(what, "en"), ruleId);
        m.Finish(what);
        return zh is null || en is null ? null : new LocatedText(new LocalizedText(zh.Trim(), en.Trim()), zhNode?.Location, enNode?.Location);
    }

    public WordList<T> Words<T>(DocumentNode node, Vocabulary<T> vocabulary, string what, string? ruleId)
        where T : struct, Enum
    {
        if (Scalars.Sequence(node, diagnostics, what, ruleId) is not { } items)
        {
            return new WordList<T>(0);
        }

        var result = new WordList<T>(items.Count);
        foreach (var item in items)
        {
            if (Word(item, vocabulary, what, ruleId) is { } value)
            {
                result.AddNew(value);
            }
        }

        return result;
    }

    public WordList<T> WordOrWords<T>(DocumentNode node, Vocabulary<T> vocabulary, string what, string? ruleId)
        where T : struct, Enum
    {
        if (node is SequenceNode)
        {
            return Words(node, vocabulary, what, ruleId);
        }

        var result = new WordList<T>(1);
        if (Word(node, vocabulary, what, ruleId) is { } one)
        {
            result.AddNew(one);
        }

        return result;
    }

    public T? Word<T>(DocumentNode node, Vocabulary<T> vocabulary, string what, string? ruleId)
        where T : struct, Enum
    {
        if (Text(node, what, ruleId) is not { } word)
        {
            return null;
        }

        if (vocabulary.TryParse(word, out var value))
        {
            return value;
        }

        var codes = vocabulary.Codes.ToList();
        var allowed = codes.Count <= 12 ? $" Allowed: {string.Join(", ", codes)}." : " See the codes in docs/application.md.";
        var allowedZh = codes.Count <= 12 ? $"可用的值：{string.Join(", ", codes)}。" : "可用的代码见 docs/application.md。";
        diagnostics.Add(
            node.Location,
            DiagnosticCodes.UnknownValue,
            $"Unknown {vocabulary.Name} '{word}' in {what}.{Suggestions.DidYouMean(word, codes)}{allowed}",
            $"{Wording.Before(Wording.Zh(what))}中的{Wording.Vocabulary(vocabulary.Name)} '{word}' 无法识别。{Suggestions.DidYouMeanZh(word, codes)}{allowedZh}",
            ruleId);
        return null;
    }

    public string? Text(DocumentNode? node, string what, string? ruleId = null)
    {
        if (node is null || Scalars.String(node, diagnostics, what, ruleId) is not { } text)
        {
            return null;
        }

        if (UnreadableCharacter(text) is { } problem)
        {
            diagnostics.Add(node.Location, manifest ? DiagnosticCodes.ManifestInvalid : DiagnosticCodes.InvalidRule, $"{Capitalized(what)} {problem.En}", $"{Wording.Zh(what)}{problem.Zh}", ruleId);
            return null;
        }

        return text;
    }

    /// <summary>
    /// Text as people read it: not empty or blank (an empty message or quote prints nothing, and an empty quote is
    /// "in" every plan).
    /// </summary>
    public string? HumanText(DocumentNode? node, string what, string? ruleId)
    {
        if (Text(node, what, ruleId) is not { } text)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(node!.Location, manifest ? DiagnosticCodes.ManifestInvalid : DiagnosticCodes.InvalidRule, $"{Capitalized(what)} is empty; write the text (an empty text is shown as nothing to the applicant and reviewer), or remove the key where it is optional.", $"{Wording.Before(Wording.Zh(what))}为空；请写出文本（空文本在申请人和审查人员看来什么也没有），或在该键可选时删除它。", ruleId);
            return null;
        }

        return text;
    }

    /// <summary>What is wrong with a character of the text (a replacement character, a control or invisible format character), or null.</summary>
    public static (string En, string Zh)? UnreadableCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD')
            {
                return ($"contains the replacement character U+FFFD (shown as �) at character {i + 1}: the text was damaged by a wrong encoding. Retype it and save the file as UTF-8.",
                    $"第 {i + 1} 个字符是替换字符 U+FFFD（显示为 �）：文本因编码错误而损坏。请重新输入，并以 UTF-8 保存文件。");
            }

            if ((char.IsControl(c) && c != '\n') || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return ($"contains the invisible character U+{(int)c:X4} at character {i + 1} (a control or format character, e.g. NUL or a zero-width space); delete it and retype the text around it.",
                    $"第 {i + 1} 个字符是不可见字符 U+{(int)c:X4}（控制字符或格式字符，如 NUL 或零宽空格）；请删除它并重新输入其前后的文本。");
            }
        }

        return null;
    }

    /// <summary>'message' and zh give 'message.zh'; the file's title and zh give the file's title.zh.</summary>
    private static string Member(string what, string key) =>
        what.Length > 1 && what[0] == '\'' && what[^1] == '\'' ? $"{what[..^1]}.{key}'" : $"{what}.{key}";

    private static string Capitalized(string what) =>
        what.Length > 0 && what[0] == '\'' ? "The value of " + what : what.Length > 0 ? char.ToUpperInvariant(what[0]) + what[1..] : what;
}

/// <summary>A value with where it stands in its document.</summary>
internal sealed record Located<T>(T Value, SourceLocation Location);

/// <summary>A { zh, en } text with where each language stands.</summary>
internal sealed record LocatedText(LocalizedText Text, SourceLocation? Zh, SourceLocation? En)
{
    public (SourceLocation? Zh, SourceLocation? En) Locations => (Zh, En);
}
