using System.CommandLine;
using System.Globalization;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules lint [folder]</c>: validates rule sets without any application and reports every problem as
/// <c>path:line:column: error CODE: message (rule id)</c>, warnings as <c>path:line:column: warning CODE: message</c>,
/// then each version's effective range. Exit 0 when clean (warnings or not), 2 on any error.
/// </summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var folder = new Argument<string?>("folder")
        {
            Description = text.LintFolder,
            Arity = ArgumentArity.ZeroOrOne,
        };
        var culture = CommonOptions.Culture(text);
        var command = new Command("lint", text.LintCommand) { folder, culture };
        command.SetAction(parsed => Run(parsed.GetValue(folder), output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)));
        return command;
    }

    public static int Run(string? folder, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        var result = folder is null ? RuleSetCatalog.TryLoadEmbedded() : RuleSetCatalog.TryLoadFromFolder(folder);
        foreach (var diagnostic in result.Diagnostics.Concat(result.Warnings).OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column))
        {
            error.WriteLine(diagnostic.Format(culture));
        }

        if (result.Warnings.Count > 0)
        {
            error.WriteLine(CliText.Format(text.LintWarnings, result.Warnings.Count));
        }

        if (result.Catalog is not { } catalog)
        {
            error.WriteLine(CliText.Format(text.LintErrors, result.Diagnostics.Count, CommonOptions.Display(folder ?? text.TheEmbeddedRules)));
            return ExitCodes.InvalidInput;
        }

        foreach (var ruleSet in catalog.RuleSets)
        {
            var state = ruleSet.Info.Sealed ? text.LintSealed : text.LintDraft;
            output.WriteLine(CliText.Format(text.LintClean, ruleSet.Info.Id, ruleSet.Info.Version, ruleSet.RuleIds.Count, ruleSet.Info.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), state));
        }

        output.WriteLine(text.LintInForce);
        foreach (var range in RuleSetVersions.Ranges(catalog))
        {
            output.WriteLine($"  {range.RuleSet.Id} {range.RuleSet.Version}: {InWords(range, text)}");
        }

        return ExitCodes.Compliant;
    }

    /// <summary>A range in words, e.g. <c>2022-08-19 – open; supersedes 1.0.0</c> (or its Chinese).</summary>
    internal static string InWords(EffectiveRange range, CliText text)
    {
        var next = range.SupersededBy is not { } by ? null : by.Id == range.RuleSet.Id ? by.Version : $"{by.Id} {by.Version}";
        var from = range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var words = !range.InForceByDate
            ? CliText.Format(text.RangeSameDay, from, next, range.RuleSet.Version)
            : CliText.Format(text.RangeFromTo, from, range.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text.RangeOpen)
                + (next is not null ? CliText.Format(text.RangeSupersededBy, next) : string.Empty);
        return range.Supersedes is null ? words : words + CliText.Format(text.RangeSupersedes, range.Supersedes);
    }
}
