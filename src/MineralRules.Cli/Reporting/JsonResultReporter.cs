using System.Globalization;
using System.Text.Json;

namespace MineralRules.Cli.Reporting;

/// <summary>The contract's JSON: always an array, one result object per application.</summary>
internal sealed class JsonResultReporter : IResultReporter
{
    private readonly TextWriter _output;
    private readonly CultureInfo _culture;
    private readonly bool _includeNotApplicable;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public JsonResultReporter(TextWriter output, CultureInfo culture, bool includeNotApplicable)
    {
        _output = output;
        _culture = culture;
        _includeNotApplicable = includeNotApplicable;
        _writer = new Utf8JsonWriter(_buffer, ResultJson.WriterOptions);
        _writer.WriteStartArray();
    }

    public void Report(ReportedApplication application)
    {
        var (source, result) = (application.Source, application.Result);
        ResultJson.Write(_writer, result, source, _culture, _includeNotApplicable);
        Flush();
    }

    public void Complete()
    {
        _writer.WriteEndArray();
        Flush();
        _output.WriteLine();
        _writer.Dispose();
        _buffer.Dispose();
    }

    private void Flush()
    {
        _writer.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
