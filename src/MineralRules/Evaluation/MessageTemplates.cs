using System.Globalization;
using System.Runtime.CompilerServices;
using MineralRules.Compilation;

namespace MineralRules.Evaluation;

/// <summary>
/// A rule's message and remedy templates and their placeholders (<c>{actual}</c>, <c>{required}</c>,
/// <c>{mineral}</c>, <c>{permit}</c>, <c>{action}</c>, <c>{league}</c>): which ones a template names, and the
/// template filled with one application's values — when first read, not while evaluating (<see cref="Deferred"/>).
/// A rule's templates are parsed once, when it is compiled (<see cref="MessageTemplate"/>, kept on the
/// <see cref="CompiledRule"/>); reading a message only appends their pieces.
/// </summary>
internal static class MessageTemplates
{
    /// <summary>The placeholders a message may use; the loader reports any other (RuleSetValidator).</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["actual", "required", "mineral", "permit", "action", "league"];

    /// <summary>True when a message names nothing but the permit, action and mineral (or nothing at all).</summary>
    public static bool DependsOnCombinationOnly(LocalizedText text) => OnlyCombination(text.Zh) && OnlyCombination(text.En);

    /// <summary>A rule's message for this application, formatted when first read (a template without placeholders as it is).</summary>
    public static LocalizedText Deferred(LocalizedText template, CompiledRule rule, Application application, LocalizedText? more = null)
    {
        var parsed = rule.TemplateOf(template);
        return more is null && !parsed.HasPlaceholder ? template : new LocalizedText(new DeferredMessage(parsed, rule, application, more));
    }

    /// <summary>Fills a message's placeholders with this application's values.</summary>
    public static LocalizedText Format(LocalizedText template, CompiledRule rule, Application application)
    {
        var parsed = rule.TemplateOf(template);
        if (!parsed.HasPlaceholder)
        {
            return template;
        }

        var (zh, en) = parsed.Fill(rule, application);
        return new LocalizedText(zh, en);
    }

    /// <summary>
    /// True unless the template names <c>{actual}</c>, <c>{required}</c> or <c>{league}</c> between a brace and
    /// the next closing one (a looser reading than <see cref="MessageTemplate"/>'s: it errs towards filling per application).
    /// </summary>
    internal static bool OnlyCombination(string template)
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
}

/// <summary>
/// A message or remedy template split once into its pieces — literal text and known placeholders — so that filling
/// it for an application appends them in order and computes the condition's explanation only when a piece needs it
/// (<c>{actual}</c>, <c>{required}</c>), once per language. Unknown or unclosed braces are literal text, as written.
/// Immutable; shared by every evaluation. As an <see cref="IDeferredText"/> it fills itself for the verdict whose
/// facts it is given as context (<see cref="DeferredFacts"/>, which names the rule and the application), so that
/// a verdict's message, remedy and facts share one object of state.
/// </summary>
internal sealed class MessageTemplate : IDeferredText
{
    private readonly Piece[] _zh;
    private readonly Piece[] _en;

    private MessageTemplate(LocalizedText text)
    {
        Text = text;
        HasPlaceholder = text.Zh.Contains('{', StringComparison.Ordinal) || text.En.Contains('{', StringComparison.Ordinal);
        _zh = Parse(text.Zh);
        _en = Parse(text.En);
    }

    /// <summary>What a piece of a template is.</summary>
    public enum Kind : byte
    {
        Literal,
        Actual,
        Required,
        Mineral,
        Permit,
        Action,
        League,
    }

    /// <summary>The template as the rule set writes it.</summary>
    public LocalizedText Text { get; }

    /// <summary>True when either language has a brace: then the text is filled per application (else it is <see cref="Text"/> as it is).</summary>
    public bool HasPlaceholder { get; }

    public static MessageTemplate Parse(LocalizedText text) => new(text);

    /// <summary>This template, filled when first read for the rule and application of <paramref name="verdict"/>'s facts.</summary>
    public LocalizedText For(DeferredFacts verdict) => HasPlaceholder ? new LocalizedText(this, verdict) : Text;

    /// <inheritdoc/>
    (string Zh, string En) IDeferredText.Format(object? context)
    {
        var verdict = (DeferredFacts)context!;
        return Fill(verdict.Rule, verdict.Application);
    }

    /// <summary>Both languages filled with this application's values.</summary>
    public (string Zh, string En) Fill(CompiledRule rule, Application application) =>
        (Fill(_zh, rule, application, zh: true), Fill(_en, rule, application, zh: false));

    /// <summary>
    /// One pass over the template, as written: literal text is kept, each known placeholder <c>{name}</c> is a piece
    /// of its own, and anything else in braces (or a brace left open) stays literal text.
    /// </summary>
    private static Piece[] Parse(string template)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return [new Piece(Kind.Literal, template)];
        }

        var pieces = new List<Piece>();
        var literal = 0; // where the literal text not yet kept starts
        var start = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var kind = template.AsSpan(open + 1, close - open - 1) switch
            {
                "actual" => Kind.Actual,
                "required" => Kind.Required,
                "mineral" => Kind.Mineral,
                "permit" => Kind.Permit,
                "action" => Kind.Action,
                "league" => Kind.League,
                _ => Kind.Literal,
            };
            if (kind != Kind.Literal)
            {
                if (open > literal)
                {
                    pieces.Add(new Piece(Kind.Literal, template[literal..open]));
                }

                pieces.Add(new Piece(kind, null));
                literal = close + 1;
            }

            start = close + 1;
            open = template.IndexOf('{', start);
        }

        if (literal < template.Length || pieces.Count == 0)
        {
            pieces.Add(new Piece(Kind.Literal, template[literal..]));
        }

        return [.. pieces];
    }

    private static string Fill(Piece[] pieces, CompiledRule rule, Application application, bool zh)
    {
        if (pieces.Length == 1 && pieces[0].Kind == Kind.Literal)
        {
            return pieces[0].Text!;
        }

        Explanation? explanation = null;
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        foreach (var piece in pieces)
        {
            text.AppendFormatted(piece.Kind switch
            {
                Kind.Literal => piece.Text,
                Kind.Actual => (explanation ??= Explain(rule, application, zh)).Actual ?? ValueText.Of(null, null, zh),
                Kind.Required => (explanation ??= Explain(rule, application, zh)).Required ?? ValueText.Of(null, null, zh),
                Kind.Mineral => ValueText.Of(application.Mineral, null, zh),
                Kind.Permit => ValueText.Of(application.Permit, null, zh),
                Kind.Action => ValueText.Of(application.Action, null, zh),
                _ => ValueText.Of(application.Location?.League, ApplicationFields.League, zh),
            });
        }

        return text.ToStringAndClear();
    }

    private static Explanation Explain(CompiledRule rule, Application application, bool zh) =>
        rule.Condition?.Explain(application, zh) ?? Explanation.None;

    /// <summary>Literal text, or a placeholder. A class, so that the lists of pieces run the framework's shared code for references, compiled ahead of time in a ReadyToRun host (a cold load compiles nothing for them).</summary>
    private sealed record Piece(Kind Kind, string? Text);
}

/// <summary>A rule's message for one application, filled with its values when first read.</summary>
internal sealed class DeferredMessage(MessageTemplate template, CompiledRule rule, Application application, LocalizedText? more) : IDeferredText
{
    public (string Zh, string En) Format(object? context)
    {
        var (zh, en) = template.HasPlaceholder ? template.Fill(rule, application) : (template.Text.Zh, template.Text.En);
        return more is null ? (zh, en) : (zh + more.Zh, en + " " + more.En);
    }
}
