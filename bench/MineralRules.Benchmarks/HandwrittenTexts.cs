using System.Globalization;

// Over 400 lines on purpose: the 43 rules' messages and the facts each reads, written out beside each other, as the
// baseline's engineer would write them.
namespace MineralRules.Benchmarks;

/// <summary>
/// (b'): the hand-written plan with its messages — for every fail and review, the rule's message in Chinese and
/// English with the application's values, formatted as a competent engineer would (string interpolation with the
/// invariant culture), carrying the same information as the engine's texts: the rule's message with its values, the
/// absent facts, a capacity that cannot be compared, an exemption claimed or ignored. Rule set 1.0.0 writes no remedies,
/// so neither side has one; the engine's facts (<see cref="Verdict.Facts"/>) have no counterpart here.
/// </summary>
public static class HandwrittenTexts
{
    /// <summary>Checks one application and writes the message of each fail and review.</summary>
    /// <param name="a">The application.</param>
    /// <returns>The decision, the outcomes and one message per fail or review, in rule order.</returns>
    public static HandwrittenReport Explain(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var outcomes = new Outcome[HandwrittenPlan.RuleIds.Length];
        var why = new HandwrittenPlan.Why[outcomes.Length];
        var decision = HandwrittenPlan.Run(a, outcomes, why);
        var messages = new List<HandwrittenMessage>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] is Outcome.Fail or Outcome.Review)
            {
                var (zh, en) = Message(i, why[i], a);
                messages.Add(new HandwrittenMessage(HandwrittenPlan.RuleIds[i], outcomes[i], zh, en));
            }
        }

        return new HandwrittenReport(decision, outcomes, messages);
    }

    private static (string Zh, string En) Message(int rule, HandwrittenPlan.Why why, Application a)
    {
        switch (why)
        {
            case HandwrittenPlan.Why.ScopeMissing:
                var absent = ScopeFields(rule, a);
                absent.AddRange(ConditionFields(rule, a));
                return Missing(absent, a);
            case HandwrittenPlan.Why.Missing:
                return Missing(ConditionFields(rule, a), a);
            case HandwrittenPlan.Why.Met:
                // The only rule that reviews when its condition holds: placer gold.
                return ("砂金属限制勘查矿种：已通过环评并征得生态环境部门同意，仍须人工确认确需新立。",
                    "Placer gold is restricted for exploration; the EIA and consent are in place, and a person must confirm the project is truly needed.");
        }

        var (zh, en) = RuleMessage(rule, a);
        var clause = HandwrittenPlan.ClauseRefs[rule];
        if (why == HandwrittenPlan.Why.Exempted)
        {
            var basis = HandwrittenPlan.Claims(a, clause)!.Basis;
            return (
                $"{zh}条款{clause}以“原则上”表述，已依据“{basis}”申请例外：须人工确认，不视为通过。",
                $"{en} Clause {clause} is worded 原则上 (in principle); an exemption is claimed on the basis \"{basis}\": a person must confirm it, it is not a pass.");
        }

        if (HandwrittenPlan.Claims(a, clause) is not null)
        {
            return (
                $"{zh}所申请的条款{clause}例外不适用于本项规定：该规定未以“原则上”表述，不得例外。",
                $"{en} The exemption claimed for clause {clause} is ignored here: this provision is not worded 原则上 (in principle) and admits no exception.");
        }

        return (zh, en);
    }

    /// <summary>The rule's own message for a fail, or a review the rule gives by its outcome, with the application's values.</summary>
    private static (string Zh, string En) RuleMessage(int rule, Application a)
    {
        var (mineralZh, mineralEn) = MineralName(a.Mineral);
        return rule switch
        {
            0 => ("项目位于生态保护红线或自然保护地内，不得新设采矿权。", "The project lies in a protected zone; no new mining right may be granted there."),
            1 => ("项目位于生态保护红线或自然保护地内，勘查活动从严控制，须逐案审查。",
                "The project lies in the ecological protection red line or a nature reserve; exploration there is strictly controlled and decided case by case."),
            2 => ("沿黄生态管控线内严禁新建、扩建高能耗、高污染项目。",
                "A high-energy-consumption, high-pollution project may not be built or expanded within the Yellow River ecological control line."),
            3 => ("项目位于矿产资源保护区内，严格保护和监管，不得新设采矿权。",
                "The project lies in a mineral resource protection area, which is strictly protected; no new mining right may be granted there."),
            4 => ($"禁止勘查{mineralZh}，不得新立探矿权。", $"Exploration for {mineralEn} is prohibited; no new exploration permit may be granted."),
            5 => PlacerGold(a),
            6 => ("勘查工作方案未执行绿色勘查技术要求。", "The work plan does not follow the green-exploration technical requirements."),
            7 => ($"勘查规划区块面积{Number(a.Block!.BasicUnits!.Value)}个基本单位区块，小于1个。",
                $"The exploration block is {Number(a.Block.BasicUnits.Value)} basic unit block(s), smaller than 1."),
            8 => (Invariant($"该勘查规划区块已有{a.Block!.OtherHolders}个其他勘查主体，原则上只设1个勘查主体。"),
                Invariant($"The block already has {a.Block.OtherHolders} other exploration holder(s); in principle one block has one holder.")),
            9 => ("财政出资的地质勘查项目不再设置探矿权。", "A publicly funded exploration project is not granted an exploration right."),
            10 => ("协议出让矿业权仅限于国务院批准的重点建设项目，本项目不属于此类。",
                "Granting by agreement is limited to State-Council-approved key construction projects; this project is not one."),
            11 => ($"延续申请日期{Date(a.ApplicationDate)}晚于勘查许可证有效期届满日{Date(a.Licence!.ExpiresOn!.Value)}，该探矿权应纳入已自行废止矿业权名单。",
                $"The extension was filed on {Date(a.ApplicationDate)}, after the licence expired on {Date(a.Licence.ExpiresOn.Value)}; the right is listed as lapsed."),
            12 => ($"禁止开采{mineralZh}。", $"Mining of {mineralEn} is prohibited."),
            13 => ("不新建汞矿山。", "No new mercury mine may be opened."),
            14 => ("煤中砷、放射性等有毒有害物质超过规定标准，禁止开采。", "The coal's arsenic, radioactive or other toxic content exceeds the standards; mining it is prohibited."),
            15 => ($"{mineralZh}属限制开采矿种，须人工审查。", $"{mineralEn} is restricted for mining; a person must review the application."),
            16 => ($"申请开采量{Number(a.Quota!.Requested!.Value)}超过国家下达的开采总量控制指标{Number(a.Quota.Allocated!.Value)}。",
                $"The requested output {Number(a.Quota.Requested.Value)} exceeds the national quota allocated, {Number(a.Quota.Allocated.Value)}."),
            17 => RareRank(a),
            18 => ($"新建{mineralZh}矿山未完成环境准入论证。", $"The new {mineralEn} mine has no environmental-access assessment."),
            19 or 27 => ($"矿山建设规模为{ScaleName(a.Scale!.Value).Zh}，原则上不再新建小型及以下{mineralZh}矿山。",
                $"Mine scale is {ScaleName(a.Scale.Value).En}; in principle no new small {mineralEn} mine is opened."),
            20 => ($"新建萤石矿山规模为{ScaleName(a.Scale!.Value).Zh}，最低开采规模为中型及以上。",
                $"The new fluorite mine is {ScaleName(a.Scale.Value).En}; the minimum is medium scale."),
            21 => ("新建普通建筑用砂石土矿山不在砂石土类矿产集中开采区内。", "The new sand, gravel and earth mine is outside a concentrated mining area."),
            22 => ($"产能{Shown(a, HandwrittenPlan.NewUndergroundCoal)}低于新建井工煤矿最低产能{HandwrittenPlan.NewUndergroundCoal}。",
                $"Capacity {Shown(a, HandwrittenPlan.NewUndergroundCoal)} is below the minimum {HandwrittenPlan.NewUndergroundCoal} for a new underground coal mine."),
            23 => ($"改扩建后产能{Shown(a, HandwrittenPlan.ExpansionCoal)}低于{HandwrittenPlan.ExpansionCoal}。",
                $"Capacity after expansion {Shown(a, HandwrittenPlan.ExpansionCoal)} is below the minimum {HandwrittenPlan.ExpansionCoal}."),
            24 => ($"年产矿石量{Shown(a, HandwrittenPlan.NewCopper)}，不高于{HandwrittenPlan.NewCopper}（30万吨以下含本数），不得新建铜矿山。",
                $"Ore output {Shown(a, HandwrittenPlan.NewCopper)} is not above {HandwrittenPlan.NewCopper} (以下 includes the number); no new copper mine of that size."),
            25 => ($"日处理岩金矿石{Shown(a, HandwrittenPlan.OpenPitGoldMill)}，不高于{HandwrittenPlan.OpenPitGoldMill}（300吨以下含本数），不得新建露天采选项目。",
                $"Daily ore treatment {Shown(a, HandwrittenPlan.OpenPitGoldMill)} is not above {HandwrittenPlan.OpenPitGoldMill} (以下 includes the number); no new open-pit gold mine-and-mill of that size."),
            26 => ($"日处理岩金矿石{Shown(a, HandwrittenPlan.UndergroundGoldMill)}，不高于{HandwrittenPlan.UndergroundGoldMill}（100吨以下含本数），不得新建地下采选项目。",
                $"Daily ore treatment {Shown(a, HandwrittenPlan.UndergroundGoldMill)} is not above {HandwrittenPlan.UndergroundGoldMill} (以下 includes the number); no new underground gold mine-and-mill of that size."),
            28 => ("大型矿床以小型规模开采（大矿小开），矿山建设规模与矿床储量规模不相适应。",
                "A large deposit would be mined at small scale (大矿小开); the mine's scale does not match the deposit's."),
            29 => (Invariant($"该矿床已有{a.Deposit!.OtherMiningRights}个其他采矿权，不得一矿多开。"),
                Invariant($"The deposit already has {a.Deposit.OtherMiningRights} other mining right(s); one deposit is not opened by several mines (一矿多开).")),
            30 => ScaleTable.Mismatch(a),
            31 => ($"开采回采率{Number(a.Recovery!.Mining!.Actual!.Value)}低于经批准的设计值{Number(a.Recovery.Mining.Approved!.Value)}。",
                $"The mining recovery rate {Number(a.Recovery.Mining.Actual.Value)} is below the approved design value {Number(a.Recovery.Mining.Approved.Value)}."),
            32 => ($"选矿回收率{Number(a.Recovery!.Processing!.Actual!.Value)}低于经批准的设计值{Number(a.Recovery.Processing.Approved!.Value)}。",
                $"The processing recovery rate {Number(a.Recovery.Processing.Actual.Value)} is below the approved design value {Number(a.Recovery.Processing.Approved.Value)}."),
            33 => ($"采矿贫化率{Number(a.Recovery!.Dilution!.Actual!.Value)}高于经批准的设计值{Number(a.Recovery.Dilution.Approved!.Value)}。",
                $"The dilution rate {Number(a.Recovery.Dilution.Actual.Value)} is above the approved design value {Number(a.Recovery.Dilution.Approved.Value)}."),
            34 => ("具有工业价值的共伴生矿产既无综合回收方案，也无保护措施。",
                "Associated minerals of industrial value have neither a comprehensive-recovery plan nor protection measures."),
            35 => (Invariant($"该开采规划区块已有{a.Block!.OtherHolders}个其他开采主体，原则上只设1个开采主体。"),
                Invariant($"The block already has {a.Block.OtherHolders} other mining holder(s); in principle one block has one holder.")),
            36 => ($"大型非煤矿山依据的资源储量勘查程度为{StageName(a.ExplorationStage!.Value).Zh}，应达到勘探程度。",
                $"The reserves of a large non-coal deposit are explored to the {StageName(a.ExplorationStage.Value).En} stage; the exploration (勘探) stage is required."),
            37 => ($"大中型煤矿依据的资源储量勘查程度为{StageName(a.ExplorationStage!.Value).Zh}，应达到勘探程度。",
                $"The reserves of a large or medium coal deposit are explored to the {StageName(a.ExplorationStage.Value).En} stage; the exploration (勘探) stage is required."),
            38 => ($"资源储量勘查程度为{StageName(a.ExplorationStage!.Value).Zh}，应达到详查及以上程度。",
                $"The reserves are explored to the {StageName(a.ExplorationStage.Value).En} stage; at least the detailed (详查) stage is required."),
            39 => ($"延续申请日期{Date(a.ApplicationDate)}晚于采矿许可证有效期届满日{Date(a.Licence!.ExpiresOn!.Value)}，该采矿权应纳入已自行废止矿业权名单。",
                $"The extension was filed on {Date(a.ApplicationDate)}, after the licence expired on {Date(a.Licence.ExpiresOn.Value)}; the right is listed as lapsed."),
            40 => ("新建矿山设计未达到绿色矿山建设标准。", "The new mine is not designed to the green-mine construction standard."),
            41 => ("未编制并备案矿山地质环境保护与土地复垦方案。", "No mine geo-environment protection and land-reclamation plan has been filed."),
            _ => ("生产矿山未计提矿山地质环境治理恢复基金。", "The producing mine has not accrued the geo-environment restoration fund."),
        };
    }

    private static (string Zh, string En) PlacerGold(Application a)
    {
        // The rule's {required} and {actual} are its first fact's: the EIA approval.
        var eia = a.Environment?.EiaApproved;
        return ($"新立砂金勘查项目必须通过环境影响评价并征得生态环境部门同意（是；实际：{YesNo(eia, zh: true)}）。",
            $"A new placer-gold exploration project needs an approved EIA and the ecology and environment department's consent (required: yes; actual: {YesNo(eia, zh: false)}).");
    }

    private static (string Zh, string En) RareRank(Application a)
    {
        var league = a.Location!.League == HandwrittenPlan.Wuhai ? "乌海市" : "阿拉善盟";
        var (zh, en) = a.Coal!.Rank == CoalRank.Coking ? ("焦煤", "coking coal") : ("无烟煤", "anthracite");
        return ($"{league}的{zh}属保护性开采的稀有煤种，须人工审查。", $"{en} in {league} is a rare coal rank mined protectively; a person must review the application.");
    }

    /// <summary>The fields a rule's scope reads beyond permit, action and mineral, absent ones first named.</summary>
    private static List<string> ScopeFields(int rule, Application a)
    {
        var absent = new List<string>(2);
        switch (rule)
        {
            case 17:
                absent.Add("location.league");
                break;
            case 34:
                absent.Add("associatedMinerals.industrialValue");
                break;
            case 22 or 25 or 26:
                AddIfAbsent(absent, a.MiningMethod, "miningMethod");
                if (rule != 22)
                {
                    AddIfAbsent(absent, a.IncludesProcessing, "includesProcessing");
                }

                break;
            case 32:
                absent.Add("includesProcessing");
                break;
        }

        return absent;
    }

    /// <summary>The absent facts a rule's condition needs (the engine lists them in its field catalog's order).</summary>
    private static List<string> ConditionFields(int rule, Application a)
    {
        var env = a.Environment;
        var absent = new List<string>(3);
        switch (rule)
        {
            case 2: absent.Add("environment.highEnergyHighPollution"); break;
            case 5:
                AddIfAbsent(absent, env?.EiaApproved, "environment.eiaApproved");
                AddIfAbsent(absent, env?.EcologyDepartmentConsent, "environment.ecologyDepartmentConsent");
                break;
            case 6: absent.Add("environment.greenExplorationPlan"); break;
            case 7: absent.Add("block.basicUnits"); break;
            case 8 or 35: absent.Add("block.otherHolders"); break;
            case 9: absent.Add("fiscallyFunded"); break;
            case 10:
                AddIfAbsent(absent, a.Grant?.Method, "grant.method");
                AddIfAbsent(absent, a.Grant?.StateCouncilKeyProject, "grant.stateCouncilKeyProject");
                break;
            case 11 or 39: absent.Add("licence.expiresOn"); break;
            case 14: absent.Add("coal.toxicSubstancesExceedStandard"); break;
            case 16:
                AddIfAbsent(absent, a.Quota?.Requested, "quota.requested");
                AddIfAbsent(absent, a.Quota?.Allocated, "quota.allocated");
                break;
            case 17: AddIfAbsent(absent, a.Coal?.Rank, "coal.rank"); break;
            case 18: absent.Add("environment.environmentalAccessAssessed"); break;
            case 19 or 20 or 27: absent.Add("scale"); break;
            case 22 or 23 or 24 or 25 or 26:
                // Absent, or per day against per year without operating days; a volume against a mass is no absence.
                var daily = rule is 25 or 26;
                if (a.Capacity is not { } capacity)
                {
                    absent.Add("capacity");
                }
                else if (capacity.Unit is not (CapacityUnit.TenThousandCubicMetresPerYear or CapacityUnit.CubicMetresPerDay)
                    && (capacity.Unit is CapacityUnit.TonnesPerDay) != daily)
                {
                    AddIfAbsent(absent, a.OperatingDaysPerYear, "operatingDaysPerYear");
                }

                break;
            case 28:
                AddIfAbsent(absent, a.Scale, "scale");
                AddIfAbsent(absent, a.DepositScale, "depositScale");
                break;
            case 29: absent.Add("deposit.otherMiningRights"); break;
            case 31:
                AddIfAbsent(absent, a.Recovery?.Mining?.Actual, "recovery.mining.actual");
                AddIfAbsent(absent, a.Recovery?.Mining?.Approved, "recovery.mining.approved");
                break;
            case 32:
                AddIfAbsent(absent, a.Recovery?.Processing?.Actual, "recovery.processing.actual");
                AddIfAbsent(absent, a.Recovery?.Processing?.Approved, "recovery.processing.approved");
                break;
            case 33:
                AddIfAbsent(absent, a.Recovery?.Dilution?.Actual, "recovery.dilution.actual");
                AddIfAbsent(absent, a.Recovery?.Dilution?.Approved, "recovery.dilution.approved");
                break;
            case 34:
                AddIfAbsent(absent, a.AssociatedMinerals?.ComprehensiveRecovery, "associatedMinerals.comprehensiveRecovery");
                AddIfAbsent(absent, a.AssociatedMinerals?.ProtectionMeasures, "associatedMinerals.protectionMeasures");
                break;
            case 36 or 37:
                AddIfAbsent(absent, a.DepositScale, "depositScale");
                AddIfAbsent(absent, a.ExplorationStage, "explorationStage");
                break;
            case 38: absent.Add("explorationStage"); break;
            case 40: absent.Add("environment.greenMineStandard"); break;
            case 41: absent.Add("environment.restorationPlanFiled"); break;
            case 42: absent.Add("environment.restorationFundAccrued"); break;
        }

        return absent;
    }

    private static void AddIfAbsent<T>(List<string> absent, T? value, string field)
        where T : struct
    {
        if (value is null)
        {
            absent.Add(field);
        }
    }

    /// <summary>Absent facts, or (a capacity given) one that cannot be compared with the rule's threshold.</summary>
    private static (string Zh, string En) Missing(List<string> absent, Application a)
    {
        if (absent.Count == 0)
        {
            return ($"capacity（{a.Capacity}）无法与本项规定的标准比较（如体积单位对质量标准），须人工复核。",
                $"capacity ({a.Capacity}) cannot be compared with this provision's threshold (e.g. a volume against a mass); a person must review it.");
        }

        var names = string.Join(", ", absent);
        return ($"缺少判断本项规定所需的事实：{names}。请补充后重新检查，或由人工复核。",
            $"Missing fact(s) needed to decide this provision: {names}. Supply them and check again, or have a person review it.");
    }

    /// <summary>The application's capacity, and in the threshold's unit when it is written in another.</summary>
    private static string Shown(Application a, Capacity threshold)
    {
        var capacity = a.Capacity!;
        if (capacity.Unit == threshold.Unit)
        {
            return capacity.ToString();
        }

        var value = capacity.Value * HandwrittenPlan.Factor(capacity.Unit) / HandwrittenPlan.Factor(threshold.Unit);
        var days = a.OperatingDaysPerYear ?? 1;
        if (HandwrittenPlan.IsDaily(capacity.Unit) && !HandwrittenPlan.IsDaily(threshold.Unit))
        {
            value *= days;
        }
        else if (HandwrittenPlan.IsDaily(threshold.Unit) && !HandwrittenPlan.IsDaily(capacity.Unit))
        {
            value /= days;
        }

        return $"{capacity} (= {new Capacity(value, threshold.Unit)})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string YesNo(bool? value, bool zh) => value switch
    {
        null => zh ? "（未填写）" : "(not given)",
        true => zh ? "是" : "yes",
        false => zh ? "否" : "no",
    };

    internal static (string Zh, string En) ScaleName(Scale scale) => scale switch
    {
        Scale.Small => ("小型", "small"),
        Scale.Medium => ("中型", "medium"),
        _ => ("大型", "large"),
    };

    private static (string Zh, string En) StageName(ExplorationStage stage) => stage switch
    {
        ExplorationStage.General => ("普查", "general survey"),
        ExplorationStage.Detailed => ("详查", "detailed survey"),
        _ => ("勘探", "exploration"),
    };

    private static (string Zh, string En) MineralName(Mineral mineral) => mineral switch
    {
        Mineral.Coal => ("煤炭", "coal"),
        Mineral.CoalbedMethane => ("煤层气", "coalbed methane"),
        Mineral.Oil => ("石油", "oil"),
        Mineral.NaturalGas => ("天然气", "natural gas"),
        Mineral.ShaleGas => ("页岩气", "shale gas"),
        Mineral.Uranium => ("铀", "uranium"),
        Mineral.Geothermal => ("地热", "geothermal"),
        Mineral.MineralWater => ("矿泉水", "mineral water"),
        Mineral.Iron => ("铁", "iron"),
        Mineral.RichIron => ("富铁", "rich iron ore"),
        Mineral.UltraLeanMagnetite => ("超贫磁铁矿", "ultra-lean magnetite"),
        Mineral.PlacerIron => ("砂铁", "placer iron"),
        Mineral.Manganese => ("锰", "manganese"),
        Mineral.Chromium => ("铬", "chromium"),
        Mineral.Copper => ("铜", "copper"),
        Mineral.Lead => ("铅", "lead"),
        Mineral.Zinc => ("锌", "zinc"),
        Mineral.Nickel => ("镍", "nickel"),
        Mineral.Cobalt => ("钴", "cobalt"),
        Mineral.Tungsten => ("钨", "tungsten"),
        Mineral.Tin => ("锡", "tin"),
        Mineral.Molybdenum => ("钼", "molybdenum"),
        Mineral.Antimony => ("锑", "antimony"),
        Mineral.Mercury => ("汞", "mercury"),
        Mineral.Gold => ("金（岩金）", "gold (lode)"),
        Mineral.PlacerGold => ("砂金", "placer gold"),
        Mineral.Silver => ("银", "silver"),
        Mineral.RareEarth => ("稀土", "rare earths"),
        Mineral.Niobium => ("铌", "niobium"),
        Mineral.Tantalum => ("钽", "tantalum"),
        Mineral.Lithium => ("锂", "lithium"),
        Mineral.Rubidium => ("铷", "rubidium"),
        Mineral.Beryllium => ("铍", "beryllium"),
        Mineral.Germanium => ("锗", "germanium"),
        Mineral.Scandium => ("钪", "scandium"),
        Mineral.Zirconium => ("锆", "zirconium"),
        Mineral.Fluorite => ("萤石", "fluorite"),
        Mineral.Graphite => ("晶质石墨", "crystalline graphite"),
        Mineral.Kaolin => ("高岭土", "kaolin"),
        Mineral.Salt => ("盐", "salt"),
        Mineral.Gypsum => ("石膏", "gypsum"),
        Mineral.Mirabilite => ("芒硝", "mirabilite"),
        Mineral.Trona => ("天然碱", "trona"),
        Mineral.Limestone => ("石灰岩", "limestone"),
        Mineral.BlueAsbestos => ("蓝石棉", "blue asbestos (crocidolite)"),
        Mineral.BrickClayArable => ("可耕地的砖瓦用粘土", "brick clay on arable land"),
        Mineral.WetlandPeat => ("湿地泥炭", "wetland peat"),
        Mineral.HeavyPlacer => ("其他重砂矿物", "other heavy placer minerals"),
        Mineral.SandGravel => ("普通建筑用砂石土", "construction sand, gravel and earth"),
        _ => (mineral.ToString(), mineral.ToString()),
    };
}

/// <summary>What (b') returns for one application.</summary>
/// <param name="Decision">Non-compliant, needs review or compliant.</param>
/// <param name="Outcomes">One outcome per rule of <see cref="HandwrittenPlan.RuleIds"/>.</param>
/// <param name="Messages">One message per fail or review, in rule order.</param>
public sealed record HandwrittenReport(Decision Decision, Outcome[] Outcomes, IReadOnlyList<HandwrittenMessage> Messages);

/// <summary>One fail or review of (b') and its message.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Outcome">Fail or review.</param>
/// <param name="Zh">The message in Chinese.</param>
/// <param name="En">The message in English.</param>
public sealed record HandwrittenMessage(string Rule, Outcome Outcome, string Zh, string En);
