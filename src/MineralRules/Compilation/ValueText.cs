using MineralRules.Applications;
using MineralRules.Reference;
using MineralRules.Units;

namespace MineralRules.Compilation;

/// <summary>How values appear in messages, in Chinese or English. Numbers are culture-invariant.</summary>
internal static class ValueText
{
    public static string Of(object? value, Field? field, bool zh) => value switch
    {
        null => zh ? "（未填写）" : "(not given)",
        bool b => zh ? (b ? "是" : "否") : (b ? "yes" : "no"),
        decimal d => UnitConversions.Format(d),
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Capacity c => c.ToString(),
        string s when field == ApplicationFields.League || field == ApplicationFields.County => AdministrativeDivisions.Default.Name(s),
        string s => s,
        Enum e => Vocabularies.For(e.GetType()) is { } v ? v.Display(e, zh) : e.ToString(),
        System.Collections.IEnumerable list => Join(list.Cast<object>().Select(o => Of(o, null, zh)), zh),
        _ => value.ToString() ?? string.Empty,
    };

    public static string Join(IEnumerable<string> items, bool zh)
    {
        var list = items.ToList();
        return list.Count == 0 ? (zh ? "（无）" : "(none)") : string.Join(zh ? "、" : ", ", list);
    }
}
