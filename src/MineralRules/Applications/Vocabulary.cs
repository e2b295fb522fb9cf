namespace MineralRules;

/// <summary>The kinds of permit (矿业权).</summary>
public enum Permit
{
    /// <summary>An exploration right, 探矿权 (<c>exploration</c>).</summary>
    Exploration,

    /// <summary>A mining right, 采矿权 (<c>mining</c>).</summary>
    Mining,
}

/// <summary>What the application asks for.</summary>
public enum PermitAction
{
    /// <summary>A new right, 新立 (<c>new</c>).</summary>
    New,

    /// <summary>Rebuilding or enlarging a mine, 改扩建 (<c>expansion</c>).</summary>
    Expansion,

    /// <summary>Extending a licence, 延续 (<c>extension</c>).</summary>
    Extension,

    /// <summary>Transfer between holders, 转让 (<c>transfer</c>).</summary>
    Transfer,

    /// <summary>An exploration right converted to a mining right, 探转采 (<c>conversion</c>); a new mining right for the rules.</summary>
    Conversion,
}

/// <summary>How the deposit is mined.</summary>
public enum MiningMethod
{
    /// <summary>Underground, 井工 / 地下 (<c>underground</c>).</summary>
    Underground,

    /// <summary>Open pit, 露天 (<c>open-pit</c>).</summary>
    OpenPit,
}

/// <summary>Mine production scale (生产建设规模) or deposit scale (资源储量规模), ordered small &lt; medium &lt; large.</summary>
public enum Scale
{
    /// <summary>小型 (<c>small</c>).</summary>
    Small,

    /// <summary>中型 (<c>medium</c>).</summary>
    Medium,

    /// <summary>大型 (<c>large</c>).</summary>
    Large,
}

/// <summary>Exploration stage (勘查程度), ordered general &lt; detailed &lt; exploration.</summary>
public enum ExplorationStage
{
    /// <summary>普查 (<c>general</c>).</summary>
    General,

    /// <summary>详查 (<c>detailed</c>).</summary>
    Detailed,

    /// <summary>勘探 (<c>exploration</c>).</summary>
    Exploration,
}

/// <summary>The planning zones the plan names.</summary>
public enum Zone
{
    /// <summary>生态保护红线 (<c>ecological-red-line</c>).</summary>
    EcologicalRedLine,

    /// <summary>自然保护地 (<c>nature-reserve</c>).</summary>
    NatureReserve,

    /// <summary>沿黄生态管控线 (<c>yellow-river-control-line</c>).</summary>
    YellowRiverControlLine,

    /// <summary>矿产资源保护区 (<c>protection-area</c>).</summary>
    ProtectionArea,

    /// <summary>能源资源基地 (<c>energy-base</c>).</summary>
    EnergyBase,

    /// <summary>国家规划矿区 (<c>national-planned-area</c>).</summary>
    NationalPlannedArea,

    /// <summary>重点勘查开采区 (<c>key-area</c>).</summary>
    KeyArea,

    /// <summary>砂石土类矿产集中开采区 (<c>sand-concentrated-area</c>).</summary>
    SandConcentratedArea,
}

/// <summary>How a right is granted (出让).</summary>
public enum GrantMethod
{
    /// <summary>招标 (<c>tender</c>).</summary>
    Tender,

    /// <summary>拍卖 (<c>auction</c>).</summary>
    Auction,

    /// <summary>挂牌 (<c>listing</c>).</summary>
    Listing,

    /// <summary>协议 (<c>agreement</c>).</summary>
    Agreement,
}

/// <summary>Coal rank (煤种): the classes of GB/T 5751, plus thermal coal (a use, read as not scarce) and other.</summary>
public enum CoalRank
{
    /// <summary>动力煤 (<c>thermal</c>).</summary>
    Thermal,

    /// <summary>焦煤 (<c>coking</c>).</summary>
    Coking,

    /// <summary>无烟煤 (<c>anthracite</c>).</summary>
    Anthracite,

    /// <summary>褐煤 (<c>lignite</c>).</summary>
    Lignite,

    /// <summary>其他 (<c>other</c>): the rank is not known.</summary>
    Other,

    /// <summary>贫煤 (<c>meagre</c>).</summary>
    Meagre,

    /// <summary>贫瘦煤 (<c>meagre-lean</c>).</summary>
    MeagreLean,

    /// <summary>瘦煤 (<c>lean</c>).</summary>
    Lean,

    /// <summary>肥煤 (<c>fat</c>).</summary>
    Fat,

    /// <summary>1/3焦煤 (<c>one-third-coking</c>).</summary>
    OneThirdCoking,

    /// <summary>气肥煤 (<c>gas-fat</c>).</summary>
    GasFat,

    /// <summary>气煤 (<c>gas</c>).</summary>
    Gas,

    /// <summary>1/2中粘煤 (<c>half-medium-caking</c>).</summary>
    HalfMediumCaking,

    /// <summary>弱粘煤 (<c>weakly-caking</c>).</summary>
    WeaklyCaking,

    /// <summary>不粘煤 (<c>non-caking</c>).</summary>
    NonCaking,

    /// <summary>长焰煤 (<c>long-flame</c>).</summary>
    LongFlame,
}
