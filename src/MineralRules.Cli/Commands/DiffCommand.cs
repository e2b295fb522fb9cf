using System.CommandLine;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules diff --from &lt;version&gt; --to &lt;version&gt; [--rules &lt;folder&gt;]</c> (two versions in one folder,
/// the embedded rules without <c>--rules</c>) or <c>mineralrules diff &lt;old-rules&gt; &lt;new-rules&gt;</c> (the latest
/// version in each folder), with <c>[--samples &lt;folder&gt;] [--format text|markdown|json]</c>: the rules added, removed
/// and changed, and the samples whose decision or failing clauses change (a sample dated before the new version's
/// effective-from does not change). Exit 0 when compared (changes or not), 2 on invalid input.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var older = new Argument<string?>("old-rules") { Description = "The folder of the current rule sets, or 'embedded' (without --from/--to).", Arity = ArgumentArity.ZeroOrOne };
        var newer = new Argument<string?>("new-rules") { Description = "The folder of the proposed rule sets (without --from/--to).", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "The version compared from, e.g. 1.0.0 (with --to: two versions of one folder)." };
        var to = new Option<string?>("--to") { Description = "The version compared to, e.g. 2.0.0." };
        var rules = CommonOptions.Rules();
        var samples = new Option<string?>("--samples") { Description = "A folder of sample applications to evaluate under both versions." };
        var format = new Option<string>("--format")
        {
            Description = "text (the default), markdown or json.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "markdown", "json");
        var command = new Command("diff", "Show what a new rule-set version changes: rules, lists, and the samples' decisions.") { older, newer, from, to, rules, samples, format };
        command.SetAction(parsed => (parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(older), parsed.GetValue(newer)) switch
        {
            ({ } v1, { } v2, null, null) => RunVersions(v1, v2, parsed.GetValue(rules), parsed.GetValue(samples), parsed.GetValue(format)!, output, error),
            (null, null, { } a, { } b) when parsed.GetValue(rules) is null => Run(a, b, parsed.GetValue(samples), parsed.GetValue(format)!, output, error),
            _ => Usage(error),
        });
        return command;
    }

    private static int Usage(TextWriter error)
    {
        error.WriteLine("error: compare two versions of one folder with `mineralrules diff --from 1.0.0 --to 2.0.0 [--rules <folder>]`, or two folders with `mineralrules diff <old-rules> <new-rules>`.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>Compares two versions of one folder (the embedded rules when <paramref name="rulesFolder"/> is null).</summary>
    public static int RunVersions(string from, string to, string? rulesFolder, string? samplesFolder, string format, TextWriter output, TextWriter error)
    {
        var catalog = CommonOptions.LoadRules(rulesFolder, error);
        if (catalog is null)
        {
            return ExitCodes.InvalidInput;
        }

        var older = catalog.Find(from);
        var newer = catalog.Find(to);
        if (older is null || newer is null || older.Info.Id != newer.Info.Id)
        {
            error.WriteLine($"error MR2003: {(older is null ? $"no version {from}" : newer is null ? $"no version {to}" : $"{from} and {to} are versions of different rule sets")} in {CommonOptions.Display(rulesFolder ?? "the embedded rules")}; versions: {string.Join(", ", catalog.RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}"))}.");
            return ExitCodes.InvalidInput;
        }

        var samples = samplesFolder is null ? [] : InputFiles.ReadAll(samplesFolder, error, CommonOptions.Display);
        if (samples is null)
        {
            return ExitCodes.InvalidInput;
        }

        Write(RuleSetChanges.Compare(older, newer, samples), format, output);
        return ExitCodes.Compliant;
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
            Write(report, format, output);
        }

        return ExitCodes.Compliant;
    }

    private static void Write(RuleSetChanges report, string format, TextWriter output)
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

    private static IEnumerable<CompiledRuleSet> Latest(RuleSetCatalog catalog) =>
        catalog.RuleSets.GroupBy(r => r.Info.Id).Select(g => g.MaxBy(r => r.Info.EffectiveFrom)!);
}
