using MineralRules.Evaluation;

namespace MineralRules.Compilation;

/// <summary>What a message's {actual} and {required} say for one application.</summary>
internal readonly record struct Explanation(string? Actual, string? Required)
{
    public static Explanation None => default;
}

/// <summary>A compiled condition: a typed delegate for the hot path and an explanation for messages.</summary>
internal abstract class CompiledCondition
{
    public abstract Truth Evaluate(Application application);

    /// <summary>The actual and required values behind the outcome, in Chinese or English.</summary>
    public abstract Explanation Explain(Application application, bool zh);
}

/// <summary>A leaf: a delegate compiled from an expression tree, plus how to show its values.</summary>
internal sealed class LeafCondition(Func<Application, Truth> evaluate, Func<Application, bool, Explanation> explain) : CompiledCondition
{
    public override Truth Evaluate(Application application) => evaluate(application);

    public override Explanation Explain(Application application, bool zh) => explain(application, zh);
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
}

/// <summary>Kleene disjunction of parts; explained by the first part that is met, else the first.</summary>
internal sealed class AnyOf(CompiledCondition[] parts) : CompiledCondition
{
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

    public override Explanation Explain(Application application, bool zh)
    {
        // A violated "any" is explained by the part that matters most for the reader: the last one, which in
        // "not A or B" shapes (大矿小开: deposit not large, or scale not small) carries the threshold.
        return parts[^1].Explain(application, zh);
    }
}

/// <summary>Negation.</summary>
internal sealed class NotOf(CompiledCondition part) : CompiledCondition
{
    public override Truth Evaluate(Application application) => part.Evaluate(application).Not();

    public override Explanation Explain(Application application, bool zh) => part.Explain(application, zh);
}
