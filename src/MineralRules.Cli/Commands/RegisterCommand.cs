using System.CommandLine;
using System.Globalization;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules register import &lt;rights.geojson&gt; [--control-numbers &lt;file.csv&gt;] --into &lt;register.gpkg |
/// connection string&gt;</c>: builds a mining-rights register (docs/records.md) through the library's
/// <see cref="RegisterImport"/>. Exit 0 when written; 2 when the input has errors (each located, all listed, nothing
/// written) or the register cannot be written.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText text)
    {
        var rights = new Argument<string>("rights.geojson") { Description = text.RegisterImportRights };
        var controlNumbers = new Option<string?>("--control-numbers") { Description = text.RegisterImportControlNumbers };
        var into = new Option<string>("--into") { Description = text.RegisterImportInto, Required = true };
        var culture = CommonOptions.Culture(text);
        var import = new Command("import", text.RegisterImportCommand) { rights, controlNumbers, into, culture };
        import.SetAction(parsed => Import(
            parsed.GetValue(rights)!,
            parsed.GetValue(controlNumbers),
            parsed.GetValue(into)!,
            output,
            error,
            CommonOptions.ToCulture(parsed.GetValue(culture)!)));
        return new Command("register", text.RegisterCommand) { import };
    }

    public static int Import(string rights, string? controlNumbers, string into, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        var result = RegisterImport.ImportAsync(rights, controlNumbers, into).GetAwaiter().GetResult();
        foreach (var diagnostic in result.Diagnostics.Concat(result.Warnings))
        {
            error.WriteLine(CommonOptions.Describe(diagnostic with { Location = diagnostic.Location with { Path = CommonOptions.Display(diagnostic.Location.Path) } }, culture));
        }

        if (!result.Written)
        {
            error.WriteLine(CliText.Format(text.RegisterImportFailed, result.Diagnostics.Count, result.Register));
            return ExitCodes.InvalidInput;
        }

        output.WriteLine(CliText.Format(text.RegisterImported, result.Rights, result.ControlNumbers, result.Register));
        return ExitCodes.Compliant;
    }
}
