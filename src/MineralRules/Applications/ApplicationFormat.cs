namespace MineralRules;

/// <summary>The format of an application document given as text, bytes or a stream (files are known by their extension).</summary>
public enum ApplicationFormat
{
    /// <summary>YAML (<c>.yaml</c>, <c>.yml</c>); diagnostics are located as <c>&lt;yaml&gt;:line:column</c>.</summary>
    Yaml,

    /// <summary>JSON (<c>.json</c>); diagnostics are located as <c>&lt;json&gt;:line:column</c>.</summary>
    Json,
}
