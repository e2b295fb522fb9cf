namespace MineralRules.Applications;

/// <summary>The one naming convention shared by documents, rule fields and messages: camelCase of the C# name.</summary>
internal static class FieldNames
{
    public static string ToKey(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    /// <summary>The document path of a chain of property names (<c>nameof(Application.Location), nameof(Location.Zones)</c> → <c>location.zones</c>).</summary>
    public static string Path(params string[] propertyNames) => string.Join('.', propertyNames.Select(ToKey));

    /// <summary>Turns a FluentValidation property path (<c>Recovery.Mining.Actual</c>, <c>Exemptions[0].Basis</c>) into a field path.</summary>
    public static string FromPropertyPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(ToKey));
}
