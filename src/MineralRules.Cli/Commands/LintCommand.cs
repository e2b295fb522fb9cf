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
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "A folder of rule sets (rules/<id>/<version>/); without it, the rules embedded in the tool.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("lint", "Check rule files for mistakes, without any application.") { folder };
        command.SetAction(parsed => Run(parsed.GetValue(folder), output, error));
        return command;
    }

    public static int Run(string? folder, TextWriter output, TextWriter error)
    {
        var result = folder is null ? RuleSetCatalog.TryLoadEmbedded() : RuleSetCatalog.TryLoadFromFolder(folder);
        foreach (var diagnostic in result.Diagnostics.Concat(result.Warnings).OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column))
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (result.Warnings.Count > 0)
        {
            error.WriteLine($"{result.Warnings.Count} warning(s): they refuse nothing, but read each one.");
        }

        if (result.Catalog is not { } catalog)
        {
            error.WriteLine($"{result.Diagnostics.Count} error(s) in {CommonOptions.Display(folder ?? "the embedded rules")}; the rule set will not load until they are fixed.");
            return ExitCodes.InvalidInput;
        }

        foreach (var ruleSet in catalog.RuleSets)
        {
            var state = ruleSet.Info.Sealed ? "sealed" : "draft, not sealed (seal it with `mineralrules seal <version-folder>` when it is released)";
            output.WriteLine($"{ruleSet.Info.Id} {ruleSet.Info.Version}: {ruleSet.RuleIds.Count} rules, no problems (in force from {ruleSet.Info.EffectiveFrom:yyyy-MM-dd}; {state}).");
        }

        output.WriteLine("In force:");
        foreach (var range in RuleSetVersions.Ranges(catalog))
        {
            output.WriteLine($"  {range.RuleSet.Id} {range.RuleSet.Version}: {InWords(range)}");
        }

        return ExitCodes.Compliant;
    }

    /// <summary>A range in words, e.g. <c>2022-08-19 – open; supersedes 1.0.0</c>.</summary>
    internal static string InWords(EffectiveRange range)
    {
        var next = range.SupersededBy is not { } by ? null : by.Id == range.RuleSet.Id ? by.Version : $"{by.Id} {by.Version}";
        var words = !range.InForceByDate
            ? $"{range.From:yyyy-MM-dd}, superseded by {next} the same day (never picked by date; checked with --rule-set-version {range.RuleSet.Version})"
            : $"{range.From:yyyy-MM-dd} – {(range.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}{(next is not null ? $"; superseded by {next}" : string.Empty)}";
        return range.Supersedes is null ? words : $"{words}; supersedes {range.Supersedes}";
    }
}
