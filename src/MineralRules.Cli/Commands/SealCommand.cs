using System.CommandLine;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules seal &lt;version-folder&gt;</c>: releases a rule-set version by writing its <c>seal.yaml</c> (every
/// file with its SHA-256), after checking that the version loads. Exit 0 when sealed, 2 when the version has errors
/// (they are listed and nothing is written).
/// </summary>
internal static class SealCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("version-folder")
        {
            Description = "The version's folder, e.g. rules/nmg-mineral-plan-2021-2025/2.1.0.",
        };
        var command = new Command("seal", "Release a rule-set version: write its seal.yaml, so the version loads only while its files are unchanged.") { folder };
        command.SetAction(parsed => Run(parsed.GetValue(folder)!, output, error));
        return command;
    }

    public static int Run(string folder, TextWriter output, TextWriter error)
    {
        var result = RuleSetSeal.Write(folder);
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (!result.Sealed)
        {
            error.WriteLine($"{result.Diagnostics.Count} error(s); {CommonOptions.Display(folder)} is not sealed.");
            return ExitCodes.InvalidInput;
        }

        output.WriteLine($"Sealed: {CommonOptions.Display(result.SealPath!)}.");
        return ExitCodes.Compliant;
    }
}
