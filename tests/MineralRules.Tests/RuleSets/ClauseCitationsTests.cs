using MineralRules.Diagnostics;
using MineralRules.Reference;
using MineralRules.RuleSets;

namespace MineralRules.Tests.RuleSets;

/// <summary>
/// The citation checks the loader reports as diagnostics and the coverage report lists as problems are one set of
/// checks: on a small plan, each kind of citation mistake gets its code from the loader and its sentence in the
/// coverage report, and the two agree on which citations are wrong.
/// </summary>
public sealed class ClauseCitationsTests
{
    private const string File = "rules/chapter-1.yaml";

    private static readonly PlanText Plan = PlanText.Parse("""
        目录
        总则
        第一章 规划基础
        第一节 开采方向
        1. 禁止开采超贫磁铁矿。其余从严。
        2. 不新建汞矿山。
        第二节 总量控制
        1. 钨、稀土严格按照指标生产。
        """);

    private static readonly SourceLocation At = new(File, 10, 5);
    private static readonly SourceLocation RefAt = new(File, 11, 12);
    private static readonly SourceLocation QuoteAt = new(File, 12, 11);

    // (scenario, ref, quote, codes the loader reports, the coverage report's sentence)
    private static readonly object?[][] Citations =
    [
        ["Correct", "1.1.1", "禁止开采超贫磁铁矿", Array.Empty<string>(), null],
        ["CorrectWithEllipsis", "1.1.1", "禁止开采……从严", Array.Empty<string>(), null],
        ["NoSuchClause", "1.1.9", "禁止开采超贫磁铁矿", new[] { "MR3008" }, "the plan has no clause 1.1.9"],
        ["NoSuchClauseAndMisquoted", "1.1.9", "禁止开采贫磁铁矿", new[] { "MR3008", "MR3015" }, "the plan has no clause 1.1.9"],
        ["QuoteNotInPlan", "1.1.1", "禁止开采富磁铁矿", new[] { "MR3015" }, "the quote '禁止开采富磁铁矿' is not in the plan's text"],
        ["QuoteUnderAnotherClause", "1.1.2", "禁止开采超贫磁铁矿", new[] { "MR3015" }, "the quote is in the plan but not under clause 1.1.2"],
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        Citations.Select(c => new TestCaseData(c[1], c[2], c[3], c[4]).SetName($"CheckRule_{c[0]}_ReportsItsCodesAndCoverageSaysTheFirst"));

    [TestCaseSource(nameof(Cases))]
    public void CheckRule_Citation_ReportsItsCodesAndCoverageSaysTheFirst(string reference, string quote, string[] codes, string? problem)
    {
        var rule = Rule(new ClauseReference(reference, quote, "English"));

        var diagnostics = Check(rule);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(codes));
            Assert.That(ClauseCitations.Problem(rule, Plan)?.En, Is.EqualTo(problem));
        });
    }

    [Test]
    public void CheckRule_NoSuchClauseAndMisquoted_EachAtItsOwnLine()
    {
        var rule = Rule(new ClauseReference("1.1.9", "禁止开采贫磁铁矿", "English"));

        var diagnostics = Check(rule);

        Assert.That(diagnostics.Select(d => (d.Code, d.Location, d.RuleId)), Is.EqualTo(new[] { ("MR3008", RefAt, "r1"), ("MR3015", QuoteAt, "r1") }));
    }

    [Test]
    public void CheckRule_QuoteUnderAnotherClause_NamesTheCitedClausesTitle()
    {
        var rule = Rule(new ClauseReference("1.1.2", "禁止开采超贫磁铁矿", "English"));

        var diagnostic = Check(rule).Single();

        Assert.That(diagnostic.Message, Is.EqualTo("The quote is in the plan, but not under clause 1.1.2 (不新建汞矿山); cite the clause the words stand in."));
    }

    [TestCase("1.2.1", "钨、稀土严格按照指标生产", null)]
    [TestCase("1.2.7", "钨、稀土严格按照指标生产", "MR3008")]
    [TestCase("1.2.7", "钨和稀土", "MR3008")] // the first problem only: a further citation is one mistake
    [TestCase("1.2.1", "钨和稀土", "MR3015")]
    [TestCase("1.1.1", "钨、稀土严格按照指标生产", "MR3015")]
    public void CheckRule_AlsoCites_ReportsItsFirstProblemAtItsLine(string reference, string quote, string? code)
    {
        var also = new SourceLocation(File, 20, 9);
        var rule = Rule(new ClauseReference("1.1.1", "禁止开采超贫磁铁矿", "English")) with
        {
            AlsoCites = [new ClauseReference(reference, quote, "English")],
            AlsoCitesLocations = [also],
        };

        var diagnostics = Check(rule);

        Assert.That(diagnostics.Select(d => (d.Code, d.Location)), Is.EqualTo(code is null ? [] : new[] { (code, also) }));
    }

    [Test]
    public void CheckRule_QuotesNotChecked_ReportsNothingCoverageStillSays()
    {
        var rule = Rule(new ClauseReference("1.1.9", "禁止开采贫磁铁矿", "English"));

        var diagnostics = Check(rule, checkQuotes: false);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics, Is.Empty);
            Assert.That(ClauseCitations.Problem(rule, Plan)?.En, Is.EqualTo("the plan has no clause 1.1.9"));
        });
    }

    [TestCase("Check", "Checkable", null)]
    [TestCase("Check", "Informational", "informational: cite it from a note (kind: note)")]
    [TestCase("Check", "NotCheckable", "not checkable")]
    [TestCase("Note", "Informational", null)]
    [TestCase("Note", "Checkable", null)]
    [TestCase("Note", "NotCheckable", "not checkable")]
    public void CheckRule_ClauseStatusInIndex_ChecksCiteCheckableNotesNotNotCheckable(string kind, string status, string? marked)
    {
        var rule = Rule(new ClauseReference("1.1.1", "禁止开采超贫磁铁矿", "English")) with { Kind = Enum.Parse<RuleKind>(kind) };
        var index = FullIndex().Select(e => e.Ref == "1.1.1" ? e with { Status = Enum.Parse<ClauseStatus>(status) } : e).ToList();

        var diagnostics = Check(rule, index: index);

        Assert.That(
            diagnostics.Select(d => (d.Code, d.Location, d.Message)),
            Is.EqualTo(marked is null ? [] : new[] { ("MR3008", RefAt, $"The clause index marks 1.1.1 (禁止开采超贫磁铁矿) as {marked}; change the index or cite another clause.") }));
    }

    [Test]
    public void CheckIndex_DuplicateMisnamedUnknownAndMissingClauses_EachReported()
    {
        var index = FullIndex();
        index.Insert(2, index[1] with { Location = new SourceLocation(File, 30, 5) });       // 1.1 twice
        index[3] = index[3] with { Title = "开采方针" };                                       // 1.1.1 under another title
        index.RemoveAt(4);                                                                  // 1.1.2 left out
        index.Add(new ClauseIndexEntry("1.3", "其他", ClauseStatus.NotCheckable, new LocalizedText("x", "x"), new SourceLocation(File, 40, 5)));

        var messages = Check(null, index: index).Select(d => d.Message);

        Assert.That(messages, Is.EquivalentTo(new[]
        {
            $"Clause 1.1 is indexed twice (first at {File}:2:5).",
            "Clause 1.1.1 is titled '禁止开采超贫磁铁矿' in the plan, not '开采方针'.",
            "The plan has no clause 1.3. Did you mean '1.1'?",
            "The clause index lacks clause 1.1.2 (不新建汞矿山); add it with its status and, when not checkable, the reason.",
        }));
    }

    private static RuleDefinition Rule(ClauseReference clause) => new()
    {
        Id = "r1",
        Location = At,
        Kind = RuleKind.Check,
        Clause = clause,
        ClauseRefLocation = RefAt,
        ClauseQuoteLocation = QuoteAt,
        Scope = new ScopeDefinition(),
        Message = new LocalizedText("违反。", "Violated."),
    };

    /// <summary>Every clause of the plan, checkable, with the plan's titles.</summary>
    private static List<ClauseIndexEntry> FullIndex() =>
        [.. Plan.Clauses.Select((c, i) => new ClauseIndexEntry(c.Ref, c.Title, ClauseStatus.Checkable, new LocalizedText("x", "x"), new SourceLocation(File, i + 1, 5)))];

    private static List<Diagnostic> Check(RuleDefinition? rule, bool checkQuotes = true, IReadOnlyList<ClauseIndexEntry>? index = null)
    {
        var info = new RuleSetInfo("test", "1.0.0", new LocalizedText("测试", "Test"), new SourceDocument(string.Empty, string.Empty, default, default, null, null), new DateOnly(2024, 1, 1), null);
        var definition = new RuleSetDefinition(info, At, [], rule is null ? [] : [rule], Plan, ReferenceData.None, index ?? []);
        var diagnostics = new DiagnosticBag();
        var citations = new ClauseCitations(definition, diagnostics, checkQuotes);
        citations.CheckIndex();
        if (rule is not null)
        {
            citations.CheckRule(rule);
        }

        return [.. diagnostics.ToSortedList()];
    }
}
