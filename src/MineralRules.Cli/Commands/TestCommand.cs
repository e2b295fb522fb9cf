using System.CommandLine;
using System.Globalization;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules test &lt;file-or-folder&gt;...</c>: evaluates sample applications that carry an <c>expect</c> block and
/// reports each one whose decision or failing/review clauses differ, then <c>N passed, N failed</c>.
/// Exit 0 when all pass, 1 when any differs, 2 on invalid input.
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = text.TestPaths,
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = CommonOptions.Rules(text);
        var format = new Option<string>("--format")
        {
            Description = text.TestFormat,
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "junit");
        var culture = CommonOptions.Culture(text);
        var records = CommonOptions.Records(text);
        var command = new Command("test", text.TestCommand) { paths, rules, format, culture };
        foreach (var option in records.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths), parsed.GetValue(rules), output, error, parsed.GetValue(format) == "junit", CommonOptions.ToCulture(parsed.GetValue(culture)!), records.Read(parsed)));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string? rulesFolder, TextWriter output, TextWriter error, bool junit = false, CultureInfo? culture = null, CommonOptions.RecordPaths? recordPaths = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        using var inputs = CommonOptions.OpenInputs(rulesFolder, recordPaths, paths, error, culture);
        if (inputs is null)
        {
            return ExitCodes.InvalidInput;
        }

        var (catalog, records, (files, _, _), invalid) = inputs;

        int passed = 0, failed = 0;
        var withoutExpectation = new List<string>();
        var cases = new List<TestCaseReport>();
        foreach (var file in files)
        {
            var source = CommonOptions.Display(file);
            var read = ApplicationReader.ReadFile(file);
            if (read.Application is not { } application)
            {
                invalid = true;
                foreach (var diagnostic in read.Diagnostics)
                {
                    error.WriteLine(CommonOptions.Describe(diagnostic, source, culture));
                }

                cases.Add(new TestCaseReport(source, null, null, [.. read.Diagnostics.Select(d => CommonOptions.Describe(d, source, culture))]));
                continue;
            }

            if (read.Expect is not { } expected)
            {
                withoutExpectation.Add(source);
                cases.Add(new TestCaseReport(source, null, null, []));
                continue;
            }

            var ruleSet = catalog.Select(application.ApplicationDate, null, out var selectionError);
            if (ruleSet is null)
            {
                selectionError = ReferenceEquals(text, CliText.Zh) ? catalog.WhyNone(application.ApplicationDate, null)?.Zh : selectionError;
                invalid = true;
                error.WriteLine($"{read.Locate("applicationDate") with { Path = source }}: error MR2002: {selectionError}");
                cases.Add(new TestCaseReport(source, expected, null, [$"{read.Locate("applicationDate") with { Path = source }}: error MR2002: {selectionError}"]));
                continue;
            }

            var (facts, recordErrors) = CommonOptions.Gather(records, application);
            if (facts is null)
            {
                invalid = true;
                var lines = recordErrors.Select(d => CommonOptions.Describe(d, culture)).ToList();
                lines.ForEach(error.WriteLine);
                cases.Add(new TestCaseReport(source, expected, null, lines));
                continue;
            }

            var result = ruleSet.Evaluate(application, facts);
            var differences = expected.Differences(result, culture);
            cases.Add(new TestCaseReport(source, expected, result, differences));
            if (differences.Count == 0)
            {
                passed++;
                continue;
            }

            failed++;
            if (junit)
            {
                continue;
            }

            output.WriteLine(CliText.Format(text.TestFailed, source));
            foreach (var difference in differences)
            {
                output.WriteLine($"  {difference}");
            }
        }

        if (junit)
        {
            TestJUnitReport.Write(cases, output);
        }
        else if (withoutExpectation.Count > 0)
        {
            output.WriteLine(CliText.Format(text.TestWithoutExpect, withoutExpectation.Count, withoutExpectation[0]));
        }

        if (!junit)
        {
            output.WriteLine(CliText.Format(text.TestSummary, passed, failed));
        }

        return invalid ? ExitCodes.InvalidInput : failed > 0 ? ExitCodes.NotCompliant : ExitCodes.Compliant;
    }
}
