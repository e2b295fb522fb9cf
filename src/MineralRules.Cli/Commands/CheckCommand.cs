using System.CommandLine;
using System.Globalization;
using MineralRules.Reporting;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules check &lt;file-or-folder&gt;... [--format text|json] [--rules &lt;folder&gt;]</c>: evaluates each application
/// against the rule set in force on its date. Exit 0 all compliant, 1 any non-compliant or needs-review, 2 invalid input.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error, bool errorIsTerminal = false, CliText? text = null)
    {
        text ??= CliText.En;
        var paths = new Argument<string[]>("paths")
        {
            Description = text.CheckPaths,
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = text.CheckFormat,
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "junit", "sarif", "markdown");
        var rules = CommonOptions.Rules(text);
        var version = new Option<string?>("--rule-set-version")
        {
            Description = text.CheckVersion,
        };
        var culture = CommonOptions.Culture(text);
        var all = new Option<bool>("--include-not-applicable")
        {
            Description = text.CheckNotApplicable,
        };

        var only = new Option<string?>("--only")
        {
            Description = text.CheckOnly,
        }.AcceptOnlyFromAmong("failures");

        var records = CommonOptions.Records(text);
        var command = new Command("check", text.CheckCommand) { paths, format, rules, version, culture, all, only };
        foreach (var option in records.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(paths),
            parsed.GetValue(format)!,
            parsed.GetValue(rules),
            parsed.GetValue(version),
            CommonOptions.ToCulture(parsed.GetValue(culture)!),
            parsed.GetValue(all),
            output,
            error,
            new CheckSettings(parsed.GetValue(only) == "failures", errorIsTerminal),
            records.Read(parsed)));
        return command;
    }

    /// <summary>How a check is shown: failures only, whether standard error is a terminal (for the progress bar), and how long a run lasts before the bar shows (<see cref="Progress.Delay"/> unless given: tests).</summary>
    public sealed record CheckSettings(bool OnlyFailures = false, bool ErrorIsTerminal = false, TimeSpan? ProgressDelay = null);

    public static int Run(IReadOnlyList<string> paths, string format, string? rulesFolder, string? version, CultureInfo culture, bool includeNotApplicable, TextWriter output, TextWriter error, CheckSettings? settings = null, CommonOptions.RecordPaths? recordPaths = null)
    {
        settings ??= new CheckSettings();
        using var inputs = CommonOptions.OpenInputs(rulesFolder, recordPaths, paths, error, culture);
        if (inputs is null)
        {
            return ExitCodes.InvalidInput;
        }

        var (catalog, records, (files, missing, problems), invalid) = inputs;

        var reporter = format switch
        {
            "json" => ResultReporters.Json(output, culture, includeNotApplicable),
            "junit" => ResultReporters.JUnit(output, culture),
            "sarif" => ResultReporters.Sarif(output, culture),
            "markdown" => ResultReporters.Markdown(output, culture),
            _ => ResultReporters.Text(output, culture, includeNotApplicable),
        };
        if (settings.OnlyFailures)
        {
            reporter = ResultReporters.OnlyFailures(reporter);
        }

        var progress = new Progress(error, files.Count, settings.ErrorIsTerminal, settings.ProgressDelay);
        var worst = ExitCodes.Compliant;

        // Reading and evaluating run on every core; results come back in the files' order and reach the reporter as
        // they arrive, so output is stable. The streaming formats write each at once; text and Markdown hold their
        // details until the end (the summary first).
        var checkedFiles = files
            .AsParallel()
            .AsOrdered()
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(file => Check(file, catalog, version, records));
        foreach (var path in missing)
        {
            reporter.ReportInvalid(new InvalidApplication(path, [new Diagnostic(SourceLocation.File(path), "MR1001", CliText.En.NoSuchFileOrFolderSentence) { MessageZh = CliText.Zh.NoSuchFileOrFolderSentence }]));
        }

        foreach (var problem in problems)
        {
            var source = CommonOptions.Display(problem.Location.Path);
            reporter.ReportInvalid(new InvalidApplication(source, [problem with { Location = problem.Location with { Path = source } }]));
        }

        // A report written only at the end (summary first) leaves the bar standing; one that streams has it wiped first.
        var streams = !reporter.WritesAtCompletion;
        foreach (var item in checkedFiles)
        {
            if (streams || item.Result is null)
            {
                progress.Clear();
            }

            if (item.Result is not { } result)
            {
                invalid = true;
                foreach (var diagnostic in item.Errors)
                {
                    error.WriteLine(CommonOptions.Describe(diagnostic, culture));
                }

                reporter.ReportInvalid(new InvalidApplication(item.Source, item.Errors));
                progress.Advance();
                continue;
            }

            reporter.Report(new ReportedApplication(item.Source, result, item.Read, item.RuleSet!));
            if (result.Decision != Decision.Compliant)
            {
                worst = ExitCodes.NotCompliant;
            }

            progress.Advance();
        }

        progress.Clear();
        reporter.Complete();
        return invalid ? ExitCodes.InvalidInput : worst;
    }

    private static CheckedFile Check(string file, RuleSetCatalog catalog, string? version, MineralRecords records)
    {
        var source = CommonOptions.Display(file);
        var read = ApplicationReader.ReadFile(file);
        if (read.Application is not { } application)
        {
            return new CheckedFile(source, read, null, null, [.. read.Diagnostics.Select(d => d with { Location = d.Location with { Path = source } })]);
        }

        var ruleSet = catalog.Select(application.ApplicationDate, version, out var selectionError);
        if (ruleSet is null)
        {
            var location = read.Locate(version is null ? "applicationDate" : string.Empty) with { Path = source };
            var why = catalog.WhyNone(application.ApplicationDate, version);
            return new CheckedFile(source, read, null, null, [new Diagnostic(location, version is null ? "MR2002" : "MR2003", selectionError!) { MessageZh = why?.Zh }]);
        }

        // The records' facts, gathered once before the evaluation; a record that fails leaves the file without a verdict.
        var (facts, errors) = CommonOptions.Gather(records, application);
        return facts is null
            ? new CheckedFile(source, read, null, null, [.. errors])
            : new CheckedFile(source, read, ruleSet, ruleSet.Evaluate(application, facts), []);
    }

    private sealed record CheckedFile(string Source, ApplicationReadResult Read, CompiledRuleSet? RuleSet, EvaluationResult? Result, List<Diagnostic> Errors);
}
