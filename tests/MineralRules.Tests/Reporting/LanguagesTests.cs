namespace MineralRules.Tests.Reporting;

public sealed class LanguagesTests
{
    [TestCase("zh", true)]
    [TestCase("zh-CN", true)]
    [TestCase("ZH-hans", true)]
    [TestCase("en", false)]
    [TestCase("en-US", false)]
    public void Named_ZhOrEn_ChoosesTheLanguage(string name, bool chinese) =>
        Assert.That(Languages.Named(name), Is.SameAs(chinese ? Languages.Chinese : Languages.English));

    [TestCase("fr")]
    [TestCase("")]
    [TestCase(null)]
    public void Named_OtherLanguage_Null(string? name) => Assert.That(Languages.Named(name), Is.Null);

    [Test]
    public void IsChinese_TheTwoLanguages_TellThemApart()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Languages.IsChinese(Languages.Chinese), Is.True);
            Assert.That(Languages.IsChinese(Languages.English), Is.False);
            Assert.That(new LocalizedText("中", "en").In(Languages.Chinese), Is.EqualTo("中"));
        });
    }
}
