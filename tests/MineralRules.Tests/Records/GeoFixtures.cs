namespace MineralRules.Tests.Records;

/// <summary>
/// Boundaries for the geometry tests, and an independent CGCS2000 Gauss-Krüger projection (Krüger's series to the
/// fourth power of n, Karney 2011: sub-millimetre within a 3-degree zone) to check the library's ProjNET one against.
/// </summary>
internal static class GeoFixtures
{
    private const double A = 6378137, F = 1 / 298.257222101;

    /// <summary>A geographic boundary of one parcel from [lon, lat] rings.</summary>
    public static SiteBoundary LonLat(params double[][][] rings) =>
        new() { Crs = "EPSG:4490", Rings = [.. rings.Select(Ring)] };

    /// <summary>A geographic boundary of several parcels.</summary>
    public static SiteBoundary LonLatParcels(params double[][][][] parcels) =>
        new() { Crs = "EPSG:4490", Polygons = [.. parcels.Select(p => (IReadOnlyList<IReadOnlyList<IReadOnlyList<decimal>>>)[.. p.Select(Ring)])] };

    /// <summary>A Gauss-Krüger boundary of one parcel from [X, Y] rings in zone <paramref name="zone"/>.</summary>
    public static SiteBoundary GaussKruger(int zone, params double[][][] rings) =>
        new() { Crs = $"EPSG:{4513 + zone - 25}", Rings = [.. rings.Select(Ring)] };

    /// <summary>A closed lon/lat rectangle ring, counter-clockwise from its south-west corner.</summary>
    public static double[][] Rectangle(double west, double south, double east, double north) =>
        [[west, south], [east, south], [east, north], [west, north], [west, south]];

    /// <summary>An [X, Y] square ring with its south-west corner at (x, y) (X northing, Y easting with the zone in front).</summary>
    public static double[][] GkSquare(double x, double y, double side) =>
        [[x, y], [x, y + side], [x + side, y + side], [x + side, y], [x, y]];

    /// <summary>A lon/lat ring projected to [X, Y] in zone <paramref name="zone"/> with <see cref="Forward"/>.</summary>
    public static double[][] ToGaussKruger(double[][] ring, int zone) =>
        [.. ring.Select(p => { var (x, y) = Forward(p[0], p[1], zone); return new[] { x, y }; })];

    /// <summary>CGCS2000 [lon, lat] → 3-degree Gauss-Krüger [X northing, Y easting with the zone number in front].</summary>
    public static (double X, double Y) Forward(double lon, double lat, int zone)
    {
        var n = F / (2 - F);
        var e = 2 * Math.Sqrt(n) / (1 + n);
        var a = A / (1 + n) * (1 + (n * n / 4) + (Math.Pow(n, 4) / 64));
        double[] alpha =
        [
            (n / 2) - (2 * n * n / 3) + (5 * Math.Pow(n, 3) / 16) + (41 * Math.Pow(n, 4) / 180),
            (13 * n * n / 48) - (3 * Math.Pow(n, 3) / 5) + (557 * Math.Pow(n, 4) / 1440),
            (61 * Math.Pow(n, 3) / 240) - (103 * Math.Pow(n, 4) / 140),
            49561 * Math.Pow(n, 4) / 161280,
        ];
        var phi = lat * Math.PI / 180;
        var lambda = (lon - (3 * zone)) * Math.PI / 180;
        var t = Math.Sinh(Math.Atanh(Math.Sin(phi)) - (e * Math.Atanh(e * Math.Sin(phi))));
        var xi0 = Math.Atan2(t, Math.Cos(lambda));
        var eta0 = Math.Atanh(Math.Sin(lambda) / Math.Sqrt(1 + (t * t)));
        double xi = xi0, eta = eta0;
        for (var j = 1; j <= 4; j++)
        {
            xi += alpha[j - 1] * Math.Sin(2 * j * xi0) * Math.Cosh(2 * j * eta0);
            eta += alpha[j - 1] * Math.Cos(2 * j * xi0) * Math.Sinh(2 * j * eta0);
        }

        return (a * xi, (zone * 1_000_000d) + 500_000 + (a * eta));
    }

    /// <summary>The ellipsoidal area in hectares of a small lon/lat cell (meridian × parallel radius of curvature).</summary>
    public static double CellHectares(double west, double south, double east, double north)
    {
        var e2 = F * (2 - F);
        var phi = (south + north) / 2 * Math.PI / 180;
        var w = 1 - (e2 * Math.Sin(phi) * Math.Sin(phi));
        var m = A * (1 - e2) / Math.Pow(w, 1.5);
        var nu = A / Math.Sqrt(w);
        return m * ((north - south) * Math.PI / 180) * nu * Math.Cos(phi) * ((east - west) * Math.PI / 180) / 10_000;
    }

    private static IReadOnlyList<IReadOnlyList<decimal>> Ring(double[][] ring) =>
        [.. ring.Select(p => (IReadOnlyList<decimal>)[.. p.Select(v => (decimal)v)])];
}
