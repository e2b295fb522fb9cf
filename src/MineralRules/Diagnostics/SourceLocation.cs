namespace MineralRules;

/// <summary>A place in a source file: the path as given, and a 1-based line and column (0 when unknown).</summary>
/// <param name="Path">The file's path as the caller gave it (or the embedded resource name).</param>
/// <param name="Line">1-based line, or 0 when the format has no lines.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    /// <summary>A location naming only a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The location of the file as a whole.</returns>
    public static SourceLocation File(string path) => new(path, 0, 0);

    /// <summary>Formats as <c>path:line:column</c>, dropping the parts that are unknown.</summary>
    /// <returns>The location in the compiler-style form editors and CI servers recognise.</returns>
    public override string ToString() =>
        Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";
}
