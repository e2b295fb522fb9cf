namespace MineralRules.Tests;

public class EmbeddedRulesTests
{
    [Test]
    public void LoadEmbedded_ShippedRules_LoadsVersion200InForceFromIssueDate()
    {
        var ruleSet = Fixtures.Shipped.InForceOn(new DateOnly(2022, 8, 19))!;

        Assert.Multiple(() =>
        {
            Assert.That(Fixtures.Shipped.RuleSets.Select(r => r.Info.Version), Is.EqualTo(new[] { "1.0.0", "2.0.0" }));
            Assert.That(ruleSet.Info.Id, Is.EqualTo("nmg-mineral-plan-2021-2025"));
            Assert.That(ruleSet.Info.Version, Is.EqualTo("2.0.0"));
            Assert.That(ruleSet.Info.Supersedes?.Version, Is.EqualTo("1.0.0"));
            Assert.That(ruleSet.Info.Readings, Is.EqualTo(RuleSetReadings.SecondEdition));
            Assert.That(Fixtures.Shipped.Find("1.0.0")!.Info.Readings, Is.EqualTo(RuleSetReadings.Original));
            Assert.That(ruleSet.Info.Source.Number, Is.EqualTo("内政发〔2022〕24号"));
            Assert.That(ruleSet.Info.Source.Issued, Is.EqualTo(new DateOnly(2022, 8, 19)));
            Assert.That(ruleSet.Info.Source.Published, Is.EqualTo(new DateOnly(2022, 8, 26)));
            Assert.That(ruleSet.Info.EffectiveFrom, Is.EqualTo(new DateOnly(2022, 8, 19)));
            Assert.That(ruleSet.Info.EffectiveTo, Is.Null);
        });
    }

    [Test]
    public void EmbeddedResources_EveryRuleFile_SameTextAsRepository()
    {
        // The embedded default must be exactly the rules/ folder: a stale build would enforce other rules.
        var assembly = typeof(RuleSetCatalog).Assembly;
        var files = Directory.EnumerateFiles(TestPaths.Rules, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).ToList();

        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var name = "rules/" + Path.GetRelativePath(TestPaths.Rules, file).Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name);
            Assert.That(stream, Is.Not.Null, name);
            using var reader = new StreamReader(stream!);
            Assert.That(reader.ReadToEnd(), Is.EqualTo(File.ReadAllText(file)), name);
        }
    }

    [Test]
    public void LoadFromFolder_RepositoryRules_SameRulesAsEmbedded()
    {
        var fromFolder = RuleSetCatalog.LoadFromFolder(TestPaths.Rules);

        Assert.That(fromFolder.RuleSets.Select(r => (r.Info.Digest, r.RuleIds)), Is.EqualTo(Fixtures.Shipped.RuleSets.Select(r => (r.Info.Digest, r.RuleIds))));
    }

    [TestCase("4.2.1")]
    [TestCase("5.1.1")]
    [TestCase("5.2.1")]
    public void RuleIds_FirstSliceClause_HasRules(string clause)
    {
        var rules = Fixtures.Shipped.RuleSets[^1].Rules.Where(r => r.Clause.Ref == clause);

        Assert.That(rules, Is.Not.Empty);
    }
}
