using System.CommandLine;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules diff &lt;old-rules&gt; &lt;new-rules&gt; [--samples &lt;folder&gt;] [--format text|markdown|json]</c>:
/// the rules added, removed and changed between the latest version in each folder, and the samples whose decision or
/// failing clauses change. Exit 0 when compared (changes or not), 2 on invalid input.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var older = new Argument<string>("old-rules") { Description = "The folder of the current rule sets, or 'embedded'." };
        var newer = new Argument<string>("new-rules") { Description = "The folder of the proposed rule sets." };
        var samples = new Option<string?>("--samples") { Description = "A folder of sample applications to evaluate under both versions." };
        var format = new Option<string>("--format")
        {
            Description = "text (the default), markdown or json.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "markdown", "json");
        var command = new Command("diff", "Show what a new rule-set version changes: rules, lists, and the samples' decisions.") { older, newer, samples, format };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(older), parsed.GetRequiredValue(newer), parsed.GetValue(samples), parsed.GetValue(format)!, output, error));
        return command;
    }

    public static int Run(string olderFolder, string newerFolder, string? samplesFolder, string format, TextWriter output, TextWriter error)
    {
        var older = CommonOptions.LoadRules(olderFolder == "embedded" ? null : olderFolder, error);
        var newer = CommonOptions.LoadRules(newerFolder, error);
        if (older is null || newer is null)
        {
            return ExitCodes.InvalidInput;
        }

        var samples = samplesFolder is null ? [] : InputFiles.ReadAll(samplesFolder, error, CommonOptions.Display);
        if (samples is null)
        {
            return ExitCodes.InvalidInput;
        }

        var reports = new List<RuleSetChanges>();
        foreach (var latest in Latest(newer))
        {
            var before = Latest(older).FirstOrDefault(r => r.Info.Id == latest.Info.Id);
            if (before is null)
            {
                error.WriteLine($"error MR3013: the old rules hold no rule set '{latest.Info.Id}' to compare with");
                return ExitCodes.InvalidInput;
            }

            reports.Add(RuleSetChanges.Compare(before, latest, samples));
        }

        foreach (var report in reports)
        {
            switch (format)
            {
                case "json":
                    report.WriteJson(output);
                    break;
                case "markdown":
                    report.WriteMarkdown(output);
                    break;
                default:
                    report.WriteText(output);
                    break;
            }
        }

        return ExitCodes.Compliant;
    }

    private static IEnumerable<CompiledRuleSet> Latest(RuleSetCatalog catalog) =>
        catalog.RuleSets.GroupBy(r => r.Info.Id).Select(g => g.MaxBy(r => r.Info.EffectiveFrom)!);
}
