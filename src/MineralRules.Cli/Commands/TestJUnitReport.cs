using System.Globalization;
using System.Text;
using System.Xml;

namespace MineralRules.Cli.Commands;

/// <summary>
/// One sample of <c>mineralrules test</c>: its expectation and result (both null when it carries no <c>expect</c>
/// block), and what differs — or, with no result, why it could not be evaluated.
/// </summary>
internal sealed record TestCaseReport(string Source, Expectation? Expected, EvaluationResult? Result, IReadOnlyList<string> Problems);

/// <summary>
/// <c>mineralrules test --format junit</c>: a testcase per sample (classname its folder, name its file); a sample that
/// differs is a failure whose message says what differs and whose text sets expected against actual; a file that
/// cannot be read or evaluated is an error; a sample without an <c>expect</c> block is skipped.
/// </summary>
internal static class TestJUnitReport
{
    public static void Write(IReadOnlyList<TestCaseReport> cases, TextWriter output)
    {
        var failures = cases.Count(c => c.Result is not null && c.Problems.Count > 0);
        var errors = cases.Count(c => c.Result is null && c.Problems.Count > 0);
        var skipped = cases.Count(c => c.Expected is null && c.Problems.Count == 0);
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", "mineralrules test");
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", "mineralrules test");
            writer.WriteAttributeString("tests", Number(cases.Count));
            writer.WriteAttributeString("failures", Number(failures));
            writer.WriteAttributeString("errors", Number(errors));
            writer.WriteAttributeString("skipped", Number(skipped));
            foreach (var testCase in cases)
            {
                WriteCase(writer, testCase);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        output.WriteLine();
    }

    private static void WriteCase(XmlWriter writer, TestCaseReport testCase)
    {
        var slash = testCase.Source.LastIndexOf('/');
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", slash > 0 ? testCase.Source[..slash] : ".");
        writer.WriteAttributeString("name", slash >= 0 ? testCase.Source[(slash + 1)..] : testCase.Source);
        writer.WriteAttributeString("file", testCase.Source);
        switch (testCase)
        {
            case { Result: null, Problems.Count: > 0 }:
                writer.WriteStartElement("error");
                writer.WriteAttributeString("type", "invalid");
                writer.WriteAttributeString("message", Safe(testCase.Problems[0]));
                writer.WriteString(Safe(string.Join("\n", testCase.Problems) + "\n"));
                writer.WriteEndElement();
                break;
            case { Expected: null }:
                writer.WriteStartElement("skipped");
                writer.WriteAttributeString("message", "no 'expect' block: nothing to compare with");
                writer.WriteEndElement();
                break;
            case { Expected: { } expected, Result: { } result }:
                var comparison = $"expected: {Describe(expected.Decision, expected.Fail, expected.Review)}\nactual:   {Describe(result.Decision, Refs(result.Failures), Refs(result.Reviews))}\n";
                if (testCase.Problems.Count > 0)
                {
                    writer.WriteStartElement("failure");
                    writer.WriteAttributeString("type", "differs");
                    writer.WriteAttributeString("message", string.Join("; ", testCase.Problems));
                    writer.WriteString(comparison + string.Join("\n", testCase.Problems) + "\n");
                    writer.WriteEndElement();
                }
                else
                {
                    writer.WriteElementString("system-out", comparison);
                }

                break;
        }

        writer.WriteEndElement();
    }

    private static string Describe(Decision? decision, IReadOnlyList<string> fail, IReadOnlyList<string> review) =>
        $"decision {(decision is { } d ? Code(d) : "(any)")}, fail [{string.Join(", ", fail)}], review [{string.Join(", ", review)}]";

    private static IReadOnlyList<string> Refs(IEnumerable<Verdict> verdicts) =>
        [.. verdicts.Select(v => v.Clause.Ref).Distinct(StringComparer.Ordinal)];

    /// <summary>The contract's word for a decision (<c>non-compliant</c>), as the library writes it.</summary>
    private static string Code(Decision decision) => ResultJson.DecisionCode(decision);

    /// <summary>Characters XML cannot hold (control characters from a garbled file) written as \uXXXX.</summary>
    private static string Safe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) ? c.ToString() : $"\\u{(int)c:X4}"));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
