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
}
