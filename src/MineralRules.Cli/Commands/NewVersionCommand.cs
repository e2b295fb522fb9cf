using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using MineralRules.Tooling;

namespace MineralRules.Cli.Commands;

/// <summary>
/// <c>mineralrules new-version &lt;from&gt; &lt;to&gt; --effective-from &lt;date&gt; [--rules &lt;folder&gt;]</c>: scaffolds
/// <c>&lt;to&gt;/</c> beside <c>from</c>'s own folder as a copy of version <c>from</c> with its manifest updated (version,
/// effectiveFrom, supersedes <c>from</c>) and no <c>seal.yaml</c>: a draft until <c>mineralrules seal</c>. Refuses a
/// target that exists, a <c>from</c> that is not the latest version of its id (a copy of an older one would drop the
/// edits since), a date not after the latest version's effective-from (all versions in a folder form one timeline),
/// and a version that is not MAJOR.MINOR.PATCH above <c>from</c>.
/// Exit 0 created, 2 refused (nothing is written).
/// </summary>
internal static partial class NewVersionCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliText? text = null)
    {
        text ??= CliText.En;
        var from = new Argument<string>("from") { Description = text.NewVersionFrom };
        var to = new Argument<string>("to") { Description = text.NewVersionTo };
        var effectiveFrom = new Option<string>("--effective-from")
        {
            Description = text.NewVersionEffectiveFrom,
            Required = true,
        };
        var rules = new Option<string>("--rules")
        {
            Description = text.NewVersionRules,
            DefaultValueFactory = _ => "rules",
        };
        var culture = CommonOptions.Culture(text);
        var command = new Command("new-version", text.NewVersionCommand) { from, to, effectiveFrom, rules, culture };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(from), parsed.GetRequiredValue(to), parsed.GetRequiredValue(effectiveFrom), parsed.GetValue(rules)!, output, error, CommonOptions.ToCulture(parsed.GetValue(culture)!)));
        return command;
    }

    public static int Run(string from, string to, string effectiveFrom, string rulesFolder, TextWriter output, TextWriter error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var text = CliText.For(culture);
        if (!SemVer().IsMatch(to))
        {
            return Refuse(error, text, CliText.Format(text.NvNotAVersion, to));
        }

        if (!DateOnly.TryParseExact(effectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Refuse(error, text, CliText.Format(text.NvNotADate, effectiveFrom));
        }

        var catalog = CommonOptions.LoadRules(rulesFolder, error, culture);
        if (catalog is null)
        {
            return ExitCodes.InvalidInput;
        }

        var sources = catalog.RuleSets.Where(r => r.Info.Version == from).ToList();
        if (sources.Count != 1)
        {
            return Refuse(error, text, sources.Count == 0
                ? CliText.Format(text.NvNoVersion, from, CommonOptions.Display(rulesFolder), string.Join(", ", catalog.RuleSets.Select(r => $"{r.Info.Id} {r.Info.Version}")))
                : CliText.Format(text.NvSeveral, from, string.Join(", ", sources.Select(r => r.Info.Id))));
        }

        var source = sources[0].Info;
        var ofId = catalog.RuleSets.Where(r => r.Info.Id == source.Id).Select(r => r.Info.Version).ToList();
        var highest = ofId.MaxBy(v => v, Comparer<string>.Create(RuleSetVersions.Compare))!;
        if (highest != from)
        {
            // A copy of an older version would silently drop the edits made in the versions after it.
            return Refuse(error, text, CliText.Format(text.NvNotLatest, from, source.Id, CommonOptions.Display(rulesFolder), highest));
        }

        if (RuleSetVersions.Compare(to, from) <= 0)
        {
            return Refuse(error, text, CliText.Format(text.NvNotAbove, to, from, CommonOptions.Display(rulesFolder), Next(from)));
        }

        // All versions in a folder form one timeline: the new version takes effect after the last to take effect.
        var latest = catalog.RuleSets[^1].Info;
        if (date <= latest.EffectiveFrom)
        {
            return Refuse(error, text, CliText.Format(text.NvNotAfter, effectiveFrom, latest.Id, latest.Version, latest.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CommonOptions.Display(rulesFolder)));
        }

        // The version's own folder as loaded (its folder name need not be its version).
        var fromFolder = source.Folder;
        var target = Path.Combine(Path.GetDirectoryName(fromFolder)!, to);
        if (Directory.Exists(target) || File.Exists(target))
        {
            return Refuse(error, text, CliText.Format(text.NvExists, CommonOptions.Display(target)));
        }

        var manifest = File.ReadAllText(Path.Combine(fromFolder, "manifest.yaml"));
        Copy(fromFolder, target);
        File.WriteAllText(Path.Combine(target, "manifest.yaml"), Manifest(manifest, from, to, effectiveFrom));

        var shown = CommonOptions.Display(target);
        var folder = CommonOptions.Display(rulesFolder);
        output.WriteLine(CliText.Format(text.NvCreated, shown, from, effectiveFrom));
        output.WriteLine(text.NvNext);
        output.WriteLine(CliText.Format(text.NvStep1, shown, folder));
        output.WriteLine($"  2. mineralrules lint {folder}");
        output.WriteLine(CliText.Format(text.NvStep3, effectiveFrom));
        output.WriteLine($"  4. mineralrules test samples/applications --rules {folder}");
        output.WriteLine($"  5. mineralrules diff --from {from} --to {to} --rules {folder} --samples samples/applications");
        output.WriteLine($"  6. mineralrules seal {shown}");
        return ExitCodes.Compliant;
    }

    /// <summary>The copied manifest with the new version, date and supersession; its comments and other keys kept as written.</summary>
    internal static string Manifest(string text, string from, string to, string effectiveFrom)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var result = new List<string>();
        var superseded = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (TopKey(line) is "supersedes" or "effectiveTo")
            {
                // The block (the key and its indented lines) is replaced: a new version is open-ended and supersedes <from>.
                while (i + 1 < lines.Count && (lines[i + 1].Length == 0 || lines[i + 1].StartsWith(' ')))
                {
                    i++;
                }

                if (TopKey(line) == "supersedes")
                {
                    result.AddRange(Supersedes(from));
                    superseded = true;
                }

                continue;
            }

            if (TopKey(line) == "effectiveFrom")
            {
                // The comment above the date speaks of <from>'s period: it is replaced, not left to mislead.
                while (result.Count > 0 && result[^1].StartsWith('#') && !result[^1].StartsWith("# yaml-language-server", StringComparison.Ordinal))
                {
                    result.RemoveAt(result.Count - 1);
                }

                result.Add($"# In force from {effectiveFrom} until a later version takes effect (no effectiveTo); it supersedes {from}.");
            }

            result.Add(TopKey(line) switch
            {
                "version" => ReplaceValue(line, to),
                "effectiveFrom" => ReplaceValue(line, effectiveFrom),
                _ => line,
            });
        }

        if (!superseded)
        {
            var at = result.FindIndex(l => TopKey(l) == "effectiveFrom") + 1;
            result.InsertRange(at > 0 ? at : result.Count, Supersedes(from));
        }

        return string.Join(newline, result);
    }

    private static string[] Supersedes(string from) =>
    [
        "supersedes:",
        $"  version: {from}",
        "  reason:   # say what this version changes and why, before it is sealed",
        "    zh: 待填写：本版本修改了什么、为什么。",
        "    en: \"To be written: what this version changes, and why.\"",
    ];

    private static string? TopKey(string line) => TopKeyPattern().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    private static string ReplaceValue(string line, string value) => ValuePattern().Replace(line, $"${{key}}{value}", 1);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative == RuleSetSeal.FileName)
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static int Refuse(TextWriter error, CliText text, string why)
    {
        error.WriteLine(CliText.Format(text.NvRefused, why));
        return ExitCodes.InvalidInput;
    }

    /// <summary>The next minor version after a MAJOR.MINOR.PATCH version, e.g. 2.1.0 after 2.0.3.</summary>
    private static string Next(string version)
    {
        var parts = version.Split('-', 2)[0].Split('.');
        var major = parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var minor = parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{major}.{minor + 1}.0");
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^([A-Za-z]+):", RegexOptions.CultureInvariant)]
    private static partial Regex TopKeyPattern();

    [GeneratedRegex(@"^(?<key>[A-Za-z]+:[ \t]*)[^\s#]+", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePattern();
}
