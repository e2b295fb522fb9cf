using System.CommandLine;
using System.Globalization;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules coverage [--rules &lt;folder&gt;] [--samples &lt;folder&gt;] [--format text|markdown|json]</c>: for every
/// clause of the plan, the rules citing it and the samples exercising each outcome. Exit 0 when every checkable clause
/// is covered, 1 when there is a gap, 2 on invalid input.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var rules = CommonOptions.Rules(text);
        var samples = new Option<string>("--samples")
        {
            Description = text.CoverageSamples,
            DefaultValueFactory = _ => "samples/applications",
        };
        var format = new Option<string>("--format")
        {
            Description = text.CoverageFormat,
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "markdown", "json");
        var version = new Option<string?>("--rule-set-version")
        {
            Description = text.CoverageVersion,
        };
        var culture = CommonOptions.Culture(text);
        var command = new Command("coverage", text.CoverageCommand) { rules, samples, format, version, culture };
        command.SetAction(parsed => Run(parsed.GetValue(rules), parsed.GetValue(samples)!, parsed.GetValue(format)!, parsed.GetValue(version), output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)));
        return command;
    }

    public static int Run(string? rulesFolder, string samplesFolder, string format, string? version, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        if (rulesFolder is not null && !Directory.Exists(rulesFolder))
        {
            error.WriteLine($"{CommonOptions.Display(rulesFolder)}: error MR1001: {text.NoSuchFolder}");
            return ExitCodes.InvalidInput;
        }

        var loaded = RuleSetCoverage.Load(rulesFolder);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            error.WriteLine(CommonOptions.Describe(diagnostic, culture));
        }

        if (loaded.Catalog is not { } catalog)
        {
            return ExitCodes.InvalidInput;
        }

        var ruleSet = version is null ? catalog.RuleSets[^1] : catalog.Find(version);
        if (ruleSet is null)
        {
            error.WriteLine($"error MR2003: {CliText.Format(text.NoVersionLoaded, version)}");
            return ExitCodes.InvalidInput;
        }

        var samples = InputFiles.ReadAll(samplesFolder, error, file => CommonOptions.Display(Path.GetRelativePath(samplesFolder, file)), culture);
        if (samples is null)
        {
            return ExitCodes.InvalidInput;
        }

        var report = RuleSetCoverage.Analyze(ruleSet, samples);
        switch (format)
        {
            case "markdown":
                report.WriteMarkdown(output, culture);
                break;
            case "json":
                report.WriteJson(output);
                break;
            default:
                report.WriteText(output, culture);
                break;
        }

        foreach (var problem in report.ProblemsIn(culture))
        {
            error.WriteLine(CliText.Format(text.CoverageProblem, problem));
        }

        return report.Complete ? ExitCodes.Compliant : ExitCodes.NotCompliant;
    }
}
