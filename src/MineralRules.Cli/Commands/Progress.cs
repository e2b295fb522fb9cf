using System.Diagnostics;
using System.Globalization;

namespace MineralRules.Cli.Commands;

/// <summary>
/// A progress bar on standard error for long runs: drawn only when standard error is a terminal (never in CI logs or
/// when piped), only once the run has lasted <see cref="Delay"/>, and redrawn at most every <see cref="Interval"/>. It is
/// one line rewritten with a carriage return; <see cref="Clear"/> wipes it before anything else is written.
/// </summary>
internal sealed class Progress
{
    /// <summary>A run shorter than this shows no bar.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const int Width = 30;

    private readonly TextWriter _error;
    private readonly int _total;
    private readonly bool _enabled;
    private readonly TimeSpan _delay;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _drawnAt;
    private int _done;
    private int _drawnLength;

    /// <param name="error">Standard error.</param>
    /// <param name="total">How many items the run has.</param>
    /// <param name="errorIsTerminal">True when standard error is a terminal; otherwise nothing is ever drawn.</param>
    /// <param name="delay">How long a run lasts before the bar shows; <see cref="Delay"/> unless given (tests).</param>
    public Progress(TextWriter error, int total, bool errorIsTerminal, TimeSpan? delay = null)
    {
        _error = error;
        _total = total;
        _enabled = errorIsTerminal && total > 1;
        _delay = delay ?? Delay;
    }

    /// <summary>One more item done; redraws the bar when it is due.</summary>
    public void Advance()
    {
        _done++;
        var now = _clock.Elapsed;
        if (!_enabled || now < _delay || (_drawnLength > 0 && now - _drawnAt < Interval && _done < _total))
        {
            return;
        }

        var filled = (int)((long)Width * _done / _total);
        var line = string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{_total} files");
        _error.Write(line);
        _error.Flush();
        _drawnLength = line.Length - 1;
        _drawnAt = now;
    }

    /// <summary>Wipes the bar, if drawn, so the next line written starts clean.</summary>
    public void Clear()
    {
        if (_drawnLength == 0)
        {
            return;
        }

        _error.Write($"\r{new string(' ', _drawnLength)}\r");
        _error.Flush();
        _drawnLength = 0;
    }
}
