using System.Globalization;
using System.Text;
using System.Text.Json;
using MineralRules.Diagnostics;
using MineralRules.Records;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace MineralRules;

/// <summary>Zone layers from a folder of <c>&lt;zone-code&gt;.geojson</c> files (RFC 7946 FeatureCollections).</summary>
public sealed partial class ZoneLayers
{
    private const string GeoJsonExtension = ".geojson";

    private static readonly JsonSerializerOptions GeoJson = new()
    {
        Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), GeoPackageFile.Cgcs2000)) },
    };

    private static List<(Zone Zone, List<ZoneFeature> Features)> ReadFolder(string folder, List<Diagnostic> problems)
    {
        var layers = new List<(Zone, List<ZoneFeature>)>();
        // Case-insensitively on every system: ecological-red-line.GeoJSON is a layer too, never silently left out.
        var files = Directory.EnumerateFiles(folder, "*" + GeoJsonExtension, new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive })
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var layerName = Path.GetFileName(file)[..^GeoJsonExtension.Length];
            if (ZoneOfName(layerName, SourceLocation.File(file), "file name", "文件名", problems) is not { } zone)
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(Problem(SourceLocation.File(file), DiagnosticCodes.ZoneLayerFormat, $"The layer cannot be read: {e.Message}", $"无法读取该图层：{e.Message}"));
                continue;
            }

            if (ReadLayer(file, bytes, problems) is { } features)
            {
                layers.Add((zone, features));
            }
        }

        return layers;
    }

    /// <summary>The features of one GeoJSON layer, or null when it cannot be read as a FeatureCollection.</summary>
    private static List<ZoneFeature>? ReadLayer(string file, byte[] bytes, List<Diagnostic> problems)
    {
        var utf8 = bytes.AsMemory();
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        var lines = new LineMap(utf8.Span);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            problems.Add(Problem(new SourceLocation(file, line, column), DiagnosticCodes.ZoneLayerFormat,
                $"The layer is not valid JSON: {e.Message}", $"该图层不是有效的 JSON：{e.Message}"));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                problems.Add(Problem(new SourceLocation(file, 1, 1), DiagnosticCodes.ZoneLayerFormat,
                    "The layer is not a GeoJSON FeatureCollection (RFC 7946): it needs \"type\": \"FeatureCollection\" and a \"features\" array.",
                    "该图层不是 GeoJSON FeatureCollection（RFC 7946）：需要 \"type\": \"FeatureCollection\" 和 \"features\" 数组。"));
                return null;
            }

            var starts = FeatureStarts(utf8.Span);
            var result = new List<ZoneFeature>();
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var where = lines.Locate(file, index < starts.Count ? starts[index] : 0);
                if (ReadFeature(feature, index, where, seen, problems) is { } read)
                {
                    result.Add(read);
                }

                index++;
            }

            return result;
        }
    }

    private static ZoneFeature? ReadFeature(JsonElement feature, int index, SourceLocation where, Dictionary<string, SourceLocation> seen, List<Diagnostic> problems)
    {
        var label = $"features[{index}]";
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneLayerFormat, $"{label} is not a GeoJSON Feature (\"type\": \"Feature\").", $"{label} 不是 GeoJSON Feature（\"type\": \"Feature\"）。"));
            return null;
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var id = IdOf(properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("id", out var pid) ? pid : default)
            ?? IdOf(feature.TryGetProperty("id", out var fid) ? fid : default);
        string? name = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var ok = id is not null && IdIsNew(id, where, label, seen, problems);
        if (id is null)
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureId,
                $"{label} has no id: give it a \"properties\": {{\"id\": ...}} (or the Feature's \"id\"), which sources cite.",
                $"{label} 没有 id：请写出 \"properties\": {{\"id\": ...}}（或 Feature 的 \"id\"），来源以它为准。"));
        }

        var named = id is null ? label : $"{label} (id '{id}')";
        if (!feature.TryGetProperty("geometry", out var geometryJson) || geometryJson.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureGeometry, $"{named} has no geometry; a zone feature is a Polygon or MultiPolygon.", $"{named} 没有几何；分区要素须为 Polygon 或 MultiPolygon。"));
            return null;
        }

        Geometry? geometry;
        try
        {
            geometry = geometryJson.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureGeometry, $"{named} has a geometry that cannot be read: {e.Message}", $"{named} 的几何无法读取：{e.Message}"));
            return null;
        }

        var problem = geometry is null ? ("has no geometry", "没有几何") : GeometryProblem(geometry);
        if (problem is { } found)
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureGeometry, $"{named} {found.En}.", $"{named} {found.Zh}。"));
            return null;
        }

        return ok ? new ZoneFeature(id!, name, geometry!) : null;
    }

    /// <summary>An id written as a string or a number; null when absent, null or empty.</summary>
    private static string? IdOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>True when the id is new in its layer; else a problem naming where it was first.</summary>
    private static bool IdIsNew(string id, SourceLocation where, string label, Dictionary<string, SourceLocation> seen, List<Diagnostic> problems)
    {
        if (seen.TryGetValue(id, out var first))
        {
            problems.Add(Problem(where, DiagnosticCodes.ZoneFeatureId, $"{label} repeats the id '{id}' of the feature at {first}; ids are unique in a layer.", $"{label} 重复了 {first} 处要素的 id '{id}'；同一图层内 id 必须唯一。"));
            return false;
        }

        seen.Add(id, where);
        return true;
    }

    /// <summary>The byte offset of each element of the root's <c>features</c> array, in order.</summary>
    private static List<long> FeatureStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<long>();
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return starts;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFeatures = reader.ValueTextEquals("features"u8);
            reader.Read();
            if (isFeatures && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    starts.Add(reader.TokenStartIndex);
                    reader.Skip();
                }

                return starts;
            }

            reader.Skip();
        }

        return starts;
    }

    /// <summary>Turns byte offsets of a UTF-8 text into 1-based lines and columns (columns count characters).</summary>
    private sealed class LineMap
    {
        private readonly byte[] _text;
        private readonly List<int> _lineStarts = [0];

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            _text = utf8.ToArray();
            for (var i = 0; i < _text.Length; i++)
            {
                if (_text[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public SourceLocation Locate(string file, long offset)
        {
            var at = (int)Math.Min(offset, _text.Length);
            var line = _lineStarts.BinarySearch(at);
            line = line >= 0 ? line : ~line - 1;
            var column = Encoding.UTF8.GetCharCount(_text, _lineStarts[line], at - _lineStarts[line]) + 1;
            return new SourceLocation(file, line + 1, column);
        }
    }
}
