using System.Globalization;
using System.Xml;

namespace MineralRules.Reporting;

/// <summary>
/// JUnit XML as CI servers read it: one <c>testsuite</c> per application file holding a <c>decision</c> testcase (the
/// application as a whole) and one testcase per applicable rule; fail and review verdicts are failures carrying the
/// clause, the message and the line in the application file.
/// </summary>
internal sealed class JUnitResultReporter : IResultReporter
{
    private readonly XmlWriter _writer;
    private readonly CultureInfo _culture;

    public JUnitResultReporter(TextWriter output, CultureInfo culture)
    {
        _culture = culture;
        _writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false, Encoding = new System.Text.UTF8Encoding(false) });
        _writer.WriteStartDocument();
        _writer.WriteStartElement("testsuites");
        Attribute("name", "mineralrules check");
    }

    public void Report(ReportedApplication application)
    {
        var (source, result) = (application.Source, application.Result);
        if (application.OnlyFailures && result.Decision == Decision.Compliant)
        {
            return;
        }

        var applicable = result.Verdicts.Where(v => v.Outcome != Outcome.NotApplicable && (!application.OnlyFailures || v.Outcome is Outcome.Fail or Outcome.Review)).ToList();
        var failures = applicable.Count(v => v.Outcome is Outcome.Fail or Outcome.Review) + (result.Decision == Decision.Compliant ? 0 : 1);
        _writer.WriteStartElement("testsuite");
        Attribute("name", source);
        Attribute("tests", (applicable.Count + 1).ToString(CultureInfo.InvariantCulture));
        Attribute("failures", failures.ToString(CultureInfo.InvariantCulture));
        Attribute("errors", "0");
        Attribute("skipped", "0");
        Attribute("file", source);

        _writer.WriteStartElement("properties");
        Property("application", result.Application);
        Property("ruleSet", $"{result.RuleSet.Id} {result.RuleSet.Version}");
        Property("decision", Codes.Decision(result.Decision));
        _writer.WriteEndElement();

        _writer.WriteStartElement("testcase");
        Attribute("classname", source);
        Attribute("name", "decision");
        Attribute("file", source);
        if (result.Decision != Decision.Compliant)
        {
            var refs = string.Join("; ", new[]
            {
                result.Failures.Any() ? "fail " + string.Join(", ", Evaluation.ExpectationCheck.Refs(result.Failures)) : null,
                result.Reviews.Any() ? "review " + string.Join(", ", Evaluation.ExpectationCheck.Refs(result.Reviews)) : null,
            }.Where(s => s is not null));
            _writer.WriteStartElement("failure");
            Attribute("type", Codes.Decision(result.Decision));
            Attribute("message", $"{Codes.Decision(result.Decision)}: {refs}");
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();

        foreach (var verdict in applicable)
        {
            var location = application.Locate(verdict);
            _writer.WriteStartElement("testcase");
            Attribute("classname", source);
            Attribute("name", $"{verdict.Clause.Ref} {verdict.Rule}");
            Attribute("file", source);
            if (location.Line > 0)
            {
                Attribute("line", location.Line.ToString(CultureInfo.InvariantCulture));
            }

            if (verdict.Outcome is Outcome.Fail or Outcome.Review)
            {
                var message = verdict.Message?.In(_culture) ?? string.Empty;
                var remedy = verdict.Remedy?.In(_culture);
                _writer.WriteStartElement("failure");
                Attribute("type", Codes.Outcome(verdict.Outcome));
                Attribute("message", $"{verdict.Clause.Ref}: {message}");
                Text($"{location}: {Codes.Outcome(verdict.Outcome)} {verdict.Clause.Ref} ({verdict.Rule})\n{verdict.Clause.Text}\n{verdict.Clause.En}\n{message}\n{(remedy is null ? string.Empty : $"{ReportWords.Remedy(ReportWords.IsZh(_culture))}{remedy}\n")}");
                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
        _writer.Flush();
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        // A suite of one failed test case, so the file is counted and shown, not dropped.
        _writer.WriteStartElement("testsuite");
        Attribute("name", invalid.Source);
        Attribute("tests", "1");
        Attribute("failures", "1");
        Attribute("errors", "0");
        Attribute("skipped", "0");
        Attribute("file", invalid.Source);
        _writer.WriteStartElement("properties");
        Property("decision", ResultJson.InvalidDecision);
        _writer.WriteEndElement();
        _writer.WriteStartElement("testcase");
        Attribute("classname", invalid.Source);
        Attribute("name", "decision");
        Attribute("file", invalid.Source);
        if (invalid.Line > 0)
        {
            Attribute("line", invalid.Line.ToString(CultureInfo.InvariantCulture));
        }

        _writer.WriteStartElement("failure");
        Attribute("type", ResultJson.InvalidDecision);
        Attribute("message", $"{(ReportWords.IsZh(_culture) ? "无效输入：" : "invalid input: ")}{invalid.Diagnostics.FirstOrDefault()?.MessageIn(_culture)}");
        Text(string.Join("\n", invalid.Diagnostics.Select(d => d.Format(_culture))) + "\n");
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Flush();
    }

    public void Complete()
    {
        _writer.WriteEndElement();
        _writer.WriteEndDocument();
        _writer.Flush();
        _writer.Dispose();
    }

    /// <summary>
    /// Text with every character XML 1.0 cannot hold (control characters, unpaired surrogates, U+FFFE/U+FFFF)
    /// written as \uXXXX, so no input can make the writer throw halfway through the report.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        var i = 0;
        while (i < text.Length && IsXmlChar(text, i, out var width))
        {
            i += width;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        builder.Append(text, 0, i);
        while (i < text.Length)
        {
            if (IsXmlChar(text, i, out var width))
            {
                builder.Append(text, i, width);
                i += width;
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:X4}");
                i++;
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlChar(string text, int i, out int width)
    {
        width = 1;
        if (XmlConvert.IsXmlChar(text[i]))
        {
            return true;
        }

        if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
        {
            width = 2;
            return true;
        }

        return false;
    }

    private void Attribute(string name, string? value) => _writer.WriteAttributeString(name, value is null ? null : XmlSafe(value));

    private void Text(string text) => _writer.WriteString(XmlSafe(text));

    private void Property(string name, string value)
    {
        _writer.WriteStartElement("property");
        Attribute("name", name);
        Attribute("value", value);
        _writer.WriteEndElement();
    }
}

/// <summary>The contract's codes for outcomes and decisions.</summary>
internal static class Codes
{
    public static string Outcome(Outcome outcome) => Applications.ResultVocabularies.Outcomes.Code(outcome);

    public static string Decision(Decision decision) => Applications.ResultVocabularies.Decisions.Code(decision);
}
