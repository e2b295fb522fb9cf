namespace MineralRules.Tests.Records;

/// <summary>
/// Facts from records in evaluation (clauses.md, "Facts from records"): the records' zones and register counts decide
/// in place of the declared ones, verdicts name the record, and declared zones that disagree with derived ones give
/// review. On a small rule set written here, with records built in code, so no edit of the shipped rules or of the
/// record backends can change these tests.
/// </summary>
public sealed class RecordOverlayTests
{
    private const string SecondEdition = "readings: { absentZones: unknown, unknownScopeWhenMet: pass, remedies: required }";

    private const string Rules = """
          - id: spatial.red-line.no-new-mining
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Spatial controls apply. }
            scope: { permit: mining, actions: [new], zones: [ecological-red-line] }
            condition: { prohibited: true }
            outcome: fail
            message: { zh: 项目位于生态保护红线内。, en: The site lies in the ecological red line. }
            remedy: { zh: 调整矿区范围避让生态保护红线。, en: Move the site out of the red line. }
          - id: spatial.red-line.producing-review
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Producing mines. }
            scope: { permit: mining, actions: [extension], zones: [ecological-red-line] }
            condition: { prohibited: true }
            outcome: review
            message: { zh: 生产矿山位于生态保护红线内。, en: A producing mine in the red line. }
            remedy: { zh: 人工审查。, en: A person decides. }
          - id: spatial.energy-base.capacity
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Energy bases. }
            scope: { permit: mining, actions: [new], zones: [energy-base] }
            condition: { atLeast: { field: capacity, value: 120, unit: 万吨/年 } }
            outcome: fail
            message: { zh: "产能{actual}低于{required}。", en: "Capacity {actual} is below {required}." }
            remedy: { zh: "产能不低于{required}。", en: "At least {required}." }
          - id: spatial.outside-reserve.review
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Outside reserves. }
            scope:
              permit: mining
              actions: [new]
              when: { includesNone: { field: location.zones, values: [nature-reserve] } }
            condition: { atLeast: { field: capacity, value: 500, unit: 万吨/年 } }
            outcome: fail
            message: { zh: "产能{actual}。", en: "Capacity {actual}." }
            remedy: { zh: 补充。, en: Supply. }
          - id: mining.one-right-per-deposit
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: One mine per deposit. }
            scope: { permit: mining, actions: [new] }
            condition: { atMost: { field: deposit.otherMiningRights, value: 0 } }
            outcome: fail
            message: { zh: 矿床上已有采矿权。, en: The deposit already has a mining right. }
            remedy: { zh: 整合。, en: Consolidate. }
          - id: mining.block.single-holder
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: One holder per block. }
            scope: { permit: mining, actions: [new] }
            condition: { atMost: { field: block.otherHolders, value: 0 } }
            outcome: fail
            message: { zh: 区块内已有其他矿业权人。, en: Another holder is in the block. }
            remedy: { zh: 调整。, en: Adjust. }
          - id: mining.block.size-and-holder
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Size and holder. }
            scope: { permit: exploration, actions: [new] }
            condition:
              all:
                - atLeast: { field: block.basicUnits, value: 2 }
                - atMost: { field: block.otherHolders, value: 0 }
            outcome: fail
            message: { zh: 区块不合要求。, en: The block does not qualify. }
            remedy: { zh: 调整。, en: Adjust. }
          - id: sand-gravel.county-control-number
            clause: { ref: "3.1", zh: 资源开发应符合国土空间管控有关要求, en: Within the control number. }
            scope: { permit: mining, actions: [new], minerals: [sand-gravel] }
            condition: { lessThan: { field: sandGravel.countyRights, compareTo: sandGravel.countyControlNumber } }
            outcome: fail
            message: { zh: 已达控制数。, en: The control number is reached. }
            remedy: { zh: 等待。, en: Wait. }
        """;

    private static readonly CompiledRuleSet RuleSet = TestRuleSets.Load(SecondEdition, Rules);

    private static Application Mine(string zones, string more = "") => Fixtures.Read($"""
        id: T-1
        permit: mining
        action: new
        applicationDate: 2024-05-01
        applicant: 甲公司
        mineral: coal
        capacity: {"{"} value: 100, unit: 万吨/年 {"}"}
        location:
          league: 150600
          county: 150627
        {zones}
        {more}
        """);

    private static ZoneFindings Layers(params ZoneOverlap[] overlaps) => Layers([.. Enum.GetValues<Zone>()], overlaps);

    private static ZoneFindings Layers(Zone[] layered, params ZoneOverlap[] overlaps) => new()
    {
        Layers = "zones",
        SiteHectares = 10m,
        Layered = layered,
        Overlaps = overlaps,
    };

    private static ZoneOverlap RedLine(decimal hectares = 2.5m) =>
        new(Zone.EcologicalRedLine, "zones/ecological-red-line#RL-1", "RL-1", "某生态保护红线", hectares, hectares / 10m);

    private static Verdict Of(EvaluationResult result, string rule) => result.Verdicts.Single(v => v.Rule == rule);

    private static RegisteredRight Right(string id, string holder, Permit kind = Permit.Mining) =>
        new(id, kind, holder, "coal", "150627", "D-1", "B-1", new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1)) { Source = $"register.gpkg#{id}" };

    [Test]
    public void Evaluate_NoRecords_SameAsWithoutRecords()
    {
        var application = Mine("  zones: []", "deposit: { otherMiningRights: 1 }");

        var plain = RuleSet.Evaluate(application);
        var none = RuleSet.Evaluate(application, RecordFacts.None);

        Assert.That(none.Verdicts, Is.EqualTo(plain.Verdicts));
        Assert.That(none.Decision, Is.EqualTo(plain.Decision));
    }

    [Test]
    public void Evaluate_DeclaresNoZonesButLayersPutItInRedLine_FailsNamingFeatureAndOverlap()
    {
        var result = RuleSet.Evaluate(Mine("  zones: []"), new RecordFacts { Zones = Layers(RedLine()) });

        var verdict = Of(result, "spatial.red-line.no-new-mining");
        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
        var feature = verdict.Facts.Single(f => f.Source == "zones/ecological-red-line#RL-1");
        Assert.That(feature.Field, Is.EqualTo("location.zones"));
        Assert.That(feature.Value, Is.EqualTo("ecological-red-line"));
        Assert.That(feature.OverlapHectares, Is.EqualTo(2.5m));
        Assert.That(feature.ShareOfSite, Is.EqualTo(0.25m));
        Assert.That(feature.Detail, Is.EqualTo("某生态保护红线"));
        Assert.That(verdict.Facts.Any(f => f.Source == "application" && f.Value == "[]"), Is.True, "the declared zones are named beside the layers'");
        Assert.That(result.Decision, Is.EqualTo(Decision.NonCompliant));
    }

    [Test]
    public void Evaluate_DeclaresRedLineButLayersShowNone_ReviewNamingBoth()
    {
        var result = RuleSet.Evaluate(Mine("  zones: [ecological-red-line]"), new RecordFacts { Zones = Layers() });

        var verdict = Of(result, "spatial.red-line.no-new-mining");
        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
        Assert.That(verdict.Message!.En, Does.Contain("ecological-red-line"));
        Assert.That(verdict.Message.Zh, Does.Contain("生态保护红线"));
        Assert.That(verdict.Remedy, Is.Not.Null);
        Assert.That(verdict.Facts.Single(f => f.Source == "application").Value, Is.EqualTo("[ecological-red-line]"));
        Assert.That(result.Decision, Is.Not.EqualTo(Decision.Compliant));
    }

    [Test]
    public void Evaluate_DisagreementUnderARuleForAnotherAction_StaysNotApplicable()
    {
        var result = RuleSet.Evaluate(Mine("  zones: [ecological-red-line]"), new RecordFacts { Zones = Layers() });

        Assert.That(Of(result, "spatial.red-line.producing-review").Outcome, Is.EqualTo(Outcome.NotApplicable));
    }

    [Test]
    public void Evaluate_DisagreementOnAZoneTheRuleDoesNotName_NoReviewUnderIt()
    {
        // Declared in an energy base the layers do not show: the red-line rule is not about energy bases.
        var result = RuleSet.Evaluate(Mine("  zones: [energy-base]"), new RecordFacts { Zones = Layers() });

        Assert.That(Of(result, "spatial.red-line.no-new-mining").Outcome, Is.EqualTo(Outcome.NotApplicable));
        Assert.That(Of(result, "spatial.energy-base.capacity").Outcome, Is.EqualTo(Outcome.Review));
    }

    [Test]
    public void Evaluate_LayersAgreeWithDeclared_NoReview()
    {
        var result = RuleSet.Evaluate(Mine("  zones: [ecological-red-line]"), new RecordFacts { Zones = Layers(RedLine()) });

        var verdict = Of(result, "spatial.red-line.no-new-mining");
        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(verdict.Message!.En, Is.EqualTo("The site lies in the ecological red line."));
    }

    [Test]
    public void Evaluate_NoneDeclaredAndOnlyRedLineLayered_OtherZonesUnknown()
    {
        var facts = new RecordFacts { Zones = Layers([Zone.EcologicalRedLine]) };

        var result = RuleSet.Evaluate(Mine(string.Empty), facts);

        Assert.That(Of(result, "spatial.red-line.no-new-mining").Outcome, Is.EqualTo(Outcome.NotApplicable), "the layer decides the red line");
        Assert.That(Of(result, "spatial.energy-base.capacity").Outcome, Is.EqualTo(Outcome.Review), "no energy-base layer and none declared: unknown");
        Assert.That(Of(result, "spatial.energy-base.capacity").Missing, Is.EqualTo(new[] { "location.zones" }), () => string.Join(" | ", Of(result, "spatial.energy-base.capacity").Facts) + " " + Of(result, "spatial.energy-base.capacity").Message);
        Assert.That(Of(result, "spatial.outside-reserve.review").Outcome, Is.EqualTo(Outcome.Review), "includesNone of a zone without a layer is unknown");
        Assert.That(Of(result, "spatial.outside-reserve.review").Missing, Is.EqualTo(new[] { "location.zones" }));
    }

    [Test]
    public void Evaluate_NoneDeclaredAndEveryZoneLayered_ZonesKnown()
    {
        var result = RuleSet.Evaluate(Mine(string.Empty), new RecordFacts { Zones = Layers() });

        Assert.That(Of(result, "spatial.energy-base.capacity").Outcome, Is.EqualTo(Outcome.NotApplicable));
        Assert.That(Of(result, "spatial.outside-reserve.review").Outcome, Is.EqualTo(Outcome.Fail), "known outside the reserve: the condition decides");
    }

    [Test]
    public void Evaluate_ZoneWithoutLayer_FallsBackToDeclared()
    {
        var result = RuleSet.Evaluate(Mine("  zones: [energy-base]"), new RecordFacts { Zones = Layers([Zone.EcologicalRedLine]) });

        var verdict = Of(result, "spatial.energy-base.capacity");
        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail), "the declared energy base stands: 100 < 120");
        Assert.That(verdict.Facts.Any(f => f.Field == "location.zones" && f.Source == "zones"), Is.False, "the energy base came from the application, not the layers");
    }

    [Test]
    public void Evaluate_RegisterHasMiningRightOnDeposit_FailsNamingTheRight()
    {
        var facts = new RecordFacts { Register = new RegisterFindings { Name = "register.gpkg", OtherMiningRights = [Right("MR-7", "乙公司") with { OverlapHectares = 1.5m }] } };

        var result = RuleSet.Evaluate(Mine("  zones: []", "deposit: { otherMiningRights: 0 }"), facts);

        var verdict = Of(result, "mining.one-right-per-deposit");
        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(verdict.Facts[0], Is.EqualTo(new Fact("deposit.otherMiningRights", "1", verdict.Facts[0].Required, "register.gpkg")));
        var right = verdict.Facts.Single(f => f.Source == "register.gpkg#MR-7");
        Assert.That(right.Value, Is.EqualTo("MR-7"));
        Assert.That(right.Detail, Does.Contain("乙公司").And.Contain("mining").And.Contain("2020-01-01"));
        Assert.That(right.OverlapHectares, Is.EqualTo(1.5m));
    }

    [Test]
    public void Evaluate_RegisterCannotLookUpTheDeposit_UnknownReviewNamingTheRegister()
    {
        // With a register, the applicant's own count never stands in for the register's: without deposit.id or a
        // boundary the register cannot say, so the fact is unknown.
        var facts = new RecordFacts { Register = new RegisterFindings { Name = "register.gpkg", OtherMiningRights = null } };

        var verdict = Of(RuleSet.Evaluate(Mine("  zones: []", "deposit: { otherMiningRights: 0 }"), facts), "mining.one-right-per-deposit");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
        Assert.That(verdict.Missing, Is.EqualTo(new[] { "deposit.otherMiningRights" }));
        var fact = verdict.Facts.Single();
        Assert.That((fact.Value, fact.Source), Is.EqualTo(((string?)null, "register.gpkg")));
        Assert.That(fact.Detail, Does.Contain("deposit.id"));
    }

    [Test]
    public void Evaluate_OtherHolderRights_CountsDistinctHolders()
    {
        var facts = new RecordFacts
        {
            Register = new RegisterFindings { Name = "r", OtherHolderRights = [Right("A", "乙(集团)公司"), Right("B", " 乙（集团） 公司 ", Permit.Exploration)] },
        };

        var result = RuleSet.Evaluate(Mine("  zones: []", "block: { otherHolders: 0 }"), facts);

        var verdict = Of(result, "mining.block.single-holder");
        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(verdict.Facts[0].Value, Is.EqualTo("1"));
        Assert.That(verdict.Facts.Count(f => f.Source.StartsWith("register.gpkg#", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public void Evaluate_OtherHolderFoundOnlyByOverlap_ReviewNamingTheOverlap()
    {
        var facts = new RecordFacts
        {
            Register = new RegisterFindings { Name = "register.gpkg", OtherHolderRights = [Right("EX-9", "丁公司", Permit.Exploration) with { Block = "KC-OTHER", OverlapHectares = 3.25m }] },
        };

        var verdict = Of(RuleSet.Evaluate(Mine("  zones: []", "block: { code: KC-1, otherHolders: 0 }"), facts), "mining.block.single-holder");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
        Assert.That(verdict.Message!.En, Does.Contain("EX-9").And.Contain("3.25 ha"));
        Assert.That(verdict.Facts.Single(f => f.Source == "register.gpkg#EX-9").OverlapHectares, Is.EqualTo(3.25m));
    }

    [Test]
    public void Evaluate_OtherHolderRegisteredInTheBlock_Fails()
    {
        var facts = new RecordFacts
        {
            Register = new RegisterFindings { Name = "register.gpkg", OtherHolderRights = [Right("EX-9", "丁公司", Permit.Exploration) with { Block = "KC-1", OverlapHectares = 3.25m }] },
        };

        var verdict = Of(RuleSet.Evaluate(Mine("  zones: []", "block: { code: KC-1, otherHolders: 0 }"), facts), "mining.block.single-holder");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
    }

    private static Application Exploration(string block) => Fixtures.Read($"""
        id: T-2
        permit: exploration
        action: new
        applicationDate: 2024-05-01
        applicant: 甲公司
        mineral: copper
        location: {"{"} league: 150600, county: 150627, zones: [] {"}"}
        block: {block}
        """);

    private static RecordFacts OverlapOnlyHolder => new()
    {
        Register = new RegisterFindings { Name = "register.gpkg", OtherHolderRights = [Right("EX-9", "丁公司", Permit.Exploration) with { Block = "KC-OTHER", OverlapHectares = 0.5m }] },
    };

    [Test]
    public void Evaluate_OverlapOnlyHolderButAnotherPartOfTheConditionFails_FailStays()
    {
        var verdict = Of(RuleSet.Evaluate(Exploration("{ code: KC-1, basicUnits: 1, otherHolders: 0 }"), OverlapOnlyHolder), "mining.block.size-and-holder");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail), "the block is too small whatever the overlap");
    }

    [Test]
    public void Evaluate_OverlapOnlyHolderDecidesACompoundCondition_Review()
    {
        var verdict = Of(RuleSet.Evaluate(Exploration("{ code: KC-1, basicUnits: 2, otherHolders: 0 }"), OverlapOnlyHolder), "mining.block.size-and-holder");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
    }

    [Test]
    public void Evaluate_HoldersInTheBlockAndByOverlap_Fails()
    {
        var facts = new RecordFacts
        {
            Register = new RegisterFindings
            {
                Name = "register.gpkg",
                OtherHolderRights = [Right("EX-9", "丁公司", Permit.Exploration) with { Block = "KC-OTHER", OverlapHectares = 0.5m }, Right("EX-8", "戊公司", Permit.Exploration) with { Block = "KC-1" }],
            },
        };

        var verdict = Of(RuleSet.Evaluate(Exploration("{ code: KC-1, basicUnits: 2, otherHolders: 0 }"), facts), "mining.block.size-and-holder");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
    }

    [Test]
    public void Evaluate_ZonesFromRecordsAndNoLocation_RecordsDecide()
    {
        var application = Fixtures.Read("""
            id: T-3
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: coal
            capacity: { value: 100, unit: 万吨/年 }
            """);

        var verdict = Of(RuleSet.Evaluate(application, new RecordFacts { Zones = Layers(RedLine()) }), "spatial.red-line.no-new-mining");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Fail));
    }

    [Test]
    public void Evaluate_RegisterGivesOnlyTheControlNumber_CountyRightsUnknown()
    {
        var sand = Mine("  zones: []", "sandGravel: { countyRights: 0, countyControlNumber: 10 }").WithMineral(Mineral.SandGravel);
        var facts = new RecordFacts
        {
            Register = new RegisterFindings { Name = "register.gpkg", CountyControlNumber = new ControlNumber("150627", 0, "鄂尔多斯市", new DateOnly(2023, 1, 1), "register.gpkg#control-numbers/150627") },
        };

        var verdict = Of(RuleSet.Evaluate(sand, facts), "sand-gravel.county-control-number");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review), "the declared 0 rights never stand in for the register's count");
        Assert.That(verdict.Missing, Is.EqualTo(new[] { "sandGravel.countyRights" }));
    }

    [Test]
    public void Evaluate_ZoneWithoutLayerAndZoneWithLayer_FactsSplitByWhereTheyCameFrom()
    {
        // The red line has a layer (the site is in it); the energy base has none and is declared.
        var result = RuleSet.Evaluate(Mine("  zones: [energy-base]"), new RecordFacts { Zones = Layers([Zone.EcologicalRedLine], RedLine()) });

        Assert.That(Of(result, "spatial.energy-base.capacity").Outcome, Is.EqualTo(Outcome.Fail), "the declared energy base stands");
        var redLine = Of(result, "spatial.red-line.no-new-mining").Facts.Where(f => f.Field == "location.zones").ToList();
        Assert.That(redLine.Select(f => (f.Value, f.Source)), Is.EqualTo(new[] { ("[ecological-red-line]", "zones"), ("ecological-red-line", "zones/ecological-red-line#RL-1"), ("[energy-base]", "application") }), "the layers' part, the feature, then the declaration that disagrees on the red line");
    }

    [Test]
    public void Evaluate_FirstEditionDisagreement_ReviewWithoutRemedy()
    {
        var first = TestRuleSets.Load(null, string.Join("\n", Rules.Split('\n').Where(l => !l.TrimStart().StartsWith("remedy:", StringComparison.Ordinal))));

        var verdict = Of(first.Evaluate(Mine("  zones: [ecological-red-line]"), new RecordFacts { Zones = Layers() }), "spatial.red-line.no-new-mining");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
        Assert.That(verdict.Remedy, Is.Null, "1.0.0's verdicts carry no remedy");
    }

    [Test]
    public void ZoneMask_EveryZone_FitsBelowTheUnknownBits()
    {
        Assert.That(Enum.GetValues<Zone>(), Has.Length.LessThanOrEqualTo(MineralRules.Compilation.CompiledScope.UnknownShift));
    }

    [Test]
    public void Evaluate_RegisterHasNoControlNumberForCounty_ReviewNamingRegister()
    {
        var sand = Mine("  zones: []", "sandGravel: { countyRights: 1, countyControlNumber: 99 }").WithMineral(Mineral.SandGravel);
        var facts = new RecordFacts { Register = new RegisterFindings { Name = "register.gpkg", CountySandGravelRights = [Right("S-1", "丙公司")] } };

        var verdict = Of(RuleSet.Evaluate(sand, facts), "sand-gravel.county-control-number");

        Assert.That(verdict.Outcome, Is.EqualTo(Outcome.Review));
        Assert.That(verdict.Missing, Is.EqualTo(new[] { "sandGravel.countyControlNumber" }));
        Assert.That(verdict.Facts.Single(f => f.Field == "sandGravel.countyControlNumber").Source, Is.EqualTo("register.gpkg"));
    }

    [TestCase(14, 15, Outcome.Pass)]
    [TestCase(15, 15, Outcome.Fail)]
    [TestCase(16, 15, Outcome.Fail)]
    public void Evaluate_CountyRightsAgainstControlNumber_LastSlotPasses(int rights, int control, Outcome expected)
    {
        var sand = Mine("  zones: []", "sandGravel: { countyRights: 0, countyControlNumber: 99 }").WithMineral(Mineral.SandGravel);
        var facts = new RecordFacts
        {
            Register = new RegisterFindings
            {
                Name = "register.gpkg",
                CountySandGravelRights = [.. Enumerable.Range(1, rights).Select(i => Right($"S-{i}", $"持有人{i}"))],
                CountyControlNumber = new ControlNumber("150627", control, "鄂尔多斯市", new DateOnly(2023, 1, 1), "register.gpkg#control-numbers/150627"),
            },
        };

        var verdict = Of(RuleSet.Evaluate(sand, facts), "sand-gravel.county-control-number");

        Assert.That(verdict.Outcome, Is.EqualTo(expected));
        if (expected == Outcome.Fail)
        {
            Assert.That(verdict.Facts.Any(f => f.Field == "sandGravel.countyControlNumber" && f.Source == "register.gpkg#control-numbers/150627" && f.Value == control.ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.True);
        }
    }
}

/// <summary>Test shorthands for applications.</summary>
internal static class ApplicationTestExtensions
{
    public static Application WithMineral(this Application application, Mineral mineral) => application with { Mineral = mineral };
}
