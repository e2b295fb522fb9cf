using MineralRules.Evaluation;

namespace MineralRules.Tests.Evaluation;

/// <summary>
/// The placeholders the loader lets a message use are the ones a message is filled with: each is replaced by the
/// application's value, an unknown one stays as written, and only those naming the permit, action and mineral let a
/// message be built once per combination.
/// </summary>
public sealed class MessageTemplatesTests
{
    private const string RuleId = "coal.new-underground.min-capacity";

    private static CompiledRuleSet RuleSet => Fixtures.Catalog.RuleSets.Single();

    public static IEnumerable<TestCaseData> Placeholders() =>
        MessageTemplates.Placeholders.Select(p => new TestCaseData(p).SetName($"Format_Placeholder_{p}_IsFilled"));

    [TestCaseSource(nameof(Placeholders))]
    public void Format_PlaceholderTheLoaderAccepts_IsFilled(string name)
    {
        var template = new LocalizedText($"[{{{name}}}]", $"[{{{name}}}]");

        var text = MessageTemplates.Format(template, Rule(), Fixtures.Read(Fixtures.CoalMine("FILL", 120)));

        Assert.Multiple(() =>
        {
            Assert.That(text.Zh, Does.Not.Contain("{").And.Not.EqualTo("[]"));
            Assert.That(text.En, Does.Not.Contain("{").And.Not.EqualTo("[]"));
        });
    }

    [Test]
    public void Format_EveryPlaceholderOfAMessage_FilledWithTheApplicationsValues()
    {
        var template = new LocalizedText("{permit}|{action}|{mineral}|{league}|{actual}|{required}", "{permit}|{action}|{mineral}|{league}|{actual}|{required}");

        var text = MessageTemplates.Format(template, Rule(), Fixtures.Read(Fixtures.CoalMine("FILL", 120)));

        Assert.That(text.En, Is.EqualTo("mining permit|new|coal|鄂尔多斯市|120万吨/年|300万吨/年"));
    }

    [TestCase("{minimum} and {actual", "{minimum} and {actual")]
    [TestCase("｛actual｝", "｛actual｝")]
    [TestCase("no placeholder", "no placeholder")]
    public void Format_UnknownOrUnclosedBraces_StayAsWritten(string template, string expected)
    {
        var text = MessageTemplates.Format(new LocalizedText(template, template), Rule(), Fixtures.Read(Fixtures.CoalMine("FILL", 120)));

        Assert.That(text.En, Is.EqualTo(expected));
    }

    [TestCase("{mineral}{permit}{action}", true)]
    [TestCase("no placeholder", true)]
    [TestCase("{minimum}", true)]
    [TestCase("{actual}", false)]
    [TestCase("{required}", false)]
    [TestCase("{mineral}{league}", false)]
    public void DependsOnCombinationOnly_Template_TrueOnlyForPermitActionAndMineral(string template, bool expected)
    {
        Assert.That(MessageTemplates.DependsOnCombinationOnly(new LocalizedText(template, template)), Is.EqualTo(expected));
    }

    private static MineralRules.Compilation.CompiledRule Rule() => RuleSet.CompiledRules.Single(r => r.Id == RuleId);
}
