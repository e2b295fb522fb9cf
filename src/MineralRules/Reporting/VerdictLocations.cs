using System.Runtime.CompilerServices;
using MineralRules.Compilation;
using MineralRules.Conditions;

namespace MineralRules.Reporting;

/// <summary>
/// Points a verdict at the line of the application it is about: the first field its rule's condition reads that the
/// file holds, else the mineral (what scope-only rules such as prohibitions are about), else the id.
/// </summary>
internal static class VerdictLocations
{
    // The fields each rule reads, worked out once per rule set (and gone with it); safe from any thread.
    private static readonly ConditionalWeakTable<CompiledRuleSet, Dictionary<string, string[]>> Fields = [];

    public static SourceLocation Locate(Verdict verdict, ApplicationReadResult read, CompiledRuleSet ruleSet, string source)
    {
        var byRule = Fields.GetValue(ruleSet, r => r.CompiledRules.ToDictionary(c => c.Id, FieldsOf, StringComparer.Ordinal));

        // A field the file lacks locates to its nearest present parent, ultimately the document itself: skip that.
        var document = read.Locate(string.Empty);
        foreach (var field in byRule.GetValueOrDefault(verdict.Rule) ?? [])
        {
            var location = read.Locate(field);
            if (location.Line > 0 && location != document)
            {
                return location with { Path = source };
            }
        }

        var fallback = read.Locate(ApplicationFields.Mineral.Path);
        return (fallback.Line > 0 ? fallback : read.Locate(ApplicationFields.Id.Path)) with { Path = source };
    }

    /// <summary>The fields the rule's condition and scope read, as each condition form says (<see cref="ConditionForms.FieldsRead"/>).</summary>
    private static string[] FieldsOf(CompiledRule rule) =>
        [.. ConditionForms.FieldsRead(rule.Definition.Condition).Concat(ConditionForms.FieldsRead(rule.Definition.Scope.When)).Distinct(StringComparer.Ordinal)];
}
