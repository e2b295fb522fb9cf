using MineralRules.Applications;
using MineralRules.RuleSets;

namespace MineralRules.Rulebook;

/// <summary>The labels of the plain words, in Chinese and English: the one place each is spelt.</summary>
internal static partial class PlainWords
{
    /// <summary>Labels of <see cref="RuleDescription.Format"/> and <see cref="ClauseText.Format"/>.</summary>
    public static string Label(string key, bool zh) => (key, zh) switch
    {
        ("rule", true) => "规则",
        ("scope", true) => "适用范围",
        ("condition", true) => "合规条件",
        ("threshold", true) => "门槛",
        ("outcome", true) => "结论",
        ("message", true) => "提示信息",
        ("messageWhenMet", true) => "满足条件时的提示信息",
        ("remedy", true) => "补救措施",
        ("remedyWhenMet", true) => "满足条件时的补救措施",
        ("interpretation", true) => "解释",
        ("basis", true) => "法律依据",
        ("alsoCites", true) => "另引条款",
        ("clause", true) => "条款原文",
        ("clauseHeading", true) => "条款",
        ("planText", true) => "规划原文",
        ("quotes", true) => "规则引用的原文",
        ("status", true) => "状态",
        ("rules", true) => "执行该条款的规则",
        ("note", true) => "提示",
        ("noteShown", true) => "显示提示",
        ("rule", false) => "Rule",
        ("scope", false) => "Applies to",
        ("condition", false) => "Compliant when",
        ("threshold", false) => "Threshold",
        ("outcome", false) => "Outcome",
        ("message", false) => "Message",
        ("messageWhenMet", false) => "Message when met",
        ("remedy", false) => "Remedy",
        ("remedyWhenMet", false) => "Remedy when met",
        ("interpretation", false) => "Interpretation",
        ("basis", false) => "Legal basis",
        ("alsoCites", false) => "Also cites",
        ("clause", false) => "Clause (English rendering)",
        ("clauseHeading", false) => "Clause",
        ("planText", false) => "The plan's words",
        ("quotes", false) => "Passages the rules quote",
        ("status", false) => "Status",
        ("rules", false) => "Rules enforcing it",
        ("note", false) => "note",
        ("noteShown", false) => "shown",
        _ => key,
    };

    /// <summary>A clause status (checkable, informational, not checkable) in words.</summary>
    public static LocalizedText Status(ClauseStatus status)
    {
        var term = ResultVocabularies.ClauseStatuses[status];
        return new(term.Zh, term.En);
    }
}
