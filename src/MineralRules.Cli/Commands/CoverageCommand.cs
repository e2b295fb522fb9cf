using System.CommandLine;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules coverage [--rules &lt;folder&gt;] [--samples &lt;folder&gt;] [--format text|markdown|json]</c>: for every
/// clause of the plan, the rules citing it and the samples exercising each outcome. Exit 0 when every checkable clause
/// is covered, 1 when there is a gap, 2 on invalid input.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rules = CommonOptions.Rules();
        var samples = new Option<string>("--samples")
        {
            Description = "The folder of sample applications (default: samples/applications).",
            DefaultValueFactory = _ => "samples/applications",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (default), markdown (docs/clauses.md) or json.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "markdown", "json");
        var version = new Option<string?>("--rule-set-version")
        {
            Description = "The rule-set version to report on (default: the latest).",
        };
        var command = new Command("coverage", "Show which clauses of the plan are enforced, by which rules, exercised by which samples.") { rules, samples, format, version };
        command.SetAction(parsed => Run(parsed.GetValue(rules), parsed.GetValue(samples)!, parsed.GetValue(format)!, parsed.GetValue(version), output, error));
        return command;
    }

    public static int Run(string? rulesFolder, string samplesFolder, string format, string? version, TextWriter output, TextWriter error)
    {
        if (rulesFolder is not null && !Directory.Exists(rulesFolder))
        {
            error.WriteLine($"{CommonOptions.Display(rulesFolder)}: error MR1001: no such folder");
            return ExitCodes.InvalidInput;
        }

        var loaded = RuleSetCoverage.Load(rulesFolder);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            error.WriteLine(CommonOptions.Describe(diagnostic));
        }

        if (loaded.Catalog is not { } catalog)
        {
            return ExitCodes.InvalidInput;
        }

        var ruleSet = version is null ? catalog.RuleSets[^1] : catalog.Find(version);
        if (ruleSet is null)
        {
            error.WriteLine($"error MR2003: no rule set version {version} is loaded");
            return ExitCodes.InvalidInput;
        }

        var samples = InputFiles.ReadAll(samplesFolder, error, file => CommonOptions.Display(Path.GetRelativePath(samplesFolder, file)));
        if (samples is null)
        {
            return ExitCodes.InvalidInput;
        }

        var report = RuleSetCoverage.Analyze(ruleSet, samples);
        switch (format)
        {
            case "markdown":
                report.WriteMarkdown(output);
                break;
            case "json":
                report.WriteJson(output);
                break;
            default:
                report.WriteText(output);
                break;
        }

        foreach (var problem in report.Problems)
        {
            error.WriteLine($"coverage: {problem}");
        }

        return report.Complete ? ExitCodes.Compliant : ExitCodes.NotCompliant;
    }
}
