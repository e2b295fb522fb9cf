using MineralRules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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
        var parser = new Parser(scanner);
        var anchors = new Dictionary<string, DocumentNode>(StringComparer.Ordinal);
        var open = new Stack<ParsingEvent>();
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(SourceLocation.File(path), DiagnosticCodes.EmptyDocument, "The file is empty.");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path, anchors, open, diagnostics);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(
                    At(path, second.Start),
                    DiagnosticCodes.Syntax,
                    "The file holds more than one YAML document ('---'); put one document in each file.");
                return null;
            }

            return root;
        }
        catch (RefusedException e)
        {
            diagnostics.Add(At(path, e.Start), DiagnosticCodes.Syntax, e.Message);
            return null;
        }
        catch (YamlException e)
        {
            // A '{' or '[' still open when the parser stops on a later line was never closed (a truncated file, a
            // forgotten bracket): point at the bracket, which is where the mistake is, and say where parsing stopped.
            if (OpenFlow(open) is { } flow && e.Start.Line > flow.Start.Line)
            {
                diagnostics.Add(
                    At(path, flow.Start),
                    DiagnosticCodes.Syntax,
                    $"YAML syntax error: the {Bracket(flow)} opened here is never closed (the parser stopped at line {e.Start.Line}: {StripPosition(e.Message).TrimEnd('.')}). Close it, or check that the file is complete.");
            }
            else
            {
                diagnostics.Add(At(path, e.Start), DiagnosticCodes.Syntax, $"YAML syntax error: {StripPosition(e.Message)}");
            }

            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet gives up on some unclosed flow collections ("{ a: 1" at the end of the file) with an
            // InvalidOperationException and no position: point at the bracket left open, else at the end.
            var flow = OpenFlow(open);
            var where = flow is not null ? At(path, flow.Start) : EndOf(path, text);
            var what = flow is not null ? $"the {Bracket(flow)} opened here is never closed; close it or write the value on its own lines" : StripPosition(e.Message);
            diagnostics.Add(where, DiagnosticCodes.Syntax, $"YAML syntax error: {what}.");
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything else the parser throws on a broken file (an ArgumentException from a bad escape, ...) is a
            // syntax error of this file, at the place the scanner had reached, not the end of the run.
            diagnostics.Add(At(path, scanner.CurrentPosition), DiagnosticCodes.Syntax, $"YAML syntax error: {StripPosition(e.Message)}");
            return null;
        }
    }

    internal static SourceLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);

    private static DocumentNode ReadNode(
        IParser parser, string path, Dictionary<string, DocumentNode> anchors, Stack<ParsingEvent> open, DiagnosticBag diagnostics)
    {
        var current = parser.Current ?? throw new YamlException("Unexpected end of the document.");
        if (open.Count >= MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"The document is nested more than {MaxDepth} levels deep.");
        }

        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                throw new YamlException(alias.Start, alias.End, $"The alias '*{alias.Value}' names no anchor above it.");

            case Scalar scalar:
                parser.MoveNext();
                var location = At(path, scalar.Start);
                var node = new ScalarNode(DocumentText.Check(scalar.Value, location, diagnostics), scalar.Style is not ScalarStyle.Plain, location);
                Remember(scalar.Anchor, node, anchors);
                return node;

            case SequenceStart start:
            {
                parser.MoveNext();
                open.Push(start);
                var items = new List<DocumentNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, path, anchors, open, diagnostics));
                }

                open.Pop();

                var sequence = new SequenceNode(items, At(path, start.Start));
                Remember(start.Anchor, sequence, anchors);
                return sequence;
            }

            case MappingStart start:
            {
                parser.MoveNext();
                open.Push(start);
                var entries = new List<KeyValuePair<ScalarNode, DocumentNode>>();
                var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, path, anchors, open, diagnostics);
                    var value = ReadNode(parser, path, anchors, open, diagnostics);
                    if (keyNode is not ScalarNode key)
                    {
                        diagnostics.Add(keyNode.Location, DiagnosticCodes.WrongType, "A key must be a plain word, not a list or mapping.");
                        continue;
                    }

                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        diagnostics.Add(
                            key.Location,
                            DiagnosticCodes.DuplicateKey,
                            $"The key '{DocumentText.Shown(key.Value)}' appears twice in this mapping (first on line {first.Location.Line}); keep one.");
                        continue;
                    }

                    seen.Add(key.Value, key);
                    entries.Add(new(key, value));
                }

                open.Pop();
                var mapping = new MappingNode(entries, At(path, start.Start));
                Remember(start.Anchor, mapping, anchors);
                return mapping;
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}.");
        }
    }

    /// <summary>The outermost flow collection ('{' or '[') still open, if any.</summary>
    private static ParsingEvent? OpenFlow(Stack<ParsingEvent> open) =>
        open.LastOrDefault(e => e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow });

    private static string Bracket(ParsingEvent start) => start switch
    {
        MappingStart { Style: MappingStyle.Flow } => "'{'",
        SequenceStart { Style: SequenceStyle.Flow } => "'['",
        MappingStart => "mapping",
        _ => "list",
    };

    private static SourceLocation EndOf(string path, string text)
    {
        var lines = text.Split('\n');
        return new SourceLocation(path, lines.Length, lines[^1].TrimEnd('\r').Length + 1);
    }

    private static void Remember(AnchorName anchor, DocumentNode node, Dictionary<string, DocumentNode> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
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
                    "A tab is used for indentation; YAML allows only spaces. Replace the tab with spaces (2 per level).");
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
    private sealed class RefusedException(Mark start, Mark end, string message) : YamlException(start, end, message);

    /// <summary>
    /// The scanner, refusing tags, tag directives, anchors and aliases where they are written (before the parser
    /// acts on them: a verbatim tag that is not a URI makes it throw), and turning what the scanner throws on a
    /// bad escape ("\uD800\u0041") into a located syntax error.
    /// </summary>
    private sealed class PlainScanner(Scanner inner) : IScanner
    {
        public Mark CurrentPosition => inner.CurrentPosition;

        public Tokens.Token? Current => inner.Current;

        public bool MoveNext() => Checked(() => inner.MoveNext());

        public bool MoveNextWithoutConsuming() => Checked(() => inner.MoveNextWithoutConsuming());

        public void ConsumeCurrent() => inner.ConsumeCurrent();

        private bool Checked(Func<bool> move)
        {
            bool moved;
            try
            {
                moved = move();
            }
            catch (ArgumentException e)
            {
                var where = inner.CurrentPosition;
                throw new RefusedException(where, where, e is ArgumentOutOfRangeException && e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase)
                    ? "YAML syntax error: invalid surrogate escape: a \\u escape from \\uD800 to \\uDBFF must be followed by one from \\uDC00 to \\uDFFF (or write the character itself)."
                    : $"YAML syntax error: {StripPosition(e.Message)}");
            }

            switch (inner.Current)
            {
                case Tokens.Token token when token is Tokens.Tag or Tokens.TagDirective:
                    throw new RefusedException(token.Start, token.End, "YAML tags ('!!str', '!name', '!<...>', '%TAG') are not allowed: write the value plainly (quote it to make it text).");
                case Tokens.Token token when token is Tokens.Anchor or Tokens.AnchorAlias:
                    throw new RefusedException(token.Start, token.End, "YAML anchors and aliases ('&name', '*name') are not allowed: write each value out where it belongs.");
                default:
                    return moved;
            }
        }
    }
}
