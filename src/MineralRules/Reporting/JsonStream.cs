using System.Text.Json;

namespace MineralRules.Reporting;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose bytes go to a <see cref="TextWriter"/> each time it is flushed, so a report
/// is written piece by piece as applications are checked, never held whole.
/// </summary>
internal sealed class JsonStream(TextWriter output) : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private Utf8JsonWriter? _writer;

    public Utf8JsonWriter Writer => _writer ??= new Utf8JsonWriter(_buffer, ResultJson.WriterOptions);

    public void Flush()
    {
        Writer.Flush();
        output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _buffer.Dispose();
    }
}
