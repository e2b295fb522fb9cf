namespace MineralRules.Tests.Applications;

/// <summary>
/// An application built in code is validated exactly as a document is, on every way in (catalog, compiled rule set,
/// host, TryEvaluate): undefined words, nulls, unknown places are invalid input with the readers' codes — never a
/// verdict, never an IndexOutOfRange or NullReference from deep inside.
/// </summary>
public sealed class ApplicationsBuiltInCodeTests
{
    private static Application Valid => new()
    {
        Id = "CODE-1",
        Permit = Permit.Mining,
        Action = PermitAction.New,
        ApplicationDate = new DateOnly(2024, 5, 1),
        Mineral = Mineral.Coal,
        MiningMethod = MiningMethod.Underground,
        Capacity = new Capacity(400, CapacityUnit.TenThousandTonnesPerYear),
        Location = new Location { League = "150600", Zones = [Zone.EnergyBase] },
    };

    public static IEnumerable<TestCaseData> Broken()
    {
        yield return new TestCaseData(Valid with { Permit = (Permit)7 }, "permit", "MR1008").SetName("Evaluate_PermitSeven_Invalid");
        yield return new TestCaseData(Valid with { Action = (PermitAction)(-1) }, "action", "MR1008").SetName("Evaluate_ActionMinusOne_Invalid");
        yield return new TestCaseData(Valid with { Mineral = (Mineral)999 }, "mineral", "MR1008").SetName("Evaluate_Mineral999_Invalid");
        yield return new TestCaseData(Valid with { MiningMethod = (MiningMethod)42 }, "miningMethod", "MR1008").SetName("Evaluate_MiningMethod42_Invalid");
        yield return new TestCaseData(Valid with { Capacity = new Capacity(400, (CapacityUnit)77) }, "capacity.unit", "MR1008").SetName("Evaluate_CapacityUnit77_Invalid");
        yield return new TestCaseData(Valid with { Location = new Location { League = "150600", Zones = [(Zone)60] } }, "location.zones", "MR1008").SetName("Evaluate_Zone60_Invalid");
        yield return new TestCaseData(Valid with { Exemptions = null! }, "exemptions", "MR1007").SetName("Evaluate_ExemptionsNull_Invalid");
        yield return new TestCaseData(Valid with { Exemptions = [null!] }, "exemptions", "MR1007").SetName("Evaluate_ExemptionNullItem_Invalid");
        yield return new TestCaseData(Valid with { Location = new Location { League = "Atlantis", Zones = [] } }, "location.league", "MR1008").SetName("Evaluate_LeagueAtlantis_Invalid");
        yield return new TestCaseData(Valid with { Location = new Location { League = "鄂尔多斯市", Zones = [] } }, "150600", "MR1008").SetName("Evaluate_LeagueByName_InvalidNamingItsCode");
        yield return new TestCaseData(Valid with { Location = new Location { League = "150200", County = "150627", Zones = [] } }, "location.county", "MR1008").SetName("Evaluate_CountyOutsideItsLeague_Invalid");
        yield return new TestCaseData(Valid with { Location = new Location { County = "150627", Zones = [] } }, "location.league", "MR1006").SetName("Evaluate_CountyWithoutLeague_Invalid");
        yield return new TestCaseData(Valid with { Id = "Y-\u0001-1" }, "id", "MR1007").SetName("Evaluate_ControlCharacterInId_Invalid");
        yield return new TestCaseData(Valid with { Id = null! }, "id", "MR1006").SetName("Evaluate_IdNull_Invalid");
        yield return new TestCaseData(Valid with { OperatingDaysPerYear = 367 }, "operatingDaysPerYear", "MR2001").SetName("Evaluate_OperatingDays367_Invalid");
    }

    [TestCaseSource(nameof(Broken))]
    public void TryEvaluate(Application application, string named, string code)
    {
        var viaCatalog = Fixtures.Catalog.TryEvaluate(application);
        var viaRuleSet = Fixtures.Catalog.RuleSets[0].TryEvaluate(application);
        var viaHost = new RuleSetHost(Fixtures.Catalog).TryEvaluate(application);

        Assert.Multiple(() =>
        {
            foreach (var attempt in new[] { viaCatalog, viaRuleSet, viaHost })
            {
                Assert.That(attempt.Succeeded, Is.False);
                Assert.That(attempt.Result, Is.Null);
                Assert.That(attempt.Diagnostics.Select(d => d.Code), Has.Member(code));
                Assert.That(attempt.Diagnostics.Select(d => d.Message), Has.Some.Contains(named));
            }

            Assert.That(() => Fixtures.Catalog.Evaluate(application), Throws.TypeOf<InvalidApplicationException>().With.Property(nameof(InvalidApplicationException.Diagnostics)).Not.Empty);
            Assert.That(() => Fixtures.Catalog.RuleSets[0].Evaluate(application), Throws.TypeOf<InvalidApplicationException>());
        });
    }

    [Test]
    public void TryEvaluate_ValidApplicationBuiltInCode_EvaluatedLikeTheSameDocument()
    {
        var fromCode = Fixtures.Catalog.TryEvaluate(Valid);
        var fromDocument = Fixtures.Catalog.Evaluate(Fixtures.Read("""
            id: CODE-1
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: coal
            miningMethod: underground
            capacity: { value: 400, unit: 万吨/年 }
            location: { league: 鄂尔多斯市, zones: [energy-base] }
            """));

        Assert.That(fromCode.Diagnostics, Is.Empty);
        Assert.That(ResultJson.Serialize(fromCode.Result!), Is.EqualTo(ResultJson.Serialize(fromDocument)));
    }

    [Test]
    public void Evaluate_ValidApplicationCopiedWithAnUndefinedMineral_CopyValidatedAfresh()
    {
        // The reader's application is remembered as valid; a copy made with `with` is another instance.
        var read = Fixtures.Read(Fixtures.CompliantCoalMine);
        var ruleSet = Fixtures.Catalog.RuleSets[0];

        Assert.That(ruleSet.Evaluate(read).Decision, Is.EqualTo(Decision.Compliant));
        Assert.That(() => ruleSet.Evaluate(read with { Mineral = (Mineral)999 }), Throws.TypeOf<InvalidApplicationException>());
    }

    [Test]
    public void Equals_ValidatedAndNotYetValidatedCopies_Equal()
    {
        var read = Fixtures.Read(Fixtures.CompliantCoalMine);
        var copy = read with { };

        Assert.That(copy, Is.EqualTo(read));
        Assert.That(copy.GetHashCode(), Is.EqualTo(read.GetHashCode()));
    }

    [Test]
    public void Read_PermitNotAWord_SameCodeAsAnUndefinedPermitInCode()
    {
        var document = ApplicationReader.Read(Fixtures.CompliantCoalMine.Replace("permit: mining", "permit: quarrying", StringComparison.Ordinal), "app.yaml");
        var code = Fixtures.Catalog.TryEvaluate(Fixtures.Read(Fixtures.CompliantCoalMine) with { Permit = (Permit)7 });

        Assert.That(document.Diagnostics.Select(d => d.Code), Is.EqualTo(code.Diagnostics.Select(d => d.Code)));
    }

    [Test]
    public void Reload_LoaderThrows_RefusedWithDiagnosticAndOldRulesServed()
    {
        var host = new RuleSetHost(Fixtures.Catalog);

        var result = host.Reload(() => throw new ArgumentOutOfRangeException("value", "A valid low surrogate character is between 0xdc00 and 0xdfff"), "rules");

        Assert.Multiple(() =>
        {
            Assert.That(result.Reloaded, Is.False);
            Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("MR3023"));
            Assert.That(host.Current, Is.SameAs(Fixtures.Catalog));
        });
    }
}
