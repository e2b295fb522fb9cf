using System.Globalization;
using System.Xml;
using MineralRules.Rulebook;
using MineralRules.Tooling;

namespace MineralRules.Tests.Rulebook;

/// <summary>
/// The rulebook's test-only rule set (Rulebook/TestRules/rulebook-test: a three-clause test plan, versions 1.0.0 and
/// 1.1.0, whose texts carry a &lt;script&gt; to be escaped) and samples giving each outcome, built once.
/// </summary>
internal static class RulebookFixtures
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string TestRules => Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "Rulebook", "TestRules");

    public static RuleSetCatalog Catalog { get; } = RuleSetCatalog.LoadFromFolder(TestRules);

    /// <summary>1.0.0 (minimum 300万吨/年), then 1.1.0 (250万吨/年).</summary>
    public static CompiledRuleSet Latest => Catalog.Find("1.1.0")!;

    public static IReadOnlyList<Sample> Samples { get; } =
    [
        Coal("samples/coal.pass.yaml", "capacity: {value: 300, unit: 万吨/年}"),
        Coal("samples/coal.fail.yaml", "capacity: {value: 200, unit: 万吨/年}"),
        Coal("samples/coal.review.yaml", string.Empty),
        Coal("samples/coal.between.yaml", "capacity: {value: 260, unit: 万吨/年}"),
        Read("samples/magnetite.fail.yaml", "id: M\npermit: mining\naction: new\napplicationDate: 2024-05-01\nmineral: ultra-lean-magnetite\nlocation: {zones: []}\n"),
        Read("samples/red-line.review.yaml", "id: R\npermit: mining\naction: new\napplicationDate: 2024-05-01\nmineral: iron\nlocation: {zones: [ecological-red-line]}\nenvironment: {eiaApproved: false}\n"),
    ];

    public static RulebookSite Site { get; } = RulebookSite.Build(Catalog, Samples);

    /// <summary>Parses a page as XML (the pages are written XHTML-style), failing the test with the parser's message when it is not well-formed.</summary>
    public static XmlDocument Parse(string html)
    {
        var document = new XmlDocument();
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        document.Load(reader);
        return document;
    }

    private static Sample Coal(string source, string capacity) =>
        Read(source, $"id: {source}\npermit: mining\naction: new\napplicationDate: 2024-05-01\nmineral: coal\nminingMethod: underground\nlocation: {{zones: []}}\n{capacity}\n");

    private static Sample Read(string source, string yaml)
    {
        var read = ApplicationReader.Read(yaml, ApplicationFormat.Yaml);
        Assert.That(read.Diagnostics, Is.Empty, source);
        return new Sample(source, read.Application!);
    }
}
