using System.CommandLine;
using System.Globalization;
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
        // The language is chosen before the command tree is built, so help is written in it; System.CommandLine's
        // own words (Usage, Options, its parse errors) follow the UI culture, set for this run only.
        var text = CliText.Choose(args, Environment.GetEnvironmentVariable("LANG"), CultureInfo.CurrentUICulture);
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            if (text == CliText.Zh && uiCulture.TwoLetterISOLanguageName != "zh")
            {
                CultureInfo.CurrentUICulture = CommonOptions.ToCulture("zh");
            }

            return Dispatch(args.Length == 0 ? ["--help"] : args, output, error, errorIsTerminal, text);
        }
#pragma warning disable CA1031 // The top of the tool: anything unforeseen is reported as invalid input, never a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            error.WriteLine(CliText.Format(text.Crash, e.Message, e.GetType().Name));
            return ExitCodes.InvalidInput;
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static int Dispatch(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal, CliText text)
    {
        // A plain command named as the tool is installed, not RootCommand (named after the assembly, MineralRules.Cli).
        var root = new Command(ToolName, text.Root)
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            CheckCommand.Create(output, error, errorIsTerminal, text),
            CoverageCommand.Create(output, error, text),
            LintCommand.Create(output, error, text),
            TestCommand.Create(output, error, text),
            DiffCommand.Create(output, error, text),
            SealCommand.Create(output, error, text),
            NewVersionCommand.Create(output, error, text),
            RulebookCommand.Create(output, error, text), RulebookCommand.Explain(output, error, text),
            ServeCommand.Create(output, error, text),
            RegisterCommand.Create(output, error, text),
        };
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                System.CommandLine.Help.HelpOption => text.HelpOption,
                VersionOption => text.VersionOption,
                _ => option.Description,
            };
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine(text.UsageHint);
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
