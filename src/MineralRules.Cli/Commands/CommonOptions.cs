using System.CommandLine;
using System.Globalization;

namespace MineralRules.Cli.Commands;

/// <summary>Options shared by the commands, and the loading of rule sets they all do.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rules(CliText? text = null) => new("--rules")
    {
        Description = (text ?? CliText.En).RulesOption,
    };

    public static Option<string> Culture(CliText? text = null) => new Option<string>("--culture")
    {
        Description = (text ?? CliText.En).CultureOption,
        DefaultValueFactory = _ => "en",
    }.AcceptOnlyFromAmong("en", "zh", "zh-CN", "en-US");

    /// <summary>The culture of messages (<see cref="Languages"/>: also in globalization-invariant mode).</summary>
    public static CultureInfo ToCulture(string name) => Languages.Named(name) ?? Languages.English;

    /// <summary>Loads the embedded rules or a folder; on failure writes every diagnostic and returns null.</summary>
    public static RuleSetCatalog? LoadRules(string? folder, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var result = folder is null ? RuleSetCatalog.TryLoadEmbedded() : RuleSetCatalog.TryLoadFromFolder(folder);
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(Describe(diagnostic, culture));
        }

        if (!result.Succeeded)
        {
            var text = CliText.For(culture);
            error.WriteLine(CliText.Format(text.RulesDidNotLoad, folder ?? text.Embedded, result.Diagnostics.Count));
        }

        return result.Catalog;
    }

    /// <summary>
    /// The project's one form for a diagnostic: <c>path:line:column: error CODE: message (rule id)</c>, the message in
    /// the reader's language (<see cref="Diagnostic.Format"/>).
    /// </summary>
    public static string Describe(Diagnostic diagnostic, CultureInfo? culture = null) => diagnostic.Format(culture ?? CultureInfo.InvariantCulture);

    /// <summary>The contract's form for a diagnostic of a file, named as the user wrote it.</summary>
    public static string Describe(Diagnostic diagnostic, string path, CultureInfo? culture = null) =>
        Describe(diagnostic with { Location = diagnostic.Location with { Path = path } }, culture);

    /// <summary>Writes "no such file or folder" for each path that does not exist; true when there were any.</summary>
    public static bool ReportMissing(IReadOnlyList<string> missing, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        foreach (var path in missing)
        {
            error.WriteLine($"{Display(path)}: error MR1001: {CliText.For(culture).NoSuchFileOrFolder}");
        }

        return missing.Count > 0;
    }

    /// <summary>Paths as the user wrote them, with '/' separators, so output is the same on every system.</summary>
    public static string Display(string path) => path.Replace('\\', '/');
}
