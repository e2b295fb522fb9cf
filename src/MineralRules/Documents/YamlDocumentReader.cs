using MineralRules.Diagnostics;
using YamlDotNet.Core;
using Tokens = YamlDotNet.Core.Tokens;

namespace MineralRules.Documents;

/// <summary>
/// Reads one YAML document into <see cref="DocumentNode"/>s, keeping every position. Syntax errors, tab
/// indentation and duplicate keys become diagnostics. Tags, anchors and aliases are refused (a document is plain
/// keys and values; an alias repeated a thousand times would multiply every later check), and whatever the parser
/// throws on a broken file becomes a syntax error located in that file: no byte sequence escapes as an exception.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>Deeper nesting is refused as a syntax error (as JSON's reader does at 64): no stack overflow.</summary>
    public const int MaxDepth = 64;

    public static DocumentNode? Read(string text, string path, DiagnosticBag diagnostics)
    {
        if (ReportTabIndentation(text, path, diagnostics))
        {
            return null;
        }

        var scanner = new PlainScanner(new Scanner(new StringReader(text), skipComments: true));
        var parser = new PlainParser(scanner);
        var open = new OpenCollections();
        try
        {
            parser.Consume(PlainEventKind.StreamStart);
            if (parser.Accept(PlainEventKind.StreamEnd, out _))
            {
                diagnostics.Add(SourceLocation.File(path), DiagnosticCodes.EmptyDocument, "The file is empty.", "文件为空。");
                return null;
            }

            parser.Consume(PlainEventKind.DocumentStart);
            var root = ReadNode(parser, path, open, diagnostics);
            parser.Consume(PlainEventKind.DocumentEnd);
            if (parser.Accept(PlainEventKind.DocumentStart, out var second))
            {
                diagnostics.Add(
                    At(path, second.Start),
                    DiagnosticCodes.Syntax,
                    "The file holds more than one YAML document ('---'); put one document in each file.",
                    "文件中有不止一个 YAML 文档（'---'）；每个文件只放一个文档。");
                return null;
            }

            return root;
        }
        catch (RefusedException e)
        {
            diagnostics.Add(At(path, e.Start), DiagnosticCodes.Syntax, e.Message, e.MessageZh);
            return null;
        }
        catch (YamlException e)
        {
            // A '{' or '[' still open when the parser stops on a later line was never closed (a truncated file, a
            // forgotten bracket): point at the bracket, which is where the mistake is, and say where parsing stopped.
            if (OpenFlow(open) is { Kind: not PlainEventKind.None } flow && e.Start.Line > flow.Start.Line)
            {
                diagnostics.Add(
                    At(path, flow.Start),
                    DiagnosticCodes.Syntax,
                    $"YAML syntax error: the {Bracket(flow)} opened here is never closed (the parser stopped at line {e.Start.Line}: {StripPosition(e.Message).TrimEnd('.')}). Close it, or check that the file is complete.",
                    $"YAML 语法错误：此处打开的 {Bracket(flow)} 没有闭合（解析在第 {e.Start.Line} 行停止：{StripPosition(e.Message).TrimEnd('.')}）。请将其闭合，或检查文件是否完整。");
            }
            else
            {
                diagnostics.Add(At(path, e.Start), DiagnosticCodes.Syntax, $"YAML syntax error: {StripPosition(e.Message)}", $"YAML 语法错误：{StripPosition(e.Message)}");
            }

            return null;
        }
        catch (InvalidOperationException e)
        {
            // The parser (YamlDotNet's, ported in PlainParser) gives up on some unclosed flow collections ("{ a: 1" at the
            // end of the file) with an InvalidOperationException and no position: point at the bracket left open, else
            // at the end.
            var flow = OpenFlow(open);
            var isOpen = flow.Kind != PlainEventKind.None;
            var where = isOpen ? At(path, flow.Start) : EndOf(path, text);
            var what = isOpen ? $"the {Bracket(flow)} opened here is never closed; close it or write the value on its own lines" : StripPosition(e.Message);
            var whatZh = isOpen ? $"此处打开的 {Bracket(flow)} 没有闭合；请将其闭合，或把值分行写出" : StripPosition(e.Message);
            diagnostics.Add(where, DiagnosticCodes.Syntax, $"YAML syntax error: {what}.", $"YAML 语法错误：{whatZh}。");
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything else the parser throws on a broken file (an ArgumentException from a bad escape, ...) is a
            // syntax error of this file, at the place the scanner had reached, not the end of the run.
            diagnostics.Add(At(path, scanner.CurrentPosition), DiagnosticCodes.Syntax, $"YAML syntax error: {StripPosition(e.Message)}", $"YAML 语法错误：{StripPosition(e.Message)}");
            return null;
        }
    }

    internal static SourceLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);

    private static DocumentNode ReadNode(PlainParser parser, string path, OpenCollections open, DiagnosticBag diagnostics)
    {
        var current = parser.Current;
        if (current.Kind == PlainEventKind.None)
        {
            throw new YamlException("Unexpected end of the document.");
        }

        if (open.Count >= MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"The document is nested more than {MaxDepth} levels deep.");
        }

        switch (current.Kind)
        {
            case PlainEventKind.Scalar:
                parser.MoveNext();
                var location = At(path, current.Start);
                return new ScalarNode(DocumentText.Check(current.Value!, location, diagnostics), current.Style is not ScalarStyle.Plain, location);

            case PlainEventKind.SequenceStart:
            {
                parser.MoveNext();
                open.Push(current);
                var items = new List<DocumentNode>();
                while (!parser.TryConsume(PlainEventKind.SequenceEnd, out _))
                {
                    items.Add(ReadNode(parser, path, open, diagnostics));
                }

                open.Pop();
                return new SequenceNode(items, At(path, current.Start));
            }

            case PlainEventKind.MappingStart:
            {
                parser.MoveNext();
                open.Push(current);
                var entries = new List<KeyValuePair<ScalarNode, DocumentNode>>();
                Dictionary<string, ScalarNode>? index = null;
                while (!parser.TryConsume(PlainEventKind.MappingEnd, out _))
                {
                    var keyNode = ReadNode(parser, path, open, diagnostics);
                    var value = ReadNode(parser, path, open, diagnostics);
                    if (keyNode is not ScalarNode key)
                    {
                        diagnostics.Add(keyNode.Location, DiagnosticCodes.WrongType, "A key must be a plain word, not a list or mapping.", "键必须是普通的词，不能是列表或映射。");
                        continue;
                    }

                    if (Earlier(entries, ref index, key.Value) is { } first)
                    {
                        diagnostics.Add(
                            key.Location,
                            DiagnosticCodes.DuplicateKey,
                            $"The key '{DocumentText.Shown(key.Value)}' appears twice in this mapping (first on line {first.Location.Line}); keep one.",
                            $"键 '{DocumentText.Shown(key.Value)}' 在此映射中出现了两次（第一次在第 {first.Location.Line} 行）；请只保留一个。");
                        continue;
                    }

                    entries.Add(new(key, value));
                    index?.Add(key.Value, key);
                }

                open.Pop();
                return new MappingNode(entries, At(path, current.Start));
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.Kind}.");
        }
    }

    /// <summary>Up to this many keys, a mapping is searched for a duplicate key one by one; past it, through a dictionary.</summary>
    private const int ScanLimit = 16;

    /// <summary>
    /// The key of a mapping's entries read so far that has this name, or null. Most mappings hold a few keys, where a
    /// scan costs less than building a dictionary for each; <paramref name="index"/> is built once a mapping grows past
    /// <see cref="ScanLimit"/> keys, and the caller adds each new key to it.
    /// </summary>
    private static ScalarNode? Earlier(List<KeyValuePair<ScalarNode, DocumentNode>> entries, ref Dictionary<string, ScalarNode>? index, string name)
    {
        if (index is null && entries.Count > ScanLimit)
        {
            index = new Dictionary<string, ScalarNode>(entries.Count * 2, StringComparer.Ordinal);
            foreach (var (key, _) in entries)
            {
                index.Add(key.Value, key);
            }
        }

        if (index is not null)
        {
            return index.TryGetValue(name, out var found) ? found : null;
        }

        foreach (var (key, _) in entries)
        {
            if (string.Equals(key.Value, name, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The outermost flow collection ('{' or '[') still open, or an event of kind <see cref="PlainEventKind.None"/>.</summary>
    private static PlainEvent OpenFlow(OpenCollections open)
    {
        for (var i = 0; i < open.Count; i++)
        {
            if (open.Items[i].Flow)
            {
                return open.Items[i];
            }
        }

        return default;
    }

    /// <summary>
    /// The starts of the collections being read, outermost first (at most <see cref="MaxDepth"/>): an array, not a
    /// Stack of a struct of this assembly, which ReadyToRun cannot precompile.
    /// </summary>
    private sealed class OpenCollections
    {
        public PlainEvent[] Items { get; } = new PlainEvent[MaxDepth];

        public int Count { get; private set; }

        public void Push(PlainEvent start) => Items[Count++] = start;

        public void Pop() => Count--;
    }

    private static string Bracket(PlainEvent start) => start switch
    {
        { Kind: PlainEventKind.MappingStart, Flow: true } => "'{'",
        { Kind: PlainEventKind.SequenceStart, Flow: true } => "'['",
        { Kind: PlainEventKind.MappingStart } => "mapping",
        _ => "list",
    };

    private static SourceLocation EndOf(string path, string text)
    {
        var lines = text.Split('\n');
        return new SourceLocation(path, lines.Length, lines[^1].TrimEnd('\r').Length + 1);
    }

    /// <summary>YAML forbids tabs in indentation; say so plainly, with the place, instead of the parser's riddle.</summary>
    private static bool ReportTabIndentation(string text, string path, DiagnosticBag diagnostics)
    {
        var found = false;
        var line = 1;
        var lineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                lineStart = true;
                continue;
            }

            if (lineStart && c == '\t')
            {
                diagnostics.Add(
                    new SourceLocation(path, line, column),
                    DiagnosticCodes.TabIndentation,
                    "A tab is used for indentation; YAML allows only spaces. Replace the tab with spaces (2 per level).",
                    "缩进使用了制表符；YAML 只允许空格。请用空格替换制表符（每级 2 个）。");
                found = true;
                lineStart = false;
            }
            else if (c != ' ' && c != '\r')
            {
                lineStart = false;
            }

            column++;
        }

        return found;
    }

    private static string StripPosition(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): "; the location says it already.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && index > 0 ? message[(index + 3)..] : message;
    }

    /// <summary>A syntax error the reader raises itself, with its own message (no "YAML syntax error" riddle to unwrap).</summary>
    private sealed class RefusedException(Mark start, Mark end, string message, string messageZh) : YamlException(start, end, message)
    {
        public string MessageZh { get; } = messageZh;
    }

    /// <summary>
    /// The scanner, refusing tags, tag directives, anchors and aliases where they are written (before the parser
    /// acts on them: a verbatim tag that is not a URI makes it throw), and turning what the scanner throws on a
    /// bad escape ("\uD800\u0041") into a located syntax error.
    /// </summary>
    internal sealed class PlainScanner(Scanner inner) : IScanner
    {
        public Mark CurrentPosition => inner.CurrentPosition;

        public Tokens.Token? Current => inner.Current;

        public bool MoveNext() => Checked(consume: true);

        public bool MoveNextWithoutConsuming() => Checked(consume: false);

        public void ConsumeCurrent() => inner.ConsumeCurrent();

        /// <summary>Moves the inner scanner (consuming the current token or not), then refuses what it read if need be.</summary>
        private bool Checked(bool consume)
        {
            bool moved;
            try
            {
                moved = consume ? inner.MoveNext() : inner.MoveNextWithoutConsuming();
            }
            catch (ArgumentException e)
            {
                var where = inner.CurrentPosition;
                var surrogate = e is ArgumentOutOfRangeException && e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase);
                throw new RefusedException(
                    where,
                    where,
                    surrogate
                        ? "YAML syntax error: invalid surrogate escape: a \\u escape from \\uD800 to \\uDBFF must be followed by one from \\uDC00 to \\uDFFF (or write the character itself)."
                        : $"YAML syntax error: {StripPosition(e.Message)}",
                    surrogate
                        ? "YAML 语法错误：无效的代理项转义：\\uD800 至 \\uDBFF 的 \\u 转义之后必须紧跟 \\uDC00 至 \\uDFFF 的转义（或直接写出该字符）。"
                        : $"YAML 语法错误：{StripPosition(e.Message)}");
            }

            switch (inner.Current)
            {
                case Tokens.Token token when token is Tokens.Tag or Tokens.TagDirective:
                    throw new RefusedException(token.Start, token.End, "YAML tags ('!!str', '!name', '!<...>', '%TAG') are not allowed: write the value plainly (quote it to make it text).", "不允许使用 YAML 标签（'!!str'、'!name'、'!<...>'、'%TAG'）：请直接写出值（需要文本时加引号）。");
                case Tokens.Token token when token is Tokens.Anchor or Tokens.AnchorAlias:
                    throw new RefusedException(token.Start, token.End, "YAML anchors and aliases ('&name', '*name') are not allowed: write each value out where it belongs.", "不允许使用 YAML 锚点和别名（'&name'、'*name'）：请在每个位置写出完整的值。");
                default:
                    return moved;
            }
        }
    }
}
