using MineralRules.Tests.Cli;

namespace MineralRules.Tests.RuleSets;

/// <summary>Finding a version by number when two rule-set ids share it: never an arbitrary one.</summary>
public sealed class CatalogFindTests
{
    private const string Rule = """
          - id: spatial.red-line.no-new-mining
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Spatial controls apply. }
            scope: { permit: mining, actions: [new], zones: [ecological-red-line] }
            condition: { prohibited: true }
            outcome: fail
            message: { zh: 项目位于生态保护红线内。, en: The site lies in the ecological red line. }
        """;

    private static RuleSetCatalog TwoIds(TempFolder temp)
    {
        var first = TestRuleSets.WriteVersion(temp, "1.0.0", null, Rule);
        var second = Path.Combine(temp.Path, "other-plan", "1.0.0");
        Directory.CreateDirectory(Path.Combine(second, "source"));
        foreach (var file in Directory.GetFiles(first, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(second, Path.GetRelativePath(first, file));
            File.WriteAllText(target, File.ReadAllText(file).Replace("id: test-plan", "id: other-plan", StringComparison.Ordinal).Replace("effectiveFrom: 2022-08-19", "effectiveFrom: 2023-01-01", StringComparison.Ordinal));
        }

        var result = RuleSetCatalog.TryLoadFromFolder(temp.Path);
        Assert.That(result.Catalog, Is.Not.Null, () => string.Join("\n", result.Diagnostics));
        return result.Catalog!;
    }

    [Test]
    public void Find_VersionSharedByTwoIdsWithoutId_FindsNothingAndSaysWhy()
    {
        using var temp = new TempFolder();
        var catalog = TwoIds(temp);

        Assert.That(catalog.Find("1.0.0"), Is.Null);
        Assert.That(catalog.WhyNone(new DateOnly(2024, 5, 1), "1.0.0")!.En, Does.Contain("other-plan").And.Contain("test-plan"));
    }

    [Test]
    public void Find_VersionSharedByTwoIdsWithId_FindsThatOne()
    {
        using var temp = new TempFolder();
        var catalog = TwoIds(temp);

        Assert.That(catalog.Find("1.0.0", "other-plan")!.Info.Id, Is.EqualTo("other-plan"));
        Assert.That(catalog.Find("1.0.0", "test-plan")!.Info.Id, Is.EqualTo("test-plan"));
    }
}
