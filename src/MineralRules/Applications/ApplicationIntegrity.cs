using System.Collections;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Reference;

namespace MineralRules.Applications;

/// <summary>
/// What the document reader guarantees by construction and an application built in code may still break: every word
/// a defined value of its vocabulary, no null where the model has a list or a required text, leagues and counties
/// known GB/T 2260 codes that belong together, no control characters in texts. Checked before the validator's rules
/// (which assume a well-formed record), for every way in, so <c>(Permit)7</c>, <c>(Mineral)999</c>,
/// <c>Exemptions = null!</c> or <c>League = "Atlantis"</c> are invalid input with the readers' codes, never a verdict.
/// </summary>
internal static class ApplicationIntegrity
{
    /// <summary>A problem: the field's path (as in documents), its code and the message.</summary>
    public readonly record struct Problem(string Path, string Code, string Message, string MessageZh);

    public static List<Problem> Check(Application application)
    {
        var problems = new List<Problem>();
        if (application.Id is null)
        {
            problems.Add(new("id", DiagnosticCodes.MissingKey, "'id' is required.", "必须填写申请编号（id）。"));
        }

        foreach (var field in FieldCatalog.Default.Fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Word:
                    if (field.Read(application) is { } word && !Enum.IsDefined(field.ValueType, word))
                    {
                        problems.Add(Undefined(field.Path, field.ValueType, word));
                    }

                    break;
                case FieldKind.WordList:
                    if (field.Read(application) is IEnumerable words)
                    {
                        var elementType = field.ValueType.GetGenericArguments()[0];
                        foreach (var item in words)
                        {
                            if (item is null || !Enum.IsDefined(elementType, item))
                            {
                                problems.Add(Undefined(field.Path, elementType, item));
                            }
                        }
                    }

                    break;
                case FieldKind.Capacity:
                    if (field.Read(application) is Capacity capacity && !Enum.IsDefined(capacity.Unit))
                    {
                        problems.Add(Undefined(field.Path + ".unit", typeof(CapacityUnit), capacity.Unit));
                    }

                    break;
                case FieldKind.Text:
                    if (field.Read(application) is string text && ControlCharacter(text) is { } at)
                    {
                        problems.Add(new(field.Path, DiagnosticCodes.WrongType, $"'{field.Path}' holds a control character (U+{(int)text[at]:X4} at position {at + 1}); texts may not contain control characters.", $"{Diagnostics.Wording.Before(Diagnostics.Wording.Field(field.Path))}含有控制字符（第 {at + 1} 个字符为 U+{(int)text[at]:X4}）；文本中不能有控制字符。"));
                    }

                    break;
            }
        }

        Places(application.Location, problems);
        Lists(application, problems);
        return problems;
    }

    /// <summary>The index of the first control character (C0 except tab, line feed and carriage return; DEL; C1), or null.</summary>
    public static int? ControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || (c >= '\u007F' && c <= '\u009F'))
            {
                return i;
            }
        }

        return null;
    }

    private static Problem Undefined(string path, Type vocabulary, object? value) =>
        new(path, DiagnosticCodes.UnknownValue, $"'{path}' holds {(value is null ? "null" : $"'{value}'")}, which is not a value of {vocabulary.Name} (docs/application.md lists the words).",
            $"{Diagnostics.Wording.Before(Diagnostics.Wording.Field(path))}的值为 {(value is null ? "null" : $"'{value}'")}，不是 {vocabulary.Name} 的取值（可用的词见 docs/application.md）。");

    private static void Places(Location? location, List<Problem> problems)
    {
        if (location is null)
        {
            return;
        }

        var divisions = AdministrativeDivisions.Default;
        Division? league = null;
        if (location.League is { } leagueCode)
        {
            league = divisions.ByCode(leagueCode);
            if (league is not { IsLeague: true })
            {
                var named = divisions.Find(leagueCode).FirstOrDefault(d => d.IsLeague);
                problems.Add(new(ApplicationFields.League.Path, DiagnosticCodes.UnknownValue, named is not null
                    ? $"'location.league' is '{leagueCode}'; an application built in code gives the GB/T 2260 code: {named.Code} ({named.Name})."
                    : $"Unknown league or city '{leagueCode}': give one of the 12 GB/T 2260 league codes of Inner Mongolia (e.g. 150600 for 鄂尔多斯市).",
                    named is not null
                    ? $"所在盟市（location.league）为 '{leagueCode}'；在代码中构建的申请应填写 GB/T 2260 代码：{named.Code}（{named.Name}）。"
                    : $"未知的盟市 '{leagueCode}'：请填写内蒙古 12 个盟市之一的 GB/T 2260 代码（如鄂尔多斯市为 150600）。"));
                league = null;
            }
        }

        if (location.County is { } countyCode)
        {
            var county = divisions.ByCode(countyCode);
            if (county is null || county.IsLeague || county.Code == AdministrativeDivisions.RegionCode)
            {
                var named = divisions.Find(countyCode).Where(d => !d.IsLeague && d.Code != AdministrativeDivisions.RegionCode).ToList();
                problems.Add(new(ApplicationFields.County.Path, DiagnosticCodes.UnknownValue, named.Count == 1
                    ? $"'location.county' is '{countyCode}'; an application built in code gives the GB/T 2260 code: {named[0].Code} ({named[0].Name})."
                    : $"Unknown banner or county '{countyCode}': give its GB/T 2260 code (e.g. 150627 for 伊金霍洛旗).",
                    named.Count == 1
                    ? $"所在旗县区（location.county）为 '{countyCode}'；在代码中构建的申请应填写 GB/T 2260 代码：{named[0].Code}（{named[0].Name}）。"
                    : $"未知的旗县区 '{countyCode}'：请填写其 GB/T 2260 代码（如伊金霍洛旗为 150627）。"));
            }
            else if (league is not null && county.LeagueCode != league.Code)
            {
                problems.Add(new(ApplicationFields.County.Path, DiagnosticCodes.UnknownValue, divisions.NotInLeague(county, league), divisions.NotInLeagueZh(county, league)));
            }
            else if (location.League is null)
            {
                problems.Add(new(ApplicationFields.League.Path, DiagnosticCodes.MissingKey, $"'location.county' is given without its league: give 'location.league' {county.LeagueCode} ({divisions.Name(county.LeagueCode)}) too, so league-scoped rules see it.",
                    $"填写了所在旗县区（location.county）但没有填写其所属盟市：请同时填写所在盟市（location.league）{county.LeagueCode}（{divisions.Name(county.LeagueCode)}），以便按盟市适用的规则能够识别。"));
            }
        }

        if (location.Boundary is { } boundary && (boundary.Crs is null || HasNull(boundary.Rings) || (boundary.Polygons is not null && boundary.Polygons.Any(p => p is null || HasNull(p)))))
        {
            problems.Add(new("location.boundary", DiagnosticCodes.WrongType, "'location.boundary' holds a null where a CRS, ring or coordinate pair belongs.", "'location.boundary' 中应为坐标系、环或坐标对的位置写了 null。"));
        }
    }

    private static bool HasNull(IReadOnlyList<IReadOnlyList<IReadOnlyList<decimal>>>? rings) =>
        rings is not null && rings.Any(ring => ring is null || ring.Any(point => point is null));

    private static void Lists(Application application, List<Problem> problems)
    {
        if (application.Exemptions is null)
        {
            problems.Add(new("exemptions", DiagnosticCodes.WrongType, "'exemptions' is null; an application that claims none has an empty list.", "'exemptions' 为 null；不主张任何豁免的申请应写空列表。"));
        }
        else
        {
            for (var i = 0; i < application.Exemptions.Count; i++)
            {
                if (application.Exemptions[i] is not { Clause: not null, Basis: not null })
                {
                    problems.Add(new("exemptions", DiagnosticCodes.WrongType, $"'exemptions' item {i + 1} is null or has a null clause or basis.", $"'exemptions' 的第 {i + 1} 项为 null，或其 clause、basis 为 null。"));
                }
            }
        }
    }
}
