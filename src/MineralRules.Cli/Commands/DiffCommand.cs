using System.CommandLine;
using System.Globalization;
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
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var older = new Argument<string?>("old-rules") { Description = text.DiffOld, Arity = ArgumentArity.ZeroOrOne };
        var newer = new Argument<string?>("new-rules") { Description = text.DiffNew, Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = text.DiffFrom };
        var to = new Option<string?>("--to") { Description = text.DiffTo };
        var rules = CommonOptions.Rules(text);
        var samples = new Option<string?>("--samples") { Description = text.DiffSamples };
        var format = new Option<string>("--format")
        {
            Description = text.DiffFormat,
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "markdown", "json");
        var culture = CommonOptions.Culture(text);
        var command = new Command("diff", text.DiffCommand) { older, newer, from, to, rules, samples, format, culture };
        command.SetAction(parsed => (parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(older), parsed.GetValue(newer)) switch
        {
            ({ } v1, { } v2, null, null) => RunVersions(v1, v2, parsed.GetValue(rules), parsed.GetValue(samples), parsed.GetValue(format)!, output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)),
            (null, null, { } a, { } b) when parsed.GetValue(rules) is null => Run(a, b, parsed.GetValue(samples), parsed.GetValue(format)!, output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)),
            _ => Usage(error, text),
        });
        return command;
    }

    private static int Usage(TextWriter error, CliText text)
    {
        error.WriteLine(text.DiffUsage);
        return ExitCodes.InvalidInput;
    }

    /// <summary>Compares two versions of one folder (the embedded rules when <paramref name="rulesFolder"/> is null).</summary>
    public static int RunVersions(string from, string to, string? rulesFolder, string? samplesFolder, string format, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        var catalog = CommonOptions.LoadRules(rulesFolder, error, culture);
        if (catalog is null)
        {
            return ExitCodes.InvalidInput;
        }

        var older = catalog.Find(from);
        var newer = catalog.Find(to);
        if (older is null || newer is null || older.Info.Id != newer.Info.Id)
        {
            var versions = string.Join(", ", catalog.RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}"));
            var where = CommonOptions.Display(rulesFolder ?? text.TheEmbeddedRules);
            error.WriteLine($"error MR2003: {CliText.Format(older is null ? text.DiffNoVersion : newer is null ? text.DiffNoVersion : text.DiffDifferentRuleSets, older is null ? from : newer is null ? to : from, to, where, versions)}");
            return ExitCodes.InvalidInput;
        }

        var samples = samplesFolder is null ? [] : InputFiles.ReadAll(samplesFolder, error, CommonOptions.Display, culture);
        if (samples is null)
        {
            return ExitCodes.InvalidInput;
        }

        Write(RuleSetChanges.Compare(older, newer, samples), format, output, culture);
        return ExitCodes.Compliant;
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
            Write(report, format, output, culture);
        }

        return ExitCodes.Compliant;
    }

    private static void Write(RuleSetChanges report, string format, TextWriter output, CultureInfo culture)
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

    private static IEnumerable<CompiledRuleSet> Latest(RuleSetCatalog catalog) =>
        catalog.RuleSets.GroupBy(r => r.Info.Id).Select(g => g.MaxBy(r => r.Info.EffectiveFrom)!);
}
