using Microsoft.Extensions.Logging;

namespace MineralRules.Server;

/// <summary>The server's log messages (source-generated).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Watching the rules folder failed: {Why}")]
    public static partial void WatchError(ILogger logger, string why);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Request {TraceId} failed: {Why}")]
    public static partial void RequestFailed(ILogger logger, string traceId, string why);
}
