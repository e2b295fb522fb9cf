using System.Globalization;

namespace MineralRules.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    private static readonly SourceLocation At = new("rules/a.yaml", 3, 5);
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [Test]
    public void Format_ChineseCultureWithChineseText_WritesChineseMessageAfterEnglishPrefix()
    {
        var diagnostic = new Diagnostic(At, "MR1001", "Unknown key.", "r.1") { MessageZh = "未知的键。" };

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Format(Zh), Is.EqualTo("rules/a.yaml:3:5: error MR1001: 未知的键。（规则 r.1）"));
            Assert.That(diagnostic.Format(CultureInfo.InvariantCulture), Is.EqualTo("rules/a.yaml:3:5: error MR1001: Unknown key. (rule r.1)"));
            Assert.That(diagnostic.ToString(), Is.EqualTo(diagnostic.Format(CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void MessageIn_ChineseCultureWithoutChineseText_FallsBackToEnglish()
    {
        var diagnostic = new Diagnostic(At, "MR1001", "Unknown key.");

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.MessageIn(Zh), Is.EqualTo("Unknown key."));
            Assert.That(diagnostic.Format(Zh), Is.EqualTo("rules/a.yaml:3:5: error MR1001: Unknown key."));
        });
    }

    [Test]
    public void ToString_Warning_SaysWarning()
    {
        var diagnostic = new Diagnostic(At, "MR3100", "Full-width colon.") { Severity = DiagnosticSeverity.Warning };

        Assert.That(diagnostic.ToString(), Is.EqualTo("rules/a.yaml:3:5: warning MR3100: Full-width colon."));
    }
}
