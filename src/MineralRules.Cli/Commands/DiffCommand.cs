using System.CommandLine;
using System.Globalization;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules diff &lt;old-rules&gt; &lt;new-rules&gt; [--samples &lt;folder&gt;] [--format text|markdown|json]</c>:
/// the rules added, removed and changed between the latest version in each folder, and the samples whose decision or
/// failing clauses change. Exit 0 when compared (changes or not), 2 on invalid input.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var older = new Argument<string>("old-rules") { Description = text.DiffOld };
        var newer = new Argument<string>("new-rules") { Description = text.DiffNew };
        var samples = new Option<string?>("--samples") { Description = text.DiffSamples };
        var format = new Option<string>("--format")
        {
            Description = text.DiffFormat,
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "markdown", "json");
        var culture = CommonOptions.Culture(text);
        var command = new Command("diff", text.DiffCommand) { older, newer, samples, format, culture };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(older), parsed.GetRequiredValue(newer), parsed.GetValue(samples), parsed.GetValue(format)!, output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)));
        return command;
    }

    public static int Run(string olderFolder, string newerFolder, string? samplesFolder, string format, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var older = CommonOptions.LoadRules(olderFolder == "embedded" ? null : olderFolder, error, culture);
        var newer = CommonOptions.LoadRules(newerFolder, error, culture);
        if (older is null || newer is null)
        {
            return ExitCodes.InvalidInput;
        }

        var samples = samplesFolder is null ? [] : InputFiles.ReadAll(samplesFolder, error, CommonOptions.Display, culture);
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
                error.WriteLine($"error MR3013: {CliText.Format(CliText.For(culture).DiffNoOldRuleSet, latest.Info.Id)}");
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
                    report.WriteMarkdown(output, culture);
                    break;
                default:
                    report.WriteText(output, culture);
                    break;
            }
        }

        return ExitCodes.Compliant;
    }

    private static IEnumerable<CompiledRuleSet> Latest(RuleSetCatalog catalog) =>
        catalog.RuleSets.GroupBy(r => r.Info.Id).Select(g => g.MaxBy(r => r.Info.EffectiveFrom)!);
}
