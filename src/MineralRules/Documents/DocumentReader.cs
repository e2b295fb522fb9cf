using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>Picks the YAML or JSON reader by the file's extension.</summary>
internal static class DocumentReader
{
    public static DocumentNode? Read(string text, string path, DiagnosticBag diagnostics) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonDocumentReader.Read(text, path, diagnostics)
            : YamlDocumentReader.Read(text, path, diagnostics);
}
