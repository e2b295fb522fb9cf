using System.Xml;
using MineralRules.Rulebook;
using MineralRules.Tests.Cli;
using MineralRules.Tooling;
using Snapshooter.NUnit;
using static MineralRules.Tests.Rulebook.RulebookFixtures;

namespace MineralRules.Tests.Rulebook;

/// <summary>The rulebook's pages: content, anchors, escaping, well-formedness, search, and the shipped rules' clause 5.2.1.</summary>
public class RulebookSiteTests
{
    private const string Chapter = "rulebook-test/1.1.0/chapter-1.html";

    private static RulebookSite? _shipped;

    /// <summary>The shipped rules with the shipped samples, built once (the site evaluates every sample with every version).</summary>
    private static RulebookSite Shipped => _shipped ??= RulebookSite.Build(RuleSetCatalog.LoadFromFolder(TestPaths.Rules), ShippedSamples());

    [Test]
    public void Paths_TestRuleSet_IndexCssSearchAndPagesPerVersion()
    {
        Assert.That(Site.Paths, Is.EqualTo(new[]
        {
            "rulebook.css", "index.html", "search.html",
            "rulebook-test/1.0.0/index.html", "rulebook-test/1.0.0/samples.html", "rulebook-test/1.0.0/chapter-1.html",
            "rulebook-test/1.1.0/index.html", "rulebook-test/1.1.0/samples.html", "rulebook-test/1.1.0/chapter-1.html",
        }));
    }

    [TestCase("")]
    [TestCase("/")]
    [TestCase("/index.html")]
    [TestCase("rulebook-test/1.1.0/")]
    [TestCase("/rulebook-test/1.1.0/chapter-1.html?x=1")]
    public void Find_KnownPath_ReturnsHtmlPage(string path)
    {
        var page = Site.Find(path);

        Assert.That(page, Is.Not.Null);
        Assert.That(page!.ContentType, Is.EqualTo("text/html; charset=utf-8"));
    }

    [Test]
    public void Find_UnknownPath_Null()
    {
        Assert.That(Site.Find("rulebook-test/9.9.9/index.html"), Is.Null);
        Assert.That(Site.Find("../etc/passwd"), Is.Null);
        Assert.That(Site.Find("rulebook.css")!.ContentType, Is.EqualTo("text/css; charset=utf-8"));
    }

    [Test]
    public void EveryPage_TestAndShippedRules_WellFormedWithBothLanguagesMarked()
    {
        foreach (var site in new[] { Site, Shipped })
        {
            foreach (var path in site.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
            {
                var html = site.Find(path)!.Content;
                XmlDocument document = null!;
                Assert.DoesNotThrow(() => document = Parse(html), path);
                Assert.That(document.DocumentElement!.GetAttribute("lang"), Is.EqualTo("zh-CN"), path);
                Assert.That(html, Does.Contain("lang=\"en\""), path);
                Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<script"), path);
            }
        }
    }

    [Test]
    public void ChapterPage_ScriptInPlanTextAndMessage_Escaped()
    {
        var html = Site.Find(Chapter)!.Content;

        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Contain("含&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;字样"), "the plan's words");
        Assert.That(html, Does.Contain("Capacity {actual} is below {required}. &lt;script&gt;"), "the rule's message");
        var search = Site.Search("<script>").Content;
        Assert.That(search, Does.Not.Contain("<script"));
        Assert.That(search, Does.Contain("value=\"&lt;script&gt;\""));
    }

    [Test]
    public void ChapterPage_TestRuleSet_MatchesSnapshot() => Snapshot.Match(Site.Find(Chapter)!.Content);

    [Test]
    public void ChapterPage_Clause_TextRulesAndSamplesPerOutcome()
    {
        var document = Parse(Site.Find(Chapter)!.Content);
        var clause = Element(document, "clause-1.1.1");
        var rule = Element(document, "rule-coal.min-capacity");

        Assert.That(clause.InnerText, Does.Contain("新建井工煤矿原则上产能不低于300万吨/年"));
        Assert.That(rule.InnerText, Does.Contain("设计生产能力至少 250万吨/年（250 本身合格）").And.Contain("capacity at least 250万吨/年 = 2,500,000 t/a (250 itself passes)"));
        Assert.That(Samples(rule, "pass"), Is.EqualTo(new[] { "samples/coal.pass.yaml", "samples/coal.between.yaml" }));
        Assert.That(Samples(rule, "fail"), Is.EqualTo(new[] { "samples/coal.fail.yaml" }));
        Assert.That(Samples(rule, "review"), Is.EqualTo(new[] { "samples/coal.review.yaml" }));
    }

    [Test]
    public void VersionPage_SecondVersion_RangeAndThresholdChange()
    {
        var html = Site.Find("rulebook-test/1.1.0/index.html")!.Content;

        Assert.That(html, Does.Contain("2024-01-01 起，至新版本取代为止").And.Contain("from 2024-01-01 until a later version supersedes it"));
        Assert.That(html, Does.Contain("What changed since 1.0.0"));
        Assert.That(html, Does.Contain("300 → 250"));
        Assert.That(html, Does.Contain("samples/coal.between.yaml"), "the sample whose decision the change moves");
        Assert.That(Site.Find("rulebook-test/1.0.0/index.html")!.Content, Does.Contain("This is the rule set&#x27;s first version."));
    }

    [TestCase("1.1.1", "clause-1.1.1")]
    [TestCase("煤", "rule-coal.min-capacity")]
    [TestCase("coal", "rule-coal.min-capacity")]
    [TestCase("红线", "rule-spatial.red-line.review")]
    public void Search_ClauseMineralOrKeyword_LinksToIt(string query, string anchor)
    {
        var html = Search(Site, query);

        Assert.That(html, Does.Contain($"rulebook-test/1.1.0/chapter-1.html#{anchor}"));
    }

    [Test]
    public void Search_NothingMatches_SaysSo() =>
        Assert.That(Search(Site, "不存在的词"), Does.Contain("没有与“不存在的词”相符的条款或规则。"));

    [Test]
    public void SearchPage_Static_FullIndexForTheBrowsersFindAndNoFormAStaticFolderCannotAnswer()
    {
        var html = Site.Find("search.html")!.Content;

        Assert.That(html, Does.Not.Contain("<form"));
        Assert.That(Parse(html).InnerText, Does.Contain("Ctrl+F"));
        Assert.That(html, Does.Contain("超贫磁铁矿").And.Contain("ultra-lean magnetite").And.Contain("chapter-1.html#clause-1.2"));
    }

    [Test]
    public void EveryLink_TestAndShippedSites_PointsToAPageAndAnchorTheSiteHas()
    {
        foreach (var site in new[] { Site, Shipped })
        {
            var ids = site.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToDictionary(p => p, p => Parse(site.Find(p)!.Content).SelectNodes("//*[@id]")!.Cast<XmlElement>().Select(e => e.GetAttribute("id")).ToHashSet(StringComparer.Ordinal));
            var links = 0;
            foreach (var (page, _) in ids)
            {
                foreach (var href in Parse(site.Find(page)!.Content).SelectNodes("//*[@href]")!.Cast<XmlElement>().Select(e => e.GetAttribute("href")))
                {
                    links++;
                    var (target, anchor) = Resolve(page, href);
                    Assert.That(site.Paths, Does.Contain(target), $"{page}: {href}");
                    if (anchor is not null)
                    {
                        Assert.That(ids[target], Does.Contain(anchor), $"{page}: {href}");
                    }
                }
            }

            Assert.That(links, Is.GreaterThan(site.Paths.Count * 3), "pages link to each other");
        }

        // A link as a browser reads it on the page at path: relative to the page's folder, "../" climbing.
        static (string Path, string? Anchor) Resolve(string page, string href)
        {
            var hash = href.IndexOf('#', StringComparison.Ordinal);
            var (file, anchor) = hash < 0 ? (href, null) : (href[..hash], href[(hash + 1)..]);
            if (file.Length == 0)
            {
                return (page, anchor);
            }

            var parts = page.Split('/')[..^1].ToList();
            foreach (var part in file.Split('/'))
            {
                if (part == "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else
                {
                    parts.Add(part);
                }
            }

            return (string.Join('/', parts), anchor);
        }
    }

    [Test]
    public void Layout_TitleAndBody_SharedFrameWithTitleEscaped()
    {
        var html = Site.Layout("预览 <Preview>", "<p>body</p>");

        Assert.That(html, Does.Contain("<title>预览 &lt;Preview&gt;</title>").And.Contain("<p>body</p>").And.Contain("href=\"rulebook.css\""));
        Assert.DoesNotThrow(() => Parse(html));
    }

    [Test]
    public void WriteTo_Folder_EveryPathAsAFile()
    {
        using var temp = new TempFolder();
        Site.WriteTo(temp.Path);

        foreach (var path in Site.Paths)
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, path)), Is.EqualTo(Site.Find(path)!.Content), path);
        }
    }

    [Test]
    public void ShippedRules_Clause521_TextRulesAndASampleForEachOutcome()
    {
        var document = Parse(Shipped.Find("nmg-mineral-plan-2021-2025/2.0.0/chapter-5.html")!.Content);
        var clause = Element(document, "clause-5.2.1");
        var rule = Element(document, "rule-coal.new-underground.min-capacity");

        Assert.That(clause.InnerText, Does.Contain("新建井工煤矿原则上产能不低于 300万吨 /年"), "the plan's words");
        Assert.That(clause.InnerText, Does.Contain("New underground coal mines: capacity at least 3 Mt/a, in principle"), "the English rendering");
        Assert.That(rule.InnerText, Does.Contain("设计生产能力至少 300万吨/年（300 本身合格）").And.Contain("capacity at least 300万吨/年 = 3,000,000 t/a (300 itself passes)"));
        foreach (var outcome in new[] { "pass", "fail", "review" })
        {
            Assert.That(Samples(rule, outcome), Is.Not.Empty, outcome);
        }

        Assert.That(Samples(rule, "fail"), Does.Contain("5.2.1/coal.new-underground.min-capacity.fail.yaml"));
    }

    [TestCase("5.2.1")]
    [TestCase("煤")]
    [TestCase("coal")]
    public void ShippedRules_Search_Finds521(string query) =>
        Assert.That(Search(Shipped, query), Does.Contain("nmg-mineral-plan-2021-2025/2.0.0/chapter-5.html#clause-5.2.1").Or.Contain("nmg-mineral-plan-2021-2025/2.0.0/chapter-5.html#rule-coal.new-underground.min-capacity"));

    private static string Search(RulebookSite site, string query)
    {
        var html = site.Search(query).Content;
        Assert.DoesNotThrow(() => Parse(html));
        return html;
    }

    private static XmlElement Element(XmlDocument document, string id) =>
        document.SelectSingleNode($"//*[@id='{id}']") as XmlElement ?? throw new AssertionException($"no element #{id}");

    /// <summary>The sample names listed under a rule for an outcome.</summary>
    private static List<string> Samples(XmlElement rule, string outcome) =>
        [.. rule.SelectNodes($".//ul[@class='samples-{outcome}']/li/a")!.Cast<XmlElement>().Select(a => a.InnerText).Where(t => !t.StartsWith('…'))];

    private static List<Sample> ShippedSamples()
    {
        var files = ApplicationFiles.Find([TestPaths.Samples]).Files;
        return [.. files.Select(f => (File: f, Read: ApplicationReader.ReadFile(f)))
            .Where(r => r.Read.Application is not null)
            .Select(r => new Sample(Path.GetRelativePath(TestPaths.Samples, r.File).Replace('\\', '/'), r.Read.Application!))];
    }
}
