using System.Collections;
using System.Globalization;
using MineralRules.Applications;
using MineralRules.RuleSets;
using MineralRules.Units;

namespace MineralRules.Compilation;

/// <summary>
/// One fact a condition compares: the field, and what the rule requires of it for this application (which may
/// name another field's value, e.g. <c>≤ licence.expiresOn − 30 days (2024-07-02)</c>). Built once per rule at
/// compile time; the texts are formed only when a verdict's facts are read.
/// </summary>
internal sealed record FactSpec(Field Field, Func<Application, string> Required);

/// <summary>The language-neutral texts of facts: values as written in the document (codes, ISO dates, invariant numbers).</summary>
internal static class FactText
{
    /// <summary>What a missing fact requires.</summary>
    public const string Present = "present";

    /// <summary>The value as the application document writes it; null when absent.</summary>
    public static string? Value(Field field, Application application) => Of(field.Read(application), field);

    public static string? Of(object? value, Field? field) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        decimal d => UnitConversions.Format(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Capacity c => c.ToString(),
        string s => s,
        Enum e => (field?.Vocabulary ?? Vocabularies.For(e.GetType()))?.Code(e) ?? e.ToString(),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object>().Select(o => Of(o, null))) + "]",
        _ => value.ToString(),
    };

    /// <summary>A list of values as codes: <c>medium, large</c>.</summary>
    public static string Words(IEnumerable<object> values, Field field) => string.Join(", ", values.Select(v => Of(v, field)));

    public static string Sign(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "≥",
        Comparison.MoreThan => ">",
        Comparison.AtMost => "≤",
        _ => "<",
    };
}

/// <summary>Date shifts that cannot throw: a shift past the calendar's range gives null (the rule cannot decide).</summary>
internal static class Dates
{
    /// <summary>The largest <c>plusMonths</c> a rule may write, either way: a century (checked when the rules load).</summary>
    public const int MaxMonths = 1200;

    /// <summary>The largest <c>plusDays</c> a rule may write, either way: a century (checked when the rules load).</summary>
    public const int MaxDays = 36600;

    public static DateOnly? Shift(DateOnly date, int? months, int? days)
    {
        try
        {
            return months is { } m ? date.AddMonths(m) : days is { } d ? date.AddDays(d) : date;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
