using MineralRules.Compilation;
using MineralRules.Conditions;

namespace MineralRules.Cli.Reporting;

/// <summary>
/// Points a verdict at the line of the application it is about: the first field its rule's condition reads that the
/// file holds, else the mineral (what scope-only rules such as prohibitions are about), else the id.
/// </summary>
internal sealed class VerdictLocations
{
    private readonly Dictionary<CompiledRuleSet, Dictionary<string, string[]>> _fields = [];

    public Func<Verdict, SourceLocation> For(ApplicationReadResult read, CompiledRuleSet ruleSet, string source)
    {
        if (!_fields.TryGetValue(ruleSet, out var byRule))
        {
            byRule = ruleSet.CompiledRules.ToDictionary(r => r.Id, FieldsOf, StringComparer.Ordinal);
            _fields.Add(ruleSet, byRule);
        }

        // A field the file lacks locates to its nearest present parent, ultimately the document itself: skip that.
        var document = read.Locate(string.Empty);
        return verdict =>
        {
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
        };
    }

    /// <summary>The fields the rule's condition and scope read, as each condition form says (<see cref="ConditionForms.FieldsRead"/>).</summary>
    private static string[] FieldsOf(CompiledRule rule) =>
        [.. ConditionForms.FieldsRead(rule.Definition.Condition).Concat(ConditionForms.FieldsRead(rule.Definition.Scope.When)).Distinct(StringComparer.Ordinal)];
}
