using System.Globalization;

namespace MineralRules.Applications;

/// <summary>
/// Checks a site boundary (<c>location.boundary</c>) as the application document describes it: a known CGCS2000
/// coordinate system, closed rings of at least 4 points, coordinates that make sense in that system (a
/// Gauss-Krüger Y carries its zone number in front, which must agree with the EPSG code); once those pass, the
/// geometry's own checks (<see cref="BoundaryGeometryCheck"/>: a valid polygon inside Inner Mongolia). Deriving
/// zones from the boundary is a later stage; this only refuses what cannot be a boundary.
/// </summary>
internal static class BoundaryCheck
{
    /// <summary>CGCS2000 geographic (longitude, latitude).</summary>
    public const string Geographic = "EPSG:4490";

    /// <summary>EPSG:4513 is CGCS2000 / 3-degree Gauss-Kruger zone 25 ... EPSG:4533 is zone 45.</summary>
    private const int FirstGaussKrugerCode = 4513;
    private const int FirstGaussKrugerZone = 25;
    private const int LastGaussKrugerCode = 4533;

    // Inner Mongolia lies within about 97°–126.5° E and 37°–53.5° N; a point well outside is a typing or axis-order
    // mistake, not a site under this plan.
    internal const decimal MinLongitude = 96m, MaxLongitude = 127m, MinLatitude = 36m, MaxLatitude = 54m;

    /// <summary>The document's problems, then (when there are none) the geometry's.</summary>
    public static IEnumerable<(string En, string Zh)> Problems(SiteBoundary boundary)
    {
        var document = DocumentProblems(boundary).ToList();
        return document.Count > 0 ? document : BoundaryGeometryCheck.Problems(boundary);
    }

    private static IEnumerable<(string En, string Zh)> DocumentProblems(SiteBoundary boundary)
    {
        var zone = 0;
        if (boundary.Crs != Geographic)
        {
            zone = GaussKrugerZone(boundary.Crs);
            if (zone == 0)
            {
                yield return ($"'location.boundary.crs' is '{boundary.Crs}'; use EPSG:4490 (CGCS2000 geographic, points as [lon, lat]) or a CGCS2000 3-degree Gauss-Krüger zone EPSG:4513 to EPSG:4533 (points as [X, Y]).",
                    $"'location.boundary.crs' 为 '{boundary.Crs}'；请使用 EPSG:4490（CGCS2000 地理坐标，点写作 [经度, 纬度]）或 CGCS2000 3 度带高斯-克吕格投影 EPSG:4513 至 EPSG:4533（点写作 [X, Y]）。");
                yield break;
            }
        }

        if ((boundary.Rings is null) == (boundary.Polygons is null))
        {
            yield return ("'location.boundary' needs either 'rings' (one parcel) or 'polygons' (several parcels), not both or neither.",
                "'location.boundary' 须二选一：'rings'（一个地块）或 'polygons'（多个地块），不能都写，也不能都不写。");
            yield break;
        }

        var polygons = boundary.Polygons ?? [boundary.Rings!];
        if (polygons.Count == 0)
        {
            yield return ("'location.boundary.polygons' is empty; give at least one parcel.", "'location.boundary.polygons' 为空；请至少给出一个地块。");
        }

        for (var p = 0; p < polygons.Count; p++)
        {
            var rings = polygons[p];
            var where = boundary.Polygons is null ? "'location.boundary.rings'" : $"'location.boundary.polygons[{p}]'";
            if (rings is null || rings.Count == 0)
            {
                yield return ($"{where} has no ring; the first ring is the parcel's outline.", $"{where} 没有环；第一个环是地块的外边界。");
                continue;
            }

            for (var r = 0; r < rings.Count; r++)
            {
                foreach (var problem in RingProblems(rings[r], $"{where}[{r}]", zone))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<(string En, string Zh)> RingProblems(IReadOnlyList<IReadOnlyList<decimal>>? ring, string where, int zone)
    {
        if (ring is null || ring.Count < 4)
        {
            yield return ($"{where} has {ring?.Count ?? 0} point(s); a ring needs at least 4, the last repeating the first.", $"{where} 只有 {ring?.Count ?? 0} 个点；一个环至少需要 4 个点，且最后一个点与第一个点相同。");
            yield break;
        }

        for (var i = 0; i < ring.Count; i++)
        {
            var point = ring[i];
            if (point is null || point.Count != 2)
            {
                yield return ($"{where}[{i}] must be a pair of numbers ({(zone == 0 ? "[lon, lat]" : "[X, Y]")}).", $"{where}[{i}] 必须是一对数字（{(zone == 0 ? "[经度, 纬度]" : "[X, Y]")}）。");
                yield break;
            }

            if (PointProblem(point[0], point[1], zone) is { } problem)
            {
                yield return ($"{where}[{i}] {problem.En}", $"{where}[{i}] {problem.Zh}");
                yield break;
            }
        }

        if (ring[0][0] != ring[^1][0] || ring[0][1] != ring[^1][1])
        {
            yield return ($"{where} is not closed: its last point must repeat its first ({Format(ring[0])}).", $"{where} 未闭合：最后一个点必须与第一个点（{Format(ring[0])}）相同。");
        }
    }

    private static (string En, string Zh)? PointProblem(decimal first, decimal second, int zone)
    {
        if (zone == 0)
        {
            return first is < MinLongitude or > MaxLongitude || second is < MinLatitude or > MaxLatitude
                ? ($"[{Invariant(first)}, {Invariant(second)}] is not a [lon, lat] point in Inner Mongolia (longitude {MinLongitude}–{MaxLongitude}, latitude {MinLatitude}–{MaxLatitude}); check the axis order.",
                    $"[{Invariant(first)}, {Invariant(second)}] 不是内蒙古境内的 [经度, 纬度] 点（经度 {Invariant(MinLongitude)}–{Invariant(MaxLongitude)}，纬度 {Invariant(MinLatitude)}–{Invariant(MaxLatitude)}）；请检查坐标轴顺序。")
                : null;
        }

        // X: northing in metres from the equator; Y: the zone number, then the easting with 500 km false easting.
        var yZone = (int)decimal.Floor(second / 1_000_000m);
        var easting = second - (yZone * 1_000_000m);
        if (first is < 3_000_000m or > 6_500_000m)
        {
            return ($"X {Invariant(first)} is not a northing in Inner Mongolia (3,000,000–6,500,000 m); points are [X, Y] with X the northing.",
                $"X {Invariant(first)} 不是内蒙古境内的北坐标（3,000,000–6,500,000 米）；点写作 [X, Y]，X 为北坐标。");
        }

        if (yZone != zone)
        {
            return ($"Y {Invariant(second)} carries zone {yZone} in front, but the boundary's crs is zone {zone} (EPSG:{FirstGaussKrugerCode + zone - FirstGaussKrugerZone}).",
                $"Y {Invariant(second)} 前面的带号为 {yZone}，但边界的 crs 是第 {zone} 带（EPSG:{FirstGaussKrugerCode + zone - FirstGaussKrugerZone}）。");
        }

        return easting is < 300_000m or > 700_000m
            ? ($"Y {Invariant(second)} has an easting of {Invariant(easting)} m, outside a 3-degree zone (about 300,000–700,000 m).",
                $"Y {Invariant(second)} 的东坐标为 {Invariant(easting)} 米，超出 3 度带的范围（约 300,000–700,000 米）。")
            : null;
    }

    /// <summary>The Gauss-Krüger zone number of an EPSG code in EPSG:4513–4533, else 0.</summary>
    public static int GaussKrugerZone(string crs)
    {
        if (!crs.StartsWith("EPSG:", StringComparison.Ordinal)
            || !int.TryParse(crs.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || code is < FirstGaussKrugerCode or > LastGaussKrugerCode)
        {
            return 0;
        }

        return code - FirstGaussKrugerCode + FirstGaussKrugerZone;
    }

    private static string Format(IReadOnlyList<decimal> point) => $"[{Invariant(point[0])}, {Invariant(point[1])}]";

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
