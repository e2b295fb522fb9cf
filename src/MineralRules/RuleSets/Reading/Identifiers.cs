namespace MineralRules.RuleSets.Reading;

/// <summary>
/// The shapes of the ids and version numbers a rule set writes, checked with plain loops. They were regular
/// expressions; each generated expression's search code over its character classes is in no precompiled image and
/// was JIT-compiled at its first match, in every fresh process that loads rules (about 5 ms of a cold load,
/// docs/performance.md). Each method accepts exactly what the expression in its summary accepts, including the one
/// final line feed that .NET's <c>$</c> lets through (tests/MineralRules.Tests/RuleSets/IdentifiersTests.cs compares them).
/// </summary>
internal static class Identifiers
{
    /// <summary>A rule set's id: <c>^[a-z0-9]+(-[a-z0-9]+)*$</c>, e.g. <c>nmg-mineral-plan-2021-2025</c>.</summary>
    public static bool IsRuleSetId(string text) => IsJoinedWords(text, dotsToo: false);

    /// <summary>A rule's id: <c>^[a-z0-9]+([.-][a-z0-9]+)*$</c>, e.g. <c>coal.new-underground.min-capacity</c>.</summary>
    public static bool IsRuleId(string text) => IsJoinedWords(text, dotsToo: true);

    /// <summary>
    /// A semantic version: <c>^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$</c>, e.g. <c>2.0.0</c>.
    /// </summary>
    public static bool IsSemanticVersion(string text)
    {
        var end = End(text);
        var i = 0;
        for (var part = 0; part < 3; part++)
        {
            if (part > 0)
            {
                if (i == end || text[i] != '.')
                {
                    return false;
                }

                i++;
            }

            var start = i;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || (text[start] == '0' && i - start > 1))
            {
                return false;
            }
        }

        if (i == end)
        {
            return true;
        }

        if (text[i] != '-' || i + 1 == end)
        {
            return false;
        }

        for (i++; i < end; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs of <c>[a-z0-9]</c> joined by single hyphens (and dots, when <paramref name="dotsToo"/>).</summary>
    private static bool IsJoinedWords(string text, bool dotsToo)
    {
        var end = End(text);
        var afterJoiner = true;
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                afterJoiner = false;
            }
            else if ((c == '-' || (dotsToo && c == '.')) && !afterJoiner)
            {
                afterJoiner = true;
            }
            else
            {
                return false;
            }
        }

        return !afterJoiner;
    }

    /// <summary>Where the text ends for <c>$</c>: before one final line feed, if there is one.</summary>
    private static int End(string text) => text.Length > 0 && text[^1] == '\n' ? text.Length - 1 : text.Length;
}
