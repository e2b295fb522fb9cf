using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>
/// A rule's compiled scope. The permit, action and mineral it covers are bit masks, so that the rule set can tell
/// once per (permit, action, mineral) which rules can apply at all; the zones are a mask tested against the
/// application's zones, read once per evaluation; the rest (mining method, league, when) is a three-valued test:
/// false = not applicable; unknown = a fact that decides whether the rule applies is absent (a coal mine with no
/// mining method may be underground: review, never a silent pass). The mining methods are a mask too, tested in line;
/// only leagues, counties and <c>when</c> go through a delegate.
/// </summary>
internal sealed class CompiledScope(ulong permits, ulong actions, ulong minerals, ulong exceptMinerals, ulong zones, ulong methods, Func<Application, Truth>? rest, Truth zonesUnknown)
{
    private static readonly int MethodField = ApplicationFields.MiningMethod.Id;

    /// <summary>
    /// The bits <see cref="ZonesOf"/> sets when the application does not give its zones at all: a zone's bit shifted
    /// by <see cref="UnknownShift"/> says its membership is unknown (records may leave some zones unknown, not all).
    /// </summary>
    public const ulong UnknownZones = ulong.MaxValue << UnknownShift;

    /// <summary>Where the unknown zones' bits start in a zones mask (the zones themselves are the low bits).</summary>
    public const int UnknownShift = 32;

    /// <summary>The facts that put an application in this scope (zones, minerals, places, when), for verdicts whose condition compares none.</summary>
    public FactSpec[] Facts { get; init; } = [];

    /// <summary>Whether the rule can apply to this permit, action and mineral; 0 in a mask means "any".</summary>
    public bool Admits(Permit permit, PermitAction action, Mineral mineral) =>
        In(permits, (int)permit) && In(actions, (int)action) && In(minerals, (int)mineral) && (exceptMinerals == 0 || !In(exceptMinerals, (int)mineral));

    /// <summary>
    /// The scope's remaining test, for an application <see cref="Admits"/> already let through, given the
    /// application's zones as a mask (<see cref="ZonesOf"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Truth Rest(Application application, ulong applicationZones)
    {
        var result = Truth.True;
        if (zones != 0 && (zones & applicationZones) == 0)
        {
            // In none of the rule's zones, known to be in none or some of them unknown (absent zones, or zones the
            // records leave unknown): unknown where the rule set reads absent zones so (a missing fact), else none (1.0.0).
            if (((zones << UnknownShift) & applicationZones) == 0 || zonesUnknown.IsFalse)
            {
                return Truth.False;
            }

            result = zonesUnknown;
        }

        if (methods != 0)
        {
            // Kleene conjunction in this order (zones, method, then leagues, counties, when) is the order the
            // scope was always tested in; a method outside the rule's is false whatever else is unknown.
            if (application.MiningMethod is not { } method)
            {
                result = result.And(Truth.MissingField(MethodField));
            }
            else if (!In(methods, (int)method))
            {
                return Truth.False;
            }
        }

        return rest is null ? result : result.And(rest(application));
    }

    /// <summary>
    /// <see cref="Rest"/> as code in a combination's program (<see cref="CandidatePrograms"/>): its <see cref="Kleene"/>
    /// value, the parts in the same order, stopping at the first false one.
    /// </summary>
    public Expression Code(Expression application, Expression applicationZones)
    {
        var parts = new List<Expression>();
        if (zones != 0)
        {
            // In one of the rule's zones: true; else unknown where one of them is unknown and the rule set reads so; else false.
            var unknown = zonesUnknown.IsFalse
                ? (Expression)Kleene.False
                : Expression.Condition(Expression.NotEqual(Expression.And(applicationZones, Expression.Constant(zones << UnknownShift)), Expression.Constant(0UL)), Kleene.Of(zonesUnknown), Kleene.False);
            parts.Add(Expression.Condition(Expression.NotEqual(Expression.And(applicationZones, Expression.Constant(zones)), Expression.Constant(0UL)), Kleene.True, unknown));
        }

        if (methods != 0)
        {
            parts.Add(Kleene.IfPresent(Kleene.Read(ApplicationFields.MiningMethod.ReadInteger!, application), method => Kleene.OfBool(Relation.InMask(methods, method)), Kleene.Unknown));
        }

        if (rest is not null)
        {
            parts.Add(Kleene.OfTruth(Kleene.CallOf(rest, application)));
        }

        return parts.Count == 0 ? Kleene.True : Kleene.And(parts);
    }

    /// <summary>True when the permit, action and mineral decide the scope alone (no zones, method, league or when).</summary>
    public bool HasNoRest => zones == 0 && methods == 0 && rest is null;

    /// <summary>The whole scope.</summary>
    public Truth Evaluate(Application application) =>
        Admits(application.Permit, application.Action, application.Mineral) ? Rest(application, ZonesOf(application)) : Truth.False;

    /// <summary>
    /// A bit per zone the application lies in, and a bit above <see cref="UnknownShift"/> per zone not known;
    /// <see cref="UnknownZones"/> when it does not give its zones.
    /// </summary>
    public static ulong ZonesOf(Application application)
    {
        if (application.Location is not { Zones: { } list } location)
        {
            return UnknownZones;
        }

        var mask = location.UnknownZoneMask << UnknownShift;
        if (list is Zone[] array)
        {
            // What the readers give: read as an array, not element by element through the interface.
            foreach (var zone in array)
            {
                mask |= ZoneMask.Bit(zone);
            }

            return mask;
        }

        for (var i = 0; i < list.Count; i++)
        {
            mask |= ZoneMask.Bit(list[i]);
        }

        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool In(ulong mask, int value) => mask == 0 || (value is >= 0 and < 64 && (mask & (1UL << value)) != 0);
}

/// <summary>Compiles a rule's scope (<see cref="CompiledScope"/>).</summary>
internal sealed class ScopeCompiler(ConditionCompiler conditions, RuleSetReadings readings)
{
    public CompiledScope? Compile(ScopeDefinition scope, BoundCondition? when, string ruleId, DiagnosticBag diagnostics)
    {
        CompiledCondition? whenCondition = null;
        if (when is not null && (whenCondition = conditions.Compile(when, ruleId, diagnostics)) is null)
        {
            return null;
        }

        if (EmptyNamedKey(scope) is { } key)
        {
            // The masks below read 0 as "any": a list the file names but that holds nothing must never get there.
            diagnostics.Add(
                scope.Location ?? throw new InvalidOperationException($"The scope of rule {ruleId} names an empty '{key}'."),
                DiagnosticCodes.InvalidRule,
                $"The scope names '{key}' but it lists nothing; an empty list would cover every application, not none. Name what the rule covers or remove '{key}'.",
                $"适用范围写了 '{key}'，但它什么也没有列出；空列表将涵盖所有申请，而不是一个也不涵盖。请写明规则涵盖什么，或删除 '{key}'。",
                ruleId);
            return null;
        }

        var zonesField = ApplicationFields.Zones;
        var zonesUnknown = readings.AbsentZonesUnknown ? Truth.MissingField(zonesField.Id) : Truth.False;
        return new CompiledScope(Mask(scope.Permits), Mask(scope.Actions), Mask(scope.Minerals), Mask(scope.ExceptMinerals), Mask(scope.Zones), Mask(scope.MiningMethods), Rest(scope, whenCondition), zonesUnknown)
        {
            Facts = Facts(scope, whenCondition),
        };
    }

    /// <summary>A list key the rule file writes whose list is empty, or null (every written key lists something).</summary>
    internal static string? EmptyNamedKey(ScopeDefinition scope)
    {
        foreach (var key in scope.Named)
        {
            var count = key switch
            {
                "permit" => scope.Permits.Count,
                "actions" => scope.Actions.Count,
                "minerals" or "mineralList" => scope.Minerals.Count,
                "exceptMinerals" or "exceptMineralList" => scope.ExceptMinerals.Count,
                "miningMethods" => scope.MiningMethods.Count,
                "zones" => scope.Zones.Count,
                "leagues" => scope.Leagues.Count,
                "counties" => scope.Counties.Count,
                _ => 1,
            };
            if (count == 0)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The codes of the words, comma-separated (a loop: LINQ over an enum is JIT-compiled at every cold load).</summary>
    private static string Codes<T>(IReadOnlyList<T> values, Vocabulary<T> vocabulary)
        where T : struct, Enum
    {
        var codes = new string[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = vocabulary.Code(values[i]);
        }

        return string.Join(", ", codes);
    }

    /// <summary>What puts an application in the scope, as facts with what would take it out (a prohibition's "required").</summary>
    private FactSpec[] Facts(ScopeDefinition scope, CompiledCondition? when)
    {
        var facts = new List<FactSpec>();
        if (scope.Zones.Count > 0)
        {
            var words = Codes(scope.Zones, Vocabularies.Zones);
            facts.Add(new FactSpec(ApplicationFields.Zones, _ => "includes none of " + words));
        }

        var mineral = ApplicationFields.Mineral;
        if (scope.Minerals.Count > 0)
        {
            var words = Codes(scope.Minerals, Vocabularies.Minerals);
            facts.Add(new FactSpec(mineral, _ => "none of " + words));
        }
        else if (scope.ExceptMinerals.Count > 0)
        {
            var words = Codes(scope.ExceptMinerals, Vocabularies.Minerals);
            facts.Add(new FactSpec(mineral, _ => "one of " + words));
        }

        if (scope.Leagues.Count > 0)
        {
            var codes = string.Join(", ", scope.Leagues);
            facts.Add(new FactSpec(ApplicationFields.League, _ => "none of " + codes));
        }

        if (scope.Counties.Count > 0)
        {
            var codes = string.Join(", ", scope.Counties);
            facts.Add(new FactSpec(ApplicationFields.County, _ => "none of " + codes));
        }

        if (when is not null)
        {
            facts.AddRange(when.Facts.Select(f => f with { Required = a => "not " + f.Required(a) }));
        }

        if (facts.Count == 0 && scope.Actions.Count > 0)
        {
            var words = Codes(scope.Actions, Vocabularies.Actions);
            facts.Add(new FactSpec(ApplicationFields.Action, _ => "none of " + words));
        }

        return [.. facts];
    }

    /// <summary>The scope's tests that need more than a mask (leagues, counties, <c>when</c>); null when it has none.</summary>
    private static Func<Application, Truth>? Rest(ScopeDefinition scope, CompiledCondition? whenCondition)
    {
        var leagues = scope.Leagues.ToHashSet(StringComparer.Ordinal);
        var counties = scope.Counties.ToHashSet(StringComparer.Ordinal);
        if (leagues.Count == 0 && counties.Count == 0 && whenCondition is null)
        {
            return null;
        }

        var leagueField = ApplicationFields.League.Id;
        var countyField = ApplicationFields.County.Id;
        return application =>
        {
            var result = Truth.True;
            if (leagues.Count > 0)
            {
                result = result.And(application.Location?.League is { } league ? Truth.Of(leagues.Contains(league)) : Truth.MissingField(leagueField));
            }

            if (counties.Count > 0 && !result.IsFalse)
            {
                result = result.And(application.Location?.County is { } county ? Truth.Of(counties.Contains(county)) : Truth.MissingField(countyField));
            }

            if (whenCondition is not null && !result.IsFalse)
            {
                result = result.And(whenCondition.Evaluate(application));
            }

            return result;
        };
    }

    /// <summary>
    /// A bit per enum value; 0 means "any", so it is only ever built from a list that is absent (empty) or names
    /// something (<see cref="EmptyNamedKey"/>). A value without a bit of its own (63 and above: bit 63 is
    /// <see cref="CompiledScope.UnknownZones"/>, and a shift by 64 would wrap to bit 0) is refused, never folded into another.
    /// </summary>
    private static ulong Mask<T>(IReadOnlyList<T> values)
        where T : struct, Enum
    {
        var mask = 0UL;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var bit = (int)(object)value;
            if (bit is < 0 or >= 63)
            {
                throw new InvalidOperationException($"{typeof(T).Name} {value} has no bit in a scope mask; widen the mask before adding more values.");
            }

            mask |= 1UL << bit;
        }

        return mask;
    }

}
