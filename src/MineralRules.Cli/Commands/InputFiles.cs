using System.Globalization;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// The commands' side of reading the files a user names: folder problems written in the contract's form, and a folder
/// of samples read whole (<see cref="ApplicationFiles"/> finds the files).
/// </summary>
internal static class InputFiles
{
    /// <summary>Writes each folder problem in the contract's form; true when there were any.</summary>
    public static bool ReportProblems(IReadOnlyList<Diagnostic> problems, TextWriter error, CultureInfo? culture = null)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(CommonOptions.Describe(problem, CommonOptions.Display(problem.Location.Path), culture));
        }

        return problems.Count > 0;
    }

    /// <summary>
    /// Reads every application below a folder, each named by <paramref name="name"/>; writes every problem (a missing
    /// folder, an invalid file) to <paramref name="error"/>. Null when anything was invalid: nothing half-read is used.
    /// </summary>
    public static List<Sample>? ReadAll(string folder, TextWriter error, Func<string, string> name, CultureInfo? culture = null)
    {
        var (files, missing, problems) = ApplicationFiles.Find([folder]);
        var invalid = CommonOptions.ReportMissing(missing, error, culture) | ReportProblems(problems, error, culture);

        var applications = new List<Sample>();
        foreach (var file in files)
        {
            var read = ApplicationReader.ReadFile(file);
            if (read.Application is { } application)
            {
                applications.Add(new Sample(name(file), application));
                continue;
            }

            invalid = true;
            foreach (var diagnostic in read.Diagnostics)
            {
                error.WriteLine(CommonOptions.Describe(diagnostic, CommonOptions.Display(file), culture));
            }
        }

        return invalid ? null : applications;
    }
}
