using System.Globalization;
using MineralRules.Applications;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace MineralRules.Records;

/// <summary>
/// A site's boundary (<c>location.boundary</c>) as geometry, in two coordinate systems: CGCS2000 geographic
/// (longitude, latitude; what zone layers and the register hold, RFC 7946 order) and the CGCS2000 3-degree
/// Gauss-Krüger zone the site lies in (metres: easting with the zone number in front, northing), where areas and
/// overlaps are measured. A Gauss-Krüger boundary is kept in its own zone; a geographic one is measured in the zone
/// of its centre (the middle of its extent). Areas are planar areas in that zone, as the areas of 拐点坐标 tables are:
/// within a 3-degree zone the projection's linear scale error stays below about 0.03 % (0.022 % at a zone's edge at
/// Inner Mongolia's latitudes), so an area is at most about 0.05 % above the ellipsoid's, well inside the tolerance an
/// overlap is judged by. Immutable and thread-safe (the per-zone transforms are built once and shared).
/// </summary>
internal sealed class SiteGeometry
{
    private static readonly GeometryFactory Geographic = new(new PrecisionModel(), 4490);
    private static readonly CoordinateTransformationFactory Transformations = new();

    /// <summary>The first and last 3-degree zones (EPSG:4513 and EPSG:4533).</summary>
    private const int FirstZone = 25, LastZone = 45;

    // One transform per zone, built on first use (reading the WKT costs far more than projecting a boundary).
    private static readonly Lazy<MathTransform>[] Forward = [.. Enumerable.Range(FirstZone, LastZone - FirstZone + 1).Select(z => new Lazy<MathTransform>(() => ToGaussKruger(z)))];
    private static readonly Lazy<MathTransform>[] Inverse = [.. Enumerable.Range(FirstZone, LastZone - FirstZone + 1).Select(z => new Lazy<MathTransform>(() => ToGaussKruger(z).Inverse()))];

    /// <summary>How far, at least, the rectangle a large geometry is cut to reaches beyond the site (about 100 m).</summary>
    private const double NearMarginDegrees = 0.001;

    private readonly MathTransform _toProjected;

    // The site's extent in longitude and latitude grown by its own size and a margin (the cut of OverlapHectares).
    private readonly Envelope _nearLonLat;
    private readonly Geometry _nearLonLatPolygon;

    private SiteGeometry(Geometry lonLat, Geometry projected, int zone, MathTransform toProjected)
    {
        LonLat = lonLat;
        Projected = projected;
        Zone = zone;
        _toProjected = toProjected;
        Hectares = projected.Area / 10_000d;
        _nearLonLat = lonLat.EnvelopeInternal.Copy();
        _nearLonLat.ExpandBy(Math.Max(_nearLonLat.Width, _nearLonLat.Height) + NearMarginDegrees);
        _nearLonLatPolygon = Geographic.ToGeometry(_nearLonLat);
    }

    /// <summary>The site in CGCS2000 geographic coordinates (x = longitude, y = latitude), SRID 4490.</summary>
    public Geometry LonLat { get; }

    /// <summary>The site in its Gauss-Krüger zone (x = easting with the zone number in front, y = northing), metres.</summary>
    public Geometry Projected { get; }

    /// <summary>The 3-degree Gauss-Krüger zone number (25..45) the site is measured in.</summary>
    public int Zone { get; }

    /// <summary>The site's area in hectares.</summary>
    public double Hectares { get; }

    /// <summary>
    /// The geometry of a boundary that passed <see cref="BoundaryCheck"/> (a known CRS, closed rings of at least four
    /// points); the polygon may still be invalid (self-intersecting) — <see cref="Geometry.IsValid"/> says.
    /// </summary>
    /// <param name="boundary">A boundary that passed the document checks.</param>
    /// <returns>The site's geometry.</returns>
    public static SiteGeometry Of(SiteBoundary boundary)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        var gkZone = BoundaryCheck.GaussKrugerZone(boundary.Crs);
        var parcels = boundary.Polygons ?? [boundary.Rings!];
        if (gkZone == 0)
        {
            var lonLat = Build(Geographic, parcels, p => new Coordinate((double)p[0], (double)p[1]));
            var zone = Math.Clamp(ZoneOf(lonLat.EnvelopeInternal.Centre.X), FirstZone, LastZone);
            var toProjected = Forward[zone - FirstZone].Value;
            return new SiteGeometry(lonLat, Transform(lonLat, toProjected, ProjectedFactory(zone)), zone, toProjected);
        }

        // [X, Y] as 拐点坐标 tables list them: X northing, Y easting with the zone number in front.
        var projected = Build(ProjectedFactory(gkZone), parcels, p => new Coordinate((double)p[1], (double)p[0]));
        return new SiteGeometry(Transform(projected, Inverse[gkZone - FirstZone].Value, Geographic), projected, gkZone, Forward[gkZone - FirstZone].Value);
    }

    /// <summary>A geometry in CGCS2000 geographic coordinates, projected into this site's Gauss-Krüger zone.</summary>
    /// <param name="lonLat">A geometry with x = longitude, y = latitude.</param>
    /// <returns>The same geometry in this site's zone, metres.</returns>
    public Geometry Project(Geometry lonLat) => Transform(lonLat, _toProjected, ProjectedFactory(Zone));

    /// <summary>The area, in hectares, that a geometry in CGCS2000 geographic coordinates shares with the site.</summary>
    /// <param name="lonLat">A valid polygon or multipolygon, x = longitude, y = latitude.</param>
    /// <returns>The overlap in hectares; 0 when they do not overlap.</returns>
    /// <remarks>
    /// The geometry is projected into the site's zone and intersected there, so the site's edges stay exactly as its
    /// turning points draw them. A geometry reaching well beyond the site (a red line across a league) is first cut,
    /// in longitude and latitude, to a rectangle a little larger than the site, so that only the part near the site is
    /// projected; the cut's edges lie outside the site, and the cut points follow the geometry's edges as longitude and
    /// latitude draw them (over a 20 km edge that is a few centimetres from the Gauss-Krüger line between its ends).
    /// </remarks>
    public double OverlapHectares(Geometry lonLat)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        if (!_nearLonLat.Intersects(lonLat.EnvelopeInternal) || !LonLat.Intersects(lonLat))
        {
            return 0;
        }

        var near = _nearLonLat.Contains(lonLat.EnvelopeInternal) ? lonLat : lonLat.Intersection(_nearLonLatPolygon);
        var other = Project(near);
        return Projected.Intersects(other) ? Projected.Intersection(other).Area / 10_000d : 0;
    }

    /// <summary>An overlap in hectares as findings report it and the tolerance judges it: rounded to 4 decimals (away from zero).</summary>
    /// <param name="hectares">The overlap, as <see cref="OverlapHectares"/> measures it.</param>
    /// <returns>The rounded hectares.</returns>
    public static decimal RoundedHectares(double hectares) => Math.Round((decimal)hectares, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The one tolerance rule, for zone layers and the register alike: an overlap counts when its rounded hectares
    /// (<see cref="RoundedHectares"/>) exceed the tolerance — an overlap of the tolerance or less does not count.
    /// </summary>
    /// <param name="roundedHectares">The overlap, rounded by <see cref="RoundedHectares"/>.</param>
    /// <param name="toleranceHectares">The tolerance in hectares.</param>
    /// <returns>True when the overlap counts.</returns>
    public static bool Counts(decimal roundedHectares, decimal toleranceHectares) => roundedHectares > toleranceHectares;

    /// <summary>The 3-degree zone whose central meridian (3 × zone degrees) is nearest a longitude.</summary>
    /// <param name="longitude">Degrees east.</param>
    /// <returns>The zone number.</returns>
    public static int ZoneOf(double longitude) => (int)Math.Round(longitude / 3d, MidpointRounding.AwayFromZero);

    /// <summary>
    /// CGCS2000 geographic → CGCS2000 / 3-degree Gauss-Krüger zone <paramref name="zone"/> (EPSG:4513 + zone − 25):
    /// Transverse Mercator, scale 1, false easting zone × 1,000,000 + 500,000 m, on the CGCS2000 ellipsoid.
    /// </summary>
    private static MathTransform ToGaussKruger(int zone)
    {
        var centralMeridian = (3 * zone).ToString(CultureInfo.InvariantCulture);
        var falseEasting = ((zone * 1_000_000) + 500_000).ToString(CultureInfo.InvariantCulture);
        var gcs = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
        var wkt = $"PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger zone {zone}\",{gcs},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{centralMeridian}],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";
        var factory = new CoordinateSystemFactory();
        var projected = factory.CreateFromWkt(wkt) as ProjectedCoordinateSystem
            ?? throw new InvalidOperationException("The Gauss-Krüger definition did not read as a projected system.");
        return Transformations.CreateFromCoordinateSystems(projected.GeographicCoordinateSystem, projected).MathTransform;
    }

    private static GeometryFactory ProjectedFactory(int zone) => new(new PrecisionModel(), 4513 + zone - 25);

    private static Geometry Build(GeometryFactory factory, IReadOnlyList<IReadOnlyList<IReadOnlyList<IReadOnlyList<decimal>>>> parcels, Func<IReadOnlyList<decimal>, Coordinate> point)
    {
        var polygons = new Polygon[parcels.Count];
        for (var p = 0; p < parcels.Count; p++)
        {
            var rings = parcels[p];
            var linear = new LinearRing[rings.Count];
            for (var r = 0; r < rings.Count; r++)
            {
                linear[r] = factory.CreateLinearRing([.. rings[r].Select(point)]);
            }

            polygons[p] = factory.CreatePolygon(linear[0], linear[1..]);
        }

        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private static Geometry Transform(Geometry geometry, MathTransform transform, GeometryFactory target)
    {
        var copy = target.CreateGeometry(geometry);
        copy.Apply(new ProjectFilter(transform));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>Applies a ProjNET transform to every coordinate of a geometry.</summary>
    private sealed class ProjectFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
