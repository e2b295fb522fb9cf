using Microsoft.Extensions.Logging;

namespace MineralRules.Server;

/// <summary>The server's log messages (source-generated).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Watching the rules folder failed: {Why}")]
    public static partial void WatchError(ILogger logger, string why);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Request {TraceId} failed: {Why}")]
    public static partial void RequestFailed(ILogger logger, string traceId, string why);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Reloaded}")]
    public static partial void Reloaded(ILogger logger, string reloaded);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{Diagnostic}")]
    public static partial void Diagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Refused}")]
    public static partial void Refused(ILogger logger, string refused);
}
