using System.CommandLine;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules test &lt;file-or-folder&gt;...</c>: evaluates sample applications that carry an <c>expect</c> block and
/// reports each one whose decision or failing/review clauses differ, then <c>N passed, N failed</c>.
/// Exit 0 when all pass, 1 when any differs, 2 on invalid input.
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Sample application files or folders holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = CommonOptions.Rules();
        var command = new Command("test", "Check that sample applications get the outcome their 'expect' block records.") { paths, rules };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths), parsed.GetValue(rules), output, error));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string? rulesFolder, TextWriter output, TextWriter error)
    {
        var catalog = CommonOptions.LoadRules(rulesFolder, error);
        if (catalog is null)
        {
            return ExitCodes.InvalidInput;
        }

        var (files, missing, problems) = ApplicationFiles.Find(paths);
        var invalid = CommonOptions.ReportMissing(missing, error) | InputFiles.ReportProblems(problems, error);

        int passed = 0, failed = 0;
        var withoutExpectation = new List<string>();
        foreach (var file in files)
        {
            var source = CommonOptions.Display(file);
            var read = ApplicationReader.ReadFile(file);
            if (read.Application is not { } application)
            {
                invalid = true;
                foreach (var diagnostic in read.Diagnostics)
                {
                    error.WriteLine(CommonOptions.Describe(diagnostic, source));
                }

                continue;
            }

            if (read.Expect is not { } expected)
            {
                withoutExpectation.Add(source);
                continue;
            }

            var ruleSet = catalog.Select(application.ApplicationDate, null, out var selectionError);
            if (ruleSet is null)
            {
                invalid = true;
                error.WriteLine($"{read.Locate("applicationDate") with { Path = source }}: error MR2002: {selectionError}");
                continue;
            }

            var differences = expected.Differences(ruleSet.Evaluate(application));
            if (differences.Count == 0)
            {
                passed++;
                continue;
            }

            failed++;
            output.WriteLine($"FAILED {source}");
            foreach (var difference in differences)
            {
                output.WriteLine($"  {difference}");
            }
        }

        if (withoutExpectation.Count > 0)
        {
            output.WriteLine($"{withoutExpectation.Count} file(s) without an 'expect' block were not tested, e.g. {withoutExpectation[0]}.");
        }

        output.WriteLine($"{passed} passed, {failed} failed");
        return invalid ? ExitCodes.InvalidInput : failed > 0 ? ExitCodes.NotCompliant : ExitCodes.Compliant;
    }
}
