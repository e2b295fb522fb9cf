using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules;

/// <summary>
/// Reads application documents (YAML or JSON, same keys) strictly: unknown or misspelt keys, wrong types, unknown
/// words, units, leagues and impossible dates are invalid input, reported together with their positions.
/// </summary>
public static class ApplicationReader
{
    // Built once: FluentValidation validators are immutable and thread-safe after construction, and building one
    // costs far more than validating an application with it.
    private static readonly ApplicationValidator Validator = new();

    /// <summary>Reads and validates an application file of at most <see cref="MineralRulesOptions.DefaultMaxFileSize"/> bytes.</summary>
    /// <param name="path">A <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult ReadFile(string path) => ReadFile(path, MineralRulesOptions.DefaultMaxFileSize);

    /// <summary>
    /// Reads and validates an application file. Only a regular file (or a link to one) is read: a FIFO, device or
    /// socket, or a file larger than <paramref name="maxFileSize"/>, is refused (<c>MR1012</c>) without being read.
    /// </summary>
    /// <param name="path">A <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file.</param>
    /// <param name="maxFileSize">The largest file read, in bytes.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult ReadFile(string path, long maxFileSize)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFileSize);
        if (!SafeFiles.TryReadText(path, maxFileSize, out var text, out var error))
        {
            return new ApplicationReadResult(path, null, [new Diagnostic(SourceLocation.File(path), error!.Value.Code, $"Cannot read the file: {error.Value.Message}") { MessageZh = $"无法读取文件：{error.Value.MessageZh}" }], null);
        }

        return Read(text, path);
    }

    /// <summary>Reads and validates an application from text.</summary>
    /// <param name="text">The document.</param>
    /// <param name="path">The name to report positions against; its extension picks JSON (<c>.json</c>) or YAML.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult Read(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return Read(text, path, path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ApplicationFormat.Json : ApplicationFormat.Yaml);
    }

    /// <summary>
    /// Reads and validates an application from text with no file name: diagnostics are located as
    /// <c>&lt;json&gt;:line:column</c> or <c>&lt;yaml&gt;:line:column</c> (<see cref="SourceName"/>), and that is the
    /// result's <see cref="ApplicationReadResult.Path"/>.
    /// </summary>
    /// <param name="text">The document.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult Read(string text, ApplicationFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text, SourceName(format), CheckFormat(format));
    }

    /// <summary>
    /// Reads and validates an application from UTF-8 bytes (a byte-order mark is allowed) of at most
    /// <see cref="MineralRulesOptions.DefaultMaxFileSize"/> bytes; see <see cref="Read(ReadOnlyMemory{byte}, ApplicationFormat, long)"/>.
    /// </summary>
    /// <param name="utf8">The document's bytes.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult Read(ReadOnlyMemory<byte> utf8, ApplicationFormat format) =>
        Read(utf8, format, MineralRulesOptions.DefaultMaxFileSize);

    /// <summary>
    /// Reads and validates an application from UTF-8 bytes (a byte-order mark is allowed). More than
    /// <paramref name="maxSize"/> bytes is refused unread (<c>MR1012</c>); bytes that are not UTF-8 are a diagnostic
    /// (<c>MR1002</c>) at the line and column of the first bad byte, never an exception. Diagnostics are located as
    /// <c>&lt;json&gt;</c> or <c>&lt;yaml&gt;</c> (<see cref="SourceName"/>).
    /// </summary>
    /// <param name="utf8">The document's bytes.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="maxSize">The largest document read, in bytes.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult Read(ReadOnlyMemory<byte> utf8, ApplicationFormat format, long maxSize) =>
        Read(utf8, format, maxSize, new SourceLocation(SourceName(CheckFormat(format)), 1, 1));

    /// <summary>
    /// Reads and validates an application whose UTF-8 bytes stand within a larger document — an element of a JSON
    /// array, a file of an upload — as <see cref="Read(ReadOnlyMemory{byte}, ApplicationFormat, long)"/> reads one,
    /// but named and located in that document: diagnostics and field positions (<see cref="ApplicationReadResult.Locate"/>,
    /// <see cref="ApplicationReadResult.LineOf"/>) carry <paramref name="start"/>'s path, lines counted from its line,
    /// and columns on the first line counted from its column. Nothing is copied to place the text; bytes that are not
    /// UTF-8 are a located diagnostic (<c>MR1002</c>) as in every byte reader.
    /// </summary>
    /// <param name="utf8">The application's bytes (a byte-order mark is allowed).</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="maxSize">The largest application read, in bytes; a larger one is refused unread (<c>MR1012</c>).</param>
    /// <param name="start">The larger document's name, and the 1-based line and column its first byte stands at.</param>
    /// <returns>The application, or every problem found, located in the larger document.</returns>
    public static ApplicationReadResult Read(ReadOnlyMemory<byte> utf8, ApplicationFormat format, long maxSize, SourceLocation start)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start.Line);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start.Column);
        CheckFormat(format);
        var name = start.Path;
        if (utf8.Length > maxSize)
        {
            return Refused(name, DiagnosticCodes.Unreadable, $"Cannot read the document: {TooLarge(maxSize)}", $"无法读取文档：{TooLargeZh(maxSize)}");
        }

        var read = Utf8Text.TryDecode(utf8.Span, name, out var text, out var problem)
            ? Read(text, name, format)
            : new ApplicationReadResult(name, null, [problem!], null);
        return start is { Line: 1, Column: 1 } ? read : read.MovedTo(start.Line, start.Column);
    }

    /// <summary>
    /// Reads and validates an application from a stream of UTF-8 of at most
    /// <see cref="MineralRulesOptions.DefaultMaxFileSize"/> bytes; see <see cref="Read(Stream, ApplicationFormat, long)"/>.
    /// </summary>
    /// <param name="stream">The document, read from its current position to its end; not closed.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult Read(Stream stream, ApplicationFormat format) =>
        Read(stream, format, MineralRulesOptions.DefaultMaxFileSize);

    /// <summary>
    /// Reads and validates an application from a stream of UTF-8, synchronously (a web request's body: use
    /// <see cref="ReadAsync(Stream, ApplicationFormat, long, CancellationToken)"/>). At most
    /// <paramref name="maxSize"/> bytes (plus one, to know) are read: a longer stream is refused (<c>MR1012</c>).
    /// Invalid UTF-8 (<c>MR1002</c>) and a stream that fails while read (<c>MR1012</c>) are diagnostics.
    /// </summary>
    /// <param name="stream">The document, read from its current position to its end; not closed.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="maxSize">The largest document read, in bytes.</param>
    /// <returns>The application, or every problem found.</returns>
    public static ApplicationReadResult Read(Stream stream, ApplicationFormat format, long maxSize)
    {
        if (Begin(stream, format, maxSize, out var name) is { } refused)
        {
            return refused;
        }

        var buffer = new BoundedBuffer(maxSize, stream);
        try
        {
            while (buffer.Room is { Length: > 0 } room && stream.Read(room.Span) is var read and > 0)
            {
                buffer.Advance(read);
            }
        }
        catch (IOException e)
        {
            return Refused(name, DiagnosticCodes.Unreadable, $"Cannot read the document: {e.Message}", $"无法读取文档：{e.Message}");
        }

        return buffer.Result(name, format);
    }

    /// <summary>What both stream readers check first: the arguments, and a seekable stream already longer than the cap.</summary>
    private static ApplicationReadResult? Begin(Stream stream, ApplicationFormat format, long maxSize, out string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize);
        name = SourceName(CheckFormat(format));
        return stream.CanSeek && stream.Length - stream.Position > maxSize
            ? Refused(name, DiagnosticCodes.Unreadable, $"Cannot read the document: {TooLarge(maxSize)}", $"无法读取文档：{TooLargeZh(maxSize)}")
            : null;
    }

    /// <summary>
    /// Reads and validates an application from a stream of UTF-8 asynchronously (e.g. a request body, whose server
    /// refuses synchronous reads); otherwise as <see cref="Read(Stream, ApplicationFormat, long)"/>.
    /// </summary>
    /// <param name="stream">The document, read from its current position to its end; not closed.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="maxSize">The largest document read, in bytes.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The application, or every problem found.</returns>
    public static async Task<ApplicationReadResult> ReadAsync(Stream stream, ApplicationFormat format, long maxSize = MineralRulesOptions.DefaultMaxFileSize, CancellationToken cancellationToken = default)
    {
        if (Begin(stream, format, maxSize, out var name) is { } refused)
        {
            return refused;
        }

        var buffer = new BoundedBuffer(maxSize, stream);
        try
        {
            while (buffer.Room is { Length: > 0 } room && await stream.ReadAsync(room, cancellationToken).ConfigureAwait(false) is var read and > 0)
            {
                buffer.Advance(read);
            }
        }
        catch (IOException e)
        {
            return Refused(name, DiagnosticCodes.Unreadable, $"Cannot read the document: {e.Message}", $"无法读取文档：{e.Message}");
        }

        return buffer.Result(name, format);
    }

    /// <summary>
    /// The name diagnostics of a document read without a file are located against: <c>&lt;json&gt;</c> or
    /// <c>&lt;yaml&gt;</c> (so an unknown key on line 3 reads <c>&lt;json&gt;:3:5: error MR1005: ...</c>).
    /// </summary>
    /// <param name="format">YAML or JSON.</param>
    /// <returns>The name.</returns>
    public static string SourceName(ApplicationFormat format) => CheckFormat(format) == ApplicationFormat.Json ? "<json>" : "<yaml>";

    private static ApplicationFormat CheckFormat(ApplicationFormat format) =>
        format is ApplicationFormat.Json or ApplicationFormat.Yaml ? format : throw new ArgumentOutOfRangeException(nameof(format), format, "Yaml or Json.");

    private static ApplicationReadResult Refused(string name, string code, string message, string messageZh) =>
        new(name, null, [new Diagnostic(SourceLocation.File(name), code, message) { MessageZh = messageZh }], null);

    private static string TooLarge(long maxBytes) =>
        $"larger than {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes; it was not read.";

    private static string TooLargeZh(long maxBytes) =>
        $"大于 {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} 字节，未予读取。";

    private static ApplicationReadResult Read(string text, string path, ApplicationFormat format)
    {
        var diagnostics = new DiagnosticBag();
        var root = format == ApplicationFormat.Json
            ? JsonDocumentReader.Read(text, path, diagnostics)
            : YamlDocumentReader.Read(text, path, diagnostics);
        if (root is null)
        {
            return new ApplicationReadResult(path, null, diagnostics.ToSortedList(), null);
        }

        var mapper = new ApplicationMapper(path, diagnostics);
        var application = mapper.Map(root);
        var positions = mapper.Positions;
        if (application is not null)
        {
            foreach (var problem in Problems(application, mapper.Expect))
            {
                if (!mapper.FailedPaths.Contains(problem.Path))
                {
                    diagnostics.Add(positions.Locate(problem.Path), problem.Code, problem.Message, problem.MessageZh);
                }
            }
        }

        if (diagnostics.HasErrors)
        {
            return new ApplicationReadResult(path, null, diagnostics.ToSortedList(), positions);
        }

        application!.MarkValidated();
        return new ApplicationReadResult(path, application, [], positions, mapper.Expect);
    }

    /// <summary>
    /// Validates an application built in code exactly as a document is validated after reading (no positions: each
    /// diagnostic names the application and the field). An application that passes is remembered as valid, so
    /// evaluating it does not validate it again.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <returns>Every problem found; empty when the application is valid.</returns>
    public static IReadOnlyList<Diagnostic> Validate(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.IsValidated)
        {
            return [];
        }

        var problems = Problems(application);
        if (problems.Count == 0)
        {
            application.MarkValidated();
            return [];
        }

        var where = SourceLocation.File($"application {(string.IsNullOrEmpty(application.Id) ? "(no id)" : application.Id)}");
        return [.. problems.Select(p => new Diagnostic(where, p.Code, $"{p.Path}: {p.Message}") { MessageZh = $"{p.Path}：{p.MessageZh}" })];
    }

    /// <summary>
    /// The integrity checks (what a document guarantees by construction), then the validator's rules, which assume
    /// a well-formed record and so run only when it is one, and those of the document's <c>expect</c> block.
    /// </summary>
    private static List<ApplicationIntegrity.Problem> Problems(Application application, Expectation? expect = null)
    {
        var problems = ApplicationIntegrity.Check(application);
        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var failure in Validator.Validate(application).Errors)
        {
            problems.Add(new(FieldNames.FromPropertyPath(failure.PropertyName), DiagnosticCodes.InvalidApplication, failure.ErrorMessage, (string)failure.CustomState));
        }

        if (expect is not null)
        {
            problems.AddRange(Evaluation.ExpectationCheck.Problems(expect));
        }

        return problems;
    }
}

/// <summary>
/// Collects a stream's bytes up to a cap plus one byte (so an over-long stream is known without reading it all),
/// growing as needed from the stream's length when it has one.
/// </summary>
internal sealed class BoundedBuffer
{
    private readonly long _maxSize;
    private byte[] _bytes;
    private int _count;

    public BoundedBuffer(long maxSize, Stream stream)
    {
        _maxSize = Math.Min(maxSize, Array.MaxLength - 1L);
        var expected = stream.CanSeek ? Math.Max(stream.Length - stream.Position, 0) + 1 : 16 * 1024L;
        _bytes = new byte[(int)Math.Min(_maxSize + 1, Math.Max(expected, 256))];
    }

    /// <summary>Where the next read goes; empty once more than the cap has been read.</summary>
    public Memory<byte> Room
    {
        get
        {
            if (_count > _maxSize)
            {
                return Memory<byte>.Empty;
            }

            if (_count == _bytes.Length)
            {
                Array.Resize(ref _bytes, (int)Math.Min(_maxSize + 1, (long)_bytes.Length * 2));
            }

            return _bytes.AsMemory(_count);
        }
    }

    public void Advance(int read) => _count += read;

    public ApplicationReadResult Result(string name, ApplicationFormat format) =>
        ApplicationReader.Read(new ReadOnlyMemory<byte>(_bytes, 0, _count), format, _maxSize);
}

/// <summary>The outcome of reading one application document.</summary>
public sealed class ApplicationReadResult
{
    internal ApplicationReadResult(string path, Application? application, IReadOnlyList<Diagnostic> diagnostics, SourceMap? positions, Expectation? expect = null)
    {
        Path = path;
        Expect = expect;
        Application = application;
        Diagnostics = diagnostics;
        Positions = positions;
    }

    /// <summary>The path the document was read from.</summary>
    public string Path { get; }

    /// <summary>The application; null when the document is invalid.</summary>
    public Application? Application { get; }

    /// <summary>Every problem found; empty when the application is valid.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the document is a valid application.</summary>
    public bool IsValid => Application is not null;

    /// <summary>
    /// The document's <c>expect</c> block: sample metadata for <c>mineralrules test</c> (the outcome the sample must
    /// get), read and checked with the application but not part of it. Null when the document has none or is invalid.
    /// </summary>
    public Expectation? Expect { get; }

    internal SourceMap? Positions { get; }

    /// <summary>This result as read at line <paramref name="line"/>, column <paramref name="column"/> of a larger document.</summary>
    internal ApplicationReadResult MovedTo(int line, int column) =>
        new(Path, Application, [.. Diagnostics.Select(d => d with { Location = SourceMap.Moved(d.Location, line, column) })], Positions?.MovedTo(line, column), Expect);

    /// <summary>The position of a field in the document, for errors found after reading.</summary>
    /// <param name="fieldPath">A field path such as <c>applicationDate</c>.</param>
    /// <returns>The field's location, or the file's.</returns>
    public SourceLocation Locate(string fieldPath) => Positions?.Locate(fieldPath) ?? SourceLocation.File(Path);

    /// <summary>The line the field's own value stands on, or null when the document does not give the field.</summary>
    /// <param name="fieldPath">A field path such as <c>capacity</c>.</param>
    /// <returns>The 1-based line, or null.</returns>
    public int? LineOf(string fieldPath) => Positions?.Find(fieldPath) is { Line: > 0 } location ? location.Line : null;
}
