using MineralRules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MineralRules.Documents;

/// <summary>
/// Reads one YAML document into <see cref="DocumentNode"/>s, keeping every position. Syntax errors, tab
/// indentation and duplicate keys become diagnostics.
/// </summary>
internal static class YamlDocumentReader
{
    public static DocumentNode? Read(string text, string path, DiagnosticBag diagnostics)
    {
        if (ReportTabIndentation(text, path, diagnostics))
        {
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, DocumentNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(SourceLocation.File(path), DiagnosticCodes.EmptyDocument, "The file is empty.");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path, anchors, diagnostics);
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
        catch (YamlException e)
        {
            diagnostics.Add(At(path, e.Start), DiagnosticCodes.Syntax, $"YAML syntax error: {StripPosition(e.Message)}");
            return null;
        }
    }

    internal static SourceLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);

    private static DocumentNode ReadNode(
        IParser parser, string path, Dictionary<string, DocumentNode> anchors, DiagnosticBag diagnostics)
    {
        var current = parser.Current ?? throw new YamlException("Unexpected end of the document.");
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
                var node = new ScalarNode(scalar.Value, scalar.Style is not ScalarStyle.Plain, At(path, scalar.Start));
                Remember(scalar.Anchor, node, anchors);
                return node;

            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<DocumentNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, path, anchors, diagnostics));
                }

                var sequence = new SequenceNode(items, At(path, start.Start));
                Remember(start.Anchor, sequence, anchors);
                return sequence;
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<ScalarNode, DocumentNode>>();
                var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, path, anchors, diagnostics);
                    var value = ReadNode(parser, path, anchors, diagnostics);
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
                            $"The key '{key.Value}' appears twice in this mapping (first on line {first.Location.Line}); keep one.");
                        continue;
                    }

                    seen.Add(key.Value, key);
                    entries.Add(new(key, value));
                }

                var mapping = new MappingNode(entries, At(path, start.Start));
                Remember(start.Anchor, mapping, anchors);
                return mapping;
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}.");
        }
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
}
