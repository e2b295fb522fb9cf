using System.Globalization;
using System.Xml;

namespace MineralRules.Cli.Reporting;

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
        _writer.WriteAttributeString("name", "mineralrules check");
    }

    public void Report(ReportedApplication application)
    {
        var (source, result) = (application.Source, application.Result);
        var applicable = result.Verdicts.Where(v => v.Outcome != Outcome.NotApplicable).ToList();
        var failures = applicable.Count(v => v.Outcome is Outcome.Fail or Outcome.Review) + (result.Decision == Decision.Compliant ? 0 : 1);
        _writer.WriteStartElement("testsuite");
        _writer.WriteAttributeString("name", source);
        _writer.WriteAttributeString("tests", (applicable.Count + 1).ToString(CultureInfo.InvariantCulture));
        _writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        _writer.WriteAttributeString("errors", "0");
        _writer.WriteAttributeString("skipped", "0");
        _writer.WriteAttributeString("file", source);

        _writer.WriteStartElement("properties");
        Property("application", result.Application);
        Property("ruleSet", $"{result.RuleSet.Id} {result.RuleSet.Version}");
        Property("decision", Codes.Decision(result.Decision));
        _writer.WriteEndElement();

        _writer.WriteStartElement("testcase");
        _writer.WriteAttributeString("classname", source);
        _writer.WriteAttributeString("name", "decision");
        _writer.WriteAttributeString("file", source);
        if (result.Decision != Decision.Compliant)
        {
            var refs = string.Join("; ", new[]
            {
                result.Failures.Any() ? "fail " + string.Join(", ", Evaluation.ExpectationCheck.Refs(result.Failures)) : null,
                result.Reviews.Any() ? "review " + string.Join(", ", Evaluation.ExpectationCheck.Refs(result.Reviews)) : null,
            }.Where(s => s is not null));
            _writer.WriteStartElement("failure");
            _writer.WriteAttributeString("type", Codes.Decision(result.Decision));
            _writer.WriteAttributeString("message", $"{Codes.Decision(result.Decision)}: {refs}");
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();

        foreach (var verdict in applicable)
        {
            var location = application.Locate(verdict);
            _writer.WriteStartElement("testcase");
            _writer.WriteAttributeString("classname", source);
            _writer.WriteAttributeString("name", $"{verdict.Clause.Ref} {verdict.Rule}");
            _writer.WriteAttributeString("file", source);
            if (location.Line > 0)
            {
                _writer.WriteAttributeString("line", location.Line.ToString(CultureInfo.InvariantCulture));
            }

            if (verdict.Outcome is Outcome.Fail or Outcome.Review)
            {
                var message = verdict.Message?.In(_culture) ?? string.Empty;
                var remedy = verdict.Remedy?.In(_culture);
                _writer.WriteStartElement("failure");
                _writer.WriteAttributeString("type", Codes.Outcome(verdict.Outcome));
                _writer.WriteAttributeString("message", $"{verdict.Clause.Ref}: {message}");
                _writer.WriteString($"{location}: {Codes.Outcome(verdict.Outcome)} {verdict.Clause.Ref} ({verdict.Rule})\n{verdict.Clause.Text}\n{verdict.Clause.En}\n{message}\n{(remedy is null ? string.Empty : $"Remedy: {remedy}\n")}");
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
        _writer.WriteAttributeString("name", invalid.Source);
        _writer.WriteAttributeString("tests", "1");
        _writer.WriteAttributeString("failures", "1");
        _writer.WriteAttributeString("errors", "0");
        _writer.WriteAttributeString("skipped", "0");
        _writer.WriteAttributeString("file", invalid.Source);
        _writer.WriteStartElement("properties");
        Property("decision", ResultJson.InvalidDecision);
        _writer.WriteEndElement();
        _writer.WriteStartElement("testcase");
        _writer.WriteAttributeString("classname", invalid.Source);
        _writer.WriteAttributeString("name", "decision");
        _writer.WriteAttributeString("file", invalid.Source);
        if (invalid.Line > 0)
        {
            _writer.WriteAttributeString("line", invalid.Line.ToString(CultureInfo.InvariantCulture));
        }

        _writer.WriteStartElement("failure");
        _writer.WriteAttributeString("type", ResultJson.InvalidDecision);
        _writer.WriteAttributeString("message", $"invalid input: {invalid.Diagnostics.FirstOrDefault()?.Message}");
        _writer.WriteString(string.Join("\n", invalid.Diagnostics.Select(d => d.ToString())) + "\n");
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

    private void Property(string name, string value)
    {
        _writer.WriteStartElement("property");
        _writer.WriteAttributeString("name", name);
        _writer.WriteAttributeString("value", value);
        _writer.WriteEndElement();
    }
}

/// <summary>The contract's codes for outcomes and decisions.</summary>
internal static class Codes
{
    public static string Outcome(Outcome outcome) => Applications.ResultVocabularies.Outcomes.Code(outcome);

    public static string Decision(Decision decision) => Applications.ResultVocabularies.Decisions.Code(decision);
}
