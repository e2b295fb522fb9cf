namespace MineralRules.Evaluation;

/// <summary>What became of an exemption claim, in Chinese and English; formatted when first read.</summary>
internal sealed class ExemptionText(ExemptionText.Kind kind, ExemptionClaim claim) : IDeferredText
{
    public enum Kind
    {
        /// <summary>On a violated 原则上 provision: review, a person confirms.</summary>
        Claimed,

        /// <summary>On a violated provision not worded 原则上.</summary>
        IgnoredHere,

        /// <summary>Summary: it turned failing in-principle provisions into review.</summary>
        Applied,

        /// <summary>Summary: the clause has no in-principle provision.</summary>
        NotExemptable,

        /// <summary>Summary: the clause's failing provision is not in principle.</summary>
        NotExemptableHere,

        /// <summary>Summary: its in-principle provisions are met.</summary>
        NotNeeded,
    }

    public static LocalizedText Of(Kind kind, ExemptionClaim claim) => new(new ExemptionText(kind, claim));

    public (string Zh, string En) Format(object? context)
    {
        var (clause, basis) = (claim.Clause, claim.Basis);
        return kind switch
        {
            Kind.Claimed => (
                $"条款{clause}以“原则上”表述，已依据“{basis}”申请例外：须人工确认，不视为通过。",
                $"Clause {clause} is worded 原则上 (in principle); an exemption is claimed on the basis \"{basis}\": a person must confirm it, it is not a pass."),
            Kind.IgnoredHere => (
                $"所申请的条款{clause}例外不适用于本项规定：该规定未以“原则上”表述，不得例外。",
                $"The exemption claimed for clause {clause} is ignored here: this provision is not worded 原则上 (in principle) and admits no exception."),
            Kind.Applied => (
                $"条款{clause}的例外已申请：相关不通过项改为人工复核。",
                $"The exemption for clause {clause} turned its failing in-principle provisions into review."),
            Kind.NotExemptable => (
                $"条款{clause}未以“原则上”表述，例外申请不予考虑。",
                $"Clause {clause} is not worded 原则上 (in principle); the exemption is ignored."),
            Kind.NotExemptableHere => (
                $"条款{clause}中未通过的规定未以“原则上”表述，例外申请不予考虑。",
                $"Clause {clause}'s failing provision is not worded 原则上 (in principle); the exemption is ignored."),
            _ => (
                $"条款{clause}的原则性规定均已满足，无需例外。",
                $"The in-principle provisions of clause {clause} are met; the exemption is not needed."),
        };
    }
}
