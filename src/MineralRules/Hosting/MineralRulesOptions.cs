using System.Globalization;

namespace MineralRules;

/// <summary>
/// How a host loads MineralRules: the embedded rule sets (the default) or a folder, and the culture of messages it
/// shows. Read once, when the services are built.
/// </summary>
public sealed class MineralRulesOptions
{
    /// <summary>A folder of rule sets (<c>rules/&lt;id&gt;/&lt;version&gt;/</c>); null for the rules embedded in the library.</summary>
    public string? RulesFolder { get; set; }

    /// <summary>The largest rule file read from <see cref="RulesFolder"/>, in bytes; a larger one is an error, not read.</summary>
    public long MaxFileSize { get; set; } = DefaultMaxFileSize;

    /// <summary>The largest application or rule file read unless told otherwise: 10 MB (10 485 760 bytes).</summary>
    public const long DefaultMaxFileSize = 10 * 1024 * 1024;

    /// <summary>
    /// The language of messages in reports: English by default (the invariant culture, which exists in every host,
    /// also one running in globalization-invariant mode), or a <c>zh</c> culture such as <c>zh-CN</c> for Chinese.
    /// </summary>
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>
    /// Zone layers (docs/records.md): a folder of <c>&lt;zone-code&gt;.geojson</c> files or a GeoPackage whose layers are
    /// named by zone code; null for none. With them, an application's zones are derived from its boundary.
    /// </summary>
    public string? ZoneLayers { get; set; }

    /// <summary>The mining-rights register (docs/records.md): a GeoPackage file or a PostgreSQL connection string; null for none.</summary>
    public string? Register { get; set; }

    /// <summary>The overlap, in hectares, above which a site lies in a zone feature or overlaps a right (default 0.01).</summary>
    public decimal ZoneToleranceHectares { get; set; } = ZoneOverlap.DefaultToleranceHectares;
}
