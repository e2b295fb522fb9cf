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
            return new ApplicationReadResult(path, null, [new Diagnostic(SourceLocation.File(path), error!.Value.Code, $"Cannot read the file: {error.Value.Message}")], null);
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
        var diagnostics = new DiagnosticBag();
        var root = DocumentReader.Read(text, path, diagnostics);
        if (root is null)
        {
            return new ApplicationReadResult(path, null, diagnostics.ToSortedList(), null);
        }

        var mapper = new ApplicationMapper(path, diagnostics);
        var application = mapper.Map(root);
        var positions = mapper.Positions;
        if (application is not null)
        {
            foreach (var problem in Problems(application))
            {
                if (!mapper.FailedPaths.Contains(problem.Path))
                {
                    diagnostics.Add(positions.Locate(problem.Path), problem.Code, problem.Message);
                }
            }
        }

        if (diagnostics.HasErrors)
        {
            return new ApplicationReadResult(path, null, diagnostics.ToSortedList(), positions);
        }

        application!.MarkValidated();
        return new ApplicationReadResult(path, application, [], positions);
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
        return [.. problems.Select(p => new Diagnostic(where, p.Code, $"{p.Path}: {p.Message}"))];
    }

    /// <summary>
    /// The integrity checks (what a document guarantees by construction), then the validator's rules, which assume
    /// a well-formed record and so run only when it is one.
    /// </summary>
    private static List<ApplicationIntegrity.Problem> Problems(Application application)
    {
        var problems = ApplicationIntegrity.Check(application);
        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var failure in Validator.Validate(application).Errors)
        {
            problems.Add(new(FieldNames.FromPropertyPath(failure.PropertyName), DiagnosticCodes.InvalidApplication, failure.ErrorMessage));
        }

        return problems;
    }
}

/// <summary>The outcome of reading one application document.</summary>
public sealed class ApplicationReadResult
{
    internal ApplicationReadResult(string path, Application? application, IReadOnlyList<Diagnostic> diagnostics, SourceMap? positions)
    {
        Path = path;
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

    internal SourceMap? Positions { get; }

    /// <summary>The position of a field in the document, for errors found after reading.</summary>
    /// <param name="fieldPath">A field path such as <c>applicationDate</c>.</param>
    /// <returns>The field's location, or the file's.</returns>
    public SourceLocation Locate(string fieldPath) => Positions?.Locate(fieldPath) ?? SourceLocation.File(Path);

    /// <summary>The line the field's own value stands on, or null when the document does not give the field.</summary>
    /// <param name="fieldPath">A field path such as <c>capacity</c>.</param>
    /// <returns>The 1-based line, or null.</returns>
    public int? LineOf(string fieldPath) => Positions?.Find(fieldPath) is { Line: > 0 } location ? location.Line : null;
}
