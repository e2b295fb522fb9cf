using System.Globalization;
using MineralRules.Compilation;

namespace MineralRules.Rulebook;

/// <summary>
/// Chinese phrasings of facts that read badly in the general pattern (<see cref="PlainWords"/>): a yes/no fact as
/// its statement, a count of zero as "不得有…", an order (scale, exploration stage) as "达到…及以上".
/// </summary>
internal static class FactPhrases
{
    /// <summary>
    /// A yes/no fact named "…是否…" as a statement: "是否位于规划区块内" true → "位于规划区块内", "环境影响评价是否已批复"
    /// false → "环境影响评价未批复"; null when the name has no 是否.
    /// </summary>
    public static string? YesNo(string name, bool truth)
    {
        var at = name.IndexOf("是否", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var (subject, rest) = (name[..at], name[(at + 2)..]);
        if (truth)
        {
            return subject + rest;
        }

        string[] notYet = ["已", "列入", "达到", "超标"];
        var negative = rest switch
        {
            _ when rest.StartsWith('已') => "未" + rest[1..],
            _ when notYet.Any(w => rest.StartsWith(w, StringComparison.Ordinal)) => "未" + rest,
            _ when rest.StartsWith('有') => "无" + rest[1..],
            _ when rest.StartsWith('为') => "不是" + rest[1..],
            _ when rest.StartsWith('应') => "并非" + rest,
            _ => "不" + rest,
        };
        return subject + negative;
    }

    /// <summary>
    /// A count "…的其他矿业权人数" (or "…已有的…数") compared with none: at most 0 → "…不得有其他矿业权人" (in a scope "…没有…"), more than 0 →
    /// "…须有…" (in a scope "…有…"); null for any other comparison or a name not ending in 数.
    /// </summary>
    public static string? Count(Field? field, string name, string comparison, string written, bool inScope)
    {
        if (field?.Kind != FieldKind.Integer || !name.EndsWith('数') || !int.TryParse(written, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        bool? some = (comparison, number) switch
        {
            ("atMost", 0) or ("lessThan", 1) => false,
            ("moreThan", 0) or ("atLeast", 1) => true,
            _ => null,
        };
        if (some is not { } any)
        {
            return null;
        }

        var of = name.LastIndexOf('的');
        var (subject, noun) = of < 0 ? (string.Empty, name[..^1]) : (name[..of], name[(of + 1)..^1]);
        subject = subject.EndsWith("已有", StringComparison.Ordinal) ? subject[..^2] : subject; // 同一矿床已有的采矿权数 → 同一矿床不得有采矿权
        return subject + (any ? (inScope ? "有" : "须有") : (inScope ? "没有" : "不得有")) + noun;
    }

    /// <summary>An ordered word (scale, exploration stage) compared: "勘查程度达到勘探及以上", "矿山生产建设规模低于中型".</summary>
    public static string Ordinal(string name, string comparison, string value) => comparison switch
    {
        "atLeast" => $"{name}达到{value}及以上",
        "moreThan" => $"{name}高于{value}",
        "atMost" => $"{name}为{value}及以下",
        _ => $"{name}低于{value}",
    };
}
