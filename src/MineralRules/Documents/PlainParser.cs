// Ported from YamlDotNet 18.1.0, YamlDotNet/Core/Parser.cs (https://github.com/aaubry/YamlDotNet), under its licence
// (also in THIRD-PARTY-NOTICES.md, packed with the library):
//
// Copyright (c) Antoine Aubry and contributors
//
// Permission is hereby granted, free of charge, to any person obtaining a copy of
// this software and associated documentation files (the "Software"), to deal in
// the Software without restriction, including without limitation the rights to
// use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
// of the Software, and to permit persons to whom the Software is furnished to do
// so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.
//
// Why a port (docs/performance.md, "YAML parsing without YamlDotNet's parser"): YamlDotNet's Parser builds its default
// tag directives at the first document of a process, and their static regex is compiled with Reflection.Emit — about
// 20 ms of every cold load, for tags this reader refuses anyway. This is that parser's state machine, production by
// production, over the same YamlDotNet Scanner, without what tags, anchors, aliases and comments need: the reader's
// scanner refuses tags, anchors and aliases before a parser sees them, and is built with skipComments: true, so it
// gives no comment tokens (were one given, it would be skipped here, where YamlDotNet emits a comment event). Every
// state reads and consumes tokens in the same order and throws the same exceptions with the same messages and marks,
// so documents, positions and syntax errors are those of YamlDotNet's Parser: PlainParserTests compares the two —
// events, exceptions and every call to the scanner — on every YAML and JSON file of the repository and on thousands
// of broken variants of them.
//
// One file past the project's ~400 lines: the state machine is kept whole and in YamlDotNet's order, so that each
// state can be read beside the one it ports.
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace MineralRules.Documents;

/// <summary>What a <see cref="PlainParser"/> event is.</summary>
internal enum PlainEventKind
{
    /// <summary>No event: before the first and after the last (YamlDotNet's null).</summary>
    None,
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Scalar,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}

/// <summary>
/// One parsing event: YamlDotNet's event without anchor and tag. <paramref name="Value"/> and <paramref name="Style"/>
/// are a scalar's; <paramref name="Flow"/> tells a '[...]' or '{...}' collection's start from a block one.
/// </summary>
internal readonly record struct PlainEvent(PlainEventKind Kind, Mark Start, Mark End, string? Value = null, ScalarStyle Style = ScalarStyle.Any, bool Flow = false);

/// <summary>YamlDotNet's <c>Parser</c> for documents without tags, anchors and aliases (see the top of this file).</summary>
internal sealed class PlainParser(IScanner scanner)
{
    /// <summary>The highest YAML version a '%YAML' directive may name: YamlDotNet's <c>Constants</c>.</summary>
    private const int MajorVersion = 1;
    private const int MinorVersion = 3;

    private State[] _states = new State[16];
    private int _depth;
    private State _state;
    private Token? _currentToken;
    private VersionDirective? _version;

    private enum State
    {
        StreamStart,
        StreamEnd,
        ImplicitDocumentStart,
        DocumentStart,
        DocumentContent,
        DocumentEnd,
        BlockNode,
        BlockNodeOrIndentlessSequence,
        FlowNode,
        BlockSequenceFirstEntry,
        BlockSequenceEntry,
        IndentlessSequenceEntry,
        BlockMappingFirstKey,
        BlockMappingKey,
        BlockMappingValue,
        FlowSequenceFirstEntry,
        FlowSequenceEntry,
        FlowSequenceEntryMappingKey,
        FlowSequenceEntryMappingValue,
        FlowSequenceEntryMappingEnd,
        FlowMappingFirstKey,
        FlowMappingKey,
        FlowMappingValue,
        FlowMappingEmptyValue,
    }

    /// <summary>The current event: <see cref="PlainEventKind.None"/> before the first and after the last.</summary>
    public PlainEvent Current { get; private set; }

    /// <summary>Moves to the next event; false after the end of the stream.</summary>
    public bool MoveNext()
    {
        if (_state == State.StreamEnd)
        {
            Current = default;
            return false;
        }

        Current = StateMachine();
        return true;
    }

    /// <summary>YamlDotNet's <c>ParserExtensions.Consume</c>: the current event, which must be of this kind, then moves on.</summary>
    public PlainEvent Consume(PlainEventKind kind)
    {
        if (!Accept(kind, out var required))
        {
            var current = Current;
            if (current.Kind == PlainEventKind.None)
            {
                throw new YamlException($"Expected '{kind}', got nothing.");
            }

            throw new YamlException(current.Start, current.End, $"Expected '{kind}', got '{current.Kind}' (at {current.Start}).");
        }

        MoveNext();
        return required;
    }

    /// <summary>YamlDotNet's <c>ParserExtensions.TryConsume</c>.</summary>
    public bool TryConsume(PlainEventKind kind, out PlainEvent found)
    {
        if (Accept(kind, out found))
        {
            MoveNext();
            return true;
        }

        return false;
    }

    /// <summary>YamlDotNet's <c>ParserExtensions.Accept</c>: whether the current event (the first, if none yet) is of this kind.</summary>
    public bool Accept(PlainEventKind kind, out PlainEvent found)
    {
        if (Current.Kind == PlainEventKind.None && !MoveNext())
        {
            throw new EndOfStreamException();
        }

        found = Current;
        return Current.Kind == kind;
    }

    // The states to return to, in an array rather than a Stack<State>: a framework generic over this assembly's enum is
    // not precompiled by ReadyToRun and would be JIT-compiled at every cold load. Popping an empty stack throws what
    // Stack<T> throws.
    private void Push(State state)
    {
        if (_depth == _states.Length)
        {
            var larger = new State[_states.Length * 2];
            Array.Copy(_states, larger, _depth);
            _states = larger;
        }

        _states[_depth++] = state;
    }

    private State Pop() => _depth > 0 ? _states[--_depth] : throw new InvalidOperationException("Stack empty.");

    private Token? GetCurrentToken()
    {
        if (_currentToken == null)
        {
            while (scanner.MoveNextWithoutConsuming())
            {
                _currentToken = scanner.Current;
                if (_currentToken is Comment)
                {
                    scanner.ConsumeCurrent();
                }
                else
                {
                    break;
                }
            }
        }

        return _currentToken;
    }

    private void Skip()
    {
        if (_currentToken != null)
        {
            _currentToken = null;
            scanner.ConsumeCurrent();
        }
    }

    private PlainEvent StateMachine() => _state switch
    {
        State.StreamStart => ParseStreamStart(),
        State.ImplicitDocumentStart => ParseDocumentStart(true),
        State.DocumentStart => ParseDocumentStart(false),
        State.DocumentContent => ParseDocumentContent(),
        State.DocumentEnd => ParseDocumentEnd(),
        State.BlockNode => ParseNode(true, false),
        State.BlockNodeOrIndentlessSequence => ParseNode(true, true),
        State.FlowNode => ParseNode(false, false),
        State.BlockSequenceFirstEntry => ParseBlockSequenceEntry(true),
        State.BlockSequenceEntry => ParseBlockSequenceEntry(false),
        State.IndentlessSequenceEntry => ParseIndentlessSequenceEntry(),
        State.BlockMappingFirstKey => ParseBlockMappingKey(true),
        State.BlockMappingKey => ParseBlockMappingKey(false),
        State.BlockMappingValue => ParseBlockMappingValue(),
        State.FlowSequenceFirstEntry => ParseFlowSequenceEntry(true),
        State.FlowSequenceEntry => ParseFlowSequenceEntry(false),
        State.FlowSequenceEntryMappingKey => ParseFlowSequenceEntryMappingKey(),
        State.FlowSequenceEntryMappingValue => ParseFlowSequenceEntryMappingValue(),
        State.FlowSequenceEntryMappingEnd => ParseFlowSequenceEntryMappingEnd(),
        State.FlowMappingFirstKey => ParseFlowMappingKey(true),
        State.FlowMappingKey => ParseFlowMappingKey(false),
        State.FlowMappingValue => ParseFlowMappingValue(false),
        State.FlowMappingEmptyValue => ParseFlowMappingValue(true),
        _ => throw new InvalidOperationException(),
    };

    private static PlainEvent Event(PlainEventKind kind, Token? token) => new(kind, token?.Start ?? Mark.Empty, token?.End ?? Mark.Empty);

    private static PlainEvent EmptyScalar(Mark position) => new(PlainEventKind.Scalar, position, position, string.Empty, ScalarStyle.Plain);

    // stream ::= STREAM-START implicit_document? explicit_document* STREAM-END
    private PlainEvent ParseStreamStart()
    {
        var current = GetCurrentToken();
        if (current is not StreamStart streamStart)
        {
            throw new SemanticErrorException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "Did not find expected <stream-start>.");
        }

        Skip();
        _state = State.ImplicitDocumentStart;
        return Event(PlainEventKind.StreamStart, streamStart);
    }

    // implicit_document ::= block_node DOCUMENT-END*; explicit_document ::= DIRECTIVE* DOCUMENT-START block_node? DOCUMENT-END*
    private PlainEvent ParseDocumentStart(bool isImplicit)
    {
        if (_currentToken is VersionDirective)
        {
            throw new SyntaxErrorException("While parsing a document start node, could not find document end marker before version directive.");
        }

        var current = GetCurrentToken();
        if (!isImplicit)
        {
            while (current is DocumentEnd)
            {
                Skip();
                current = GetCurrentToken();
            }
        }

        if (current == null)
        {
            throw new SyntaxErrorException("Reached the end of the stream while parsing a document start.");
        }

        if (current is Scalar && (_state == State.ImplicitDocumentStart || _state == State.DocumentStart))
        {
            isImplicit = true;
        }

        if ((isImplicit && current is not (VersionDirective or TagDirective or DocumentStart or StreamEnd or DocumentEnd)) || current is BlockMappingStart)
        {
            ProcessDirectives();
            Push(State.DocumentEnd);
            _state = State.BlockNode;
            return Event(PlainEventKind.DocumentStart, current);
        }

        if (current is not (StreamEnd or DocumentEnd))
        {
            var start = current.Start;
            ProcessDirectives();
            current = GetCurrentToken() ?? throw new SemanticErrorException("Reached the end of the stream while parsing a document start");
            if (current is not DocumentStart)
            {
                throw new SemanticErrorException(current.Start, current.End, "Did not find expected <document start>.");
            }

            Push(State.DocumentEnd);
            _state = State.DocumentContent;
            var end = current.End;
            Skip();
            return new PlainEvent(PlainEventKind.DocumentStart, start, end);
        }

        if (current is DocumentEnd)
        {
            Skip();
        }

        _state = State.StreamEnd;
        current = GetCurrentToken() ?? throw new SemanticErrorException("Reached the end of the stream while parsing a document start");
        var streamEnd = Event(PlainEventKind.StreamEnd, current);
        if (scanner.MoveNextWithoutConsuming())
        {
            throw new InvalidOperationException("The scanner should contain no more tokens.");
        }

        return streamEnd;
    }

    /// <summary>The '%YAML' directives before a document (the reader's scanner refuses '%TAG').</summary>
    private void ProcessDirectives()
    {
        while (true)
        {
            if (GetCurrentToken() is VersionDirective currentVersion)
            {
                if (_version != null)
                {
                    throw new SemanticErrorException(currentVersion.Start, currentVersion.End, "Found duplicate %YAML directive.");
                }

                if (currentVersion.Version.Major != MajorVersion || currentVersion.Version.Minor > MinorVersion)
                {
                    throw new SemanticErrorException(currentVersion.Start, currentVersion.End, "Found incompatible YAML document.");
                }

                _version = currentVersion;
            }
            else if (GetCurrentToken() is TagDirective tag)
            {
                throw Refused(tag);
            }
            else if (GetCurrentToken() is DocumentStart && (_version == null || (_version.Version.Major == 1 && _version.Version.Minor > 1)))
            {
                _version ??= new VersionDirective(new YamlDotNet.Core.Version(1, 2));
                break;
            }
            else
            {
                break;
            }

            Skip();
        }
    }

    // explicit_document ::= DIRECTIVE* DOCUMENT-START block_node? DOCUMENT-END*  (the block_node)
    private PlainEvent ParseDocumentContent()
    {
        // One call where YamlDotNet makes one per kind: a second call returns the token the first one read (it would ask
        // the scanner again only past the stream's end token, which no state consumes).
        if (GetCurrentToken() is VersionDirective or TagDirective or DocumentStart or DocumentEnd or StreamEnd)
        {
            _state = Pop();
            return EmptyScalar(scanner.CurrentPosition);
        }

        return ParseNode(true, false);
    }

    // block_node_or_indentless_sequence ::= block_content | indentless_block_sequence; block_node ::= block_content;
    // flow_node ::= flow_content; block_content ::= block_collection | flow_collection | SCALAR; flow_content ::= flow_collection | SCALAR
    private PlainEvent ParseNode(bool isBlock, bool isIndentlessSequence)
    {
        if (GetCurrentToken() is Error errorToken)
        {
            throw new SemanticErrorException(errorToken.Start, errorToken.End, errorToken.Value);
        }

        var current = GetCurrentToken() ?? throw new SemanticErrorException("Reached the end of the stream while parsing a node");
        if (current is Anchor or Tag or AnchorAlias)
        {
            throw Refused(current);
        }

        var start = current.Start;
        if (isIndentlessSequence && current is BlockEntry)
        {
            _state = State.IndentlessSequenceEntry;
            return new PlainEvent(PlainEventKind.SequenceStart, start, current.End);
        }

        if (current is Scalar scalar)
        {
            _state = Pop();
            Skip();
            var scalarEvent = new PlainEvent(PlainEventKind.Scalar, start, scalar.End, scalar.Value, scalar.Style);

            // YamlDotNet reads the next token here for the error case of spec test 'T833'.
            if (_state == State.FlowMappingKey && scanner.Current is not FlowMappingEnd && scanner.MoveNextWithoutConsuming())
            {
                _currentToken = scanner.Current;
                if (_currentToken != null && _currentToken is not (FlowEntry or FlowMappingEnd))
                {
                    throw new SemanticErrorException(_currentToken.Start, _currentToken.End, "While parsing a flow mapping, did not find expected ',' or '}'.");
                }
            }

            return scalarEvent;
        }

        if (current is FlowSequenceStart flowSequenceStart)
        {
            _state = State.FlowSequenceFirstEntry;
            return new PlainEvent(PlainEventKind.SequenceStart, start, flowSequenceStart.End, Flow: true);
        }

        if (current is FlowMappingStart flowMappingStart)
        {
            _state = State.FlowMappingFirstKey;
            return new PlainEvent(PlainEventKind.MappingStart, start, flowMappingStart.End, Flow: true);
        }

        if (isBlock && current is BlockSequenceStart blockSequenceStart)
        {
            _state = State.BlockSequenceFirstEntry;
            return new PlainEvent(PlainEventKind.SequenceStart, start, blockSequenceStart.End);
        }

        if (isBlock && current is BlockMappingStart blockMappingStart)
        {
            _state = State.BlockMappingFirstKey;
            return new PlainEvent(PlainEventKind.MappingStart, start, blockMappingStart.End);
        }

        throw new SemanticErrorException(current.Start, current.End, "While parsing a node, did not find expected node content.");
    }

    // implicit_document ::= block_node DOCUMENT-END*; explicit_document ::= ... DOCUMENT-END*  (the DOCUMENT-END*)
    private PlainEvent ParseDocumentEnd()
    {
        var current = GetCurrentToken() ?? throw new SemanticErrorException("Reached the end of the stream while parsing a document end");
        var start = current.Start;
        var end = start;
        if (current is DocumentEnd)
        {
            end = current.End;
            Skip();
        }
        else if (!(_currentToken is StreamEnd or DocumentStart or FlowSequenceEnd or VersionDirective || (Current.Kind == PlainEventKind.Scalar && _currentToken is Error)))
        {
            throw new SemanticErrorException(start, end, "Did not find expected <document end>.");
        }

        if (_version != null && _version.Version.Major == 1 && _version.Version.Minor > 1)
        {
            _version = null;
        }

        _state = State.DocumentStart;
        return new PlainEvent(PlainEventKind.DocumentEnd, start, end);
    }

    // block_sequence ::= BLOCK-SEQUENCE-START (BLOCK-ENTRY block_node?)* BLOCK-END
    private PlainEvent ParseBlockSequenceEntry(bool isFirst)
    {
        if (isFirst)
        {
            GetCurrentToken();
            Skip();
        }

        var current = GetCurrentToken();
        if (current is BlockEntry blockEntry)
        {
            var mark = blockEntry.End;
            Skip();
            current = GetCurrentToken();
            if (current is not (BlockEntry or BlockEnd))
            {
                Push(State.BlockSequenceEntry);
                return ParseNode(true, false);
            }

            _state = State.BlockSequenceEntry;
            return EmptyScalar(mark);
        }

        if (current is BlockEnd blockEnd)
        {
            _state = Pop();
            Skip();
            return Event(PlainEventKind.SequenceEnd, blockEnd);
        }

        throw new SemanticErrorException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "While parsing a block collection, did not find expected '-' indicator.");
    }

    // indentless_sequence ::= (BLOCK-ENTRY block_node?)+
    private PlainEvent ParseIndentlessSequenceEntry()
    {
        var current = GetCurrentToken();
        if (current is BlockEntry blockEntry)
        {
            var mark = blockEntry.End;
            Skip();
            current = GetCurrentToken();
            if (current is not (BlockEntry or Key or Value or BlockEnd))
            {
                Push(State.IndentlessSequenceEntry);
                return ParseNode(true, false);
            }

            _state = State.IndentlessSequenceEntry;
            return EmptyScalar(mark);
        }

        _state = Pop();
        return Event(PlainEventKind.SequenceEnd, current);
    }

    // block_mapping ::= BLOCK-MAPPING_START ((KEY block_node_or_indentless_sequence?)? (VALUE block_node_or_indentless_sequence?)?)* BLOCK-END
    private PlainEvent ParseBlockMappingKey(bool isFirst)
    {
        if (isFirst)
        {
            GetCurrentToken();
            Skip();
        }

        var current = GetCurrentToken();
        switch (current)
        {
            case Key key:
            {
                var mark = key.End;
                Skip();
                current = GetCurrentToken();
                if (current is not (Key or Value or BlockEnd))
                {
                    Push(State.BlockMappingValue);
                    return ParseNode(true, true);
                }

                _state = State.BlockMappingValue;
                return EmptyScalar(mark);
            }

            case Value value:
                Skip();
                return EmptyScalar(value.End);
            case AnchorAlias alias:
                throw Refused(alias);
            case BlockEnd blockEnd:
                _state = Pop();
                Skip();
                return Event(PlainEventKind.MappingEnd, blockEnd);
            case Error error: // YamlDotNet calls GetCurrentToken() again here: the same token
                throw new SyntaxErrorException(error.Start, error.End, error.Value);
            default:
                throw new SemanticErrorException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "While parsing a block mapping, did not find expected key.");
        }
    }

    // block_mapping ::= ... (VALUE block_node_or_indentless_sequence?)? ...
    private PlainEvent ParseBlockMappingValue()
    {
        var current = GetCurrentToken();
        if (current is Value value)
        {
            var mark = value.End;
            Skip();
            current = GetCurrentToken();
            if (current is not (Key or Value or BlockEnd))
            {
                Push(State.BlockMappingKey);
                return ParseNode(true, true);
            }

            _state = State.BlockMappingKey;
            return EmptyScalar(mark);
        }

        if (current is Error error)
        {
            throw new SemanticErrorException(error.Start, error.End, error.Value);
        }

        _state = State.BlockMappingKey;
        return EmptyScalar(current?.Start ?? Mark.Empty);
    }

    // flow_sequence ::= FLOW-SEQUENCE-START (flow_sequence_entry FLOW-ENTRY)* flow_sequence_entry? FLOW-SEQUENCE-END;
    // flow_sequence_entry ::= flow_node | KEY flow_node? (VALUE flow_node?)?
    private PlainEvent ParseFlowSequenceEntry(bool isFirst)
    {
        if (isFirst)
        {
            GetCurrentToken();
            Skip();
        }

        var current = GetCurrentToken();
        if (current is not FlowSequenceEnd)
        {
            if (!isFirst)
            {
                if (current is FlowEntry)
                {
                    Skip();
                    current = GetCurrentToken();
                }
                else
                {
                    throw new SemanticErrorException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "While parsing a flow sequence, did not find expected ',' or ']'.");
                }
            }

            if (current is Key)
            {
                _state = State.FlowSequenceEntryMappingKey;
                Skip();
                return new PlainEvent(PlainEventKind.MappingStart, Mark.Empty, Mark.Empty, Flow: true);
            }

            if (current is not FlowSequenceEnd)
            {
                Push(State.FlowSequenceEntry);
                return ParseNode(false, false);
            }
        }

        _state = Pop();
        var sequenceEnd = Event(PlainEventKind.SequenceEnd, current);
        Skip();

        // YamlDotNet reads the next token here for the error case of spec test 'C2SP'.
        if (scanner.MoveNextWithoutConsuming())
        {
            _currentToken = scanner.Current;
            if (_currentToken is Error errorToken && errorToken.Start.Index > current!.End.Index)
            {
                throw new SemanticErrorException(errorToken.Start, errorToken.End, errorToken.Value);
            }
        }

        return sequenceEnd;
    }

    // flow_sequence_entry ::= ... KEY flow_node? ...
    private PlainEvent ParseFlowSequenceEntryMappingKey()
    {
        var current = GetCurrentToken();
        if (current is not (Value or FlowEntry or FlowSequenceEnd))
        {
            Push(State.FlowSequenceEntryMappingValue);
            return ParseNode(false, false);
        }

        var mark = current?.End ?? Mark.Empty;
        Skip();
        _state = State.FlowSequenceEntryMappingValue;
        return EmptyScalar(mark);
    }

    // flow_sequence_entry ::= ... (VALUE flow_node?)?
    private PlainEvent ParseFlowSequenceEntryMappingValue()
    {
        var current = GetCurrentToken();
        if (current is Value)
        {
            Skip();
            current = GetCurrentToken();
            if (current is not (FlowEntry or FlowSequenceEnd))
            {
                Push(State.FlowSequenceEntryMappingEnd);
                return ParseNode(false, false);
            }
        }

        _state = State.FlowSequenceEntryMappingEnd;
        return EmptyScalar(current?.Start ?? Mark.Empty);
    }

    // flow_sequence_entry: the end of its single-pair mapping.
    private PlainEvent ParseFlowSequenceEntryMappingEnd()
    {
        _state = State.FlowSequenceEntry;
        return Event(PlainEventKind.MappingEnd, GetCurrentToken());
    }

    // flow_mapping ::= FLOW-MAPPING-START (flow_mapping_entry FLOW-ENTRY)* flow_mapping_entry? FLOW-MAPPING-END;
    // flow_mapping_entry ::= flow_node | KEY flow_node? (VALUE flow_node?)?
    private PlainEvent ParseFlowMappingKey(bool isFirst)
    {
        if (isFirst)
        {
            GetCurrentToken();
            Skip();
        }

        var current = GetCurrentToken();
        if (current is not FlowMappingEnd)
        {
            if (!isFirst)
            {
                if (current is FlowEntry)
                {
                    Skip();
                    current = GetCurrentToken();
                }
                else if (current is not Scalar)
                {
                    throw new SemanticErrorException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "While parsing a flow mapping,  did not find expected ',' or '}'.");
                }
            }

            if (current is Key)
            {
                Skip();
                current = GetCurrentToken();
                if (current is not (Value or FlowEntry or FlowMappingEnd))
                {
                    Push(State.FlowMappingValue);
                    return ParseNode(false, false);
                }

                _state = State.FlowMappingValue;
                return EmptyScalar(current?.Start ?? Mark.Empty);
            }

            if (current is Scalar)
            {
                Push(State.FlowMappingValue);
                return ParseNode(false, false);
            }

            if (current is not FlowMappingEnd)
            {
                Push(State.FlowMappingEmptyValue);
                return ParseNode(false, false);
            }
        }

        _state = Pop();
        Skip();
        return Event(PlainEventKind.MappingEnd, current);
    }

    // flow_mapping_entry ::= ... (VALUE flow_node?)?
    private PlainEvent ParseFlowMappingValue(bool isEmpty)
    {
        var current = GetCurrentToken();
        if (!isEmpty && current is Value)
        {
            Skip();
            current = GetCurrentToken();
            if (current is not (FlowEntry or FlowMappingEnd))
            {
                Push(State.FlowMappingKey);
                return ParseNode(false, false);
            }
        }

        _state = State.FlowMappingKey;
        if (!isEmpty && current is Scalar scalar)
        {
            Skip();
            return new PlainEvent(PlainEventKind.Scalar, current.Start, scalar.End, scalar.Value, scalar.Style);
        }

        return EmptyScalar(current?.Start ?? Mark.Empty);
    }

    /// <summary>A tag, anchor or alias, which the reader's scanner refuses before a parser sees it; here in case another scanner is used.</summary>
    private static SemanticErrorException Refused(Token token) =>
        new(token.Start, token.End, "Tags, anchors and aliases are not supported by this reader.");
}
