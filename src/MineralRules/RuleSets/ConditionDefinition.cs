using MineralRules.Conditions;

namespace MineralRules.RuleSets;

/// <summary>The comparison a threshold expresses, in the plan's own terms (clauses.md, "Boundaries").</summary>
internal enum Comparison
{
    /// <summary>≥: 不低于, 不得小于, 以上 (the number itself passes).</summary>
    AtLeast,

    /// <summary>&gt;: the number itself fails, as in "30万吨以下 ... 不再新建".</summary>
    MoreThan,

    /// <summary>≤: 不超过, 以内.</summary>
    AtMost,

    /// <summary>&lt;: 不足, 不满.</summary>
    LessThan,
}

/// <summary>
/// A condition a compliant application satisfies, as read. The declarative forms cover what legal staff write; the
/// expression form is for what no declarative form fits. Each form's record lives with its form in Conditions/.
/// </summary>
internal abstract record ConditionDefinition(SourceLocation Location)
{
    /// <summary>The form that reads, binds, renders and compares this condition.</summary>
    public abstract ConditionForm Form { get; }
}
