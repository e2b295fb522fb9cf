namespace MineralRules.Rulebook;

/// <summary>
/// How a condition is put into words (<see cref="Conditions.ConditionForm.Describe"/>): the language; whether it
/// sits in a rule's scope, where a boundary decides whether an application is covered rather than whether it
/// passes; how deep in numbered lists it is (（1）（2） outside, ①② inside); and what the rule decides when its
/// condition is violated, which <c>prohibited</c> states as its words.
/// </summary>
internal readonly record struct Wording(bool Zh, bool InScope = false, int Depth = 0, Outcome WhenViolated = Outcome.Fail, bool Exemptable = false)
{
    /// <summary>The same wording one list deeper.</summary>
    public Wording Nested => this with { Depth = Depth + 1 };
}
