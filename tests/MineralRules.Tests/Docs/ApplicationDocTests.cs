using System.Text.RegularExpressions;
using MineralRules.Compilation;

namespace MineralRules.Tests.Docs;

/// <summary>
/// docs/application.md is the contract people read: every fact rules can read (the field catalog, hence the model) has
/// a row in its key tables, so a fact added to the model cannot ship undocumented. A row may name a sibling key by its
/// last part after a full key (<c>`recovery.mining.actual`, `.approved`</c>).
/// </summary>
public sealed partial class ApplicationDocTests
{
    [Test]
    public void ApplicationDoc_EveryCatalogField_HasARow()
    {
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.Repository, "docs", "application.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var firstCell = line.Split('|', StringSplitOptions.RemoveEmptyEntries)[0];
            string? prefix = null;
            foreach (Match key in Key().Matches(firstCell))
            {
                var text = key.Groups[1].Value;
                if (text.StartsWith('.') && prefix is not null)
                {
                    documented.Add(prefix + text);
                }
                else
                {
                    documented.Add(text);
                    prefix = text.Contains('.', StringComparison.Ordinal) ? text[..text.LastIndexOf('.')] : string.Empty;
                }
            }
        }

        var undocumented = FieldCatalog.Default.Paths.Where(p => !documented.Contains(p)).ToList();

        Assert.That(undocumented, Is.Empty);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Key();
}
