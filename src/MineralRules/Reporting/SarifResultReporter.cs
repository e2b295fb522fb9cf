using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace MineralRules.Reporting;

/// <summary>
/// SARIF 2.1.0 for code-scanning services: one result per fail (level error) or review (level warning) verdict,
/// pointing at the line of the application file, with the rule id and the clause (ref, the plan's words, English).
/// Results are written as they come; the tool's rule descriptors, collected on the way, close the run.
/// </summary>
internal sealed class SarifResultReporter : IResultReporter
{
    private readonly TextWriter _output;
    private readonly CultureInfo _culture;
    private readonly JsonStream _stream;
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private readonly List<Verdict> _ruleDescriptors = [];
    private bool _invalidSeen;

    /// <summary>The rule id of results for files that could not be read or validated.</summary>
    private const string InvalidRule = "invalid-input";

    public SarifResultReporter(TextWriter output, CultureInfo culture)
    {
        _output = output;
        _culture = culture;
        _stream = new JsonStream(output);
        _writer = _stream.Writer;
        _writer.WriteStartObject();
        _writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        _writer.WriteString("version", "2.1.0");
        _writer.WriteStartArray("runs");
        _writer.WriteStartObject();
        _writer.WriteStartArray("results");
    }

    public void Report(ReportedApplication application)
    {
        foreach (var verdict in application.Result.Verdicts.Where(v => v.Outcome is Outcome.Fail or Outcome.Review))
        {
            if (!_ruleIndex.TryGetValue(verdict.Rule, out var index))
            {
                index = _ruleDescriptors.Count;
                _ruleIndex.Add(verdict.Rule, index);
                _ruleDescriptors.Add(verdict);
            }

            var location = application.Locate(verdict);
            _writer.WriteStartObject();
            _writer.WriteString("ruleId", verdict.Rule);
            _writer.WriteNumber("ruleIndex", index);
            _writer.WriteString("level", verdict.Outcome == Outcome.Fail ? "error" : "warning");
            _writer.WriteStartObject("message");
            _writer.WriteString("text", $"{verdict.Clause.Ref} {verdict.Clause.Text} — {verdict.Message?.In(_culture)}{(verdict.Remedy is { } remedy ? $" {ReportWords.Remedy(ReportWords.IsZh(_culture))}{remedy.In(_culture)}" : string.Empty)}");
            _writer.WriteEndObject();
            _writer.WriteStartArray("locations");
            _writer.WriteStartObject();
            _writer.WriteStartObject("physicalLocation");
            _writer.WriteStartObject("artifactLocation");
            _writer.WriteString("uri", application.Source);
            _writer.WriteEndObject();
            if (location.Line > 0)
            {
                _writer.WriteStartObject("region");
                _writer.WriteNumber("startLine", location.Line);
                _writer.WriteNumber("startColumn", Math.Max(1, location.Column));
                _writer.WriteEndObject();
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
            _writer.WriteEndArray();
            _writer.WriteStartObject("properties");
            _writer.WriteString("outcome", Codes.Outcome(verdict.Outcome));
            _writer.WriteString("decision", Codes.Decision(application.Result.Decision));
            _writer.WriteString("application", application.Result.Application);
            _writer.WriteString("ruleSet", $"{application.Result.RuleSet.Id} {application.Result.RuleSet.Version}");
            _writer.WriteStartObject("clause");
            _writer.WriteString("ref", verdict.Clause.Ref);
            _writer.WriteString("text", verdict.Clause.Text);
            _writer.WriteString("en", verdict.Clause.En);
            _writer.WriteEndObject();
            if (verdict.Remedy is { } what)
            {
                _writer.WriteString("remedy", what.In(_culture));
            }

            if (verdict.Missing.Count > 0)
            {
                _writer.WriteStartArray("missing");
                verdict.Missing.ToList().ForEach(_writer.WriteStringValue);
                _writer.WriteEndArray();
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
        }

        _stream.Flush();
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        // An error result per diagnostic, at its line: the file is never left out of the run.
        foreach (var diagnostic in invalid.Diagnostics)
        {
            _writer.WriteStartObject();
            _writer.WriteString("ruleId", InvalidRule);
            _writer.WriteString("level", "error");
            _writer.WriteStartObject("message");
            _writer.WriteString("text", ReportWords.IsZh(_culture) ? $"无效输入 [{diagnostic.Code}]：{diagnostic.MessageIn(_culture)}" : $"Invalid input [{diagnostic.Code}]: {diagnostic.Message}");
            _writer.WriteEndObject();
            _writer.WriteStartArray("locations");
            _writer.WriteStartObject();
            _writer.WriteStartObject("physicalLocation");
            _writer.WriteStartObject("artifactLocation");
            _writer.WriteString("uri", invalid.Source);
            _writer.WriteEndObject();
            if (diagnostic.Location.Line > 0)
            {
                _writer.WriteStartObject("region");
                _writer.WriteNumber("startLine", diagnostic.Location.Line);
                _writer.WriteNumber("startColumn", Math.Max(1, diagnostic.Location.Column));
                _writer.WriteEndObject();
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
            _writer.WriteEndArray();
            _writer.WriteStartObject("properties");
            _writer.WriteString("decision", ResultJson.InvalidDecision);
            _writer.WriteString("code", diagnostic.Code);
            _writer.WriteEndObject();
            _writer.WriteEndObject();
        }

        _invalidSeen = true;
        _stream.Flush();
    }

    public void Complete()
    {
        _writer.WriteEndArray();
        _writer.WriteStartObject("tool");
        _writer.WriteStartObject("driver");
        _writer.WriteString("name", "mineralrules");
        _writer.WriteString("informationUri", "https://github.com/mineralrules/mineralrules");
        _writer.WriteString("semanticVersion", typeof(SarifResultReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0");
        _writer.WriteStartArray("rules");
        foreach (var verdict in _ruleDescriptors)
        {
            _writer.WriteStartObject();
            _writer.WriteString("id", verdict.Rule);
            _writer.WriteStartObject("shortDescription");
            _writer.WriteString("text", $"{verdict.Clause.Ref}: {(ReportWords.IsZh(_culture) ? verdict.Clause.Text : verdict.Clause.En)}");
            _writer.WriteEndObject();
            _writer.WriteStartObject("fullDescription");
            _writer.WriteString("text", verdict.Clause.Text);
            _writer.WriteEndObject();
            _writer.WriteStartObject("properties");
            _writer.WriteString("clause", verdict.Clause.Ref);
            _writer.WriteEndObject();
            _writer.WriteEndObject();
        }

        if (_invalidSeen)
        {
            _writer.WriteStartObject();
            _writer.WriteString("id", InvalidRule);
            _writer.WriteStartObject("shortDescription");
            _writer.WriteString("text", ReportWords.IsZh(_culture) ? "申请文件无法读取或未通过校验，没有结论。" : "The application file could not be read or validated; it has no verdict.");
            _writer.WriteEndObject();
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _stream.Flush();
        _output.WriteLine();
        _stream.Dispose();
    }
}
