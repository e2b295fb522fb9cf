using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>
/// A node of a YAML or JSON document with its position. Both formats are read into these nodes so that one
/// strict mapper, with one set of messages, serves both.
/// </summary>
internal abstract class DocumentNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>A short name of the node's kind for messages ("a number", "a list").</summary>
    public abstract string Describe();

    /// <summary>The Chinese of <see cref="Describe"/>, for the Chinese text of a diagnostic.</summary>
    public abstract string DescribeZh();

    /// <summary>
    /// The same tree read from another file holding the same text: every node alike, every location in
    /// <paramref name="path"/> (the reader's tree has no shared nodes: anchors and aliases are refused).
    /// </summary>
    public DocumentNode WithPath(string path)
    {
        var location = Location with { Path = path };
        switch (this)
        {
            case ScalarNode scalar:
                return new ScalarNode(scalar.Value, scalar.Quoted, location);
            case SequenceNode sequence:
                var items = new List<DocumentNode>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    items.Add(item.WithPath(path));
                }

                return new SequenceNode(items, location);
            default:
                var mapping = (MappingNode)this;
                var entries = new List<KeyValuePair<ScalarNode, DocumentNode>>(mapping.Entries.Count);
                foreach (var (key, value) in mapping.Entries)
                {
                    entries.Add(new((ScalarNode)key.WithPath(path), value.WithPath(path)));
                }

                return new MappingNode(entries, location);
        }
    }
}

/// <summary>A scalar. <see cref="Quoted"/> tells a string ("300") from a plain number or boolean (300).</summary>
internal sealed class ScalarNode(string value, bool quoted, SourceLocation location) : DocumentNode(location)
{
    public string Value { get; } = value;

    public bool Quoted { get; } = quoted;

    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing (null)" : Quoted ? $"the text \"{DocumentText.Shown(Value)}\"" : $"'{DocumentText.Shown(Value)}'";

    public override string DescribeZh() => IsNull ? "空值（null）" : Quoted ? $"文本 \"{DocumentText.Shown(Value)}\"" : $"'{DocumentText.Shown(Value)}'";
}

/// <summary>A mapping whose keys are scalars, in document order; duplicates are reported while reading.</summary>
internal sealed class MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, DocumentNode>> entries, SourceLocation location)
    : DocumentNode(location)
{
    public IReadOnlyList<KeyValuePair<ScalarNode, DocumentNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping (key: value)";

    public override string DescribeZh() => "映射（键: 值）";
}

/// <summary>A sequence.</summary>
internal sealed class SequenceNode(IReadOnlyList<DocumentNode> items, SourceLocation location) : DocumentNode(location)
{
    public IReadOnlyList<DocumentNode> Items { get; } = items;

    public override string Describe() => "a list";

    public override string DescribeZh() => "列表";
}
