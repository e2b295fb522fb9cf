using MineralRules.Applications;

namespace MineralRules.Compilation;

/// <summary>
/// Every fact of the application that rules read, as a typed handle: its path is built from the model's property
/// names (<c>nameof</c>, camelCased by <see cref="FieldNames"/>, the rule the reader uses for document keys), so the
/// document's keys are defined once, by <see cref="Application"/>; with its Chinese name for messages. Code that needs
/// a fact (compiler, evaluator, facts, reports) names its handle, never a path literal; <see cref="FieldCatalog.Default"/>
/// lists them all in the model's declaration order (FieldCatalogTests holds the two together).
/// </summary>
internal static class ApplicationFields
{
    public static readonly Field Id = Field.Text(FieldNames.Path(nameof(Application.Id)), "申请编号", a => a.Id);

    public static readonly Field Permit = Field.Word<global::MineralRules.Permit>(FieldNames.Path(nameof(Application.Permit)), "矿业权类型", a => a.Permit);

    public static readonly Field Action = Field.Word<global::MineralRules.PermitAction>(FieldNames.Path(nameof(Application.Action)), "申请事项", a => a.Action);

    public static readonly Field ApplicationDate = Field.Date(FieldNames.Path(nameof(Application.ApplicationDate)), "申请日期", a => a.ApplicationDate);

    public static readonly Field Applicant = Field.Text(FieldNames.Path(nameof(Application.Applicant)), "申请人", a => a.Applicant);

    public static readonly Field Mineral = Field.Word<global::MineralRules.Mineral>(FieldNames.Path(nameof(Application.Mineral)), "矿种", a => a.Mineral);

    public static readonly Field MiningMethod = Field.Word<global::MineralRules.MiningMethod>(FieldNames.Path(nameof(Application.MiningMethod)), "开采方式", a => a.MiningMethod);

    public static readonly Field IncludesProcessing = Field.Boolean(FieldNames.Path(nameof(Application.IncludesProcessing)), "是否为采选项目", a => a.IncludesProcessing);

    public static readonly Field Capacity = Field.Capacity(FieldNames.Path(nameof(Application.Capacity)), "设计生产能力", a => a.Capacity);

    public static readonly Field CapacityBefore = Field.Capacity(FieldNames.Path(nameof(Application.CapacityBefore)), "改扩建前生产能力", a => a.CapacityBefore);

    public static readonly Field OperatingDaysPerYear = Field.Integer(FieldNames.Path(nameof(Application.OperatingDaysPerYear)), "年工作天数", a => a.OperatingDaysPerYear);

    public static readonly Field Scale = Field.Word<global::MineralRules.Scale>(FieldNames.Path(nameof(Application.Scale)), "矿山生产建设规模", a => a.Scale);

    public static readonly Field DepositScale = Field.Word<global::MineralRules.Scale>(FieldNames.Path(nameof(Application.DepositScale)), "矿床资源储量规模", a => a.DepositScale);

    public static readonly Field ExplorationStage = Field.Word<global::MineralRules.ExplorationStage>(FieldNames.Path(nameof(Application.ExplorationStage)), "勘查程度", a => a.ExplorationStage);

    public static readonly Field League = Field.Text(FieldNames.Path(nameof(Application.Location), nameof(Location.League)), "所在盟市", a => a.Location?.League);

    public static readonly Field County = Field.Text(FieldNames.Path(nameof(Application.Location), nameof(Location.County)), "所在旗县区", a => a.Location?.County);

    public static readonly Field Zones = Field.Words<global::MineralRules.Zone>(FieldNames.Path(nameof(Application.Location), nameof(Location.Zones)), "所在规划分区", a => a.Location?.Zones, a => a.Location?.UnknownZoneMask ?? 0UL);

    public static readonly Field InPlanningBlock = Field.Boolean(FieldNames.Path(nameof(Application.Block), nameof(PlanningBlock.InPlanningBlock)), "是否位于规划区块内", a => a.Block?.InPlanningBlock);

    public static readonly Field BlockCode = Field.Text(FieldNames.Path(nameof(Application.Block), nameof(PlanningBlock.Code)), "规划区块编号", a => a.Block?.Code);

    public static readonly Field BlockBasicUnits = Field.Number(FieldNames.Path(nameof(Application.Block), nameof(PlanningBlock.BasicUnits)), "区块基本单位区块数", a => a.Block?.BasicUnits);

    public static readonly Field BlockOtherHolders = Field.Integer(FieldNames.Path(nameof(Application.Block), nameof(PlanningBlock.OtherHolders)), "同一规划区块内的其他矿业权人数", a => a.Block?.OtherHolders);

    public static readonly Field DepositId = Field.Text(FieldNames.Path(nameof(Application.Deposit), nameof(DepositFacts.Id)), "矿床在矿业权登记簿中的编号", a => a.Deposit?.Id);

    public static readonly Field DepositOtherMiningRights = Field.Integer(FieldNames.Path(nameof(Application.Deposit), nameof(DepositFacts.OtherMiningRights)), "同一矿床已有的采矿权数", a => a.Deposit?.OtherMiningRights);

    public static readonly Field GrantMethod = Field.Word<global::MineralRules.GrantMethod>(FieldNames.Path(nameof(Application.Grant), nameof(GrantFacts.Method)), "出让方式", a => a.Grant?.Method);

    public static readonly Field StateCouncilKeyProject = Field.Boolean(FieldNames.Path(nameof(Application.Grant), nameof(GrantFacts.StateCouncilKeyProject)), "是否为国务院批准的重点建设项目", a => a.Grant?.StateCouncilKeyProject);

    public static readonly Field AgreementBasis = Field.Text(FieldNames.Path(nameof(Application.Grant), nameof(GrantFacts.AgreementBasis)), "协议出让的依据", a => a.Grant?.AgreementBasis);

    public static readonly Field FiscallyFunded = Field.Boolean(FieldNames.Path(nameof(Application.FiscallyFunded)), "是否为财政出资勘查", a => a.FiscallyFunded);

    public static readonly Field DevelopmentPlanReviewed = Field.Boolean(FieldNames.Path(nameof(Application.DevelopmentPlanReviewed)), "开发利用方案是否已审查", a => a.DevelopmentPlanReviewed);

    public static readonly Field AbnormalList = Field.Mark(FieldNames.Path(nameof(Application.ApplicantStatus), nameof(ApplicantStatusFacts.AbnormalList)), "是否列入异常名录", a => a.ApplicantStatus?.AbnormalList);

    public static readonly Field SeriousViolationList = Field.Mark(FieldNames.Path(nameof(Application.ApplicantStatus), nameof(ApplicantStatusFacts.SeriousViolationList)), "是否列入严重违法名单", a => a.ApplicantStatus?.SeriousViolationList);

    public static readonly Field HighEnergyHighPollution = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.HighEnergyHighPollution)), "是否为高能耗、高污染项目", a => a.Environment?.HighEnergyHighPollution);

    public static readonly Field EiaApproved = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.EiaApproved)), "环境影响评价是否已批复", a => a.Environment?.EiaApproved);

    public static readonly Field EcologyDepartmentConsent = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.EcologyDepartmentConsent)), "生态环境部门是否同意", a => a.Environment?.EcologyDepartmentConsent);

    public static readonly Field GreenExplorationPlan = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.GreenExplorationPlan)), "是否符合绿色勘查要求", a => a.Environment?.GreenExplorationPlan);

    public static readonly Field GreenMineStandard = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.GreenMineStandard)), "是否达到绿色矿山建设标准", a => a.Environment?.GreenMineStandard);

    public static readonly Field RestorationPlanFiled = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.RestorationPlanFiled)), "矿山地质环境保护与土地复垦方案是否已备案", a => a.Environment?.RestorationPlanFiled);

    public static readonly Field RestorationFundAccrued = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.RestorationFundAccrued)), "矿山地质环境治理恢复基金是否已计提", a => a.Environment?.RestorationFundAccrued);

    public static readonly Field RestorationOverdue = Field.Mark(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.RestorationOverdue)), "矿山地质环境是否应治未治", a => a.Environment?.RestorationOverdue);

    public static readonly Field EnvironmentalAccessAssessed = Field.Boolean(FieldNames.Path(nameof(Application.Environment), nameof(EnvironmentFacts.EnvironmentalAccessAssessed)), "环境准入论证是否已完成", a => a.Environment?.EnvironmentalAccessAssessed);

    public static readonly Field CoalRank = Field.Word<global::MineralRules.CoalRank>(FieldNames.Path(nameof(Application.Coal), nameof(CoalFacts.Rank)), "煤类", a => a.Coal?.Rank);

    public static readonly Field GermaniumBearing = Field.Mark(FieldNames.Path(nameof(Application.Coal), nameof(CoalFacts.GermaniumBearing)), "是否为锗煤", a => a.Coal?.GermaniumBearing);

    public static readonly Field HighAlumina = Field.Mark(FieldNames.Path(nameof(Application.Coal), nameof(CoalFacts.HighAlumina)), "是否为富铝煤", a => a.Coal?.HighAlumina);

    public static readonly Field ToxicSubstancesExceedStandard = Field.Boolean(FieldNames.Path(nameof(Application.Coal), nameof(CoalFacts.ToxicSubstancesExceedStandard)), "有害元素含量是否超标", a => a.Coal?.ToxicSubstancesExceedStandard);

    public static readonly Field QuotaRequested = Field.Number(FieldNames.Path(nameof(Application.Quota), nameof(Quota.Requested)), "申请开采量", a => a.Quota?.Requested);

    public static readonly Field QuotaAllocated = Field.Number(FieldNames.Path(nameof(Application.Quota), nameof(Quota.Allocated)), "下达的开采总量控制指标", a => a.Quota?.Allocated);

    public static readonly Field QuotaUnit = Field.Word<global::MineralRules.MassUnit>(FieldNames.Path(nameof(Application.Quota), nameof(Quota.Unit)), "开采总量的单位", a => a.Quota?.Unit);

    public static readonly Field SandGravelCountyRights = Field.Integer(FieldNames.Path(nameof(Application.SandGravel), nameof(SandGravelFacts.CountyRights)), "本旗县区现有砂石土采矿权数", a => a.SandGravel?.CountyRights);

    public static readonly Field SandGravelCountyControlNumber = Field.Integer(FieldNames.Path(nameof(Application.SandGravel), nameof(SandGravelFacts.CountyControlNumber)), "本旗县区砂石土采矿权控制数", a => a.SandGravel?.CountyControlNumber);

    public static readonly Field MiningRecoveryActual = Field.Number(FieldNames.Path(nameof(Application.Recovery), nameof(RecoveryFacts.Mining), nameof(RecoveryRate.Actual)), "实际开采回采率", a => a.Recovery?.Mining?.Actual);

    public static readonly Field MiningRecoveryApproved = Field.Number(FieldNames.Path(nameof(Application.Recovery), nameof(RecoveryFacts.Mining), nameof(RecoveryRate.Approved)), "核定开采回采率", a => a.Recovery?.Mining?.Approved);

    public static readonly Field ProcessingRecoveryActual = Field.Number(FieldNames.Path(nameof(Application.Recovery), nameof(RecoveryFacts.Processing), nameof(RecoveryRate.Actual)), "实际选矿回收率", a => a.Recovery?.Processing?.Actual);

    public static readonly Field ProcessingRecoveryApproved = Field.Number(FieldNames.Path(nameof(Application.Recovery), nameof(RecoveryFacts.Processing), nameof(RecoveryRate.Approved)), "核定选矿回收率", a => a.Recovery?.Processing?.Approved);

    public static readonly Field DilutionActual = Field.Number(FieldNames.Path(nameof(Application.Recovery), nameof(RecoveryFacts.Dilution), nameof(RecoveryRate.Actual)), "实际采矿贫化率", a => a.Recovery?.Dilution?.Actual);

    public static readonly Field DilutionApproved = Field.Number(FieldNames.Path(nameof(Application.Recovery), nameof(RecoveryFacts.Dilution), nameof(RecoveryRate.Approved)), "核定采矿贫化率", a => a.Recovery?.Dilution?.Approved);

    public static readonly Field AssociatedIndustrialValue = Field.Boolean(FieldNames.Path(nameof(Application.AssociatedMinerals), nameof(AssociatedMineralFacts.IndustrialValue)), "是否有具工业价值的共伴生矿产", a => a.AssociatedMinerals?.IndustrialValue);

    public static readonly Field AssociatedComprehensiveRecovery = Field.Boolean(FieldNames.Path(nameof(Application.AssociatedMinerals), nameof(AssociatedMineralFacts.ComprehensiveRecovery)), "是否有综合回收方案", a => a.AssociatedMinerals?.ComprehensiveRecovery);

    public static readonly Field AssociatedProtectionMeasures = Field.Boolean(FieldNames.Path(nameof(Application.AssociatedMinerals), nameof(AssociatedMineralFacts.ProtectionMeasures)), "是否有保护措施", a => a.AssociatedMinerals?.ProtectionMeasures);

    public static readonly Field LicenceExpiresOn = Field.Date(FieldNames.Path(nameof(Application.Licence), nameof(LicenceFacts.ExpiresOn)), "现有许可证的到期日", a => a.Licence?.ExpiresOn);

    /// <summary>Every handle, in the model's declaration order.</summary>
    public static IReadOnlyList<Field> All { get; } =
    [
        Id,
        Permit,
        Action,
        ApplicationDate,
        Applicant,
        Mineral,
        MiningMethod,
        IncludesProcessing,
        Capacity,
        CapacityBefore,
        OperatingDaysPerYear,
        Scale,
        DepositScale,
        ExplorationStage,
        League,
        County,
        Zones,
        InPlanningBlock,
        BlockCode,
        BlockBasicUnits,
        BlockOtherHolders,
        DepositId,
        DepositOtherMiningRights,
        GrantMethod,
        StateCouncilKeyProject,
        AgreementBasis,
        FiscallyFunded,
        DevelopmentPlanReviewed,
        AbnormalList,
        SeriousViolationList,
        HighEnergyHighPollution,
        EiaApproved,
        EcologyDepartmentConsent,
        GreenExplorationPlan,
        GreenMineStandard,
        RestorationPlanFiled,
        RestorationFundAccrued,
        RestorationOverdue,
        EnvironmentalAccessAssessed,
        CoalRank,
        GermaniumBearing,
        HighAlumina,
        ToxicSubstancesExceedStandard,
        QuotaRequested,
        QuotaAllocated,
        QuotaUnit,
        SandGravelCountyRights,
        SandGravelCountyControlNumber,
        MiningRecoveryActual,
        MiningRecoveryApproved,
        ProcessingRecoveryActual,
        ProcessingRecoveryApproved,
        DilutionActual,
        DilutionApproved,
        AssociatedIndustrialValue,
        AssociatedComprehensiveRecovery,
        AssociatedProtectionMeasures,
        LicenceExpiresOn,
    ];
}
