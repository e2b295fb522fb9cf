
using MineralRules.Units;

namespace MineralRules.Applications;

/// <summary>One word of a closed vocabulary: its code, its Chinese and English names, and accepted aliases.</summary>
internal sealed record Term<T>(T Value, string Code, string Zh, string En, params string[] Aliases)
    where T : struct, Enum
{
    /// <summary>How a report for people labels the value (<c>NON-COMPLIANT</c>, <c>n/a</c>); the English name when not set.</summary>
    public string Label
    {
        get => field ?? En;
        init;
    }
}

/// <summary>
/// A closed vocabulary (minerals, zones, ...): parses a code or a Chinese name, names a value in zh or en.
/// Immutable once built.
/// </summary>
internal sealed class Vocabulary<T> : IVocabulary
    where T : struct, Enum
{
    // Keyed by the enum's int value, not by T: a dictionary or LINQ per enum type is JIT-compiled once per type
    // in every fresh process, and the vocabularies are built at every cold start.
    private readonly Dictionary<string, int> _byWord;
    private readonly Term<T>[] _byValue;
    private readonly Func<string, string> _normalise;

    /// <summary>A vocabulary whose words are read ignoring case.</summary>
    public Vocabulary(string name, params Term<T>[] terms)
        : this(name, StringComparer.OrdinalIgnoreCase, static word => word.Trim(), terms)
    {
    }

    private Vocabulary(string name, StringComparer comparer, Func<string, string> normalise, Term<T>[] terms)
    {
        Name = name;
        _normalise = normalise;
        _byWord = new(comparer);
        Terms = terms;
        var values = Enum.GetValuesAsUnderlyingType(typeof(T));
        _byValue = new Term<T>[values.Length];
        foreach (var term in terms)
        {
            var value = ToInt(term.Value);
            if ((uint)value >= (uint)_byValue.Length || _byValue[value] is not null)
            {
                throw new InvalidOperationException($"Vocabulary {name}: {term.Value} is out of range or named twice.");
            }

            _byValue[value] = term;
            _byWord.Add(term.Code, value);
            _byWord.TryAdd(term.Zh, value);
            foreach (var alias in term.Aliases)
            {
                _byWord.TryAdd(alias, value);
            }
        }

        var missing = Array.IndexOf(_byValue, null);
        if (missing >= 0)
        {
            throw new InvalidOperationException($"Vocabulary {name} lacks {FromInt(missing)}.");
        }
    }

    /// <summary>A vocabulary of symbols compared case by case (<c>Mt</c> is not <c>mt</c>) after <paramref name="normalise"/>.</summary>
    public static Vocabulary<T> Symbols(string name, Func<string, string> normalise, IEnumerable<Term<T>> terms) =>
        new(name, StringComparer.Ordinal, normalise, [.. terms]);

    /// <summary>What the vocabulary names, for messages ("mineral", "zone").</summary>
    public string Name { get; }

    public IReadOnlyList<Term<T>> Terms { get; }

    public IEnumerable<string> Codes => Terms.Select(t => t.Code);

    /// <summary>Every word read as a value: codes, Chinese names and aliases (what the application schema enumerates).</summary>
    public IEnumerable<string> Words => Terms.SelectMany(t => new[] { t.Code, t.Zh }.Concat(t.Aliases)).Distinct(StringComparer.Ordinal);

    public bool TryParse(string word, out T value)
    {
        var found = _byWord.TryGetValue(_normalise(word), out var number);
        value = FromInt(number);
        return found;
    }

    public Term<T> this[T value] => _byValue[ToInt(value)];

    public string Code(T value) => this[value].Code;

    /// <summary>The report label of <paramref name="value"/> (<see cref="Term{T}.Label"/>).</summary>
    public string Label(T value) => this[value].Label;

    Type IVocabulary.EnumType => typeof(T);

    bool IVocabulary.TryParse(string word, out object value)
    {
        var ok = TryParse(word, out var typed);
        value = typed;
        return ok;
    }

    string IVocabulary.Display(object value, bool zh) => zh ? this[(T)value].Zh : this[(T)value].En;

    string IVocabulary.Code(object value) => this[(T)value].Code;

    // Every vocabulary enum is int-backed; the JIT folds the box and unbox of a value type into a plain move, so
    // these allocate nothing (no Unsafe needed).
    private static int ToInt(T value) => (int)(object)value;

    private static T FromInt(int value) => (T)(object)value;
}

/// <summary>A vocabulary seen without its enum type, for the compiler and the message formatter.</summary>
internal interface IVocabulary
{
    string Name { get; }

    Type EnumType { get; }

    IEnumerable<string> Codes { get; }

    IEnumerable<string> Words { get; }

    bool TryParse(string word, out object value);

    string Display(object value, bool zh);

    string Code(object value);
}

/// <summary>
/// The one place where the contract's enums meet their words: every enum of the application, its units and the result
/// has its code, Chinese and English names (and report label) here; readers, writers, schemas and messages look them
/// up through <see cref="Of"/> (any word of the contract) or <see cref="For"/> (the words rules compare by name).
/// </summary>
internal static class Vocabularies
{
    /// <summary>
    /// The vocabulary of an application fact whose words rules name and messages show (permit, mineral, zone, ...), or
    /// null; units are not among them (rules compare capacities and quotas by conversion, see <see cref="UnitConversions"/>).
    /// </summary>
    public static IVocabulary? For(Type enumType) => ByType.GetValueOrDefault(enumType);

    /// <summary>Every word vocabulary of the contract by enum type: the facts' words, units, outcomes, decisions, exemption statuses.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="enumType"/> has no words in the contract.</exception>
    public static IVocabulary Of(Type enumType) =>
        AnyByType.GetValueOrDefault(enumType) ?? throw new InvalidOperationException($"{enumType.Name} has no words in the contract.");

    /// <summary>True when <paramref name="enumType"/> has words in the contract (<see cref="Of"/>).</summary>
    public static bool Has(Type enumType) => AnyByType.ContainsKey(enumType);

    public static readonly Vocabulary<Permit> Permits = new(
        "permit",
        new(Permit.Exploration, "exploration", "探矿权", "exploration permit"),
        new(Permit.Mining, "mining", "采矿权", "mining permit"));

    public static readonly Vocabulary<PermitAction> Actions = new(
        "action",
        new(PermitAction.New, "new", "新立", "new"),
        new(PermitAction.Expansion, "expansion", "改扩建", "expansion"),
        new(PermitAction.Extension, "extension", "延续", "extension"),
        new(PermitAction.Transfer, "transfer", "转让", "transfer"),
        new(PermitAction.Conversion, "conversion", "探转采", "conversion"));

    public static readonly Vocabulary<MiningMethod> MiningMethods = new(
        "mining method",
        new(MiningMethod.Underground, "underground", "井工", "underground", "地下"),
        new(MiningMethod.OpenPit, "open-pit", "露天", "open-pit"));

    public static readonly Vocabulary<Scale> Scales = new(
        "scale",
        new(Scale.Small, "small", "小型", "small"),
        new(Scale.Medium, "medium", "中型", "medium"),
        new(Scale.Large, "large", "大型", "large"));

    public static readonly Vocabulary<ExplorationStage> Stages = new(
        "exploration stage",
        new(ExplorationStage.General, "general", "普查", "general survey"),
        new(ExplorationStage.Detailed, "detailed", "详查", "detailed survey"),
        new(ExplorationStage.Exploration, "exploration", "勘探", "exploration"));

    public static readonly Vocabulary<Zone> Zones = new(
        "zone",
        new(Zone.EcologicalRedLine, "ecological-red-line", "生态保护红线", "ecological protection red line"),
        new(Zone.NatureReserve, "nature-reserve", "自然保护地", "nature reserve"),
        new(Zone.YellowRiverControlLine, "yellow-river-control-line", "沿黄生态管控线", "Yellow River ecological control line"),
        new(Zone.ProtectionArea, "protection-area", "矿产资源保护区", "mineral resource protection area"),
        new(Zone.EnergyBase, "energy-base", "能源资源基地", "energy and resource base"),
        new(Zone.NationalPlannedArea, "national-planned-area", "国家规划矿区", "national planned mining area"),
        new(Zone.KeyArea, "key-area", "重点勘查开采区", "key exploration and mining area"),
        new(Zone.SandConcentratedArea, "sand-concentrated-area", "砂石土类矿产集中开采区", "sand, gravel and earth concentrated mining area"));

    public static readonly Vocabulary<GrantMethod> GrantMethods = new(
        "grant method",
        new(GrantMethod.Tender, "tender", "招标", "tender"),
        new(GrantMethod.Auction, "auction", "拍卖", "auction"),
        new(GrantMethod.Listing, "listing", "挂牌", "listing"),
        new(GrantMethod.Agreement, "agreement", "协议", "agreement", "协议出让"));

    public static readonly Vocabulary<CoalRank> CoalRanks = new(
        "coal rank",
        new(CoalRank.Thermal, "thermal", "动力煤", "thermal coal"),
        new(CoalRank.Coking, "coking", "焦煤", "coking coal"),
        new(CoalRank.Anthracite, "anthracite", "无烟煤", "anthracite"),
        new(CoalRank.Lignite, "lignite", "褐煤", "lignite"),
        new(CoalRank.Other, "other", "其他", "other coal", "其他煤"),
        new(CoalRank.Meagre, "meagre", "贫煤", "meagre coal"),
        new(CoalRank.MeagreLean, "meagre-lean", "贫瘦煤", "meagre-lean coal"),
        new(CoalRank.Lean, "lean", "瘦煤", "lean coal"),
        new(CoalRank.Fat, "fat", "肥煤", "fat coal"),
        new(CoalRank.OneThirdCoking, "one-third-coking", "1/3焦煤", "1/3 coking coal", "三分之一焦煤"),
        new(CoalRank.GasFat, "gas-fat", "气肥煤", "gas-fat coal"),
        new(CoalRank.Gas, "gas", "气煤", "gas coal"),
        new(CoalRank.HalfMediumCaking, "half-medium-caking", "1/2中粘煤", "1/2 medium caking coal", "1/2中黏煤"),
        new(CoalRank.WeaklyCaking, "weakly-caking", "弱粘煤", "weakly caking coal", "弱黏煤"),
        new(CoalRank.NonCaking, "non-caking", "不粘煤", "non-caking coal", "不黏煤"),
        new(CoalRank.LongFlame, "long-flame", "长焰煤", "long-flame coal"));

    public static readonly Vocabulary<Mineral> Minerals = new(
        "mineral",
        new(Mineral.Coal, "coal", "煤炭", "coal", "煤"),
        new(Mineral.CoalbedMethane, "coalbed-methane", "煤层气", "coalbed methane"),
        new(Mineral.Oil, "oil", "石油", "oil"),
        new(Mineral.NaturalGas, "natural-gas", "天然气", "natural gas"),
        new(Mineral.ShaleGas, "shale-gas", "页岩气", "shale gas"),
        new(Mineral.Uranium, "uranium", "铀", "uranium", "铀矿"),
        new(Mineral.Geothermal, "geothermal", "地热", "geothermal"),
        new(Mineral.MineralWater, "mineral-water", "矿泉水", "mineral water"),
        new(Mineral.Iron, "iron", "铁", "iron", "铁矿"),
        new(Mineral.RichIron, "rich-iron", "富铁", "rich iron ore", "富铁矿"),
        new(Mineral.UltraLeanMagnetite, "ultra-lean-magnetite", "超贫磁铁矿", "ultra-lean magnetite"),
        new(Mineral.PlacerIron, "placer-iron", "砂铁", "placer iron"),
        new(Mineral.Manganese, "manganese", "锰", "manganese"),
        new(Mineral.Chromium, "chromium", "铬", "chromium"),
        new(Mineral.Copper, "copper", "铜", "copper", "铜矿"),
        new(Mineral.Lead, "lead", "铅", "lead"),
        new(Mineral.Zinc, "zinc", "锌", "zinc"),
        new(Mineral.Nickel, "nickel", "镍", "nickel"),
        new(Mineral.Cobalt, "cobalt", "钴", "cobalt"),
        new(Mineral.Tungsten, "tungsten", "钨", "tungsten"),
        new(Mineral.Tin, "tin", "锡", "tin"),
        new(Mineral.Molybdenum, "molybdenum", "钼", "molybdenum"),
        new(Mineral.Antimony, "antimony", "锑", "antimony"),
        new(Mineral.Mercury, "mercury", "汞", "mercury"),
        new(Mineral.Gold, "gold", "金（岩金）", "gold (lode)", "金", "岩金", "金(岩金)"),
        new(Mineral.PlacerGold, "placer-gold", "砂金", "placer gold"),
        new(Mineral.Silver, "silver", "银", "silver"),
        new(Mineral.RareEarth, "rare-earth", "稀土", "rare earths"),
        new(Mineral.Niobium, "niobium", "铌", "niobium"),
        new(Mineral.Tantalum, "tantalum", "钽", "tantalum"),
        new(Mineral.Lithium, "lithium", "锂", "lithium"),
        new(Mineral.Rubidium, "rubidium", "铷", "rubidium"),
        new(Mineral.Beryllium, "beryllium", "铍", "beryllium"),
        new(Mineral.Germanium, "germanium", "锗", "germanium"),
        new(Mineral.Scandium, "scandium", "钪", "scandium"),
        new(Mineral.Zirconium, "zirconium", "锆", "zirconium"),
        new(Mineral.Fluorite, "fluorite", "萤石", "fluorite"),
        new(Mineral.Graphite, "graphite", "晶质石墨", "crystalline graphite"),
        new(Mineral.Kaolin, "kaolin", "高岭土", "kaolin"),
        new(Mineral.Salt, "salt", "盐", "salt"),
        new(Mineral.Gypsum, "gypsum", "石膏", "gypsum"),
        new(Mineral.Mirabilite, "mirabilite", "芒硝", "mirabilite"),
        new(Mineral.Trona, "trona", "天然碱", "trona"),
        new(Mineral.Limestone, "limestone", "石灰岩", "limestone"),
        new(Mineral.BlueAsbestos, "blue-asbestos", "蓝石棉", "blue asbestos (crocidolite)"),
        new(Mineral.BrickClayArable, "brick-clay-arable", "可耕地的砖瓦用粘土", "brick clay on arable land"),
        new(Mineral.WetlandPeat, "wetland-peat", "湿地泥炭", "wetland peat"),
        new(Mineral.HeavyPlacer, "heavy-placer", "其他重砂矿物", "other heavy placer minerals"),
        new(Mineral.SandGravel, "sand-gravel", "普通建筑用砂石土", "construction sand, gravel and earth"));

    /// <summary>The vocabularies of the facts rules compare by name.</summary>
    public static IReadOnlyList<IVocabulary> FactWords { get; } = [Permits, Actions, MiningMethods, Scales, Stages, Zones, GrantMethods, CoalRanks, Minerals];

    // Plain dictionaries: built in every process that loads rules, where a FrozenDictionary's construction (and loading
    // its assembly) cost more at a cold load than its lookups over a dozen types ever return (docs/performance.md).
    private static readonly Dictionary<Type, IVocabulary> ByType = ByEnumType(FactWords);

    private static readonly Dictionary<Type, IVocabulary> AnyByType =
        ByEnumType([.. FactWords, UnitConversions.CapacityUnits, UnitConversions.MassUnits, ResultVocabularies.Outcomes, ResultVocabularies.Decisions, ResultVocabularies.ExemptionStatuses]);

    private static Dictionary<Type, IVocabulary> ByEnumType(IEnumerable<IVocabulary> vocabularies)
    {
        var byType = new Dictionary<Type, IVocabulary>();
        foreach (var vocabulary in vocabularies)
        {
            byType.Add(vocabulary.EnumType, vocabulary);
        }

        return byType;
    }
}

/// <summary>Vocabularies of the result document.</summary>
internal static class ResultVocabularies
{
    public static readonly Vocabulary<Outcome> Outcomes = new(
        "outcome",
        new(Outcome.Pass, "pass", "通过", "pass") { Label = "pass" },
        new(Outcome.Fail, "fail", "不通过", "fail") { Label = "FAIL" },
        new(Outcome.Review, "review", "需复核", "review") { Label = "REVIEW" },
        new(Outcome.NotApplicable, "not-applicable", "不适用", "not applicable") { Label = "n/a" });

    public static readonly Vocabulary<Decision> Decisions = new(
        "decision",
        new(Decision.Compliant, "compliant", "符合规划", "compliant") { Label = "COMPLIANT" },
        new(Decision.NonCompliant, "non-compliant", "不符合规划", "non-compliant") { Label = "NON-COMPLIANT" },
        new(Decision.NeedsReview, "needs-review", "需人工复核", "needs review") { Label = "NEEDS REVIEW" });

    public static readonly Vocabulary<ExemptionStatus> ExemptionStatuses = new(
        "exemption status",
        new(ExemptionStatus.Applied, "applied", "已采纳", "applied"),
        new(ExemptionStatus.Ignored, "ignored", "不予采纳", "ignored"),
        new(ExemptionStatus.NotNeeded, "not-needed", "无需适用", "not needed"));

    /// <summary>The statuses of a clause in a rule set's clause index (clauses.yaml).</summary>
    public static readonly Vocabulary<RuleSets.ClauseStatus> ClauseStatuses = new(
        "clause status",
        new(RuleSets.ClauseStatus.Checkable, "checkable", "可检查", "checkable"),
        new(RuleSets.ClauseStatus.Informational, "informational", "仅供参考", "informational"),
        new(RuleSets.ClauseStatus.NotCheckable, "not-checkable", "不可检查", "not checkable"));
}
