using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MineralRules.Tests.Records;

/// <summary>A right for a test register: a square of <paramref name="Size"/> degrees at (<paramref name="Lon"/>, <paramref name="Lat"/>).</summary>
internal sealed record RightSpec(string Id, string Kind, string Holder, string Mineral, string County, string? Deposit, string? Block, string From, string To, double Lon, double Lat, double Size, double Width = 0)
{
    public double[][] Square => Box(Lon, Lat, Width > 0 ? Width : Size, Size);

    public static double[][] Box(double lon, double lat, double width, double height) =>
        [[lon, lat], [lon + width, lat], [lon + width, lat + height], [lon, lat + height], [lon, lat]];
}

/// <summary>Builds the inputs of register tests: GeoJSON of rights, CSV of control numbers, applications with boundaries.</summary>
internal static class RegisterTestData
{
    public const string County = "150622"; // 准格尔旗
    public const string Applicant = "甲公司";
    public const double SiteLon = 110.0, SiteLat = 40.0, SiteSize = 0.01;
    public static readonly DateOnly Date = new(2024, 6, 1);

    /// <summary>
    /// The shared scenario both backends are checked on: rights of every kind around one site (same block, other block,
    /// overlapping, touching below the tolerance, expired, not yet valid, the applicant's own), and control numbers.
    /// </summary>
    public static IReadOnlyList<RightSpec> Scenario { get; } =
    [
        new("M1", "mining", "乙公司", "普通建筑用砂石土", "准格尔旗", "D-7", "B-1", "2020-01-01", "2030-12-31", SiteLon, SiteLat, SiteSize),
        new("M2", "mining", Applicant, "sand-gravel", County, null, "B-1", "2020-01-01", "2024-06-01", 110.5, 40.5, 0.01),
        new("M3", "mining", "丙公司", "gold", County, "D-7", "B-1", "2015-01-01", "2023-12-31", SiteLon, SiteLat, SiteSize),
        new("M4", "mining", "丁公司", "gold", "150621", null, "B-2", "2020-01-01", "2030-12-31", SiteLon + SiteSize - 0.000001, SiteLat, SiteSize),
        new("M5", "mining", "庚公司", "sand-gravel", County, null, null, "2024-07-01", "2034-06-30", 110.6, 40.6, 0.01),
        new("E1", "exploration", "戊公司", "gold", County, null, "B-1", "2022-01-01", "2027-12-31", 110.7, 40.7, 0.01),
        new("E2", "exploration", "己公司", "copper", County, null, "B-9", "2022-01-01", "2027-12-31", SiteLon + (SiteSize / 2), SiteLat, SiteSize),
        new("E3", "exploration", "  甲公司 ", "gold", County, null, "B-1", "2022-01-01", "2027-12-31", SiteLon, SiteLat, SiteSize),
        // Keys written another way than the applications below write them (RegisterKeys): far from the site, in block B-7.
        new("K1", "mining", "内蒙古示例(集团)有限公司", "gold", County, "D-150627-003", "B-7", "2020-01-01", "2030-12-31", 111.0, 41.0, 0.01),
        new("K2", "mining", "其他公司", "gold", County, null, "Ｂ－７", "2020-01-01", "2030-12-31", 111.1, 41.0, 0.01),
    ];

    public const string ScenarioControlNumbers = "county,number,setBy,date\n150622,5,鄂尔多斯市,2022-01-01\n准格尔旗,3,鄂尔多斯市,2024-01-01\n150622,9,鄂尔多斯市,2025-01-01\n";

    public static string GeoJson(IEnumerable<RightSpec> rights)
    {
        var features = rights.Select(r => new Dictionary<string, object?>
        {
            ["type"] = "Feature",
            ["geometry"] = new Dictionary<string, object> { ["type"] = "Polygon", ["coordinates"] = new[] { r.Square } },
            ["properties"] = new Dictionary<string, object?>
            {
                ["id"] = r.Id,
                ["kind"] = r.Kind,
                ["holder"] = r.Holder,
                ["mineral"] = r.Mineral,
                ["county"] = r.County,
                ["deposit"] = r.Deposit,
                ["block"] = r.Block,
                ["validFrom"] = r.From,
                ["validTo"] = r.To,
                ["synthetic"] = true,
            },
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "FeatureCollection", ["features"] = features }, Indented);
    }

    /// <summary>An application on the shared site (a square of <see cref="SiteSize"/> degrees), in the shared county and block.</summary>
    public static Application Application(Permit permit, PermitAction action, Mineral mineral = Mineral.SandGravel, bool boundary = true, string? block = "B-1", string? county = County, string? applicant = Applicant, DateOnly? date = null, string? deposit = null) => new()
    {
        Id = "register-test",
        Permit = permit,
        Action = action,
        ApplicationDate = date ?? Date,
        Applicant = applicant,
        Mineral = mineral,
        Location = new Location
        {
            League = "150600",
            County = county,
            Boundary = boundary ? new SiteBoundary
            {
                Crs = "EPSG:4490",
                Rings = [[.. RightSpec.Box(SiteLon, SiteLat, SiteSize, SiteSize).Select(p => (IReadOnlyList<decimal>)[(decimal)p[0], (decimal)p[1]])]],
            } : null,
        },
        Block = block is null ? null : new PlanningBlock { InPlanningBlock = true, Code = block },
        Deposit = deposit is null ? null : new DepositFacts { Id = deposit },
    };

    /// <summary>Findings as lines, without the register's name (the one thing two backends may differ in).</summary>
    public static string Describe(RegisterFindings findings)
    {
        var text = new StringBuilder();
        void Rights(string what, IReadOnlyList<RegisteredRight>? rights)
        {
            text.Append(what).Append(": ");
            text.AppendLine(rights is null ? "null" : string.Join(", ", rights.Select(r =>
                $"{r.Id} {r.Kind} {r.Holder} {r.Mineral} {r.County} {r.Deposit} {r.Block} {r.ValidFrom:O}..{r.ValidTo:O} {r.Source[r.Source.IndexOf('#', StringComparison.Ordinal)..]}"
                + (r.OverlapHectares is { } ha ? " " + ha.ToString(CultureInfo.InvariantCulture) + " ha" : string.Empty))));
        }

        Rights("otherMiningRights", findings.OtherMiningRights);
        Rights("otherHolderRights", findings.OtherHolderRights);
        Rights("countySandGravelRights", findings.CountySandGravelRights);
        text.Append("countyControlNumber: ").AppendLine(findings.CountyControlNumber is { } c
            ? $"{c.County} {c.Number.ToString(CultureInfo.InvariantCulture)} {c.SetBy} {c.Date:O} {c.Source[c.Source.IndexOf('#', StringComparison.Ordinal)..]}"
            : "null");
        return text.ToString();
    }

    /// <summary>The ids of a list of rights, or null.</summary>
    public static string[]? Ids(IReadOnlyList<RegisteredRight>? rights) => rights?.Select(r => r.Id).ToArray();

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
