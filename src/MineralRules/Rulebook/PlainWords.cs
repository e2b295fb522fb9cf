using System.Globalization;
using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Conditions;
using MineralRules.Reference;
using MineralRules.RuleSets;
using MineralRules.Units;

namespace MineralRules.Rulebook;

/// <summary>
/// The one place rules are put into plain words for people who read law, not YAML (the rulebook, <c>explain</c>,
/// the HTTP API's rule listing): scope, thresholds with their unit and boundary reading, outcome, citations. Words of
/// the contract come from <see cref="Vocabularies"/>, names of facts from <see cref="ApplicationFields"/> (through
/// <see cref="FieldCatalog"/>), units from <see cref="UnitConversions"/>; nothing here holds a second copy. A
/// condition form says itself through <see cref="ConditionForm.Describe"/>, which calls the helpers below.
/// </summary>
internal static partial class PlainWords
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A fact by its name: the Chinese name of <see cref="ApplicationFields"/> in Chinese, the document key in English.</summary>
    public static string FieldName(string path, bool zh) => zh && FieldCatalog.Default.Find(path) is { } field ? field.Zh : path;

    /// <summary>A value as a rule writes it, in words: a contract word by its Chinese or English name, true/false as 是/否.</summary>
    public static string Value(string path, string value, bool zh)
    {
        var field = FieldCatalog.Default.Find(path);
        if (field?.Vocabulary is { } vocabulary && vocabulary.TryParse(value, out var word))
        {
            return vocabulary.Display(word, zh);
        }

        if (field?.Kind is FieldKind.Boolean && bool.TryParse(value, out var flag))
        {
            return zh ? (flag ? "是" : "否") : (flag ? "yes" : "no");
        }

        return field == ApplicationFields.League || field == ApplicationFields.County ? AdministrativeDivisions.Default.Name(value) : value;
    }

    /// <summary>
    /// A comparison with its unit and how its boundary reads: "设计生产能力至少 300 万吨/年（300 本身合格）",
    /// "capacity at least 300 万吨/年 = 3,000,000 t/a (300 itself passes)".
    /// </summary>
    public static string Threshold(RuleThreshold t, bool zh)
    {
        var field = FieldCatalog.Default.Find(t.Field);
        var isDate = field?.Kind == FieldKind.Date;
        var inclusive = t.Comparison is "atLeast" or "atMost";
        var sign = (t.Comparison, isDate, zh) switch
        {
            ("atLeast", false, true) => "至少",
            ("moreThan", false, true) => "超过",
            ("atMost", false, true) => "至多",
            ("lessThan", false, true) => "低于",
            ("atLeast", true, true) => "不早于",
            ("moreThan", true, true) => "晚于",
            ("atMost", true, true) => "不晚于",
            ("lessThan", true, true) => "早于",
            ("atLeast", false, false) => "at least",
            ("moreThan", false, false) => "more than",
            ("atMost", false, false) => "at most",
            ("lessThan", false, false) => "less than",
            ("atLeast", true, false) => "on or after",
            ("moreThan", true, false) => "after",
            ("atMost", true, false) => "on or before",
            _ => "before",
        };
        var name = FieldName(t.Field, zh);
        if (t.CompareTo is { } other)
        {
            var target = Shifted(FieldName(other, zh), t.PlusMonths, t.PlusDays, zh);
            var boundary = Boundary(zh ? (isDate ? "同一日" : "相等的") : (isDate ? "the same day" : "equal"), inclusive, t.InScope, zh);
            return zh ? $"{name}{sign}{target}{boundary}" : $"{name} {sign} {target}{boundary}";
        }

        var written = t.Value ?? string.Empty;
        if (zh && t.Unit is null && FactPhrases.Count(field, name, t.Comparison, written, t.InScope) is { } count)
        {
            return count;
        }

        if (zh && field?.Kind == FieldKind.Word)
        {
            return FactPhrases.Ordinal(name, t.Comparison, Value(t.Field, written, zh));
        }

        var shown = t.Unit is { } unit ? WithUnit(written, unit) : Value(t.Field, written, zh);
        var converted = !zh && t.Unit is { } u ? InBaseUnit(written, u) : null;
        var itself = Boundary(zh ? $"{Value(t.Field, written, zh)} 本身" : $"{Value(t.Field, written, zh)} itself", inclusive, t.InScope, zh);
        return zh
            ? $"{name}{sign} {shown}{itself}"
            : $"{name} {sign} {shown}{(converted is null ? string.Empty : " = " + converted)}{itself}";
    }

    /// <summary>
    /// How a boundary reads: in a condition whether it passes ("（300 本身合格）"), in a scope whether it is covered
    /// ("（同一日适用）"), since there it decides whether the rule applies, not the verdict.
    /// </summary>
    private static string Boundary(string what, bool inclusive, bool inScope, bool zh) => (zh, inScope, inclusive) switch
    {
        (true, false, true) => $"（{what}合格）",
        (true, false, false) => $"（{what}不合格）",
        (true, true, true) => $"（{what}适用）",
        (true, true, false) => $"（{what}不适用）",
        (false, false, true) => $" ({what} passes)",
        (false, false, false) => $" ({what} does not pass)",
        (false, true, true) => $" ({what} is covered)",
        _ => $" ({what} is not covered)",
    };

    /// <summary>
    /// <c>is</c> (or <c>not</c> around it): the fact has this value. A yes/no fact reads as the statement itself
    /// ("位于规划区块内", "环境影响评价未批复") rather than "是否…为“否”".
    /// </summary>
    public static string Is(string path, string value, bool negated, bool zh)
    {
        if (FieldCatalog.Default.Find(path) is { Kind: FieldKind.Boolean } field && bool.TryParse(value, out var flag) && negated)
        {
            return Is(path, (!flag).ToString(), negated: false, zh); // not (x is yes) reads x is no
        }

        if (zh && FieldCatalog.Default.Find(path) is { Kind: FieldKind.Boolean } fact && bool.TryParse(value, out var truth) && FactPhrases.YesNo(fact.Zh, truth) is { } statement)
        {
            return statement;
        }

        var shown = Value(path, value, zh);
        return zh ? $"{FieldName(path, zh)}{(negated ? "不是" : "为")}“{shown}”" : $"{FieldName(path, zh)} is {(negated ? "not " : string.Empty)}{shown}";
    }

    /// <summary><c>oneOf</c> / <c>noneOf</c>; one value reads without the list ("不是大型").</summary>
    public static string Among(string path, IReadOnlyList<string> values, bool negated, bool zh)
    {
        var words = Join(values.Select(v => Value(path, v, zh)), zh);
        return (values.Count, zh) switch
        {
            (1, true) => $"{FieldName(path, zh)}{(negated ? "不是" : "是")}{words}",
            (1, false) => $"{FieldName(path, zh)} is {(negated ? "not " : string.Empty)}{words}",
            (_, true) => $"{FieldName(path, zh)}{(negated ? "不是" : "是")}以下之一：{words}",
            _ => $"{FieldName(path, zh)} is {(negated ? "none" : "one")} of: {words}",
        };
    }

    /// <summary><c>includesAny</c> / <c>includesNone</c> (a list fact, such as zones); one value reads without the list.</summary>
    public static string Includes(string path, IReadOnlyList<string> values, bool negated, bool zh)
    {
        var words = Join(values.Select(v => Value(path, v, zh)), zh);
        return (values.Count, zh) switch
        {
            (1, true) => $"{FieldName(path, zh)}{(negated ? "不包括" : "包括")}{words}",
            (1, false) => $"{FieldName(path, zh)} {(negated ? "does not include" : "includes")} {words}",
            (_, true) => $"{FieldName(path, zh)}{(negated ? "不包括以下任何一项" : "包括以下至少一项")}：{words}",
            _ => $"{FieldName(path, zh)} includes {(negated ? "none" : "at least one")} of: {words}",
        };
    }

    /// <summary><c>given</c>: the application states the fact.</summary>
    public static string Given(string path, bool zh) => zh ? $"申请已填写{FieldName(path, zh)}" : $"the application gives {FieldName(path, zh)}";

    /// <summary>
    /// <c>prohibited</c>: every application in scope is violated, so it says what the rule then decides — a ban
    /// (不通过), a ban in principle (an exemption claimed with its basis turns the fail into review, as evaluation does),
    /// or review only (限制, not a ban).
    /// </summary>
    public static string Prohibited(Wording wording)
    {
        var zh = wording.Zh;
        var review = ResultVocabularies.Decisions[Decision.NeedsReview];
        var fail = ResultVocabularies.Outcomes[MineralRules.Outcome.Fail];
        return (wording.WhenViolated, wording.Exemptable, zh) switch
        {
            (MineralRules.Outcome.Review, _, true) => $"凡属适用范围的申请一律{review.Zh}",
            (MineralRules.Outcome.Review, _, false) => $"every application in scope {review.En}",
            (_, false, true) => $"凡属适用范围的申请一律{fail.Zh}",
            (_, false, false) => "every application in scope fails",
            (_, true, true) => $"凡属适用范围的申请原则上一律{fail.Zh}；申报例外并写明依据的，改为{review.Zh}",
            _ => $"every application in scope fails in principle; one claiming an exemption with its basis {review.En}",
        };
    }

    /// <summary><c>scaleMatchesCapacity</c>.</summary>
    public static string ScaleMatchesCapacity(bool zh) => zh
        ? "申报的矿山生产建设规模与设计生产能力按国土资发〔2004〕208号规模表所定规模一致"
        : "the declared mine scale agrees with the scale the capacity gives in the national scale table (国土资发〔2004〕208号)";

    /// <summary><c>expression</c>: the arithmetic as written, over the facts' document keys.</summary>
    public static string Expression(string text, bool zh) => zh ? $"以下表达式成立：{text}" : $"this expression holds: {text}";

    /// <summary><c>all</c> / <c>any</c>: numbered parts, （1）（2） outside and ①② within (English (1) (2), then (a) (b)).</summary>
    public static string Combine(string name, IReadOnlyList<string> parts, Wording wording)
    {
        var (zh, outer) = (wording.Zh, wording.Depth == 0);
        var numbered = parts.Select((p, i) => (zh, outer) switch
        {
            (true, true) => $"（{(i + 1).ToString(Invariant)}）{p}",
            (true, false) => (i < 20 ? ((char)('①' + i)).ToString() : $"〔{(i + 1).ToString(Invariant)}〕") + p,
            (false, true) => $"({(i + 1).ToString(Invariant)}) {p}",
            _ => $"({(i < 26 ? ((char)('a' + i)).ToString() : (i + 1).ToString(Invariant))}) {p}",
        });
        var separator = zh ? (outer ? "；" : "，") : (outer ? "; " : ", ");
        return name == "all"
            ? (zh ? "同时满足：" : "all of: ") + string.Join(separator, numbered)
            : (zh ? "满足其一即可：" : "any of: ") + string.Join(separator, numbered);
    }

    /// <summary><c>not</c>: a fact test turned round ("申请事项不是以下之一：…", "位于规划区块内"), anything else bracketed.</summary>
    public static string Not(ConditionDefinition part, Wording wording) => part switch
    {
        IsCondition c => Is(c.Field, c.Value.Value, negated: true, wording.Zh),
        MembershipCondition c => Among(c.Field, [.. c.Values.Select(v => v.Value)], !c.Negated, wording.Zh),
        IncludesCondition c => Includes(c.Field, [.. c.Values.Select(v => v.Value)], !c.Negated, wording.Zh),
        _ => wording.Zh ? $"不满足：［{ConditionForms.Describe(part, wording)}］" : $"not: [{ConditionForms.Describe(part, wording)}]",
    };

    /// <summary>Words joined as a list: 、 in Chinese, commas in English.</summary>
    public static string Join(IEnumerable<string> items, bool zh) => ValueText.Join(items, zh);

    /// <summary>Describes a rule of a rule set as read.</summary>
    public static RuleDescription Describe(RuleDefinition rule, RuleSummary summary, RuleSetDefinition ruleSet)
    {
        var isNote = rule.Kind == RuleKind.Note;
        var scope = ScopeItems(rule.Scope, ruleSet);
        return new RuleDescription
        {
            RuleId = rule.Id,
            Kind = summary.Kind,
            Clause = rule.Clause,
            ScopeItems = scope,
            Scope = new(string.Join("；", scope.Select(s => s.Zh)), string.Join("; ", scope.Select(s => s.En))),
            Condition = rule.Condition is { } condition ? Both(zh => ConditionForms.Describe(condition, new Wording(zh, WhenViolated: rule.Outcome, Exemptable: rule.Exemptable))) : null,
            Thresholds = [.. summary.Thresholds.Select(t => Both(zh => (t.InScope ? (zh ? "（适用条件）" : "(scope) ") : string.Empty) + Threshold(t, zh)))],
            Outcome = isNote ? new($"{Label("note", zh: true)}：仅作说明，不影响结论", $"{Label("note", zh: false)}: context only, never decides") : Outcome(rule),
            WhenViolated = isNote ? null : rule.Outcome,
            Message = rule.Message,
            MessageWhenMet = rule.MessageWhenMet,
            Remedy = rule.Remedy,
            RemedyWhenMet = rule.RemedyWhenMet,
            Interpretation = rule.Interpretation,
            Basis = [.. rule.Basis.Select(Basis)],
            AlsoCites = [.. rule.AlsoCites],
            Minerals = [.. rule.Scope.Minerals.Select(PlainNames.Mineral)],
        };
    }

    /// <summary>A national instrument: 《title》number article.</summary>
    public static string Basis(LegalBasis basis) =>
        $"《{basis.Title}》{(basis.Number is { } number ? "（" + number + "）" : string.Empty)}{basis.Article}";

    private static LocalizedText Both(Func<bool, string> words) => new(words(true), words(false));

    private static LocalizedText Outcome(RuleDefinition rule)
    {
        var outcome = ResultVocabularies.Outcomes[rule.Outcome];
        var fails = rule.Outcome == MineralRules.Outcome.Fail;
        var decision = ResultVocabularies.Decisions[fails ? Decision.NonCompliant : Decision.NeedsReview];
        var zh = $"违反时：{outcome.Zh}（申请{decision.Zh}）";
        var en = $"when violated: {outcome.En} (the application {(fails ? "is " : string.Empty)}{decision.En})";
        if (rule.Exemptable)
        {
            zh += "；条文为“原则上”：申报例外并写明依据的，不通过改为人工复核";
            en += "; the clause says 原则上 (in principle): a claimed exemption with its basis turns a fail into review";
        }

        if (rule.OutcomeWhenMet == MineralRules.Outcome.Review)
        {
            zh += "；满足条件时仍须人工复核";
            en += "; when met, still reviewed by a person";
        }

        return new(zh, en);
    }

    private static List<LocalizedText> ScopeItems(ScopeDefinition scope, RuleSetDefinition ruleSet)
    {
        var items = new List<LocalizedText>();
        void Add(string zhLabel, string enLabel, Func<bool, IEnumerable<string>> words)
        {
            items.Add(new($"{zhLabel}：{Join(words(true), zh: true)}", $"{enLabel}: {Join(words(false), zh: false)}"));
        }

        if (scope.Permits.Count > 0)
        {
            Add("矿业权", "permit", zh => scope.Permits.Select(p => Name(Vocabularies.Permits[p], zh)));
        }

        if (scope.Actions.Count > 0)
        {
            Add("申请事项", "action", zh => scope.Actions.Select(a => Name(Vocabularies.Actions[a], zh)));
        }

        if (scope.Minerals.Count > 0)
        {
            var list = ruleSet.MineralLists.FirstOrDefault(l => l.Id == scope.MineralList);
            Add(list is null ? "矿种" : $"矿种：{ListTitle(list, zh: true)}", list is null ? "minerals" : $"minerals: {ListTitle(list, zh: false)}", zh => scope.Minerals.Select(m => Name(Vocabularies.Minerals[m], zh)));
        }

        if (scope.ExceptMinerals.Count > 0)
        {
            var list = ruleSet.MineralLists.FirstOrDefault(l => l.Id == scope.ExceptMineralList);
            Add(list is null ? "除外矿种" : $"除外矿种：{ListTitle(list, zh: true)}", list is null ? "except minerals" : $"except minerals: {ListTitle(list, zh: false)}", zh => scope.ExceptMinerals.Select(m => Name(Vocabularies.Minerals[m], zh)));
        }

        if (scope.MiningMethods.Count > 0)
        {
            Add("开采方式", "mining method", zh => scope.MiningMethods.Select(m => Name(Vocabularies.MiningMethods[m], zh)));
        }

        if (scope.Zones.Count > 0)
        {
            Add("位于以下分区之一", "inside one of", zh => scope.Zones.Select(z => Name(Vocabularies.Zones[z], zh)));
        }

        if (scope.Leagues.Count > 0)
        {
            Add("所在盟市", "league or city", zh => scope.Leagues.Select(c => Division(c, zh)));
        }

        if (scope.Counties.Count > 0)
        {
            Add("所在旗县区", "banner or county", zh => scope.Counties.Select(c => Division(c, zh)));
        }

        if (scope.When is { } when)
        {
            items.Add(Both(zh => (zh ? "且：" : "and when: ") + ConditionForms.Describe(when, new Wording(zh, InScope: true))));
        }

        if (items.Count == 0)
        {
            items.Add(new("所有申请", "every application"));
        }

        return items;
    }

    private static string Name<T>(Term<T> term, bool zh)
        where T : struct, Enum => zh ? term.Zh : term.En;

    /// <summary>A mineral list by its title and id: 禁止开采矿种（banned-for-mining）.</summary>
    private static string ListTitle(MineralList list, bool zh) =>
        list.Title is { } title ? (zh ? $"{title.Zh}（{list.Id}）" : $"{title.En} ({list.Id})") : list.Id;

    private static string Division(string code, bool zh) => zh ? AdministrativeDivisions.Default.Name(code) : $"{AdministrativeDivisions.Default.Name(code)} ({code})";

    /// <summary>A threshold with its unit: Chinese units follow the number (300万吨/年), Latin ones after a space.</summary>
    private static string WithUnit(string written, string unit) =>
        UnitConversions.TryParseCapacityUnit(unit, out var parsed) && decimal.TryParse(written, NumberStyles.Number, Invariant, out var value)
            ? UnitConversions.WithUnit(value, parsed)
            : $"{written} {unit}";

    /// <summary>A threshold in the unit's base (t/a, t/d, m³/d …) when it differs: 300 万吨/年 = 3,000,000 t/a.</summary>
    private static string? InBaseUnit(string written, string unit)
    {
        if (!UnitConversions.TryParseCapacityUnit(unit, out var parsed) || !decimal.TryParse(written, NumberStyles.Number, Invariant, out var value))
        {
            return null;
        }

        var baseUnit = UnitConversions.BaseUnitOf(parsed);
        if (baseUnit is not { } unitOfBase || unitOfBase == parsed)
        {
            return null;
        }

        var converted = UnitConversions.ToBase(value, parsed);
        return $"{converted.ToString("#,0.############", Invariant)} {UnitConversions.Symbol(unitOfBase)}";
    }

    private static string Shifted(string target, int? months, int? days, bool zh) => (months, days) switch
    {
        ({ } m, _) when m < 0 => zh ? $"{target}前{(-m).ToString(Invariant)}个月" : $"{(-m).ToString(Invariant)} months before {target}",
        ({ } m, _) => zh ? $"{target}后{m.ToString(Invariant)}个月" : $"{m.ToString(Invariant)} months after {target}",
        (_, { } d) when d < 0 => zh ? $"{target}前{(-d).ToString(Invariant)}日" : $"{(-d).ToString(Invariant)} days before {target}",
        (_, { } d) => zh ? $"{target}后{d.ToString(Invariant)}日" : $"{d.ToString(Invariant)} days after {target}",
        _ => target,
    };
}
