using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Evaluation;

/// <summary>
/// The engine readings and explanations a version can rely on from rule set 2.0.0 on (manifest <c>readings</c>,
/// <c>remedy</c>, <c>facts</c>, <c>given</c>, <c>plusDays</c>, <c>counties</c>, superseding versions, the digest), each
/// on a small rule set written here, so no edit of the shipped rules can change these tests.
/// </summary>
public sealed class SecondEditionEngineTests
{
    private const string SecondEdition = "readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required }";

    private const string RedLineRule = """
          - id: spatial.red-line.no-new-mining
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Spatial controls apply. }
            basis:
              - { title: 关于加强生态保护红线管理的通知（试行）, number: 自然资发〔2022〕142号, article: 一(一) }
            scope: { permit: mining, actions: [new], zones: [ecological-red-line] }
            condition: { prohibited: true }
            outcome: fail
            message: { zh: 项目位于生态保护红线内。, en: The site lies in the ecological red line. }
            remedy: { zh: 调整矿区范围避让生态保护红线。, en: Move the site out of the red line. }
        """;

    private const string CapacityRule = """
          - id: coal.min-capacity
            clause: { ref: "5.2.1", zh: 新建井工煤矿原则上产能不低于300万吨/年, en: At least 3 Mt/a. }
            scope: { permit: mining, actions: [new], minerals: [coal], miningMethods: [underground] }
            condition: { atLeast: { field: capacity, value: 300, unit: 万吨/年 } }
            outcome: fail
            message: { zh: "产能{actual}低于{required}。", en: "Capacity {actual} is below {required}." }
            remedy: { zh: "产能不低于{required}。", en: "Design a capacity of at least {required}." }
        """;

    private const string Mine = MineText + "\n";

    private const string MineText = """
        id: T-1
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: coal
        capacity: { value: 240, unit: 万吨/年 }
        """;

    private const string StageRule = """
          - id: mining.reserves.stage-others
            clause: { ref: "5.4.1", zh: 其他矿山应达到详查及以上程度, en: At least the detailed stage. }
            scope: { permit: mining, actions: [new] }
            condition:
              any:
                - atLeast: { field: explorationStage, value: detailed }
                - all:
                    - is: { field: mineral, value: sand-gravel }
                    - atLeast: { field: explorationStage, value: general }
            outcome: fail
            message: { zh: "资源储量勘查程度为{actual}，应达到{required}。", en: "Explored to the {actual} stage; {required} is required." }
            remedy: { zh: 提高勘查程度。, en: Explore further. }
        """;

    private const string IronAtGeneralStage = """
        id: T-2
        permit: mining
        action: new
        applicationDate: 2024-05-01
        mineral: iron
        explorationStage: general

        """;

    [Test]
    public void Explain_AnyWithANestedAllViolatedUnderSecondEdition_NamesTheStageNotTheMineral()
    {
        var verdict = TestRuleSets.Load(SecondEdition, StageRule).Evaluate(Fixtures.Read(IronAtGeneralStage)).VerdictOf("mining.reserves.stage-others");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(verdict.Message!.Zh, Is.EqualTo("资源储量勘查程度为普查，应达到详查。"));
            Assert.That(verdict.Message.En, Is.EqualTo("Explored to the general survey stage; detailed survey is required."));
        });
    }

    [Test]
    public void Explain_AnyWithANestedAllViolatedUnderOriginalReadings_KeepsTheReleasedChoice()
    {
        // 1.0.0's messages are reproduced as released: the last part explains, here the nested all's mineral.
        var verdict = TestRuleSets.Load(null, StageRule.Replace("            remedy: { zh: 提高勘查程度。, en: Explore further. }\n", string.Empty, StringComparison.Ordinal))
            .Evaluate(Fixtures.Read(IronAtGeneralStage)).VerdictOf("mining.reserves.stage-others");

        Assert.That(verdict.Message!.Zh, Does.StartWith("资源储量勘查程度为铁"));
    }

    [Test]
    public void Evaluate_ZonesAbsentUnderSecondEdition_ReviewNamingZonesWithFactAndRemedy()
    {
        var verdict = TestRuleSets.Load(SecondEdition, RedLineRule).Evaluate(Fixtures.Read(Mine)).VerdictOf("spatial.red-line.no-new-mining");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.EqualTo(new[] { "location.zones" }));
            Assert.That(verdict.Facts, Is.EqualTo(new[] { new Fact("location.zones", null, "present", "application") }));
            Assert.That(verdict.Remedy!.En, Does.Contain("Supply location.zones"));
            Assert.That(verdict.Remedy.Zh, Does.Contain("补充提交所在规划分区（location.zones）"));
        });
    }

    [Test]
    public void Evaluate_ZonesAbsentUnderOriginalReading_NotApplicableAsIn100()
    {
        var verdict = TestRuleSets.Load(null, WithoutRemedy(RedLineRule))
            .Evaluate(Fixtures.Read(Mine)).VerdictOf("spatial.red-line.no-new-mining");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.NotApplicable));
            Assert.That(verdict.Remedy, Is.Null);
        });
    }

    [TestCase("[]", Outcome.NotApplicable)]
    [TestCase("[energy-base]", Outcome.NotApplicable)]
    [TestCase("[ecological-red-line]", Outcome.Fail)]
    public void Evaluate_ZonesGiven_EmptyListIsNone(string zones, Outcome expected)
    {
        var result = TestRuleSets.Load(SecondEdition, RedLineRule).Evaluate(Fixtures.Read(Mine + $"location: {{ zones: {zones} }}\n"));
        var verdict = result.VerdictOf("spatial.red-line.no-new-mining");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(expected));
            Assert.That(verdict.Basis, Is.EqualTo(new[] { new LegalBasis("关于加强生态保护红线管理的通知（试行）", "自然资发〔2022〕142号", "一(一)") }));
            if (expected == Outcome.Fail)
            {
                Assert.That(verdict.Remedy!.Zh, Is.EqualTo("调整矿区范围避让生态保护红线。"));
                Assert.That(verdict.Facts.Single().Field, Is.EqualTo("location.zones"));
                Assert.That(verdict.Facts.Single().Value, Is.EqualTo("[ecological-red-line]"));
            }
            else
            {
                Assert.That(verdict.Remedy, Is.Null);
                Assert.That(verdict.Facts, Is.Empty);
            }
        });
    }

    [TestCase(299.99, Outcome.Fail)]
    [TestCase(300, Outcome.Pass)]
    [TestCase(300.01, Outcome.Pass)]
    public void Evaluate_CapacityAroundThreshold_FactsAndRemedyNameTheValues(double capacity, Outcome expected)
    {
        var application = Fixtures.Read(Mine.Replace("value: 240", $"value: {capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal) + "miningMethod: underground\n");
        var verdict = TestRuleSets.Load(SecondEdition, CapacityRule).Evaluate(application).VerdictOf("coal.min-capacity");

        Assert.That(verdict.Outcome, Is.EqualTo(expected));
        if (expected == Outcome.Fail)
        {
            Assert.Multiple(() =>
            {
                Assert.That(verdict.Facts, Is.EqualTo(new[] { new Fact("capacity", "299.99万吨/年", "≥ 300万吨/年", "application") }));
                Assert.That(verdict.Remedy!.En, Is.EqualTo("Design a capacity of at least 300万吨/年."));
            });
        }
    }

    [TestCase("miningMethod: underground\n", Outcome.Pass)]
    [TestCase("", Outcome.Pass)]
    public void Evaluate_ScopeFactAbsentButConditionMet_PassesUnderSecondEdition(string method, Outcome expected)
    {
        var application = Fixtures.Read(Mine.Replace("value: 240", "value: 400", StringComparison.Ordinal) + method);

        Assert.That(TestRuleSets.Load(SecondEdition, CapacityRule).Evaluate(application).VerdictOf("coal.min-capacity").Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_ScopeFactAbsentButConditionMet_ReviewUnderOriginalReading()
    {
        var application = Fixtures.Read(Mine.Replace("value: 240", "value: 400", StringComparison.Ordinal));
        var rule = WithoutRemedy(CapacityRule);

        var verdict = TestRuleSets.Load(null, rule).Evaluate(application).VerdictOf("coal.min-capacity");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
            Assert.That(verdict.Missing, Is.EqualTo(new[] { "miningMethod" }));
        });
    }

    [TestCase("", Outcome.Fail)]
    [TestCase("  agreementBasis: \"\"\n", Outcome.Fail)]
    [TestCase("  agreementBasis: 国家规定的其他情形\n", Outcome.Pass)]
    public void Evaluate_GivenText_AbsentOrBlankIsFalseNeverMissing(string basis, Outcome expected)
    {
        const string Rule = """
              - id: rights.grant
                clause: { ref: "4.3.2", zh: 国家规定的协议出让情形除外, en: Agreement cases. }
                scope: { actions: [new] }
                condition: { given: { field: grant.agreementBasis } }
                outcome: fail
                message: { zh: 未说明依据。, en: No basis given. }
                remedy: { zh: 说明依据。, en: Give the basis. }
            """;
        var application = Fixtures.Read(Mine + "grant:\n  method: agreement\n" + basis);

        var verdict = TestRuleSets.Load(SecondEdition, Rule).Evaluate(application).VerdictOf("rights.grant");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(expected));
            Assert.That(verdict.Missing, Is.Empty);
        });
    }

    [TestCase("2024-07-02", Outcome.Pass)]   // exactly 30 days before 2024-08-01
    [TestCase("2024-07-01", Outcome.Pass)]   // 31
    [TestCase("2024-07-03", Outcome.Review)] // 29
    public void Evaluate_PlusDays_ExactlyThirtyDaysBeforeExpiryPasses(string filed, Outcome expected)
    {
        const string Rule = """
              - id: mining.extension.30-days
                clause: { ref: "5.4.2", zh: 对采矿许可证有效期届满前未按要求申请延续登记的, en: Extend in time. }
                scope: { permit: mining, actions: [extension] }
                condition: { atMost: { field: applicationDate, compareTo: licence.expiresOn, plusDays: -30 } }
                outcome: review
                message: { zh: 不足30日。, en: Less than 30 days. }
                remedy: { zh: 提前申请。, en: File earlier. }
            """;
        var application = Fixtures.Read($"id: T-2\npermit: mining\naction: extension\napplicationDate: {filed}\nmineral: coal\nlicence: {{ expiresOn: 2024-08-01 }}\n");

        var verdict = TestRuleSets.Load(SecondEdition, Rule).Evaluate(application).VerdictOf("mining.extension.30-days");

        Assert.That(verdict.Outcome, Is.EqualTo(expected));
        if (expected == Outcome.Review)
        {
            Assert.That(verdict.Facts.Single().Required, Is.EqualTo("≤ licence.expiresOn − 30 days (2024-07-02)"));
        }
    }

    [TestCase("准格尔旗", Outcome.Review)]
    [TestCase("150622", Outcome.Review)]
    [TestCase("伊金霍洛旗", Outcome.Pass)]
    public void Evaluate_CountiesScopeAndMarkAbsentIsFalse(string county, Outcome expected)
    {
        const string Rule = """
              - id: coal.high-alumina
                clause: { ref: "5.3.2", zh: 保护性开发准格尔矿区富铝煤, en: High-alumina coal. }
                scope: { permit: mining, minerals: [coal], counties: [准格尔旗] }
                condition: { is: { field: coal.highAlumina, value: false } }
                outcome: review
                message: { zh: 富铝煤。, en: High-alumina coal. }
                remedy: { zh: 审查。, en: Review. }
            """;
        var ruleSet = TestRuleSets.Load(SecondEdition, Rule);
        var marked = ruleSet.Evaluate(Fixtures.Read(Mine + $"location: {{ county: {county} }}\ncoal: {{ highAlumina: true }}\n")).VerdictOf("coal.high-alumina");
        var unmarked = ruleSet.Evaluate(Fixtures.Read(Mine + $"location: {{ county: {county} }}\n")).VerdictOf("coal.high-alumina");

        Assert.Multiple(() =>
        {
            Assert.That(marked.Outcome, Is.EqualTo(expected == Outcome.Review ? Outcome.Review : Outcome.NotApplicable));
            Assert.That(unmarked.Outcome, Is.EqualTo(expected == Outcome.Review ? Outcome.Pass : Outcome.NotApplicable), "a mark left out reads as false");
        });
    }

    [Test]
    public void Load_SecondEditionCheckWithoutRemedy_RefusedAtTheRule()
    {
        var result = TestRuleSets.TryLoad(SecondEdition, WithoutRemedy(RedLineRule));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Diagnostics.Select(d => (d.Code, d.RuleId)), Does.Contain(("MR1006", "spatial.red-line.no-new-mining")));
            Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("'remedy'"));
        });
    }

    [Test]
    public void Load_Version2WithoutReadings_Refused()
    {
        var result = TestRuleSets.TryLoad(string.Empty, RedLineRule, version: "2.0.0");

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("states the readings it relies on"));
    }

    [Test]
    public void Load_TwoVersionsSameDay_OnlyWhenTheHigherSupersedes()
    {
        using var temp = new TempFolder();
        TestRuleSets.WriteVersion(temp, "1.0.0", null, WithoutRemedy(RedLineRule));
        TestRuleSets.WriteVersion(temp, "2.0.0", SecondEdition, RedLineRule);
        var overlapping = RuleSetCatalog.TryLoadFromFolder(temp.Path);

        TestRuleSets.WriteVersion(temp, "2.0.0", SecondEdition + "\nsupersedes: { version: 1.0.0, reason: { zh: 更正。, en: Corrected. } }", RedLineRule);
        var superseding = RuleSetCatalog.TryLoadFromFolder(temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(overlapping.Diagnostics.Select(d => d.Message), Has.Some.Contains("both take effect on 2022-08-19"));
            Assert.That(superseding.Succeeded, Is.True, string.Join("\n", superseding.Diagnostics));
            Assert.That(superseding.Catalog!.InForceOn(new DateOnly(2022, 8, 19))!.Info.Version, Is.EqualTo("2.0.0"));
            Assert.That(superseding.Catalog.Find("1.0.0"), Is.Not.Null);
        });
    }

    [Test]
    public void Digest_SealAddedBeside_Unchanged_RuleEdited_Changed()
    {
        using var temp = new TempFolder();
        var folder = TestRuleSets.WriteVersion(temp, "2.0.0", SecondEdition, RedLineRule);
        var first = RuleSetCatalog.LoadFromFolder(temp.Path).RuleSets.Single().Info.Digest;
        File.WriteAllText(Path.Combine(folder, "seal.yaml"), "# a seal beside the files\nfiles: []\n");
        var sealedDigest = RuleSetCatalog.TryLoadFromFolder(temp.Path).Catalog?.RuleSets.Single().Info.Digest;
        File.Delete(Path.Combine(folder, "seal.yaml"));
        File.WriteAllText(Path.Combine(folder, "rules.yaml"), File.ReadAllText(Path.Combine(folder, "rules.yaml")).Replace("避让", "避开", StringComparison.Ordinal));
        var edited = RuleSetCatalog.LoadFromFolder(temp.Path).RuleSets.Single().Info.Digest;

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Match("^sha256:[0-9a-f]{64}$"));
            Assert.That(sealedDigest ?? first, Is.EqualTo(first), "a seal file is never part of the digest");
            Assert.That(edited, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void ShippedRules_CopyReleasedAsHigherVersionWithOneThreshold_LoadsAndEngineFixtureUnchanged()
    {
        // Releasing a version (2.0.0 copied as 2.1.0 with one changed threshold) is a legal edit of rules/: it
        // changes the shipped rules' verdicts, never the rule set the engine tests run on.
        using var temp = new TempFolder();
        var rules = Path.Combine(temp.Path, "rules");
        TempFolder.CopyFolder(TestPaths.Rules, rules);
        var v2 = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "2.0.0");
        var v21 = Path.Combine(rules, "nmg-mineral-plan-2021-2025", "2.1.0");
        TempFolder.CopyFolder(v2, v21);
        File.Delete(Path.Combine(v21, RuleSetSeal.FileName)); // a new version is a draft until it is sealed
        var manifest = Path.Combine(v21, "manifest.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest)
            .Replace("version: 2.0.0", "version: 2.1.0", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2022-08-19", "effectiveFrom: 2025-01-01", StringComparison.Ordinal));
        var mining = Path.Combine(v21, "chapter-5-mining.yaml");
        var text = File.ReadAllText(mining);
        var threshold = "atLeast: { field: capacity, value: 300, unit: 万吨/年 }";
        Assert.That(text, Does.Contain(threshold));
        File.WriteAllText(mining, text.Replace(threshold, "atLeast: { field: capacity, value: 250, unit: 万吨/年 }", StringComparison.Ordinal));
        var engineDigest = Fixtures.Catalog.RuleSets.Single().Info.Digest;

        Assert.That(RuleSetSeal.Write(v21).Diagnostics, Is.Empty, "the edited copy seals as a new version");
        var catalog = RuleSetCatalog.LoadFromFolder(rules);
        var mine = Fixtures.Read(Fixtures.CoalMine("T-21", 260));
        var in2024 = catalog.Evaluate(mine with { ApplicationDate = new DateOnly(2024, 5, 1) });
        var in2025 = catalog.Evaluate(mine with { ApplicationDate = new DateOnly(2025, 5, 1) });

        Assert.Multiple(() =>
        {
            Assert.That(in2024.RuleSet.Version, Is.EqualTo("2.0.0"));
            Assert.That(in2025.RuleSet.Version, Is.EqualTo("2.1.0"));
            Assert.That(in2025.RuleSet.Sealed, Is.True);
            Assert.That(in2024.VerdictOf("coal.new-underground.min-capacity").Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(in2025.VerdictOf("coal.new-underground.min-capacity").Outcome, Is.EqualTo(Outcome.Pass));
            Assert.That(Fixtures.Catalog.RuleSets.Single().Info.Digest, Is.EqualTo(engineDigest));
            Assert.That(Fixtures.Catalog.RuleSets.Select(r => r.Info.Digest), Has.None.EqualTo(catalog.InForceOn(new DateOnly(2025, 5, 1))!.Info.Digest));
        });
    }

    private static string WithoutRemedy(string rules) =>
        string.Join('\n', rules.Split('\n').Where(line => !line.TrimStart().StartsWith("remedy:", StringComparison.Ordinal)));
}
