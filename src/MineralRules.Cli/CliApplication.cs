using System.CommandLine;
using MineralRules.Cli.Commands;

namespace MineralRules.Cli;

/// <summary>The command line: parses arguments and hands each command to its class. Output goes to the writers given.</summary>
internal static class CliApplication
{
    /// <summary>The tool's name, as installed (<c>ToolCommandName</c>) and as help and usage say it.</summary>
    public const string ToolName = "mineralrules";

    /// <param name="args">The arguments; none prints the help.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="errorIsTerminal">True when standard error is a terminal (not redirected): long runs draw a progress bar there.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal = false)
    {
        try
        {
            return Dispatch(args.Length == 0 ? ["--help"] : args, output, error, errorIsTerminal);
        }
#pragma warning disable CA1031 // The top of the tool: anything unforeseen is reported as invalid input, never a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            error.WriteLine($"error: {e.Message} ({e.GetType().Name}); please report this with the file that caused it.");
            return ExitCodes.InvalidInput;
        }
    }

    private static int Dispatch(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal)
    {
        // A plain command named as the tool is installed, not RootCommand (named after the assembly, MineralRules.Cli).
        var root = new Command(ToolName, "Checks mineral exploration and mining permit applications against the Inner Mongolia Mineral Resources Master Plan 2021–2025.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            CheckCommand.Create(output, error, errorIsTerminal),
            CoverageCommand.Create(output, error),
            LintCommand.Create(output, error),
            TestCommand.Create(output, error),
            DiffCommand.Create(output, error),
            SealCommand.Create(output, error),
            NewVersionCommand.Create(output, error),
            RulebookCommand.Create(output, error), RulebookCommand.Explain(output, error),
            ServeCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'mineralrules --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        // System.CommandLine's ParseResult.Invoke runs the parsed command's action (a method call, not reflection).
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}

/// <summary>The exit codes of docs/results.md.</summary>
internal static class ExitCodes
{
    /// <summary>Every application is compliant (or, for lint, the rules are clean).</summary>
    public const int Compliant = 0;

    /// <summary>At least one application is non-compliant or needs review.</summary>
    public const int NotCompliant = 1;

    /// <summary>Invalid input: an application or rule file that cannot be read or does not validate.</summary>
    public const int InvalidInput = 2;
}
