using System.Reflection;
using MineralRules.Applications;
using MineralRules.Compilation;

namespace MineralRules.Tests.Compilation;

/// <summary>
/// The field catalog is written out (loading compiles nothing); these tests hold it to the application record, so a
/// fact added to the model without a field, a wrong path or a reader of the wrong property fails here.
/// </summary>
public class FieldCatalogTests
{
    private static readonly HashSet<string> NotFacts = ["exemptions"];

    /// <summary>Model parts that are validated but not facts rules read (the boundary is geometry for deriving zones).</summary>
    private static readonly HashSet<string> NotRuleFields = ["location.boundary"];

    [Test]
    public void Default_Fields_EqualTheApplicationRecordsPropertiesInDeclarationOrder()
    {
        var expected = new List<(string Path, Type Type)>();
        Walk(typeof(Application), string.Empty, expected);

        var actual = FieldCatalog.Default.Fields.Select(f => (f.Path, f.ValueType)).ToList();

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(FieldCatalog.Default.Fields.Select(f => f.Id), Is.EqualTo(Enumerable.Range(0, expected.Count)));
    }

    [Test]
    public void Read_EveryFieldOfAFullApplication_ReadsItsOwnProperty()
    {
        var application = Fixtures.Read(FullApplication);

        foreach (var field in FieldCatalog.Default.Fields)
        {
            Assert.That(field.Read(application), Is.EqualTo(ByReflection(application, field.Path)), field.Path);
        }
    }

    [Test]
    public void Read_EveryFieldOfAMinimalApplication_NullWhereAbsentFalseForMarks()
    {
        var application = Fixtures.Read("""
            id: MINIMAL
            permit: exploration
            action: new
            applicationDate: 2024-05-01
            mineral: gold
            """);

        foreach (var field in FieldCatalog.Default.Fields.Where(f => f.Path is not ("id" or "permit" or "action" or "applicationDate" or "mineral")))
        {
            if (field.Kind == FieldKind.WordList)
            {
                // Absent zones are not known (not "none"): no value, no bit, and not given.
                Assert.That(field.Read(application), Is.Null, field.Path);
                Assert.That(field.ReadWordMask!(application), Is.Zero, field.Path);
                Assert.That(field.IsGiven(application), Is.False, field.Path);
                Assert.That(field.ReadWordsUnknown!(application), Is.EqualTo(ulong.MaxValue), field.Path);
            }
            else if (field.IsMark)
            {
                Assert.That(field.Read(application), Is.EqualTo(false), field.Path);
            }
            else
            {
                Assert.That(field.Read(application), Is.Null, field.Path);
            }
        }
    }

    [Test]
    public void TypedReaders_FullApplication_AgreeWithTheBoxedReader()
    {
        var application = Fixtures.Read(FullApplication);

        foreach (var field in FieldCatalog.Default.Fields)
        {
            var boxed = field.Read(application);
            object? typed = field.Kind switch
            {
                FieldKind.Boolean => field.ReadBoolean!(application),
                FieldKind.Integer => field.ReadInteger!(application),
                FieldKind.Decimal => field.ReadNumber!(application),
                FieldKind.Date => field.ReadDate!(application),
                FieldKind.Capacity => field.ReadCapacity!(application),
                FieldKind.Text => field.ReadText!(application),
                FieldKind.Word => field.ReadInteger!(application) is { } ordinal ? Enum.ToObject(field.ValueType, ordinal) : null,
                _ => ((IEnumerable<Zone>)boxed!).Aggregate(0UL, (m, z) => m | (1UL << (int)z)) == field.ReadWordMask!(application) ? boxed : "mask differs",
            };
            Assert.That(typed, Is.EqualTo(boxed), field.Path);
        }
    }

    /// <summary>Every fact given (values differ from their neighbours so a reader of the wrong property shows).</summary>
    private const string FullApplication = """
        id: FULL
        permit: mining
        action: expansion
        applicationDate: 2024-05-01
        applicant: 某矿业有限公司
        mineral: coal
        miningMethod: open-pit
        includesProcessing: true
        capacity: { value: 400, unit: 万吨/年 }
        capacityBefore: { value: 300, unit: 万吨/年 }
        operatingDaysPerYear: 330
        scale: large
        depositScale: medium
        explorationStage: exploration
        location: { league: 鄂尔多斯市, county: 准格尔旗, zones: [energy-base, yellow-river-control-line] }
        block: { inPlanningBlock: true, code: KC-150622-001, basicUnits: 2.5, otherHolders: 1 }
        deposit: { otherMiningRights: 2 }
        grant: { method: listing, stateCouncilKeyProject: false, agreementBasis: 国家规定的其他协议出让情形 }
        fiscallyFunded: false
        developmentPlanReviewed: true
        applicantStatus: { abnormalList: true, seriousViolationList: false }
        environment: { highEnergyHighPollution: false, eiaApproved: true, ecologyDepartmentConsent: false, greenExplorationPlan: true, greenMineStandard: false, restorationPlanFiled: true, restorationFundAccrued: false, restorationOverdue: true, environmentalAccessAssessed: true }
        coal: { rank: 1/3焦煤, germaniumBearing: true, highAlumina: false, toxicSubstancesExceedStandard: false }
        quota: { requested: 10, allocated: 12, unit: 万吨 }
        sandGravel: { countyRights: 14, countyControlNumber: 15 }
        recovery: { mining: { actual: 0.91, approved: 0.9 }, processing: { actual: 0.81, approved: 0.8 }, dilution: { actual: 0.06, approved: 0.07 } }
        associatedMinerals: { industrialValue: true, comprehensiveRecovery: false, protectionMeasures: true }
        licence: { expiresOn: 2025-01-31 }
        """;

    private static void Walk(Type type, string prefix, List<(string Path, Type Type)> fields)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = FieldNames.ToKey(property.Name);
            if (prefix.Length == 0 && NotFacts.Contains(key))
            {
                continue;
            }

            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (NotRuleFields.Contains(path))
            {
                continue;
            }

            var leaf = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var isFact = leaf.IsPrimitive || leaf.IsEnum || leaf == typeof(decimal) || leaf == typeof(string) || leaf == typeof(DateOnly)
                || leaf == typeof(Capacity) || (leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
            if (isFact)
            {
                fields.Add((path, leaf));
            }
            else
            {
                Walk(leaf, path, fields);
            }
        }
    }

    private static object? ByReflection(Application application, string path)
    {
        object? current = application;
        foreach (var key in path.Split('.'))
        {
            if (current is null)
            {
                return null;
            }

            current = current.GetType().GetProperties().Single(p => FieldNames.ToKey(p.Name) == key).GetValue(current);
        }

        return current;
    }
}
