namespace MineralRules.Tests;

public class SmokeTests
{
    [Test]
    public void LoadEmbedded_ShippedRules_LoadsVersion100()
    {
        Assert.That(Fixtures.Catalog.RuleSets.Select(r => r.Info.Version), Does.Contain("1.0.0"));
    }
}
