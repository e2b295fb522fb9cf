using MineralRules.RuleSets;

namespace MineralRules.Tests.RuleSets;

/// <summary>All versions in one source form one timeline, ordered as the catalog orders them.</summary>
public sealed class VersionTimelineTests
{
    private static RuleSetInfo Info(string id, string version, string from, string? to = null) =>
        new(id, version, new LocalizedText("规则", "rules"), new SourceDocument("规划", "1号", new DateOnly(2022, 8, 19), new DateOnly(2022, 8, 26), 2021, 2025), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public void Order_SameDay_ByVersionNumberNotReadOrder()
    {
        // Read order (folder names, ordinal) puts 1.10.0 before 1.9.0.
        var timeline = VersionTimeline.Order([Info("a", "1.10.0", "2023-01-01"), Info("a", "1.9.0", "2023-01-01")], v => v);

        Assert.Multiple(() =>
        {
            Assert.That(timeline.Select(e => e.Version.Version), Is.EqualTo(new[] { "1.9.0", "1.10.0" }));
            Assert.That(timeline[0].LastDay, Is.EqualTo(new DateOnly(2022, 12, 31)), "never picked by date");
            Assert.That(timeline[1].LastDay, Is.Null);
        });
    }

    [Test]
    public void Order_DifferentIds_OneTimelineEachEndsBeforeTheNext()
    {
        var timeline = VersionTimeline.Order([Info("successor", "1.0.0", "2027-01-01"), Info("plan", "2.0.0", "2022-08-19", "2026-06-30")], v => v);

        Assert.Multiple(() =>
        {
            Assert.That(timeline.Select(e => e.Version.Id), Is.EqualTo(new[] { "plan", "successor" }));
            Assert.That(timeline[0].Next?.Id, Is.EqualTo("successor"));
            Assert.That(timeline[0].LastDay, Is.EqualTo(new DateOnly(2026, 6, 30)), "its own end comes first: a gap");
        });
    }
}
