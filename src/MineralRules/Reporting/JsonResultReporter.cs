using System.Globalization;
using System.Text.Json;

namespace MineralRules.Reporting;

/// <summary>The contract's JSON: always an array, one result object per application.</summary>
internal sealed class JsonResultReporter : IResultReporter
{
    private readonly TextWriter _output;
    private readonly CultureInfo _culture;
    private readonly bool _includeNotApplicable;
    private readonly JsonStream _stream;
    private readonly Utf8JsonWriter _writer;

    public JsonResultReporter(TextWriter output, CultureInfo culture, bool includeNotApplicable)
    {
        _output = output;
        _culture = culture;
        _includeNotApplicable = includeNotApplicable;
        _stream = new JsonStream(output);
        _writer = _stream.Writer;
        _writer.WriteStartArray();
    }

    public void Report(ReportedApplication application)
    {
        var (source, result) = (application.Source, application.Result);
        if (application.OnlyFailures && result.Decision == Decision.Compliant)
        {
            return;
        }

        ResultJson.Write(_writer, result, source, _culture, _includeNotApplicable, application.Read, application.OnlyFailures);
        _stream.Flush();
    }

    public void ReportInvalid(InvalidApplication invalid)
    {
        ResultJson.WriteInvalid(_writer, invalid.Source, invalid.Diagnostics, _culture);
        _stream.Flush();
    }

    public void Complete()
    {
        _writer.WriteEndArray();
        _stream.Flush();
        _output.WriteLine();
        _stream.Dispose();
    }
}
