using System.Globalization;
using MineralRules.Records;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace MineralRules.Applications;

/// <summary>
/// The checks of a boundary as geometry, once its document checks (<see cref="BoundaryCheck"/>) pass: NetTopologySuite
/// must find it a valid polygon or multipolygon in the coordinates it is written in (no ring crossing itself, holes
/// inside their outline and apart, parcels apart), naming the ring and the turning point nearest the problem; and,
/// transformed to CGCS2000 longitude and latitude, it must lie inside Inner Mongolia's extent (a Gauss-Krüger
/// boundary is only placed on the map by the transformation).
/// </summary>
internal static class BoundaryGeometryCheck
{
    private const string Where = "'location.boundary'";

    public static IEnumerable<(string En, string Zh)> Problems(SiteBoundary boundary)
    {
        var site = SiteGeometry.Of(boundary);
        var gk = BoundaryCheck.GaussKrugerZone(boundary.Crs) != 0;
        var written = gk ? site.Projected : site.LonLat;
        var error = new IsValidOp(written).ValidationError;
        if (error is not null)
        {
            return [Invalid(boundary, written, error, gk)];
        }

        var extent = site.LonLat.EnvelopeInternal;
        if (extent.MinX < (double)BoundaryCheck.MinLongitude || extent.MaxX > (double)BoundaryCheck.MaxLongitude
            || extent.MinY < (double)BoundaryCheck.MinLatitude || extent.MaxY > (double)BoundaryCheck.MaxLatitude)
        {
            var span = $"longitude {Degrees(extent.MinX)}–{Degrees(extent.MaxX)}, latitude {Degrees(extent.MinY)}–{Degrees(extent.MaxY)}";
            var spanZh = $"经度 {Degrees(extent.MinX)}–{Degrees(extent.MaxX)}，纬度 {Degrees(extent.MinY)}–{Degrees(extent.MaxY)}";
            var limits = $"longitude {Invariant(BoundaryCheck.MinLongitude)}–{Invariant(BoundaryCheck.MaxLongitude)}, latitude {Invariant(BoundaryCheck.MinLatitude)}–{Invariant(BoundaryCheck.MaxLatitude)}";
            var limitsZh = $"经度 {Invariant(BoundaryCheck.MinLongitude)}–{Invariant(BoundaryCheck.MaxLongitude)}，纬度 {Invariant(BoundaryCheck.MinLatitude)}–{Invariant(BoundaryCheck.MaxLatitude)}";
            return [($"{Where} transformed from {boundary.Crs} to CGCS2000 longitude and latitude spans {span}, outside Inner Mongolia ({limits}); check the crs and the zone number in front of each Y.",
                $"{Where} 由 {boundary.Crs} 转换为 CGCS2000 经纬度后范围为 {spanZh}，超出内蒙古的范围（{limitsZh}）；请检查 crs 以及每个 Y 前面的带号。")];
        }

        return [];
    }

    private static (string En, string Zh) Invalid(SiteBoundary boundary, Geometry written, TopologyValidationError error, bool gk)
    {
        var rings = Rings(boundary, written);
        var at = error.Coordinate;
        var near = rings.OrderBy(r => r.Line.Distance(new Point(at))).ToList();
        var ring = near[0];
        var close = near.Where(r => r.Line.Distance(new Point(at)) <= (gk ? 1e-3 : 1e-8)).ToList();
        var other = close.FirstOrDefault(r => r != ring);
        var index = NearestPoint(ring.Line, at);
        var point = Point(ring.Line.GetCoordinateN(index), gk);
        var (what, whatZh) = error.ErrorType switch
        {
            TopologyValidationErrors.RingSelfIntersection => ($"{ring.Name} crosses itself", $"{ring.Name} 自相交"),
            TopologyValidationErrors.SelfIntersection when other is not null && other.Parcel != ring.Parcel =>
                ($"parcels {Parcel(boundary, ring)} and {Parcel(boundary, other)} overlap or share an edge", $"地块 {Parcel(boundary, ring)} 与 {Parcel(boundary, other)} 重叠或共用一条边"),
            TopologyValidationErrors.SelfIntersection when other is not null =>
                ($"{ring.Name} and {other.Name} cross", $"{ring.Name} 与 {other.Name} 相交"),
            TopologyValidationErrors.SelfIntersection => ($"{ring.Name} crosses itself", $"{ring.Name} 自相交"),
            TopologyValidationErrors.HoleOutsideShell => ($"hole {ring.Name} lies outside its parcel's outline", $"内环 {ring.Name} 位于地块外边界之外"),
            TopologyValidationErrors.NestedHoles => ($"hole {ring.Name} lies inside another hole", $"内环 {ring.Name} 位于另一个内环之内"),
            TopologyValidationErrors.DisconnectedInteriors => ($"the holes of parcel {Parcel(boundary, ring)} cut it into separate pieces", $"地块 {Parcel(boundary, ring)} 的内环将其分割为互不相连的几部分"),
            TopologyValidationErrors.NestedShells => ($"parcel {Parcel(boundary, ring)} lies inside another parcel", $"地块 {Parcel(boundary, ring)} 位于另一个地块之内"),
            TopologyValidationErrors.DuplicateRings => ($"{ring.Name} repeats another ring", $"{ring.Name} 与另一个环重复"),
            TopologyValidationErrors.TooFewPoints => ($"{ring.Name} has fewer than 3 distinct points", $"{ring.Name} 的不同点少于 3 个"),
            _ => (error.Message, error.Message),
        };
        var where = Point(at, gk);
        return ($"{Where} is not a valid polygon: {what}, at {where} (the nearest turning point is {ring.Name}[{index}] {point}).",
            $"{Where} 不是有效的多边形：{whatZh}，位置 {where}（最近的拐点为 {ring.Name}[{index}] {point}）。");
    }

    /// <summary>Every ring of the written geometry with its document path, in document order.</summary>
    private static List<Ring> Rings(SiteBoundary boundary, Geometry written)
    {
        var rings = new List<Ring>();
        for (var p = 0; p < written.NumGeometries; p++)
        {
            var polygon = (Polygon)written.GetGeometryN(p);
            var prefix = boundary.Polygons is null ? $"{Where[..^1]}.rings" : $"{Where[..^1]}.polygons[{p}]";
            rings.Add(new(p, $"{prefix}[0]'", polygon.ExteriorRing));
            for (var h = 0; h < polygon.NumInteriorRings; h++)
            {
                rings.Add(new(p, $"{prefix}[{h + 1}]'", polygon.GetInteriorRingN(h)));
            }
        }

        return rings;
    }

    private static string Parcel(SiteBoundary boundary, Ring ring) =>
        boundary.Polygons is null ? Where : $"{Where[..^1]}.polygons[{ring.Parcel}]'";

    private static int NearestPoint(LineString line, Coordinate at)
    {
        var best = 0;
        for (var i = 1; i < line.NumPoints - 1; i++)
        {
            if (line.GetCoordinateN(i).Distance(at) < line.GetCoordinateN(best).Distance(at))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>A coordinate as the document writes it: [lon, lat], or [X, Y] (x of the geometry is the easting Y).</summary>
    private static string Point(Coordinate c, bool gk) =>
        gk ? string.Create(CultureInfo.InvariantCulture, $"[{c.Y:0.###}, {c.X:0.###}]")
            : string.Create(CultureInfo.InvariantCulture, $"[{c.X:0.#######}, {c.Y:0.#######}]");

    private static string Degrees(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Ring(int Parcel, string Name, LineString Line);
}
