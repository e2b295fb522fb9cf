using System.CommandLine;
using System.Globalization;
using MineralRules.Rulebook;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules rulebook --out &lt;dir&gt; [--rules &lt;folder&gt;] [--samples &lt;folder&gt;]</c> writes the rulebook as
/// a static site (docs/rulebook.md); <c>mineralrules explain &lt;rule-id|clause&gt; [--rules] [--rule-set-version]
/// [--culture zh|en]</c> prints a clause's text and its rules in the same plain words (exit 0), or the nearest ids
/// (exit 2) when nothing matches.
/// </summary>
internal static class RulebookCommand
{
    private const string DefaultSamples = "samples/applications";

    public static Command Create(TextWriter output, TextWriter error, CliText? text = null)
    {
        text ??= CliText.En;
        var outFolder = new Option<string>("--out")
        {
            Description = text.RulebookOut,
            Required = true,
        };
        var rules = CommonOptions.Rules(text);
        var culture = CommonOptions.Culture(text);
        var samples = new Option<string?>("--samples")
        {
            Description = CliText.Format(text.RulebookSamples, DefaultSamples),
        };
        var command = new Command("rulebook", text.RulebookCommand) { outFolder, rules, samples, culture };
        command.SetAction(parsed => Write(parsed.GetValue(outFolder)!, parsed.GetValue(rules), parsed.GetValue(samples), output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)));
        return command;
    }

    public static Command Explain(TextWriter output, TextWriter error, CliText? text = null)
    {
        text ??= CliText.En;
        var target = new Argument<string>("rule-id|clause") { Description = text.ExplainTarget };
        var rules = CommonOptions.Rules(text);
        var version = new Option<string?>("--rule-set-version") { Description = text.ExplainVersion };
        var culture = CommonOptions.Culture(text);
        var command = new Command("explain", text.ExplainCommand) { target, rules, version, culture };
        command.SetAction(parsed => RunExplain(parsed.GetValue(target)!, parsed.GetValue(rules), parsed.GetValue(version), CommonOptions.ToCulture(parsed.GetValue(culture)!), output, error));
        return command;
    }

    public static int Write(string outFolder, string? rulesFolder, string? samplesFolder, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        if (rulesFolder is not null && !Directory.Exists(rulesFolder))
        {
            error.WriteLine(CliText.Format(text.RulebookNoFolder, CommonOptions.Display(rulesFolder)));
            return ExitCodes.InvalidInput;
        }

        if (CommonOptions.LoadRules(rulesFolder, error, culture) is not { } catalog)
        {
            return ExitCodes.InvalidInput;
        }

        var folder = samplesFolder ?? (Directory.Exists(DefaultSamples) ? DefaultSamples : null);
        var samples = new List<Sample>();
        if (folder is not null)
        {
            if (InputFiles.ReadAll(folder, error, file => CommonOptions.Display(Path.Join(folder, Path.GetRelativePath(folder, file)))) is not { } read)
            {
                return ExitCodes.InvalidInput;
            }

            samples = read;
        }

        var site = RulebookSite.Build(catalog, samples);
        site.WriteTo(outFolder);
        output.WriteLine(CliText.Format(text.RulebookWrote, site.Paths.Count, CommonOptions.Display(outFolder), catalog.RuleSets.Count, samples.Count));
        return ExitCodes.Compliant;
    }

    public static int RunExplain(string target, string? rulesFolder, string? versionName, CultureInfo culture, TextWriter output, TextWriter error)
    {
        var zh = culture.TwoLetterISOLanguageName == "zh";
        if (rulesFolder is not null && !Directory.Exists(rulesFolder))
        {
            error.WriteLine(CliText.Format(CliText.For(culture).RulebookNoFolder, CommonOptions.Display(rulesFolder)));
            return ExitCodes.InvalidInput;
        }

        if (CommonOptions.LoadRules(rulesFolder, error) is not { } catalog)
        {
            return ExitCodes.InvalidInput;
        }

        var ruleSet = versionName is null ? catalog.RuleSets[^1] : catalog.Find(versionName);
        if (ruleSet is null)
        {
            error.WriteLine(zh ? $"error MR2003: 未加载规则集版本 {versionName}" : $"error MR2003: no rule set version {versionName} is loaded");
            return ExitCodes.InvalidInput;
        }

        var wanted = target.Trim();
        var rule = ruleSet.Descriptions.FirstOrDefault(d => d.RuleId == wanted);
        var clauseRef = rule?.Clause.Ref ?? wanted;
        var clause = ruleSet.Clauses.FirstOrDefault(c => c.Ref == clauseRef);
        if (rule is null && clause is null)
        {
            var nearest = Nearest(wanted, ruleSet.Descriptions.Select(d => d.RuleId).Concat(ruleSet.Clauses.Select(c => c.Ref)));
            error.WriteLine(zh
                ? $"error: {ruleSet.Info.Id} {ruleSet.Info.Version} 中没有规则或条款“{wanted}”。{(nearest.Count > 0 ? "最接近的：" + string.Join("、", nearest) + "。" : string.Empty)}请给出规则编号（如 coal.new-underground.min-capacity）或条款号（如 5.2.1）。"
                : $"error: no rule or clause '{wanted}' in {ruleSet.Info.Id} {ruleSet.Info.Version}.{(nearest.Count > 0 ? " Nearest: " + string.Join(", ", nearest) + "." : string.Empty)} Give a rule id (coal.new-underground.min-capacity) or a clause number (5.2.1).");
            return ExitCodes.InvalidInput;
        }

        output.WriteLine($"{ruleSet.Info.Id} {ruleSet.Info.Version}");
        output.WriteLine();
        if (clause is not null)
        {
            output.Write(clause.Format(culture));
        }

        var rules = rule is not null ? [rule] : ruleSet.Descriptions.Where(d => d.Clause.Ref == clauseRef).ToList();
        foreach (var description in rules)
        {
            output.WriteLine();
            output.Write(description.Format(culture));
        }

        return ExitCodes.Compliant;
    }

    /// <summary>Up to three ids nearest the text: those containing it first, then by edit distance to the id or its start (within half the text's length).</summary>
    private static List<string> Nearest(string text, IEnumerable<string> candidates)
    {
        var all = candidates.Distinct(StringComparer.Ordinal).ToList();
        var containing = all.Where(c => text.Length > 0 && c.Contains(text, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Length);
        var close = all.Select(c => (Id: c, Distance: Math.Min(Distance(text, c), Distance(text, c[..Math.Min(c.Length, text.Length)]))))
            .Where(c => c.Distance <= Math.Max(2, text.Length / 2))
            .OrderBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id);
        return [.. containing.Concat(close).Distinct(StringComparer.Ordinal).Take(3)];
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
