using System.Globalization;
using System.Text;
using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules.Records.Register;

/// <summary>
/// Reads the control numbers of a register import (5.2.2): a UTF-8 CSV whose header is exactly
/// <c>county,number,setBy,date</c> — the county's GB/T 2260 code or name, the number of sand/gravel/earth mining rights
/// it may hold, the league that set it, and the date it was set (YYYY-MM-DD). Fields may be quoted ("…", with "" for a
/// quote). Every problem is located (file:line:column) and all are collected.
/// </summary>
internal static class ControlNumbersCsv
{
    public const string Header = "county,number,setBy,date";

    private const long MaxBytes = 64L * 1024 * 1024;

    public static List<StoredControlNumber> Read(string path, DiagnosticBag diagnostics)
    {
        var numbers = new List<StoredControlNumber>();
        if (!SafeFiles.TryReadText(path, MaxBytes, out var text, out var error))
        {
            diagnostics.Add(SourceLocation.File(path), error!.Value.Code, $"Cannot read the control numbers: {error.Value.Message}", $"无法读取控制数量文件：{error.Value.MessageZh}");
            return numbers;
        }

        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r').Trim() != Header)
        {
            diagnostics.Add(
                new SourceLocation(path, 1, 1),
                DiagnosticCodes.ControlNumbersInvalid,
                $"The first line must be the header {Header}, found '{DocumentText.Shown(lines[0].TrimEnd('\r'))}'.",
                $"第一行必须是表头 {Header}，实际为 '{DocumentText.Shown(lines[0].TrimEnd('\r'))}'。");
            return numbers;
        }

        var seen = new Dictionary<(string County, DateOnly Date), int>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var lineNumber = i + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (Fields(line) is not { } fields)
            {
                diagnostics.Add(new SourceLocation(path, lineNumber, 1), DiagnosticCodes.ControlNumbersInvalid, "A quoted field is not closed.", "有一个带引号的字段没有闭合。");
                continue;
            }

            if (fields.Count != 4)
            {
                diagnostics.Add(
                    new SourceLocation(path, lineNumber, 1),
                    DiagnosticCodes.ControlNumbersInvalid,
                    $"A line has 4 fields ({Header}), this one has {fields.Count.ToString(CultureInfo.InvariantCulture)}.",
                    $"每行应有 4 个字段（{Header}），此行有 {fields.Count.ToString(CultureInfo.InvariantCulture)} 个。");
                continue;
            }

            var before = diagnostics.Count;
            SourceLocation At(int field) => new(path, lineNumber, fields[field].Column);
            var county = RightsGeoJson.County(fields[0].Text, new ScalarNode(fields[0].Text, quoted: true, At(0)), diagnostics);
            if (!int.TryParse(fields[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                diagnostics.Add(At(1), DiagnosticCodes.ControlNumbersInvalid, $"The number '{DocumentText.Shown(fields[1].Text)}' is not a whole number of rights (0 or more).", $"数量 '{DocumentText.Shown(fields[1].Text)}' 不是矿业权的个数（0 或正整数）。");
            }

            if (fields[2].Text.Length == 0)
            {
                diagnostics.Add(At(2), DiagnosticCodes.ControlNumbersInvalid, "setBy is empty; write the league that set the number.", "setBy 为空；请写出下达该数量的盟市。");
            }

            if (!Scalars.TryParseIsoDate(fields[3].Text, out var date))
            {
                diagnostics.Add(At(3), DiagnosticCodes.BadDate, $"'{DocumentText.Shown(fields[3].Text)}' is not a date; write an existing calendar date as YYYY-MM-DD (e.g. 2024-05-01).", $"'{DocumentText.Shown(fields[3].Text)}' 不是日期；请按 YYYY-MM-DD 写一个实际存在的日期（如 2024-05-01）。");
            }

            if (diagnostics.Count != before || county is null)
            {
                continue;
            }

            if (seen.TryGetValue((county, date), out var first))
            {
                diagnostics.Add(
                    new SourceLocation(path, lineNumber, 1),
                    DiagnosticCodes.DuplicateRecord,
                    $"County {county} has a second control number set on {fields[3].Text} (first on line {first.ToString(CultureInfo.InvariantCulture)}); keep one per county and date.",
                    $"旗县区 {county} 在 {fields[3].Text} 有第二个控制数量（第一个在第 {first.ToString(CultureInfo.InvariantCulture)} 行）；每个旗县区每个日期只保留一个。");
                continue;
            }

            seen.Add((county, date), lineNumber);
            numbers.Add(new StoredControlNumber(county, number, fields[2].Text, date));
        }

        return numbers;
    }

    /// <summary>The fields of one line, trimmed, each with its 1-based column; null when a quote is not closed.</summary>
    private static List<(string Text, int Column)>? Fields(string line)
    {
        var fields = new List<(string, int)>();
        var i = 0;
        while (true)
        {
            var column = i + 1;
            var field = new StringBuilder();
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                while (i < line.Length && line[i] != ',')
                {
                    i++;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    field.Append(line[i++]);
                }
            }

            fields.Add((field.ToString().Trim(), column));
            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }
}
