using System.Text.RegularExpressions;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Docs;

/// <summary>
/// Every example of docs/authoring.md is executed: an HTML comment <c>&lt;!-- example: kind args --&gt;</c> before a
/// fenced block says what the block is and what must hold, so the guide legal staff follow cannot drift from the rules.
/// </summary>
public sealed partial class AuthoringGuideTests
{
    private const string Version = "nmg-mineral-plan-2021-2025/1.0.0";

    private static readonly Lazy<IReadOnlyList<Example>> Examples = new(Parse);

    private static IEnumerable<TestCaseData> Cases(string kind) =>
        Examples.Value.Where(e => e.Kind == kind).Select(e => new TestCaseData(e).SetName($"{kind}_line{e.Line}"));

    [Test]
    public void Guide_EverySection_HasCheckedExamples()
    {
        var kinds = Examples.Value.Select(e => e.Kind).ToHashSet();

        Assert.That(kinds, Is.SupersetOf(new[] { "edit", "new-file", "application", "new-version", "lint-error" }));
    }

    [TestCaseSource(nameof(Cases), new object[] { "edit" })]
    public void Edit_ShippedRules_StillLoadAndTakeEffect(Example example)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var (file, added) = ApplyDiff(rules, example);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty, $"docs/authoring.md line {example.Line}");
            Assert.That(File.ReadAllText(file), Does.Contain(added));
        });
    }

    [TestCaseSource(nameof(Cases), new object[] { "new-file" })]
    public void NewFile_InShippedRules_Loads(Example example)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        File.WriteAllText(Path.Combine(rules, Version, example.Argument), example.Blocks[0]);

        var result = RuleSetCatalog.TryLoadFromFolder(rules);
        var ids = RuleIds().Matches(example.Blocks[0]).Select(m => m.Groups[1].Value);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty, $"docs/authoring.md line {example.Line}");
        Assert.That(result.Catalog!.RuleSets.Single().RuleIds, Is.SupersetOf(ids));
    }

    [TestCaseSource(nameof(Cases), new object[] { "application" })]
    public void Application_Evaluated_GetsTheDecisionTheGuideSays(Example example)
    {
        var result = Fixtures.Evaluate(example.Blocks[0]);

        Assert.That(ResultCode(result.Decision), Is.EqualTo(example.Argument), $"docs/authoring.md line {example.Line}");
    }

    [TestCaseSource(nameof(Cases), new object[] { "new-version" })]
    public void NewVersion_CopiedWithNewManifest_TakesEffectOnItsDate(Example example)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var target = Path.Combine(rules, "nmg-mineral-plan-2021-2025", example.Argument);
        TempFolder.CopyFolder(Path.Combine(rules, Version), target);

        File.WriteAllText(Path.Combine(target, "manifest.yaml"), example.Blocks[0]);
        var result = RuleSetCatalog.TryLoadFromFolder(rules);
        var from = DateOnly.Parse(EffectiveFrom().Match(example.Blocks[0]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty, $"docs/authoring.md line {example.Line}");
        Assert.Multiple(() =>
        {
            Assert.That(result.Catalog!.InForceOn(from)!.Info.Version, Is.EqualTo(example.Argument));
            Assert.That(result.Catalog.InForceOn(from.AddDays(-1))!.Info.Version, Is.EqualTo("1.0.0"));
        });
    }

    [TestCaseSource(nameof(Cases), new object[] { "lint-error" })]
    public void LintError_AsTheGuideShows(Example example)
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        ApplyDiff(rules, example);

        var (code, _, error) = CliRunner.Run("lint", rules);

        Assert.That(code, Is.EqualTo(2));
        foreach (var line in example.Blocks[1].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // The guide shows paths from the repository root; lint prints them as given.
            var shown = line.Trim()[(line.IndexOf("rules/", StringComparison.Ordinal) + "rules/".Length)..];
            Assert.That(error.Replace('\\', '/'), Does.Contain(shown), $"docs/authoring.md line {example.Line}");
        }
    }

    private static string ResultCode(Decision decision) => decision switch
    {
        Decision.Compliant => "compliant",
        Decision.NonCompliant => "non-compliant",
        _ => "needs-review",
    };

    /// <summary>Applies a diff block ('-' removed, '+' added, ' ' context) to a file of the copied rules.</summary>
    private static (string File, string Added) ApplyDiff(string rules, Example example)
    {
        var lines = example.Blocks[0].Split('\n');
        var removed = string.Join('\n', lines.Where(l => l.StartsWith('-') || l.StartsWith(' ')).Select(l => l[1..]));
        var added = string.Join('\n', lines.Where(l => l.StartsWith('+') || l.StartsWith(' ')).Select(l => l[1..]));
        var file = Path.Combine(rules, Version, example.Argument);
        var text = File.ReadAllText(file);
        Assert.That(Regex.Count(text, Regex.Escape(removed)), Is.EqualTo(1), $"docs/authoring.md line {example.Line}: the '-' lines must occur once in {example.Argument}");
        File.WriteAllText(file, text.Replace(removed, added, StringComparison.Ordinal));
        return (file, added);
    }

    private static List<Example> Parse()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Repository, "docs", "authoring.md"));
        var examples = new List<Example>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (!marker.Success)
            {
                continue;
            }

            var kind = marker.Groups[1].Value;
            var blocks = new List<string>();
            var j = i + 1;
            while (blocks.Count < (kind == "lint-error" ? 2 : 1) && j < lines.Length)
            {
                if (lines[j].StartsWith("```", StringComparison.Ordinal))
                {
                    var end = Array.FindIndex(lines, j + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                    blocks.Add(string.Join('\n', lines[(j + 1)..end]) + "\n");
                    j = end;
                }

                j++;
            }

            examples.Add(new Example(i + 1, kind, marker.Groups[2].Value.Trim(), blocks));
        }

        return examples;
    }

    /// <summary>One checked example of the guide.</summary>
    public sealed record Example(int Line, string Kind, string Argument, IReadOnlyList<string> Blocks)
    {
        /// <inheritdoc/>
        public override string ToString() => $"docs/authoring.md:{Line} {Kind} {Argument}";
    }

    [GeneratedRegex(@"^<!-- example: ([a-z-]+)\s*(.*?)\s*-->$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*- id: (\S+)", RegexOptions.Multiline)]
    private static partial Regex RuleIds();

    [GeneratedRegex(@"^effectiveFrom: (\S+)", RegexOptions.Multiline)]
    private static partial Regex EffectiveFrom();
}
