using System.Globalization;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Reference;
using NetTopologySuite.Geometries;

namespace MineralRules.Records.Register;

/// <summary>
/// Reads the rights of a register import: a GeoJSON FeatureCollection (RFC 7946; positions CGCS2000
/// <c>[longitude, latitude]</c>) whose features carry the properties <c>id</c>, <c>kind</c>, <c>holder</c>,
/// <c>mineral</c>, <c>county</c>, <c>deposit</c>, <c>block</c>, <c>validFrom</c>, <c>validTo</c> and, optionally,
/// <c>synthetic</c> (docs/records.md). Every problem is a located diagnostic (file:line:column), all of them collected;
/// the caller writes nothing when there is any.
/// </summary>
internal static class RightsGeoJson
{
    /// <summary>The largest rights file read (a province's register as GeoJSON stays well below it).</summary>
    public const long MaxBytes = 1L << 30;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static List<StoredRight> Read(string path, DiagnosticBag diagnostics)
    {
        var rights = new List<StoredRight>();
        if (!SafeFiles.TryReadText(path, MaxBytes, out var text, out var error))
        {
            diagnostics.Add(SourceLocation.File(path), error!.Value.Code, $"Cannot read the rights file: {error.Value.Message}", $"无法读取矿业权文件：{error.Value.MessageZh}");
            return rights;
        }

        if (JsonDocumentReader.Read(text, path, diagnostics) is not { } root)
        {
            return rights;
        }

        if (Scalars.Mapping(root, diagnostics, "the rights file (a GeoJSON FeatureCollection)") is not { } collection)
        {
            return rights;
        }

        var top = new MappingReader(collection, diagnostics);
        ExpectType(top, "FeatureCollection");
        CheckCrs(top.Optional("crs"), diagnostics);
        top.Optional("name");
        top.Optional("bbox");
        var features = top.Required("features", "the list of rights, one GeoJSON Feature each") is { } list ? Scalars.Sequence(list, diagnostics, "'features'") : null;
        top.Finish("the FeatureCollection");

        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var feature in features ?? [])
        {
            var (right, id, idLocation) = ReadFeature(feature, diagnostics);
            if (id is not null)
            {
                if (ids.TryGetValue(id, out var first))
                {
                    diagnostics.Add(
                        idLocation!,
                        DiagnosticCodes.DuplicateRecord,
                        $"The right '{DocumentText.Shown(id)}' appears twice (first on line {first.Line.ToString(CultureInfo.InvariantCulture)}); a register holds each right once.",
                        $"矿业权 '{DocumentText.Shown(id)}' 出现了两次（第一次在第 {first.Line.ToString(CultureInfo.InvariantCulture)} 行）；登记簿中每个矿业权只能有一条。");
                    continue;
                }

                ids.Add(id, idLocation!);
            }

            if (right is not null)
            {
                rights.Add(right);
            }
        }

        return rights;
    }

    private static (StoredRight? Right, string? Id, SourceLocation? IdLocation) ReadFeature(DocumentNode node, DiagnosticBag diagnostics)
    {
        if (Scalars.Mapping(node, diagnostics, "a Feature") is not { } mapping)
        {
            return default;
        }

        var before = diagnostics.Count;
        var feature = new MappingReader(mapping, diagnostics);
        ExpectType(feature, "Feature");
        feature.Optional("id");
        feature.Optional("bbox");
        var geometryNode = feature.Optional("geometry");
        var propertiesNode = feature.Required("properties", "the right's properties (id, kind, holder, mineral, county, deposit, block, validFrom, validTo)");
        feature.Finish("a Feature");
        var boundary = geometryNode is null ? Missing(mapping, diagnostics) : ReadGeometry(geometryNode, diagnostics);
        if (propertiesNode is null || Scalars.Mapping(propertiesNode, diagnostics, "'properties'") is not { } propertiesMapping)
        {
            return default;
        }

        var properties = new MappingReader(propertiesMapping, diagnostics);
        var idNode = properties.Required("id", "the right's id (its licence number)");
        var id = Text(idNode, diagnostics, "'id'");
        var kindNode = properties.Required("kind", "exploration or mining");
        var kind = Text(kindNode, diagnostics, "'kind'") is { } kindWord ? Kind(kindWord, kindNode!, diagnostics) : null;
        var holder = Text(properties.Required("holder", "the right's holder"), diagnostics, "'holder'");
        var mineralNode = properties.Required("mineral", "the mineral, as a code (sand-gravel) or its Chinese name (普通建筑用砂石土)");
        var mineral = Text(mineralNode, diagnostics, "'mineral'") is { } mineralWord ? Mineral(mineralWord) : null;
        if (mineral is not null && !Applications.Vocabularies.Minerals.TryParse(mineral, out _))
        {
            // An error, not a warning: a right kept under a word the rules do not know would silently drop out of what
            // the register counts (a 建筑用砂 right out of its county's sand/gravel rights, 5.2.2).
            diagnostics.Add(
                mineralNode!.Location,
                DiagnosticCodes.UnknownValue,
                $"The mineral '{DocumentText.Shown(mineral)}' is not one of the contract's minerals; write its code, its Chinese name or an accepted alias from the mineral table of docs/application.md (e.g. sand-gravel or 普通建筑用砂石土 for construction sand, gravel and earth; coal or 煤炭).",
                $"矿种 '{DocumentText.Shown(mineral)}' 不在合同的矿种表中；请按 docs/application.md 的矿种表写其代码、中文名称或可接受的别名（如建筑用砂、石、土写 sand-gravel 或 普通建筑用砂石土；煤写 coal 或 煤炭）。");
        }

        var countyNode = properties.Required("county", "the county's GB/T 2260 code or name");
        var county = Text(countyNode, diagnostics, "'county'") is { } countyWord ? County(countyWord, countyNode!, diagnostics) : null;
        var deposit = properties.Optional("deposit") is { } depositNode ? Text(depositNode, diagnostics, "'deposit'") : null;
        var block = properties.Optional("block") is { } blockNode ? Text(blockNode, diagnostics, "'block'") : null;
        var fromNode = properties.Required("validFrom", "the first day the right is valid, YYYY-MM-DD");
        var from = fromNode is null ? null : Scalars.Date(fromNode, diagnostics, "'validFrom'");
        var toNode = properties.Required("validTo", "the last day the right is valid, YYYY-MM-DD");
        var to = toNode is null ? null : Scalars.Date(toNode, diagnostics, "'validTo'");
        var synthetic = properties.Optional("synthetic") is { } syntheticNode ? Scalars.Boolean(syntheticNode, diagnostics, "'synthetic'") : false;
        properties.Finish("a right's properties");

        if (from is { } f && to is { } t && t < f)
        {
            diagnostics.Add(
                toNode!.Location,
                DiagnosticCodes.RightInvalid,
                $"validTo {Iso(t)} is before validFrom {Iso(f)}: a right is valid from its first day to its last.",
                $"validTo {Iso(t)} 早于 validFrom {Iso(f)}：矿业权的有效期从第一天到最后一天。");
        }

        if (diagnostics.Count != before || id is null || kind is null || holder is null || mineral is null || county is null || from is null || to is null || synthetic is null || boundary is null)
        {
            return (null, id, idNode?.Location);
        }

        return (new StoredRight(id, kind.Value, holder, mineral, county, deposit, block, from.Value, to.Value, synthetic.Value, boundary), id, idNode!.Location);
    }

    private static void ExpectType(MappingReader reader, string type)
    {
        if (reader.Required("type", $"\"{type}\"") is { } node && (node is not ScalarNode { Quoted: true } scalar || scalar.Value != type))
        {
            reader.Diagnostics.Add(node.Location, DiagnosticCodes.UnknownValue, $"Expected \"type\": \"{type}\" here, found {node.Describe()}.", $"此处应为 \"type\": \"{type}\"，实际为{node.DescribeZh()}。");
        }
    }

    /// <summary>RFC 7946 has no <c>crs</c>; an older file's CRS84, EPSG:4326 or EPSG:4490 says longitude/latitude and is accepted, any other is refused.</summary>
    private static void CheckCrs(DocumentNode? crs, DiagnosticBag diagnostics)
    {
        if (crs is null)
        {
            return;
        }

        var name = crs is MappingNode m && m.Entries.FirstOrDefault(e => e.Key.Value == "properties").Value is MappingNode p
            && p.Entries.FirstOrDefault(e => e.Key.Value == "name").Value is ScalarNode s ? s.Value : null;
        if (name is null || !(name.EndsWith("CRS84", StringComparison.Ordinal) || name.EndsWith("4326", StringComparison.Ordinal) || name.EndsWith("4490", StringComparison.Ordinal)))
        {
            diagnostics.Add(
                crs.Location,
                DiagnosticCodes.RightGeometry,
                "The rights file names a coordinate system other than CGCS2000 longitude/latitude; write positions as [longitude, latitude] in CGCS2000 (EPSG:4490) and leave 'crs' out (RFC 7946).",
                "矿业权文件声明了 CGCS2000 经纬度以外的坐标系；请按 CGCS2000（EPSG:4490）以 [经度, 纬度] 写出坐标，并删去 'crs'（RFC 7946）。");
        }
    }

    private static MultiPolygon? Missing(MappingNode feature, DiagnosticBag diagnostics)
    {
        diagnostics.Add(feature.Location, DiagnosticCodes.RightGeometry, "The right has no geometry: every right needs its boundary, a Polygon or MultiPolygon.", "该矿业权没有几何图形：每个矿业权都需要其范围（Polygon 或 MultiPolygon）。");
        return null;
    }

    private static MultiPolygon? ReadGeometry(DocumentNode node, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode { IsNull: true })
        {
            diagnostics.Add(node.Location, DiagnosticCodes.RightGeometry, "The right's geometry is null: every right needs its boundary, a Polygon or MultiPolygon.", "该矿业权的几何图形为 null：每个矿业权都需要其范围（Polygon 或 MultiPolygon）。");
            return null;
        }

        if (Scalars.Mapping(node, diagnostics, "the geometry") is not { } mapping)
        {
            return null;
        }

        var reader = new MappingReader(mapping, diagnostics);
        var typeNode = reader.Required("type", "\"Polygon\" or \"MultiPolygon\"");
        var coordinates = reader.Required("coordinates", "the rings of [longitude, latitude] positions");
        reader.Optional("bbox");
        reader.Finish("the geometry");
        if (typeNode is not ScalarNode { Quoted: true } type || coordinates is null)
        {
            if (typeNode is not null and not ScalarNode { Quoted: true })
            {
                Refuse(typeNode, diagnostics);
            }

            return null;
        }

        var before = diagnostics.Count;
        Polygon?[] polygons;
        switch (type.Value)
        {
            case "Polygon":
                polygons = [ReadPolygon(coordinates, diagnostics)];
                break;
            case "MultiPolygon":
                polygons = Scalars.Sequence(coordinates, diagnostics, "the MultiPolygon's polygons") is { } parts ? [.. parts.Select(p => ReadPolygon(p, diagnostics))] : [];
                break;
            default:
                Refuse(typeNode, diagnostics);
                return null;
        }

        if (diagnostics.Count != before || polygons.Length == 0 || polygons.Any(p => p is null))
        {
            if (polygons.Length == 0 && diagnostics.Count == before)
            {
                diagnostics.Add(coordinates.Location, DiagnosticCodes.RightGeometry, "The MultiPolygon has no polygon.", "该 MultiPolygon 中没有多边形。");
            }

            return null;
        }

        var multi = Factory.CreateMultiPolygon(polygons!);
        if (!multi.IsValid)
        {
            var problem = new NetTopologySuite.Operation.Valid.IsValidOp(multi).ValidationError;
            diagnostics.Add(
                node.Location,
                DiagnosticCodes.RightGeometry,
                $"The right's boundary is not a valid polygon: {problem.Message} at [{Number(problem.Coordinate.X)}, {Number(problem.Coordinate.Y)}]. Rings must not cross themselves or each other.",
                $"该矿业权的范围不是有效的多边形：{problem.Message}，位于 [{Number(problem.Coordinate.X)}, {Number(problem.Coordinate.Y)}]。环不得自相交或相互交叉。");
            return null;
        }

        return multi;
    }

    private static void Refuse(DocumentNode type, DiagnosticBag diagnostics) =>
        diagnostics.Add(type.Location, DiagnosticCodes.RightGeometry, $"A right's geometry is a \"Polygon\" or a \"MultiPolygon\", not {type.Describe()}.", $"矿业权的几何图形应为 \"Polygon\" 或 \"MultiPolygon\"，而不是{type.DescribeZh()}。");

    private static Polygon? ReadPolygon(DocumentNode node, DiagnosticBag diagnostics)
    {
        if (Scalars.Sequence(node, diagnostics, "a polygon's rings") is not { } ringNodes)
        {
            return null;
        }

        if (ringNodes.Count == 0)
        {
            diagnostics.Add(node.Location, DiagnosticCodes.RightGeometry, "The polygon has no ring.", "该多边形没有环。");
            return null;
        }

        var rings = new List<LinearRing>();
        foreach (var ringNode in ringNodes)
        {
            if (ReadRing(ringNode, diagnostics) is { } ring)
            {
                rings.Add(ring);
            }
        }

        return rings.Count == ringNodes.Count ? Factory.CreatePolygon(rings[0], [.. rings.Skip(1)]) : null;
    }

    private static LinearRing? ReadRing(DocumentNode node, DiagnosticBag diagnostics)
    {
        if (Scalars.Sequence(node, diagnostics, "a ring of [longitude, latitude] positions") is not { } positions)
        {
            return null;
        }

        var coordinates = new List<Coordinate>(positions.Count);
        foreach (var position in positions)
        {
            if (Scalars.Sequence(position, diagnostics, "a position [longitude, latitude]") is not { } pair)
            {
                return null;
            }

            if (pair.Count is < 2 or > 3)
            {
                diagnostics.Add(position.Location, DiagnosticCodes.RightGeometry, $"A position is [longitude, latitude] (an elevation may follow), not {pair.Count.ToString(CultureInfo.InvariantCulture)} number(s).", $"坐标应为 [经度, 纬度]（其后可有高程），而不是 {pair.Count.ToString(CultureInfo.InvariantCulture)} 个数。");
                return null;
            }

            if (Scalars.Decimal(pair[0], diagnostics, "the longitude") is not { } lon || Scalars.Decimal(pair[1], diagnostics, "the latitude") is not { } lat)
            {
                return null;
            }

            if (lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                diagnostics.Add(position.Location, DiagnosticCodes.RightGeometry, $"[{Number((double)lon)}, {Number((double)lat)}] is not a longitude and latitude in degrees (longitude first, RFC 7946).", $"[{Number((double)lon)}, {Number((double)lat)}] 不是以度为单位的经纬度（经度在前，RFC 7946）。");
                return null;
            }

            coordinates.Add(new Coordinate((double)lon, (double)lat));
        }

        if (coordinates.Count < 4 || !coordinates[0].Equals2D(coordinates[^1]))
        {
            diagnostics.Add(node.Location, DiagnosticCodes.RightGeometry, "A ring has at least 4 positions and ends where it starts (RFC 7946).", "环至少有 4 个坐标，且终点与起点相同（RFC 7946）。");
            return null;
        }

        return Factory.CreateLinearRing([.. coordinates]);
    }

    private static string? Text(DocumentNode? node, DiagnosticBag diagnostics, string what)
    {
        if (node is null)
        {
            return null;
        }

        var text = Scalars.String(node, diagnostics, what)?.Trim();
        if (text is { Length: 0 })
        {
            diagnostics.Add(node.Location, DiagnosticCodes.MissingKey, $"{what} is empty; write its value.", $"{what} 为空；请写出其值。");
            return null;
        }

        return text;
    }

    private static Permit? Kind(string word, DocumentNode node, DiagnosticBag diagnostics)
    {
        if (StoredRight.ParseKind(word) is { } kind)
        {
            return kind;
        }

        diagnostics.Add(node.Location, DiagnosticCodes.UnknownValue, $"'{DocumentText.Shown(word)}' is not a kind of right; write exploration or mining.", $"'{DocumentText.Shown(word)}' 不是矿业权类型；请写 exploration 或 mining。");
        return null;
    }

    /// <summary>The contract's code for a mineral the vocabulary knows (code, Chinese name or alias); any other mineral as written (and refused by the reader).</summary>
    public static string Mineral(string word) =>
        Applications.Vocabularies.Minerals.TryParse(word, out var mineral) ? Applications.Vocabularies.Minerals.Code(mineral) : word;

    /// <summary>A county's GB/T 2260 code from its code or name; a league, the region or an unknown word is refused.</summary>
    public static string? County(string word, DocumentNode node, DiagnosticBag diagnostics)
    {
        var found = AdministrativeDivisions.Default.Find(word).Where(d => !d.IsLeague && d.Code != AdministrativeDivisions.RegionCode).ToList();
        if (found.Count == 1)
        {
            return found[0].Code;
        }

        var (message, messageZh) = found.Count > 1
            ? ($"'{DocumentText.Shown(word)}' names several counties ({string.Join(", ", found.Select(d => d.Code))}); write the GB/T 2260 code.", $"'{DocumentText.Shown(word)}' 对应多个旗县区（{string.Join(", ", found.Select(d => d.Code))}）；请写 GB/T 2260 代码。")
            : ($"'{DocumentText.Shown(word)}' is not a banner, county or district of Inner Mongolia; write its GB/T 2260 code (e.g. 150622) or its name (e.g. 准格尔旗).", $"'{DocumentText.Shown(word)}' 不是内蒙古的旗县区；请写其 GB/T 2260 代码（如 150622）或名称（如 准格尔旗）。");
        diagnostics.Add(node.Location, DiagnosticCodes.UnknownValue, message, messageZh);
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
