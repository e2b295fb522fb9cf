using System.Globalization;
using System.Runtime.CompilerServices;
using MineralRules.Compilation;

namespace MineralRules.Evaluation;

/// <summary>
/// A rule's message and remedy templates and their placeholders (<c>{actual}</c>, <c>{required}</c>,
/// <c>{mineral}</c>, <c>{permit}</c>, <c>{action}</c>, <c>{league}</c>): which ones a template names, and the
/// template filled with one application's values — when first read, not while evaluating (<see cref="Deferred"/>).
/// </summary>
internal static class MessageTemplates
{
    /// <summary>The placeholders a message may use; the loader reports any other (RuleSetValidator).</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["actual", "required", "mineral", "permit", "action", "league"];

    /// <summary>True when a message names nothing but the permit, action and mineral (or nothing at all).</summary>
    public static bool DependsOnCombinationOnly(LocalizedText text) => OnlyCombination(text.Zh) && OnlyCombination(text.En);

    /// <summary>A rule's message for this application, formatted when first read (a template without placeholders as it is).</summary>
    public static LocalizedText Deferred(LocalizedText template, CompiledRule rule, Application application, LocalizedText? more = null) =>
        more is null && !HasPlaceholder(template) ? template : new LocalizedText(new DeferredMessage(template, rule, application, more));

    /// <summary>Fills a message's placeholders with this application's values.</summary>
    public static LocalizedText Format(LocalizedText template, CompiledRule rule, Application application)
    {
        if (!HasPlaceholder(template))
        {
            return template;
        }

        return new LocalizedText(Fill(template.Zh, rule, application, true), Fill(template.En, rule, application, false));
    }

    private static bool OnlyCombination(string template)
    {
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            if (template.AsSpan(open + 1, close - open - 1) is "actual" or "required" or "league")
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasPlaceholder(LocalizedText text) =>
        text.Zh.Contains('{', StringComparison.Ordinal) || text.En.Contains('{', StringComparison.Ordinal);

    /// <summary>
    /// One pass over the template: literal text is copied, each known placeholder replaced by its value, computed
    /// only when the template names it (the condition's explanation at most once); unknown braces stay as written.
    /// </summary>
    private static string Fill(string template, CompiledRule rule, Application application, bool zh)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        Explanation? explanation = null;
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        var start = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            string? value = name switch
            {
                "actual" => (explanation ??= ExplainCondition(rule, application, zh)).Actual ?? ValueText.Of(null, null, zh),
                "required" => (explanation ??= ExplainCondition(rule, application, zh)).Required ?? ValueText.Of(null, null, zh),
                "mineral" => ValueText.Of(application.Mineral, null, zh),
                "permit" => ValueText.Of(application.Permit, null, zh),
                "action" => ValueText.Of(application.Action, null, zh),
                "league" => ValueText.Of(application.Location?.League, ApplicationFields.League, zh),
                _ => null,
            };
            text.AppendFormatted(template.AsSpan(start, (value is null ? close + 1 : open) - start));
            if (value is not null)
            {
                text.AppendFormatted(value);
            }

            start = close + 1;
            open = template.IndexOf('{', start);
        }

        text.AppendFormatted(template.AsSpan(start));
        return text.ToStringAndClear();
    }

    private static Explanation ExplainCondition(CompiledRule rule, Application application, bool zh) =>
        rule.Condition?.Explain(application, zh) ?? Explanation.None;
}

/// <summary>A rule's message for one application, filled with its values when first read.</summary>
internal sealed class DeferredMessage(LocalizedText template, CompiledRule rule, Application application, LocalizedText? more) : IDeferredText
{
    public LocalizedText Format()
    {
        var message = MessageTemplates.Format(template, rule, application);
        return more is null ? message : new LocalizedText(message.Zh + more.Zh, message.En + " " + more.En);
    }
}
