using System.Reflection;
using System.Text.RegularExpressions;

namespace MineralRules.Tests.Docs;

/// <summary>
/// docs/architecture.md tells a newcomer where each concept lives and walks through three extensions, naming files,
/// types and the tests that carry each walkthrough out. These tests hold the text to the code: every path it names
/// exists, every test class and test method it names exists, and every <c>Type.Member</c> it names is a member of a
/// type of the library or the tests — so a rename or a move that leaves the page behind fails here.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(TestPaths.Repository, "docs", "architecture.md"));

    private static readonly Type[] Types =
    [
        .. typeof(RuleSetCatalog).Assembly.GetTypes(),
        .. typeof(ArchitectureDocTests).Assembly.GetTypes(),
        typeof(System.Globalization.CultureInfo),
    ];

    /// <summary>The fact the "add an application fact" walkthrough adds: an example, not in the code.</summary>
    private static readonly string[] Examples = ["ApplicationFields.WaterPermitGranted"];

    private static IEnumerable<string> CodeSpans() => CodeSpan().Matches(Text).Select(m => m.Groups[1].Value);

    [Test]
    public void ArchitectureDoc_EveryPathItNames_Exists()
    {
        var paths = CodeSpans()
            .Select(span => RepositoryPath().Match(span))
            .Where(m => m.Success && !m.Value.Contains('<', StringComparison.Ordinal))
            .Select(m => m.Value.TrimEnd('/', '.', ','))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var missing = paths.Where(p => !File.Exists(Path.Combine(TestPaths.Repository, p)) && !Directory.Exists(Path.Combine(TestPaths.Repository, p))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(paths, Has.Count.GreaterThan(15), "the page names the files of each stage");
            Assert.That(missing, Is.Empty);
        });
    }

    [Test]
    public void ArchitectureDoc_EveryTestItNames_Exists()
    {
        var testClasses = Types.Where(t => t.Name.EndsWith("Tests", StringComparison.Ordinal)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var testMethods = typeof(ArchitectureDocTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
        var named = TestName().Matches(Text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

        var missing = named.Where(n => n.EndsWith("Tests", StringComparison.Ordinal) ? !testClasses.Contains(n) : !testMethods.Contains(n.Split('.')[^1])).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(named, Has.Count.GreaterThan(10), "each walkthrough names its tests");
            Assert.That(missing, Is.Empty);
        });
    }

    [Test]
    public void ArchitectureDoc_EveryTypeMemberItNames_Exists()
    {
        var named = CodeSpans()
            .Select(span => TypeMember().Match(span))
            .Where(m => m.Success && !Examples.Contains(m.Value))
            .Select(m => (Type: m.Groups[1].Value, Member: m.Groups[2].Value))
            .Distinct()
            .ToList();

        var missing = named
            .Where(n => Types.Where(t => t.Name == n.Type || t.Name.StartsWith(n.Type + "`", StringComparison.Ordinal)) is var candidates
                && (!candidates.Any() || !candidates.Any(t => t.GetMember(n.Member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance).Length > 0)))
            .Select(n => $"{n.Type}.{n.Member}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(named, Has.Count.GreaterThan(10));
            Assert.That(missing, Is.Empty);
        });
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(?:src|tests|schemas|docs|rules|samples|bench)/[A-Za-z0-9_./-]+")]
    private static partial Regex RepositoryPath();

    /// <summary>A test class (…Tests) or a test method named Method_Scenario_Expected.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+Tests\b|\b[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex TestName();

    /// <summary>A code span that is just Type.Member or Type.Member(…).</summary>
    [GeneratedRegex(@"^([A-Z][A-Za-z0-9]+)\.([A-Z][A-Za-z0-9]+)(?:\(.*\))?$")]
    private static partial Regex TypeMember();
}
