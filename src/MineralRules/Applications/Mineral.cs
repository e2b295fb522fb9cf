namespace MineralRules;

/// <summary>The minerals of the contract; each has a code (e.g. <c>rare-earth</c>) and a Chinese name (稀土).</summary>
public enum Mineral
{
    /// <summary>煤炭 (<c>coal</c>).</summary>
    Coal,

    /// <summary>煤层气 (<c>coalbed-methane</c>).</summary>
    CoalbedMethane,

    /// <summary>石油 (<c>oil</c>).</summary>
    Oil,

    /// <summary>天然气 (<c>natural-gas</c>).</summary>
    NaturalGas,

    /// <summary>页岩气 (<c>shale-gas</c>).</summary>
    ShaleGas,

    /// <summary>铀 (<c>uranium</c>).</summary>
    Uranium,

    /// <summary>地热 (<c>geothermal</c>).</summary>
    Geothermal,

    /// <summary>矿泉水 (<c>mineral-water</c>).</summary>
    MineralWater,

    /// <summary>铁 (<c>iron</c>).</summary>
    Iron,

    /// <summary>富铁 (<c>rich-iron</c>).</summary>
    RichIron,

    /// <summary>超贫磁铁矿 (<c>ultra-lean-magnetite</c>).</summary>
    UltraLeanMagnetite,

    /// <summary>砂铁 (<c>placer-iron</c>).</summary>
    PlacerIron,

    /// <summary>锰 (<c>manganese</c>).</summary>
    Manganese,

    /// <summary>铬 (<c>chromium</c>).</summary>
    Chromium,

    /// <summary>铜 (<c>copper</c>).</summary>
    Copper,

    /// <summary>铅 (<c>lead</c>).</summary>
    Lead,

    /// <summary>锌 (<c>zinc</c>).</summary>
    Zinc,

    /// <summary>镍 (<c>nickel</c>).</summary>
    Nickel,

    /// <summary>钴 (<c>cobalt</c>).</summary>
    Cobalt,

    /// <summary>钨 (<c>tungsten</c>).</summary>
    Tungsten,

    /// <summary>锡 (<c>tin</c>).</summary>
    Tin,

    /// <summary>钼 (<c>molybdenum</c>).</summary>
    Molybdenum,

    /// <summary>锑 (<c>antimony</c>).</summary>
    Antimony,

    /// <summary>汞 (<c>mercury</c>).</summary>
    Mercury,

    /// <summary>金（岩金） (<c>gold</c>).</summary>
    Gold,

    /// <summary>砂金 (<c>placer-gold</c>).</summary>
    PlacerGold,

    /// <summary>银 (<c>silver</c>).</summary>
    Silver,

    /// <summary>稀土 (<c>rare-earth</c>).</summary>
    RareEarth,

    /// <summary>铌 (<c>niobium</c>).</summary>
    Niobium,

    /// <summary>钽 (<c>tantalum</c>).</summary>
    Tantalum,

    /// <summary>锂 (<c>lithium</c>).</summary>
    Lithium,

    /// <summary>铷 (<c>rubidium</c>).</summary>
    Rubidium,

    /// <summary>铍 (<c>beryllium</c>).</summary>
    Beryllium,

    /// <summary>锗 (<c>germanium</c>).</summary>
    Germanium,

    /// <summary>钪 (<c>scandium</c>).</summary>
    Scandium,

    /// <summary>锆 (<c>zirconium</c>).</summary>
    Zirconium,

    /// <summary>萤石 (<c>fluorite</c>).</summary>
    Fluorite,

    /// <summary>晶质石墨 (<c>graphite</c>).</summary>
    Graphite,

    /// <summary>高岭土 (<c>kaolin</c>).</summary>
    Kaolin,

    /// <summary>盐 (<c>salt</c>).</summary>
    Salt,

    /// <summary>石膏 (<c>gypsum</c>).</summary>
    Gypsum,

    /// <summary>芒硝 (<c>mirabilite</c>).</summary>
    Mirabilite,

    /// <summary>天然碱 (<c>trona</c>).</summary>
    Trona,

    /// <summary>石灰岩 (<c>limestone</c>).</summary>
    Limestone,

    /// <summary>蓝石棉 (<c>blue-asbestos</c>).</summary>
    BlueAsbestos,

    /// <summary>可耕地的砖瓦用粘土 (<c>brick-clay-arable</c>).</summary>
    BrickClayArable,

    /// <summary>湿地泥炭 (<c>wetland-peat</c>).</summary>
    WetlandPeat,

    /// <summary>其他重砂矿物 (<c>heavy-placer</c>).</summary>
    HeavyPlacer,

    /// <summary>普通建筑用砂石土 (<c>sand-gravel</c>).</summary>
    SandGravel,
}
