using Microsoft.Extensions.Logging;

namespace MineralRules;

/// <summary>The library's log messages, source-generated so they cost nothing when the level is off.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded and compiled the rule sets from {Source}: {Versions} ({RuleCount} rules) in {Milliseconds:F0} ms.")]
    public static partial void Loaded(ILogger logger, string source, string versions, int ruleCount, double milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The rule sets from {Source} did not load: {Count} error(s).")]
    public static partial void LoadFailed(ILogger logger, string source, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Diagnostic}")]
    public static partial void Diagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Reloaded the rule sets from {Source}: {Versions}.")]
    public static partial void Reloaded(ILogger logger, string source, string versions);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Reload from {Source} refused with {Count} error(s); still serving the rule sets from {Serving}.")]
    public static partial void ReloadRefused(ILogger logger, string source, int count, string serving);
}
