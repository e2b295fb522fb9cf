using MineralRules.Diagnostics;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>
/// Compiles a rule's scope into a three-valued test: false = not applicable; unknown = a fact that decides whether
/// the rule applies is absent (a coal mine with no mining method may be underground: review, never a silent pass).
/// </summary>
internal sealed class ScopeCompiler(FieldCatalog fields, ConditionCompiler conditions)
{
    public Func<Application, Truth>? Compile(ScopeDefinition scope, BoundCondition? when, string ruleId, DiagnosticBag diagnostics)
    {
        var permits = Mask(scope.Permits);
        var actions = Mask(scope.Actions);
        var minerals = Mask(scope.Minerals);
        var except = Mask(scope.ExceptMinerals);
        var methods = Mask(scope.MiningMethods);
        var zones = scope.Zones.ToHashSet();
        var leagues = scope.Leagues.ToHashSet(StringComparer.Ordinal);
        var methodField = fields.Find("miningMethod")!.Id;
        var leagueField = fields.Find("location.league")!.Id;
        CompiledCondition? whenCondition = null;
        if (when is not null && (whenCondition = conditions.Compile(when, ruleId, diagnostics)) is null)
        {
            return null;
        }

        return application =>
        {
            if (!In(permits, application.Permit) || !In(actions, application.Action) || !In(minerals, application.Mineral)
                || (except != 0 && In(except, application.Mineral)))
            {
                return Truth.False;
            }

            if (zones.Count > 0 && !AnyIn(application.Location?.Zones, zones))
            {
                return Truth.False;
            }

            var result = Truth.True;
            if (methods != 0)
            {
                result = application.MiningMethod is { } method
                    ? Truth.Of(In(methods, method))
                    : Truth.MissingField(methodField);
            }

            if (leagues.Count > 0 && !result.IsFalse)
            {
                result = result.And(application.Location?.League is { } league ? Truth.Of(leagues.Contains(league)) : Truth.MissingField(leagueField));
            }

            if (whenCondition is not null && !result.IsFalse)
            {
                result = result.And(whenCondition.Evaluate(application));
            }

            return result;
        };
    }

    /// <summary>A bit per enum value; 0 means "any".</summary>
    private static ulong Mask<T>(IReadOnlyList<T> values)
        where T : struct, Enum =>
        values.Aggregate(0UL, (mask, v) => mask | (1UL << Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));

    private static bool In<T>(ulong mask, T value)
        where T : struct, Enum =>
        mask == 0 || (mask & (1UL << System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value))) != 0;

    private static bool AnyIn(IReadOnlyList<Zone>? zones, HashSet<Zone> wanted)
    {
        if (zones is null)
        {
            return false;
        }

        for (var i = 0; i < zones.Count; i++)
        {
            if (wanted.Contains(zones[i]))
            {
                return true;
            }
        }

        return false;
    }
}
