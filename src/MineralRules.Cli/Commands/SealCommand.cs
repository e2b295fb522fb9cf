using System.CommandLine;
using System.Globalization;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules seal &lt;version-folder&gt;</c>: releases a rule-set version by writing its <c>seal.yaml</c> (every
/// file with its SHA-256), after checking that the version loads. Exit 0 when sealed, 2 when the version has errors
/// (they are listed and nothing is written).
/// </summary>
internal static class SealCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var folder = new Argument<string>("version-folder")
        {
            Description = text.SealFolder,
        };
        var culture = CommonOptions.Culture(text);
        var command = new Command("seal", text.SealCommand) { folder, culture };
        command.SetAction(parsed => Run(parsed.GetValue(folder)!, output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)));
        return command;
    }

    public static int Run(string folder, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        var result = RuleSetSeal.Write(folder);
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic.Format(culture));
        }

        if (!result.Sealed)
        {
            error.WriteLine(CliText.Format(text.SealFailed, result.Diagnostics.Count, CommonOptions.Display(folder)));
            return ExitCodes.InvalidInput;
        }

        output.WriteLine(CliText.Format(text.Sealed, CommonOptions.Display(result.SealPath!)));
        return ExitCodes.Compliant;
    }
}
