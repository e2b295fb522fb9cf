using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using MineralRules.Reference;

namespace MineralRules.Applications;

/// <summary>
/// The checks a well-formed application must pass before any rule sees it: an impossible value is invalid input,
/// never a verdict. Each message has its Chinese as the failure's state (<c>WithState</c>), for the diagnostic's Chinese text.
/// </summary>
internal sealed class ApplicationValidator : AbstractValidator<Application>
{
    public ApplicationValidator()
    {
        RuleFor(a => a.Id).NotEmpty().WithMessage("'id' must not be empty.").WithState(_ => "申请编号（id）不能为空。");
        RuleFor(a => a.Action).Must(action => action is PermitAction.New or PermitAction.Extension or PermitAction.Transfer)
            .When(a => a.Permit == Permit.Exploration)
            .WithMessage(a => $"An exploration permit is asked for as new, extension or transfer, not '{Vocabularies.Actions.Code(a.Action)}' (expansion and conversion are for mining permits; docs/application.md, \"action\").")
            .WithState(a => $"探矿权的申请事项只能是新立（`new`）、延续（`extension`）或转让（`transfer`），不能是 '{Vocabularies.Actions.Code(a.Action)}'（改扩建 `expansion` 和探转采 `conversion` 仅适用于采矿权；见 docs/application.md 的 \"action\"）。");
        RuleFor(a => a.Capacity!.Value).GreaterThan(0).When(a => a.Capacity is not null)
            .WithMessage("'capacity.value' must be greater than 0 (it is {PropertyValue}).")
            .WithState(a => $"设计生产能力（capacity）的数值必须大于 0（现为 {Invariant(a.Capacity!.Value)}）。");
        RuleFor(a => a.CapacityBefore!.Value).GreaterThan(0).When(a => a.CapacityBefore is not null)
            .WithMessage("'capacityBefore.value' must be greater than 0 (it is {PropertyValue}).")
            .WithState(a => $"改扩建前生产能力（capacityBefore）的数值必须大于 0（现为 {Invariant(a.CapacityBefore!.Value)}）。");
        RuleFor(a => a.OperatingDaysPerYear).InclusiveBetween(1, 366).When(a => a.OperatingDaysPerYear is not null)
            .WithMessage("'operatingDaysPerYear' must be between 1 and 366 (it is {PropertyValue}).")
            .WithState(a => $"年工作天数（operatingDaysPerYear）必须在 1 至 366 之间（现为 {Invariant(a.OperatingDaysPerYear)}）。");
        RuleFor(a => a.Block!.BasicUnits).GreaterThan(0).When(a => a.Block?.BasicUnits is not null)
            .WithMessage("'block.basicUnits' must be greater than 0 (it is {PropertyValue}).")
            .WithState(a => $"区块基本单位区块数（block.basicUnits）必须大于 0（现为 {Invariant(a.Block!.BasicUnits)}）。");
        RuleFor(a => a.Block!.OtherHolders).GreaterThanOrEqualTo(0).When(a => a.Block?.OtherHolders is not null)
            .WithMessage("'block.otherHolders' must not be negative (it is {PropertyValue}).")
            .WithState(a => $"同一规划区块内的其他矿业权人数（block.otherHolders）不能为负数（现为 {Invariant(a.Block!.OtherHolders)}）。");
        RuleFor(a => a.Deposit!.OtherMiningRights).GreaterThanOrEqualTo(0).When(a => a.Deposit?.OtherMiningRights is not null)
            .WithMessage("'deposit.otherMiningRights' must not be negative (it is {PropertyValue}).")
            .WithState(a => $"同一矿床已有的采矿权数（deposit.otherMiningRights）不能为负数（现为 {Invariant(a.Deposit!.OtherMiningRights)}）。");
        RuleFor(a => a.Quota!.Requested).GreaterThanOrEqualTo(0).When(a => a.Quota?.Requested is not null)
            .WithMessage("'quota.requested' must not be negative (it is {PropertyValue}).")
            .WithState(a => $"申请的开采总量指标 'quota.requested' 不能为负数（现为 {Invariant(a.Quota!.Requested)}）。");
        RuleFor(a => a.Quota!.Allocated).GreaterThanOrEqualTo(0).When(a => a.Quota?.Allocated is not null)
            .WithMessage("'quota.allocated' must not be negative (it is {PropertyValue}).")
            .WithState(a => $"已分配的开采总量指标 'quota.allocated' 不能为负数（现为 {Invariant(a.Quota!.Allocated)}）。");
        RuleFor(a => a.Quota!.Unit).NotNull().When(a => a.Quota is { } q && (q.Requested is not null || q.Allocated is not null))
            .WithMessage("'quota.unit' is required with quota figures (t, kt, 万吨 or Mt).")
            .WithState(_ => "填写了指标数值时必须给出 'quota.unit'（t、kt、万吨 或 Mt）。");
        RuleFor(a => a.Recovery!.Mining).SetValidator(new RateValidator("recovery.mining")!).When(a => a.Recovery?.Mining is not null);
        RuleFor(a => a.Recovery!.Processing).SetValidator(new RateValidator("recovery.processing")!).When(a => a.Recovery?.Processing is not null);
        RuleFor(a => a.Recovery!.Dilution).SetValidator(new RateValidator("recovery.dilution")!).When(a => a.Recovery?.Dilution is not null);
        RuleFor(a => a.SandGravel!.CountyRights).GreaterThanOrEqualTo(0).When(a => a.SandGravel?.CountyRights is not null)
            .WithMessage("'sandGravel.countyRights' must not be negative (it is {PropertyValue}).")
            .WithState(a => $"旗县砂石土类采矿权数 'sandGravel.countyRights' 不能为负数（现为 {Invariant(a.SandGravel!.CountyRights)}）。");
        RuleFor(a => a.SandGravel!.CountyControlNumber).GreaterThanOrEqualTo(0).When(a => a.SandGravel?.CountyControlNumber is not null)
            .WithMessage("'sandGravel.countyControlNumber' must not be negative (it is {PropertyValue}).")
            .WithState(a => $"旗县砂石土类采矿权控制数 'sandGravel.countyControlNumber' 不能为负数（现为 {Invariant(a.SandGravel!.CountyControlNumber)}）。");
        RuleFor(a => a.Recovery!.Processing).Null().When(a => a.IncludesProcessing == false && a.Recovery is not null)
            .WithMessage("'recovery.processing' is given but 'includesProcessing' is false: an approved processing rate exists only for a design that processes ore. Contradictory facts: remove one of them (docs/application.md, \"recovery\").")
            .WithState(_ => "填写了 'recovery.processing'，但 'includesProcessing' 为 `false`：只有含选矿的设计才有批准的选矿回收率。两项事实相互矛盾，请删除其中一项（见 docs/application.md 的 \"recovery\"）。");
        RuleFor(a => a.Location!.Boundary).Custom((boundary, context) =>
        {
            foreach (var problem in BoundaryCheck.Problems(boundary!))
            {
                context.AddFailure(new ValidationFailure("Location.Boundary", problem.En) { CustomState = problem.Zh });
            }
        }).When(a => a.Location?.Boundary is not null);
        RuleForEach(a => a.Exemptions).ChildRules(claim =>
        {
            claim.RuleFor(c => c.Clause).Must(ClauseNumbers.IsReference)
                .WithMessage("An exemption's 'clause' must be a clause reference such as \"5.2.1\" (it is '{PropertyValue}').")
                .WithState(c => $"豁免的 'clause' 必须是条款编号，如 \"5.2.1\"（现为 '{c.Clause}'）。");
            claim.RuleFor(c => c.Basis).Must(b => !string.IsNullOrWhiteSpace(b))
                .WithMessage("An exemption needs a non-empty 'basis': say on what ground the exception is claimed.")
                .WithState(_ => "豁免必须有非空的 'basis'：请写明主张例外的依据。");
        });
    }

    private sealed class RateValidator : AbstractValidator<RecoveryRate>
    {
        public RateValidator(string path)
        {
            RuleFor(r => r.Actual).InclusiveBetween(0m, 1m).When(r => r.Actual is not null)
                .WithMessage($"'{path}.actual' is a fraction from 0 to 1 (it is {{PropertyValue}}); write 86% as 0.86.")
                .WithState(r => $"'{path}.actual' 是 0 至 1 之间的小数（现为 {Invariant(r.Actual)}）；86% 应写作 0.86。");
            RuleFor(r => r.Approved).InclusiveBetween(0m, 1m).When(r => r.Approved is not null)
                .WithMessage($"'{path}.approved' is a fraction from 0 to 1 (it is {{PropertyValue}}); write 85% as 0.85.")
                .WithState(r => $"'{path}.approved' 是 0 至 1 之间的小数（现为 {Invariant(r.Approved)}）；85% 应写作 0.85。");
        }
    }

    private static string Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
