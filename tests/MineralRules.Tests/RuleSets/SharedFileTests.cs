using MineralRules.Tests.Cli;

namespace MineralRules.Tests.RuleSets;

/// <summary>
/// Versions that keep a file word for word (the plan's reference tables) share its parsed tree within one load: each
/// version still reads it as its own file, and whatever is found in it is found at that version's path.
/// </summary>
public sealed class SharedFileTests
{
    [Test]
    public void TryLoadFromFolder_SameFileInTwoVersions_EachFindingAtItsOwnPath()
    {
        using var temp = new TempFolder();
        const string Rule = "  - id: a.b\n    clause: { ref: \"5.1\", zh: 规划, en: Plan }\n    scope: { permit: mining }\n    prohibited: true\n    message: { zh: 不行, en: No }\n";
        var files = new List<string>();
        foreach (var version in new[] { "1.0.0", "1.1.0" })
        {
            var folder = TestRuleSets.WriteVersion(temp, version, null, Rule);
            files.Add(Path.Combine(folder, "extra.yaml").Replace('\\', '/'));
            File.WriteAllText(files[^1], "title: { zh: 附表, en: Tables }\nmineProductionScal: 1\n");
        }

        var result = RuleSetCatalog.TryLoadFromFolder(temp.Path);

        var first = Findings(result, files[0]);
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(f => f.Line), Has.Member(2), "the misspelt key");
            Assert.That(Findings(result, files[1]), Is.EqualTo(first));
        });
    }

    private static List<(string Code, int Line, int Column, string Message)> Findings(RuleSetLoadResult result, string path) =>
        [.. result.Diagnostics.Where(d => d.Location.Path == path).Select(d => (d.Code, d.Location.Line, d.Location.Column, d.Message))];
}
