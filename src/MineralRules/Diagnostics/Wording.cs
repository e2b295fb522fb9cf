using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MineralRules.Diagnostics;

/// <summary>
/// The Chinese of the short descriptions readers pass down to say what they read ("the rule's id, e.g. ...",
/// "'scope.minerals'"), so a diagnostic's Chinese text names the same thing as its English one. Keys and values stay as
/// written; a description not in the table is shown as it is (a key or a value the user wrote).
/// </summary>
internal static partial class Wording
{
    private static readonly FrozenDictionary<string, string> Phrases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["the plan's own words, quoted verbatim"] = "规划原文（逐字引用）",
        ["the sealed files"] = "封存的文件",
        ["the name"] = "名称",
        ["the manifest"] = "清单文件（manifest）",
        ["the file's path"] = "文件路径",
        ["the file's SHA-256"] = "文件的 SHA-256",
        ["the GB/T 2260 code"] = "GB/T 2260 代码",
        ["a league"] = "盟市",
        ["a county"] = "旗县区",
        ["a banner or county"] = "旗县区",
        ["the banners, counties and districts"] = "旗县区",
        ["the 12 leagues and cities"] = "12 个盟市",
        ["why, as { zh: ..., en: ... }"] = "理由，写作 { zh: ..., en: ... }",
        ["which applications it covers (permit, actions, minerals ...)"] = "适用的申请范围（permit、actions、minerals 等）",
        ["where the figures come from"] = "数据来源",
        ["where the codes come from"] = "代码来源",
        ["what the figure counts: ore, raw-coal, ..."] = "数值的计量对象：ore、raw-coal 等",
        ["what the figure counts"] = "数值的计量对象",
        ["unknown (spatial rules give review) or none"] = "unknown（空间类规则给出需复核）或 none",
        ["true only where mineral and figures stand together in a cited source"] = "仅当矿种与数值同见于所引来源时为 true",
        ["true for codes checked against the source"] = "代码已与来源核对时为 true",
        ["the version superseded, e.g. 1.0.0"] = "被取代的版本，如 1.0.0",
        ["the values, e.g. [medium, large]"] = "取值列表，如 [medium, large]",
        ["the value it must have, e.g. true"] = "应有的取值，如 true",
        ["the unit of the figures"] = "数值的单位",
        ["the title as { zh: ..., en: ... }"] = "标题，写作 { zh: ..., en: ... }",
        ["the threshold 'value'"] = "阈值 'value'",
        ["the table's rows"] = "表格各行",
        ["the standard"] = "标准",
        ["the standard the table comes from"] = "表格所依据的标准",
        ["the source document (title, number, issued, published)"] = "来源文件（title、number、issued、published）",
        ["the semantic version, e.g. 1.0.0"] = "语义化版本号，如 1.0.0",
        ["the rule's id, e.g. coal.new-underground.min-capacity"] = "规则编号，如 coal.new-underground.min-capacity",
        ["the rule set's id, e.g. nmg-mineral-plan-2021-2025"] = "规则集编号，如 nmg-mineral-plan-2021-2025",
        ["the row's name as the standard writes it"] = "该行名称（按标准原文）",
        ["the minerals, e.g. [ultra-lean-magnetite, blue-asbestos]"] = "矿种列表，如 [ultra-lean-magnetite, blue-asbestos]",
        ["the message as { zh: ..., en: ... } with {actual} and {required} where they fit"] = "提示信息，写作 { zh: ..., en: ... }，适当处使用 {actual} 和 {required}",
        ["the list's id, e.g. banned-for-mining"] = "清单编号，如 banned-for-mining",
        ["the list's 'title'"] = "清单的 'title'",
        ["the list's 'id'"] = "清单的 'id'",
        ["the list's 'clause'"] = "清单的 'clause'",
        ["the last year"] = "最后一年",
        ["the first year"] = "第一年",
        ["the instrument's title, e.g. 矿产资源开采登记管理办法"] = "法规名称，如 矿产资源开采登记管理办法",
        ["the heading as the plan writes it"] = "规划原文中的标题",
        ["the first day the rule set is in force (YYYY-MM-DD)"] = "规则集生效的第一天（YYYY-MM-DD）",
        ["the file's title"] = "文件标题",
        ["the document's title"] = "文件名称",
        ["the document number, e.g. 内政发〔2022〕24号"] = "文号，如 内政发〔2022〕24号",
        ["the date of publication"] = "发布日期",
        ["the date of issue"] = "印发日期",
        ["the contract's mineral codes the row covers ([] for none)"] = "该行涵盖的矿种代码（无则写 []）",
        ["the clause it enforces: { ref, zh, en }"] = "所执行的条款：{ ref, zh, en }",
        ["the application field, e.g. scale"] = "申请字段，如 scale",
        ["the application field, e.g. grant.agreementBasis"] = "申请字段，如 grant.agreementBasis",
        ["the application field, e.g. environment.eiaApproved"] = "申请字段，如 environment.eiaApproved",
        ["the application field, e.g. capacity"] = "申请字段，如 capacity",
        ["the English text"] = "英文文本",
        ["the Chinese text"] = "中文文本",
        ["the plan's numbering, e.g. \"5.2.1\""] = "规划的条款编号，如 \"5.2.1\"",
        ["sourced, inferred, memory, not-found, ..."] = "sourced、inferred、memory、not-found 等",
        ["required or optional"] = "required 或 optional",
        ["pass (a met condition does not ask for scope facts) or review"] = "pass（条件已满足时不再要求范围事实）或 review",
        ["checkable, informational or not-checkable"] = "checkable、informational 或 not-checkable",
        ["a table row"] = "表格中的一行",
        ["a short English rendering"] = "简短的英文译文",
        // The rights register's import (docs/records.md).
        ["the rights file (a GeoJSON FeatureCollection)"] = "矿业权文件（GeoJSON 要素集合 FeatureCollection）",
        ["the list of rights, one GeoJSON Feature each"] = "矿业权列表，每个矿业权一个 GeoJSON 要素（Feature）",
        ["the FeatureCollection"] = "要素集合（FeatureCollection）",
        ["a Feature"] = "要素（Feature）",
        ["the right's properties (id, kind, holder, mineral, county, deposit, block, validFrom, validTo)"] = "矿业权的属性（id、kind、holder、mineral、county、deposit、block、validFrom、validTo）",
        ["a right's properties"] = "矿业权的属性",
        ["the right's id (its licence number)"] = "矿业权编号（许可证号）",
        ["exploration or mining"] = "exploration 或 mining",
        ["the right's holder"] = "矿业权人",
        ["the mineral, as a code (sand-gravel) or its Chinese name (普通建筑用砂石土)"] = "矿种，写代码（如 sand-gravel）或中文名称（如 普通建筑用砂石土）",
        ["the county's GB/T 2260 code or name"] = "旗县区的 GB/T 2260 代码或名称",
        ["the first day the right is valid, YYYY-MM-DD"] = "有效期的第一天，YYYY-MM-DD",
        ["the last day the right is valid, YYYY-MM-DD"] = "有效期的最后一天，YYYY-MM-DD",
        ["the geometry"] = "几何图形",
        ["\"Polygon\" or \"MultiPolygon\""] = "\"Polygon\" 或 \"MultiPolygon\"",
        ["the rings of [longitude, latitude] positions"] = "由 [经度, 纬度] 坐标组成的环",
        ["the MultiPolygon's polygons"] = "MultiPolygon 的各个多边形",
        ["a polygon's rings"] = "多边形的环",
        ["a ring of [longitude, latitude] positions"] = "由 [经度, 纬度] 坐标组成的环",
        ["a position [longitude, latitude]"] = "坐标 [经度, 纬度]",
        ["the longitude"] = "经度",
        ["the latitude"] = "纬度",
        ["a sealed file"] = "一个封存文件",
        ["a sealed file (keys: path, sha256)"] = "一个封存文件（键：path、sha256）",
        ["a seal"] = "封存记录",
        ["a seal (keys: id, version, digest, files)"] = "封存记录（键：id、version、digest、files）",
        ["a rule"] = "一条规则",
        ["a rule file (keys: title, mineralLists, rules)"] = "规则文件（键：title、mineralLists、rules）",
        ["a rule (id, clause, scope, condition, outcome, message)"] = "一条规则（id、clause、scope、condition、outcome、message）",
        ["a one-line reason { zh, en }"] = "一行理由 { zh, en }",
        ["a mineral list (id, title, clause, minerals)"] = "矿种清单（id、title、clause、minerals）",
        ["a legal basis in 'basis'"] = "'basis' 中的一项法律依据",
        ["a legal basis ({ title, number, article })"] = "一项法律依据（{ title, number, article }）",
        ["a league (code, name, counties)"] = "盟市（code、name、counties）",
        ["a county (code, name)"] = "旗县区（code、name）",
        ["a clause of the index"] = "条款索引中的一项",
        ["a clause (ref, title, status, reason)"] = "条款（ref、title、status、reason）",
        ["a citation in 'alsoCites'"] = "'alsoCites' 中的一项引用",
        ["a citation ({ ref, zh })"] = "一项引用（{ ref, zh }）",
        ["a list of conditions"] = "条件列表",
        ["a list of { title, number, article }"] = "由 { title, number, article } 组成的列表",
        ["a list of { ref, zh }"] = "由 { ref, zh } 组成的列表",
        ["document, rows"] = "document、rows",
        ["the plan's text, relative to the manifest"] = "规划文本，相对于清单文件的路径",
        ["an application"] = "申请",
        ["the application"] = "申请",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> VocabularyNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["permit"] = "矿业权类型",
        ["action"] = "申请事项",
        ["mining method"] = "开采方式",
        ["scale"] = "规模",
        ["exploration stage"] = "勘查程度",
        ["zone"] = "规划分区",
        ["grant method"] = "出让方式",
        ["coal rank"] = "煤类",
        ["mineral"] = "矿种",
        ["outcome"] = "结果",
        ["decision"] = "结论",
        ["exemption status"] = "豁免状态",
        ["clause status"] = "条款状态",
        ["capacity unit"] = "产能单位",
        ["quota unit"] = "指标单位",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Chinese name of a vocabulary (<see cref="Applications.IVocabulary.Name"/>: "mineral" → 矿种), or the name as it is.</summary>
    public static string Vocabulary(string name) => VocabularyNames.GetValueOrDefault(name, name);

    /// <summary>
    /// A field of the application named for a person: its Chinese label with the key in brackets (设计生产能力（capacity）)
    /// for a fact rules read, else the key in quotes.
    /// </summary>
    public static string Field(string path) => Compilation.FieldCatalog.Default.Find(path)?.ZhNamed ?? $"'{path}'";

    /// <summary>A word set before Chinese text: a space after it when it ends in Latin script or a quote ('capacity' 应为).</summary>
    public static string Before(string word) => word.Length > 0 && word[^1] < '\u2E80' ? word + " " : word;

    /// <summary>A word set after Chinese text: a space before it when it starts in Latin script or a quote (实际为 'yes').</summary>
    public static string After(string word) => word.Length > 0 && word[0] < '\u2E80' ? " " + word : word;

    /// <summary>The Chinese of a description: from the table, by its parts (<c>'key' (…)</c>, <c>the rule 'x'</c>), or as written.</summary>
    public static string Zh(string what)
    {
        ArgumentNullException.ThrowIfNull(what);
        if (Phrases.TryGetValue(what, out var zh))
        {
            return zh;
        }

        if (KeyWithHint().Match(what) is { Success: true } keyed)
        {
            return $"{keyed.Groups["key"].Value}（{Zh(keyed.Groups["hint"].Value)}）";
        }

        if (Owned().Match(what) is { Success: true } owned)
        {
            var name = owned.Groups["name"].Value;
            return owned.Groups["what"].Value switch
            {
                "the rule" => $"规则 {name}",
                "the mineral list" => $"矿种清单 {name}",
                "the rule file" => $"规则文件 {name}",
                "the number of" => $"{name} 的数值",
                "the unit of" => $"{name} 的单位",
                "a value of" => $"{name} 的取值",
                "a row of" => $"{name} 的一行",
                _ => what,
            };
        }

        return what;
    }

    // 'key' (hint): the key as written, the hint in Chinese.
    [GeneratedRegex(@"^(?<key>'[^']*') \((?<hint>.*)\)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex KeyWithHint();

    // "the rule 'x'", "the unit of 'capacity' (...)", "the rule file rules.yaml".
    [GeneratedRegex(@"^(?<what>the rule file|the rule|the mineral list|the number of|the unit of|a value of|a row of) (?<name>.+)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Owned();
}
