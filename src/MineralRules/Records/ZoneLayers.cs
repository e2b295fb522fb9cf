using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Records;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace MineralRules;

/// <summary>
/// The zone layers of the territorial spatial plan (docs/records.md, "Zone layers"): one layer per zone code, read
/// from a folder of <c>&lt;zone-code&gt;.geojson</c> files or from a GeoPackage whose feature tables are named by zone
/// code, each feature a polygon or multipolygon in CGCS2000 (or WGS 84) longitude and latitude with an <c>id</c> and
/// an optional <c>name</c>. An empty layer says the zone has no feature anywhere; a zone code without a layer is not
/// decided by the layers. Read and indexed once (one STRtree per layer over the features' envelopes); immutable and
/// thread-safe afterwards.
/// </summary>
public sealed partial class ZoneLayers
{
    /// <summary>Hectares and shares of the site are rounded to this many decimals (1 m², one ten-thousandth).</summary>
    internal const int Decimals = 4;

    private readonly Layer[] _layers;

    private ZoneLayers(string name, Layer[] layers)
    {
        Name = name;
        _layers = layers;
        Layered = [.. layers.Select(l => l.Zone)];
    }

    /// <summary>The layers' name as sources cite it: the folder's name (<c>zones</c>) or the GeoPackage's file name (<c>zones.gpkg</c>).</summary>
    public string Name { get; }

    /// <summary>The zone codes that have a layer, in the vocabulary's order.</summary>
    public IReadOnlyList<Zone> Layered { get; }

    /// <summary>The number of features of all layers.</summary>
    public int FeatureCount => _layers.Sum(l => l.Count);

    /// <summary>
    /// Reads the zone layers of a folder of <c>&lt;zone-code&gt;.geojson</c> files (RFC 7946 FeatureCollections; other
    /// files are ignored) or of a GeoPackage (<c>.gpkg</c>, opened read-only; one feature table per zone code).
    /// </summary>
    /// <param name="path">The folder or the GeoPackage file.</param>
    /// <returns>The layers, indexed.</returns>
    /// <exception cref="RecordsException">Every problem found (a name that is no zone code, bad JSON, a feature
    /// without an id or with a duplicate one, a geometry that is not a valid polygon), each located.</exception>
    public static ZoneLayers Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var problems = new List<Diagnostic>();
        List<(Zone Zone, List<ZoneFeature> Features)> layers;
        string name;
        if (Directory.Exists(path))
        {
            name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
            layers = ReadFolder(path, problems);
        }
        else if (File.Exists(path) && path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            name = Path.GetFileName(path);
            layers = ReadGeoPackage(path, problems);
        }
        else
        {
            var what = File.Exists(path) ? "is not a folder of .geojson layers nor a .gpkg file" : "does not exist";
            var whatZh = File.Exists(path) ? "既不是存放 .geojson 图层的文件夹，也不是 .gpkg 文件" : "不存在";
            throw new RecordsException([Problem(SourceLocation.File(path), DiagnosticCodes.ZoneLayersNotFound,
                $"The zone layers '{path}' {what}; give a folder of <zone-code>.geojson files or a GeoPackage (docs/records.md, \"Zone layers\").",
                $"分区图层 '{path}' {whatZh}；请给出存放 <分区代码>.geojson 文件的文件夹或 GeoPackage 文件（见 docs/records.md 的 \"Zone layers\"）。")]);
        }

        if (problems.Count == 0 && layers.Count == 0)
        {
            // Layers named but none found would leave every zone to the declaration: a mistake, never "no records".
            problems.Add(Problem(SourceLocation.File(path), DiagnosticCodes.ZoneLayersNotFound,
                $"The zone layers '{path}' hold no layer; name each layer by its zone code: {string.Join(", ", Vocabularies.Zones.Codes)} (a folder of <zone-code>.geojson files, or GeoPackage tables of those names; an empty FeatureCollection says a zone has no feature).",
                $"分区图层 '{path}' 中没有任何图层；请按分区代码命名每个图层：{string.Join("、", Vocabularies.Zones.Codes)}（文件夹中的 <分区代码>.geojson 文件，或同名的 GeoPackage 表；空的 FeatureCollection 表示该分区没有图斑）。"));
        }

        if (problems.Count > 0)
        {
            throw new RecordsException(problems);
        }

        return new ZoneLayers(name, [.. layers.OrderBy(l => l.Zone).Select(l => new Layer(l.Zone, l.Features))]);
    }

    /// <summary>
    /// The zones an application's site lies in by its boundary: every layer feature it overlaps by more than
    /// <paramref name="toleranceHectares"/> (comparing the overlap rounded to <see cref="Decimals"/> decimals, as it is
    /// reported), ordered by zone, then largest overlap first, then feature id.
    /// </summary>
    /// <param name="application">The application; validated first unless it already was.</param>
    /// <param name="toleranceHectares">The overlap, in hectares, a feature must exceed to count.</param>
    /// <returns>The findings; null when the application has no <c>location.boundary</c>.</returns>
    /// <exception cref="InvalidApplicationException">The application is invalid.</exception>
    public ZoneFindings? Find(Application application, decimal toleranceHectares = ZoneOverlap.DefaultToleranceHectares)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceHectares);
        if (application.Location?.Boundary is not { } boundary)
        {
            return null;
        }

        if (ApplicationReader.Validate(application) is { Count: > 0 } problems)
        {
            throw new InvalidApplicationException(problems);
        }

        var site = SiteGeometry.Of(boundary);
        var extent = site.LonLat.EnvelopeInternal;
        var overlaps = new List<ZoneOverlap>();
        foreach (var layer in _layers)
        {
            var found = new List<ZoneOverlap>();
            foreach (var feature in layer.Query(extent))
            {
                var overlap = site.OverlapHectares(feature.Geometry);
                var hectares = SiteGeometry.RoundedHectares(overlap);
                if (SiteGeometry.Counts(hectares, toleranceHectares))
                {
                    var code = Vocabularies.Zones.Code(layer.Zone);
                    found.Add(new ZoneOverlap(layer.Zone, $"{Name}/{code}#{feature.Id}", feature.Id, feature.Name, hectares, Round(overlap / site.Hectares)));
                }
            }

            overlaps.AddRange(found.OrderByDescending(o => o.Hectares).ThenBy(o => o.FeatureId, StringComparer.Ordinal));
        }

        return new ZoneFindings { Layers = Name, SiteHectares = Round(site.Hectares), Layered = Layered, Overlaps = overlaps, ToleranceHectares = toleranceHectares };
    }

    private static decimal Round(double value) => Math.Round((decimal)value, Decimals, MidpointRounding.AwayFromZero);

    private static Diagnostic Problem(SourceLocation where, string code, string en, string zh) => new(where, code, en) { MessageZh = zh };

    /// <summary>The zone a layer's file or table name is the code of; else a problem suggesting the nearest code.</summary>
    private static Zone? ZoneOfName(string layerName, SourceLocation where, string what, string whatZh, List<Diagnostic> problems)
    {
        foreach (var term in Vocabularies.Zones.Terms)
        {
            if (string.Equals(term.Code, layerName, StringComparison.Ordinal))
            {
                return term.Value;
            }
        }

        var hint = Vocabularies.Zones.TryParse(layerName, out var zone) ? Vocabularies.Zones.Code(zone) : Suggestions.Closest(layerName, Vocabularies.Zones.Codes);
        var codes = string.Join(", ", Vocabularies.Zones.Codes);
        problems.Add(Problem(where, DiagnosticCodes.UnknownZoneLayer,
            $"The {what} '{layerName}' is not a zone code.{(hint is null ? string.Empty : $" Did you mean '{hint}'?")} Layers are named by the zone codes: {codes}.",
            $"{whatZh} '{layerName}' 不是分区代码。{(hint is null ? string.Empty : $"是否应为“{hint}”？")}图层以分区代码命名：{codes}。"));
        return null;
    }

    /// <summary>
    /// Checks a feature's geometry: a valid polygon or multipolygon in longitude and latitude. Returns the problem's
    /// English and Chinese, or null.
    /// </summary>
    private static (string En, string Zh)? GeometryProblem(Geometry geometry)
    {
        if (geometry is not (Polygon or MultiPolygon))
        {
            return ($"is a {geometry.GeometryType}; zone features are Polygon or MultiPolygon", $"为 {geometry.GeometryType}；分区要素只能是 Polygon 或 MultiPolygon");
        }

        var e = geometry.EnvelopeInternal;
        if (geometry.IsEmpty || e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90)
        {
            return ("has coordinates that are not longitude and latitude (CGCS2000 or WGS 84, [lon, lat])", "的坐标不是经纬度（CGCS2000 或 WGS 84，[经度, 纬度]）");
        }

        var error = new NetTopologySuite.Operation.Valid.IsValidOp(geometry).ValidationError;
        if (error is null)
        {
            return null;
        }

        var at = System.FormattableString.Invariant($"[{error.Coordinate.X:0.#######}, {error.Coordinate.Y:0.#######}]");
        return ($"is not a valid polygon: {error.Message} at {at}", $"不是有效的多边形：{error.Message}，位置 {at}");
    }

    /// <summary>One feature of a layer.</summary>
    private sealed record ZoneFeature(string Id, string? Name, Geometry Geometry);

    /// <summary>One zone's layer: its features in an STRtree over their envelopes, built once.</summary>
    private sealed class Layer
    {
        private readonly STRtree<ZoneFeature>? _index;

        public Layer(Zone zone, List<ZoneFeature> features)
        {
            Zone = zone;
            Count = features.Count;
            if (features.Count > 0)
            {
                _index = new STRtree<ZoneFeature>();
                foreach (var feature in features)
                {
                    _index.Insert(feature.Geometry.EnvelopeInternal, feature);
                }

                // Built now, so that queries only read it (thread-safe).
                _index.Build();
            }
        }

        public Zone Zone { get; }

        public int Count { get; }

        public IList<ZoneFeature> Query(Envelope extent) => _index?.Query(extent) ?? [];
    }
}
