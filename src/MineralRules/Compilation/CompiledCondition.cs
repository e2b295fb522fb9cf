using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using MineralRules.Evaluation;
using MineralRules.RuleSets;

namespace MineralRules.Compilation;

/// <summary>What a message's {actual} and {required} say for one application.</summary>
internal readonly record struct Explanation(string? Actual, string? Required)
{
    public static Explanation None => default;
}

/// <summary>A compiled condition: a typed delegate for the hot path and an explanation for messages.</summary>
internal abstract class CompiledCondition
{
    private FactSpec[] _facts = [];

    /// <summary>The facts the condition compares and what it requires of each (for a verdict's <c>facts</c>).</summary>
    public FactSpec[] Facts => _facts;

    public abstract Truth Evaluate(Application application);

    /// <summary>Set once by the compiler, before the condition is shared.</summary>
    internal void SetFacts(FactSpec[] facts) => _facts = facts;

    /// <summary>The actual and required values behind the outcome, in Chinese or English.</summary>
    public abstract Explanation Explain(Application application, bool zh);

    /// <summary>
    /// Why the condition could not decide although no fact it reads is absent (an expression that overflowed or
    /// divided by zero), in Chinese or English; null when there is nothing to say.
    /// </summary>
    public virtual string? Undecided(Application application, bool zh) => null;

    /// <summary>
    /// The condition as code in a combination's program (<see cref="CandidatePrograms"/>): its <see cref="Kleene"/>
    /// value, computed exactly as <see cref="Evaluate"/> computes the truth. A form whose condition has no code of its
    /// own is called (<see cref="Kleene.Call"/>), so a new form needs nothing here.
    /// </summary>
    public virtual Expression Code(Expression application) => Kleene.Call(this, application);
}

/// <summary>A leaf given as a delegate (an expression's compiled lambda, the scale table, "prohibited"), plus how to show its values.</summary>
internal sealed class LeafCondition(Func<Application, Truth> evaluate, Func<Application, bool, Explanation> explain, Func<Application, bool, string?>? undecided = null) : CompiledCondition
{
    public override Truth Evaluate(Application application) => evaluate(application);

    public override Explanation Explain(Application application, bool zh) => explain(application, zh);

    public override string? Undecided(Application application, bool zh) => undecided?.Invoke(application, zh);

    public override Expression Code(Expression application) => Kleene.OfTruth(Kleene.CallOf(evaluate, application));
}

/// <summary>What a comparison of two fields gives when one or both are absent.</summary>
internal readonly record struct AbsentSides(Truth Value, Truth Other, Truth Both);

/// <summary>A field against a fixed value (number, ordinal of a word, date): absent = missing.</summary>
internal sealed class CompareThreshold<T>(Func<Application, T?> read, T threshold, Comparison comparison, Truth absent, Func<Application, bool, Explanation> explain) : CompiledCondition
    where T : struct, IComparable<T>
{
    public override Truth Evaluate(Application application) =>
        read(application) is { } value ? Truth.Of(Relation.Holds(value.CompareTo(threshold), comparison)) : absent;

    public override Explanation Explain(Application application, bool zh) => explain(application, zh);

    public override Expression Code(Expression application) =>
        Kleene.IfPresent(Kleene.Read(read, application), value => Kleene.OfBool(Relation.Code(value, Expression.Constant(threshold), comparison)), Kleene.Of(absent));
}

/// <summary>A field that must equal a value: absent = missing.</summary>
internal sealed class EqualTo<T>(Func<Application, T?> read, T expected, Truth absent, Func<Application, bool, Explanation> explain) : CompiledCondition
    where T : struct, IEquatable<T>
{
    public override Truth Evaluate(Application application) =>
        read(application) is { } value ? Truth.Of(value.Equals(expected)) : absent;

    public override Explanation Explain(Application application, bool zh) => explain(application, zh);

    public override Expression Code(Expression application) =>
        Kleene.IfPresent(
            Kleene.Read(read, application),
            value => Kleene.OfBool(Expression.Call(value, typeof(T).GetMethod(nameof(Equals), [typeof(T)])!, Expression.Constant(expected))),
            Kleene.Of(absent));
}

/// <summary>A field against another (a date plus months, a rate against the approved one): each absent side is named.</summary>
internal sealed class CompareFields<T>(Func<Application, T?> read, Func<Application, T?> other, Comparison comparison, AbsentSides missing, Func<Application, bool, Explanation> explain) : CompiledCondition
    where T : struct, IComparable<T>
{
    public override Truth Evaluate(Application application)
    {
        var value = read(application);
        var against = other(application);
        if (value is not { } v)
        {
            return against is null ? missing.Both : missing.Value;
        }

        return against is { } o ? Truth.Of(Relation.Holds(v.CompareTo(o), comparison)) : missing.Other;
    }

    public override Explanation Explain(Application application, bool zh) => explain(application, zh);

    public override Expression Code(Expression application)
    {
        var value = Expression.Variable(typeof(T?), "value");
        var against = Expression.Variable(typeof(T?), "against");
        Expression Given(ParameterExpression side) => Expression.Property(side, nameof(Nullable<T>.HasValue));
        Expression Of(ParameterExpression side) => Expression.Property(side, nameof(Nullable<T>.Value));
        return Expression.Block(
            typeof(int),
            [value, against],
            Expression.Assign(value, Kleene.Read(read, application)),
            Expression.Assign(against, Kleene.Read(other, application)),
            Expression.Condition(
                Given(value),
                Expression.Condition(Given(against), Kleene.OfBool(Relation.Code(Of(value), Of(against), comparison)), Kleene.Of(missing.Other)),
                Expression.Condition(Given(against), Kleene.Of(missing.Value), Kleene.Of(missing.Both))));
    }
}

/// <summary>A word that must (or, negated, must not) be one of a set, as a bit mask: one AND.</summary>
internal sealed class WordIn(Func<Application, int?> read, ulong mask, bool negated, Truth absent, Func<Application, bool, Explanation> explain) : CompiledCondition
{
    public override Truth Evaluate(Application application) =>
        read(application) is { } word ? Truth.Of(((uint)word < 64 && (mask & (1UL << word)) != 0) != negated) : absent;

    public override Explanation Explain(Application application, bool zh) => explain(application, zh);

    public override Expression Code(Expression application) =>
        Kleene.IfPresent(Kleene.Read(read, application), word => Kleene.OfBool(Expression.NotEqual(Relation.InMask(mask, word), Expression.Constant(negated))), Kleene.Of(absent));
}

/// <summary>Comparison signs.</summary>
internal static class Relation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Holds(int sign, Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => sign >= 0,
        Comparison.MoreThan => sign > 0,
        Comparison.AtMost => sign <= 0,
        _ => sign < 0,
    };

    /// <summary>As code, exactly as <see cref="Holds"/> over <c>value.CompareTo(other)</c>.</summary>
    public static Expression Code(Expression value, Expression other, Comparison comparison)
    {
        var sign = Expression.Call(value, value.Type.GetMethod(nameof(IComparable<int>.CompareTo), [value.Type])!, other);
        var zero = Expression.Constant(0);
        return comparison switch
        {
            Comparison.AtLeast => Expression.GreaterThanOrEqual(sign, zero),
            Comparison.MoreThan => Expression.GreaterThan(sign, zero),
            Comparison.AtMost => Expression.LessThanOrEqual(sign, zero),
            _ => Expression.LessThan(sign, zero),
        };
    }

    /// <summary>As code: whether an ordinal (<see cref="int"/>) has its bit in a mask of 64 (<c>(uint)word &lt; 64 &amp;&amp; (mask &amp; (1UL &lt;&lt; word)) != 0</c>).</summary>
    public static Expression InMask(ulong mask, Expression word) =>
        Expression.AndAlso(
            Expression.LessThan(Expression.Convert(word, typeof(uint)), Expression.Constant(64u)),
            Expression.NotEqual(Expression.And(Expression.Constant(mask), Expression.LeftShift(Expression.Constant(1UL), word)), Expression.Constant(0UL)));
}

/// <summary>Kleene conjunction of parts; explained by the first part that is not met.</summary>
internal sealed class AllOf(CompiledCondition[] parts) : CompiledCondition
{
    public override Truth Evaluate(Application application)
    {
        var result = Truth.True;
        foreach (var part in parts)
        {
            result = result.And(part.Evaluate(application));
            if (result.IsFalse)
            {
                return result;
            }
        }

        return result;
    }

    public override Explanation Explain(Application application, bool zh)
    {
        foreach (var part in parts)
        {
            if (!part.Evaluate(application).IsTrue)
            {
                return part.Explain(application, zh);
            }
        }

        return parts[0].Explain(application, zh);
    }

    public override string? Undecided(Application application, bool zh) => Composite.Undecided(parts, application, zh);

    public override Expression Code(Expression application) => Kleene.And([.. parts.Select(p => p.Code(application))]);
}

/// <summary>Kleene disjunction of parts; a violated one is explained by one of its parts, chosen when compiled.</summary>
/// <param name="parts">The parts.</param>
/// <param name="explainedBy">The part whose explanation fills {actual} and {required}.</param>
internal sealed class AnyOf(CompiledCondition[] parts, int explainedBy) : CompiledCondition
{
    /// <summary>
    /// The last part that is not itself all/any/not, else the last part. A violated "any" is explained by the part that
    /// matters most to the reader: the last, which in "not A or B" shapes (大矿小开: deposit not large, or scale not
    /// small) carries the threshold — but not a nested "all", whose first unmet part may be a mere qualifier (in
    /// "stage ≥ detailed, or all: [mineral is sand-gravel, stage ≥ general]" the mineral, not the stage).
    /// </summary>
    public static int LastPlainPart(CompiledCondition[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (parts[i] is not (AllOf or AnyOf or NotOf))
            {
                return i;
            }
        }

        return parts.Length - 1;
    }

    public override Truth Evaluate(Application application)
    {
        var result = Truth.False;
        foreach (var part in parts)
        {
            result = result.Or(part.Evaluate(application));
            if (result.IsTrue)
            {
                return result;
            }
        }

        return result;
    }

    public override Explanation Explain(Application application, bool zh) => parts[explainedBy].Explain(application, zh);

    public override string? Undecided(Application application, bool zh) => Composite.Undecided(parts, application, zh);

    public override Expression Code(Expression application) => Kleene.Or([.. parts.Select(p => p.Code(application))]);
}

/// <summary>What composite conditions share.</summary>
internal static class Composite
{
    /// <summary>The first part's reason for not deciding.</summary>
    public static string? Undecided(CompiledCondition[] parts, Application application, bool zh)
    {
        foreach (var part in parts)
        {
            if (part.Undecided(application, zh) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }
}

/// <summary>Negation.</summary>
internal sealed class NotOf(CompiledCondition part) : CompiledCondition
{
    public override Truth Evaluate(Application application) => part.Evaluate(application).Not();

    public override Explanation Explain(Application application, bool zh) => part.Explain(application, zh);

    public override string? Undecided(Application application, bool zh) => part.Undecided(application, zh);

    public override Expression Code(Expression application) => Kleene.Not(part.Code(application));
}
