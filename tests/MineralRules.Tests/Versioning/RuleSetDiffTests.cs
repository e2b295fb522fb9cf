using MineralRules.Versioning;

namespace MineralRules.Tests.Versioning;

/// <summary>A shift of the compared date (plusMonths, plusDays) is part of what a version changes: shown in words and in the diff.</summary>
public sealed class RuleSetDiffTests
{
    private const string Rule = """
          - id: exploration.extension.before-expiry
            clause: { ref: "4.3.2", zh: 探矿权人自身对勘查许可证有效期届满前未按要求申请延续登记的, en: Extension before expiry. }
            scope: { permit: exploration, actions: [extension] }
            condition: { atMost: { field: applicationDate, compareTo: licence.expiresOn, plusDays: -30 } }
            outcome: fail
            message: { zh: 延续申请应在到期前提出。, en: Apply before expiry. }
        """;

    [Test]
    public void Compare_PlusDaysChanged_ShownWithTheRenderedShift()
    {
        var older = TestRuleSets.Load(null, Rule);
        var newer = TestRuleSets.Load(null, Rule.Replace("plusDays: -30", "plusDays: -60", StringComparison.Ordinal));

        var changes = RuleSetDiff.Compare(older, newer, []).Changed.Single().Changes;

        Assert.Multiple(() =>
        {
            Assert.That(changes, Is.EqualTo(new[] { "condition applicationDate ≤ licence.expiresOn: plus -30 → -60 days" }));
            Assert.That(newer.Rules.Single().Condition, Is.EqualTo("applicationDate ≤ licence.expiresOn + -60 days"));
        });
    }
}
