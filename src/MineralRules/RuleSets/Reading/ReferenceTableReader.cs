using MineralRules.Applications;
using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules.RuleSets.Reading;

/// <summary>
/// Reads the reference tables a rule set carries — the mine production scale table (208号), the deposit scale
/// table (133号) and the administrative divisions — each at most once across the version's files.
/// </summary>
internal sealed class ReferenceTableReader(ReadingContext context)
{
    private readonly DiagnosticBag _diagnostics = context.Diagnostics;

    /// <summary>What a row of the mine production scale table counts (<c>countedAs</c>); ore and raw-coal rows are compared with capacities.</summary>
    internal static readonly string[] CountedAsWords = ["ore", "raw-coal", "water", "gas", "crude-oil", "graphite", "asbestos"];

    /// <summary>What a row of the deposit scale table counts (<c>measure</c>), as the standard writes it.</summary>
    internal static readonly string[] MeasureWords = ["矿石", "原煤", "金属", "矿物", "氧化物", "独居石", "磷钇矿", "电(热)能", "CaF2", "Li2O", "LiCl", "Nb2O5", "TR2O3", "Ta2O5", "WO3"];

    /// <summary>How a reference row's figures were established (<c>status</c>).</summary>
    internal static readonly string[] RowStatusWords = ["sourced", "sourced-partial", "inferred", "memory", "not-found", "conflict", "superseded"];

    /// <summary>The units a reference table's figures may be in: the capacity and mass units, and the volume and energy units of 208号 and 133号.</summary>
    internal static readonly string[] ScaleUnits =
        [.. Units.UnitConversions.CapacitySymbols.Concat(Units.UnitConversions.MassSymbols).Concat(["万吨", "吨", "亿吨", "亿立方米/年", "亿立方米", "万立方米", "兆瓦"]).Distinct(StringComparer.Ordinal)];

    /// <summary>Reference tables may stand in any file of the version, each once.</summary>
    public ReferenceData Read(IReadOnlyList<MappingReader> readers)
    {
        ScaleTable? mine = null, deposit = null;
        DivisionTable? divisions = null;
        foreach (var reader in readers)
        {
            if (reader.Optional("mineProductionScale") is { } m)
            {
                mine = Once(mine, ReadScaleTable(m, "mineProductionScale", withMethod: true), m);
            }

            if (reader.Optional("depositScale") is { } d)
            {
                deposit = Once(deposit, ReadScaleTable(d, "depositScale", withMethod: false), d);
            }

            if (reader.Optional("divisions") is { } v)
            {
                divisions = Once(divisions, ReadDivisions(v), v);
            }
        }

        return new ReferenceData(mine, deposit, divisions);
    }

    private ScaleTable? ReadScaleTable(DocumentNode node, string what, bool withMethod)
    {
        if (Scalars.Mapping(node, _diagnostics, $"'{what}' (document, rows)") is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics);
        var document = context.Text(m.Required("document", "the standard the table comes from"), "'document'");
        var rows = new List<ScaleRow>();
        if (m.Required("rows", "the table's rows") is { } rowsNode && Scalars.Sequence(rowsNode, _diagnostics, "'rows'") is { } items)
        {
            foreach (var item in items)
            {
                if (Scalars.Mapping(item, _diagnostics, "a table row") is not { } rowMap)
                {
                    continue;
                }

                var r = new MappingReader(rowMap, _diagnostics);
                var name = context.Text(r.Required("name", "the row's name as the standard writes it"), "'name'");
                var minerals = r.Required("minerals", "the contract's mineral codes the row covers ([] for none)") is { } mn ? context.Words(mn, Vocabularies.Minerals, "'minerals'", null) : new WordList<Mineral>(0);
                MiningMethod? method = null;
                if (withMethod && r.Optional("miningMethod") is { } methodNode)
                {
                    method = context.Word(methodNode, Vocabularies.MiningMethods, "'miningMethod'", null);
                }

                var counted = withMethod
                    ? context.Closed(r.Required("countedAs", "what the figure counts: ore, raw-coal, ..."), "'countedAs'", CountedAsWords)
                    : context.Closed(r.Required("measure", "what the figure counts"), "'measure'", MeasureWords);
                var unit = context.Closed(r.Required("unit", "the unit of the figures"), "'unit'", ScaleUnits);
                var large = r.Optional("large") is { } l ? context.Figure(l, "'large'") : null;
                var medium = r.Optional("medium") is { } md ? context.Figure(md, "'medium'") : null;
                var minimum = withMethod && r.Optional("minimum") is { } mi ? context.Figure(mi, "'minimum'") : null;
                var verified = r.Required("verified", "true only where mineral and figures stand together in a cited source") is { } vn ? Scalars.Boolean(vn, _diagnostics, "'verified'") : null;
                var status = context.Closed(r.Required("status", "sourced, inferred, memory, not-found, ..."), "'status'", RowStatusWords);
                var source = context.Text(r.Required("source", "where the figures come from"), "'source'");
                r.Finish($"a row of '{what}'");
                if (verified is true && (large is null || medium is null || large <= medium))
                {
                    _diagnostics.Add(rowMap.Location, DiagnosticCodes.InvalidRule, $"A verified row needs 'large' above 'medium' (the lower bounds of 大型 and 中型).", "已核实的行中 'large' 必须大于 'medium'（分别为大型和中型的下限）。");
                }

                if (name is not null && counted is not null && unit is not null && verified is not null && status is not null && source is not null)
                {
                    rows.Add(new ScaleRow(name, minerals, method, counted, unit, large, medium, minimum, verified.Value, status, source, rowMap.Location));
                }
            }
        }

        m.Finish($"'{what}'");
        return document is null ? null : new ScaleTable(document, rows, mapping.Location);
    }

    private DivisionTable? ReadDivisions(DocumentNode node)
    {
        if (Scalars.Mapping(node, _diagnostics, "'divisions' (document, source, verified, leagues)") is not { } mapping)
        {
            return null;
        }

        var m = new MappingReader(mapping, _diagnostics);
        var document = context.Text(m.Required("document", "the standard"), "'document'");
        var source = context.Text(m.Required("source", "where the codes come from"), "'source'");
        var verified = m.Required("verified", "true for codes checked against the source") is { } vn ? Scalars.Boolean(vn, _diagnostics, "'verified'") : null;
        var leagues = new List<LeagueEntry>();
        if (m.Required("leagues", "the 12 leagues and cities") is { } leaguesNode && Scalars.Sequence(leaguesNode, _diagnostics, "'leagues'") is { } items)
        {
            foreach (var item in items)
            {
                if (Scalars.Mapping(item, _diagnostics, "a league (code, name, counties)") is not { } leagueMap)
                {
                    continue;
                }

                var l = new MappingReader(leagueMap, _diagnostics);
                var code = context.Text(l.Required("code", "the GB/T 2260 code"), "'code'");
                var name = context.Text(l.Required("name", "the name"), "'name'");
                var en = l.Optional("en") is { } e ? context.Text(e, "'en'") : null;
                if (l.Optional("enVerified") is { } ev)
                {
                    Scalars.Boolean(ev, _diagnostics, "'enVerified'");
                }

                var counties = new List<(string, string)>();
                if (l.Required("counties", "the banners, counties and districts") is { } cn && Scalars.Sequence(cn, _diagnostics, "'counties'") is { } countyItems)
                {
                    foreach (var county in countyItems)
                    {
                        if (Scalars.Mapping(county, _diagnostics, "a county (code, name)") is { } countyMap)
                        {
                            var c = new MappingReader(countyMap, _diagnostics);
                            var countyCode = context.Text(c.Required("code", "the GB/T 2260 code"), "'code'");
                            var countyName = context.Text(c.Required("name", "the name"), "'name'");
                            c.Finish("a county");
                            if (countyCode is not null && countyName is not null)
                            {
                                counties.Add((countyCode, countyName));
                            }
                        }
                    }
                }

                l.Finish("a league");
                if (code is not null && name is not null)
                {
                    leagues.Add(new LeagueEntry(code, name, en, counties));
                }
            }
        }

        m.Finish("'divisions'");
        return document is null || source is null || verified is null ? null : new DivisionTable(document, source, verified.Value, leagues, mapping.Location);
    }

    /// <summary>A reference table defined once; a second definition is reported and the first kept.</summary>
    private T? Once<T>(T? existing, T? next, DocumentNode node)
        where T : class
    {
        if (existing is not null && next is not null)
        {
            _diagnostics.Add(node.Location, DiagnosticCodes.DuplicateList, "This reference table is already defined in another file of the rule set; keep one.", "该参考表已在规则集的另一个文件中定义；请只保留一个。");
        }

        return existing ?? next;
    }
}
