using FluentValidation;
using MineralRules.Reference;

namespace MineralRules.Applications;

/// <summary>
/// The checks a well-formed application must pass before any rule sees it: an impossible value is invalid input,
/// never a verdict.
/// </summary>
internal sealed class ApplicationValidator : AbstractValidator<Application>
{
    public ApplicationValidator()
    {
        RuleFor(a => a.Id).NotEmpty().WithMessage("'id' must not be empty.");
        RuleFor(a => a.Action).Must(action => action is PermitAction.New or PermitAction.Extension or PermitAction.Transfer)
            .When(a => a.Permit == Permit.Exploration)
            .WithMessage(a => $"An exploration permit is asked for as new, extension or transfer, not '{Vocabularies.Actions.Code(a.Action)}' (expansion and conversion are for mining permits; docs/application.md, \"action\").");
        RuleFor(a => a.Capacity!.Value).GreaterThan(0).When(a => a.Capacity is not null)
            .WithMessage("'capacity.value' must be greater than 0 (it is {PropertyValue}).");
        RuleFor(a => a.CapacityBefore!.Value).GreaterThan(0).When(a => a.CapacityBefore is not null)
            .WithMessage("'capacityBefore.value' must be greater than 0 (it is {PropertyValue}).");
        RuleFor(a => a.OperatingDaysPerYear).InclusiveBetween(1, 366).When(a => a.OperatingDaysPerYear is not null)
            .WithMessage("'operatingDaysPerYear' must be between 1 and 366 (it is {PropertyValue}).");
        RuleFor(a => a.Block!.BasicUnits).GreaterThan(0).When(a => a.Block?.BasicUnits is not null)
            .WithMessage("'block.basicUnits' must be greater than 0 (it is {PropertyValue}).");
        RuleFor(a => a.Block!.OtherHolders).GreaterThanOrEqualTo(0).When(a => a.Block?.OtherHolders is not null)
            .WithMessage("'block.otherHolders' must not be negative (it is {PropertyValue}).");
        RuleFor(a => a.Deposit!.OtherMiningRights).GreaterThanOrEqualTo(0).When(a => a.Deposit?.OtherMiningRights is not null)
            .WithMessage("'deposit.otherMiningRights' must not be negative (it is {PropertyValue}).");
        RuleFor(a => a.Quota!.Requested).GreaterThanOrEqualTo(0).When(a => a.Quota?.Requested is not null)
            .WithMessage("'quota.requested' must not be negative (it is {PropertyValue}).");
        RuleFor(a => a.Quota!.Allocated).GreaterThanOrEqualTo(0).When(a => a.Quota?.Allocated is not null)
            .WithMessage("'quota.allocated' must not be negative (it is {PropertyValue}).");
        RuleFor(a => a.Quota!.Unit).NotNull().When(a => a.Quota is { } q && (q.Requested is not null || q.Allocated is not null))
            .WithMessage("'quota.unit' is required with quota figures (t, kt, 万吨 or Mt).");
        RuleFor(a => a.Recovery!.Mining).SetValidator(new RateValidator("recovery.mining")!).When(a => a.Recovery?.Mining is not null);
        RuleFor(a => a.Recovery!.Processing).SetValidator(new RateValidator("recovery.processing")!).When(a => a.Recovery?.Processing is not null);
        RuleFor(a => a.Recovery!.Dilution).SetValidator(new RateValidator("recovery.dilution")!).When(a => a.Recovery?.Dilution is not null);
        RuleFor(a => a.SandGravel!.CountyRights).GreaterThanOrEqualTo(0).When(a => a.SandGravel?.CountyRights is not null)
            .WithMessage("'sandGravel.countyRights' must not be negative (it is {PropertyValue}).");
        RuleFor(a => a.SandGravel!.CountyControlNumber).GreaterThanOrEqualTo(0).When(a => a.SandGravel?.CountyControlNumber is not null)
            .WithMessage("'sandGravel.countyControlNumber' must not be negative (it is {PropertyValue}).");
        RuleFor(a => a.Recovery!.Processing).Null().When(a => a.IncludesProcessing == false && a.Recovery is not null)
            .WithMessage("'recovery.processing' is given but 'includesProcessing' is false: an approved processing rate exists only for a design that processes ore. Contradictory facts: remove one of them (docs/application.md, \"recovery\").");
        RuleFor(a => a.Location!.Boundary).Custom((boundary, context) =>
        {
            foreach (var problem in BoundaryCheck.Problems(boundary!))
            {
                context.AddFailure("Location.Boundary", problem);
            }
        }).When(a => a.Location?.Boundary is not null);
        RuleForEach(a => a.Exemptions).ChildRules(claim =>
        {
            claim.RuleFor(c => c.Clause).Must(ClauseNumbers.IsReference)
                .WithMessage("An exemption's 'clause' must be a clause reference such as \"5.2.1\" (it is '{PropertyValue}').");
            claim.RuleFor(c => c.Basis).Must(b => !string.IsNullOrWhiteSpace(b))
                .WithMessage("An exemption needs a non-empty 'basis': say on what ground the exception is claimed.");
        });
    }

    private sealed class RateValidator : AbstractValidator<RecoveryRate>
    {
        public RateValidator(string path)
        {
            RuleFor(r => r.Actual).InclusiveBetween(0m, 1m).When(r => r.Actual is not null)
                .WithMessage($"'{path}.actual' is a fraction from 0 to 1 (it is {{PropertyValue}}); write 86% as 0.86.");
            RuleFor(r => r.Approved).InclusiveBetween(0m, 1m).When(r => r.Approved is not null)
                .WithMessage($"'{path}.approved' is a fraction from 0 to 1 (it is {{PropertyValue}}); write 85% as 0.85.");
        }
    }
}
