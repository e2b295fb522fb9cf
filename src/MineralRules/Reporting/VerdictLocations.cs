using System.Runtime.CompilerServices;
using MineralRules.Compilation;
using MineralRules.RuleSets;

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

        var fallback = read.Locate("mineral");
        return (fallback.Line > 0 ? fallback : read.Locate("id")) with { Path = source };
    }

    private static string[] FieldsOf(CompiledRule rule)
    {
        var fields = new List<string>();
        Walk(rule.Definition.Condition, fields);
        Walk(rule.Definition.Scope.When, fields);
        return [.. fields.Distinct(StringComparer.Ordinal)];
    }

    private static void Walk(ConditionDefinition? condition, List<string> fields)
    {
        switch (condition)
        {
            case CompareCondition c:
                fields.Add(c.Field);
                if (c.CompareTo is { } other)
                {
                    fields.Add(other);
                }

                break;
            case IsCondition c:
                fields.Add(c.Field);
                break;
            case MembershipCondition c:
                fields.Add(c.Field);
                break;
            case IncludesCondition c:
                fields.Add(c.Field);
                break;
            case ScaleMatchesCapacityCondition:
                fields.Add("scale");
                fields.Add("capacity");
                break;
            case AllCondition c:
                c.Parts.ToList().ForEach(p => Walk(p, fields));
                break;
            case AnyCondition c:
                c.Parts.ToList().ForEach(p => Walk(p, fields));
                break;
            case NotCondition c:
                Walk(c.Part, fields);
                break;
        }
    }
}
