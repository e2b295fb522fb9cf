using System.CommandLine;
using System.Globalization;
using MineralRules.Tooling;

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

    /// <summary>The records a check or test may take facts from (docs/records.md): zone layers, a register, the overlap tolerance.</summary>
    public sealed record RecordOptions(Option<string?> Zones, Option<string?> Register, Option<decimal> Tolerance)
    {
        public IEnumerable<Option> All => [Zones, Register, Tolerance];

        public RecordPaths Read(ParseResult parsed) => new(parsed.GetValue(Zones), parsed.GetValue(Register), parsed.GetValue(Tolerance));
    }

    /// <summary>What the records options named.</summary>
    public sealed record RecordPaths(string? Zones = null, string? Register = null, decimal Tolerance = ZoneOverlap.DefaultToleranceHectares);

    public static RecordOptions Records(CliText? text = null)
    {
        text ??= CliText.En;
        return new RecordOptions(
            new Option<string?>("--zones") { Description = text.ZonesOption },
            new Option<string?>("--register") { Description = text.RegisterOption },
            new Option<decimal>("--zone-tolerance") { Description = text.ZoneToleranceOption, DefaultValueFactory = _ => ZoneOverlap.DefaultToleranceHectares });
    }

    /// <summary>Opens the records named (none: <see cref="MineralRecords.None"/>); on failure writes every diagnostic and returns null.</summary>
    public static MineralRecords? OpenRecords(RecordPaths? paths, TextWriter error, CultureInfo? culture = null)
    {
        if (paths is null)
        {
            return MineralRecords.None;
        }

        try
        {
            return MineralRecords.Open(paths.Zones, paths.Register, paths.Tolerance);
        }
        catch (RecordsException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine(Describe(diagnostic, culture));
            }

            error.WriteLine(CliText.Format(CliText.For(culture ?? CultureInfo.InvariantCulture).RecordsDidNotOpen, e.Diagnostics.Count));
            return null;
        }
        catch (ArgumentOutOfRangeException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>
    /// The facts the records give about an application, gathered once; a record that fails gives the application's
    /// diagnostics instead (it gets no verdict: exit 2), never a fall-back to its declared facts.
    /// </summary>
    public static (RecordFacts? Facts, IReadOnlyList<Diagnostic> Errors) Gather(MineralRecords records, Application application)
    {
        try
        {
            // Without records GatherAsync answers RecordFacts.None at once.
            return (records.GatherAsync(application).AsTask().GetAwaiter().GetResult(), []);
        }
        catch (RecordsException e)
        {
            return (null, e.Diagnostics);
        }
    }

    /// <summary>The culture of messages (<see cref="Languages"/>: also in globalization-invariant mode).</summary>
    public static CultureInfo ToCulture(string name) => Languages.Named(name) ?? Languages.English;

    /// <summary>
    /// What <c>check</c> and <c>test</c> start from: the rules, the records (none unless given) and the application
    /// files, the missing paths and unreadable folders reported to <paramref name="error"/>; null when the rules or the
    /// records do not open (reported too).
    /// </summary>
    public static Inputs? OpenInputs(string? rulesFolder, RecordPaths? recordPaths, IReadOnlyList<string> paths, TextWriter error, CultureInfo culture)
    {
        if (LoadRules(rulesFolder, error, culture) is not { } catalog || OpenRecords(recordPaths, error, culture) is not { } records)
        {
            return null;
        }

        try
        {
            var search = ApplicationFiles.Find(paths);
            var invalid = ReportMissing(search.Missing, error, culture) | InputFiles.ReportProblems(search.Problems, error, culture);
            return new Inputs(catalog, records, search, invalid);
        }
        catch
        {
            records.Dispose();
            throw;
        }
    }

    /// <summary>The rules, records and files a run checks (<see cref="OpenInputs"/>); disposing closes the records.</summary>
    /// <param name="Catalog">The rule sets.</param>
    /// <param name="Records">The records, or <see cref="MineralRecords.None"/>.</param>
    /// <param name="Search">The application files found, the paths missing, the folders that could not be read.</param>
    /// <param name="Invalid">True when a path is missing or a folder could not be read (already reported).</param>
    public sealed record Inputs(RuleSetCatalog Catalog, MineralRecords Records, ApplicationFileSearch Search, bool Invalid) : IDisposable
    {
        public void Dispose() => Records.Dispose();
    }

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
