using System.Globalization;

namespace MineralRules.Server;

/// <summary>
/// Every sentence the server writes itself, one table per language: the titles and details of its problem details
/// (its own and the web host's 400, 404, 405, 413, 415, 500, 503), the status's reload message, the preview's
/// problems and its log lines. The request's language picks the table (<see cref="Languages.Of"/>); the log's is
/// <see cref="ServerOptions.Culture"/>. Decisions and outcomes are the library's words (<c>PlainNames</c>), diagnostics
/// carry their own two texts; codes, paths, keys and numbers are the same in both tables.
/// </summary>
internal sealed class ServerText
{
    public static readonly ServerText En = new()
    {
        BadRequestTitle = "Bad request",
        BadRequestDetail = "The request could not be read.",
        InvalidTitle = "Invalid application",
        InvalidDetail = "The application is invalid: {0} error(s).",
        BatchNotArray = "The batch must be a JSON array of application objects.",
        AmbiguousTitle = "Ambiguous version",
        AmbiguousDetail = "Version {0} belongs to more than one rule set ({1}); name one with ?ruleSet=<id> beside ?version={0}.",
        NotFoundTitle = "Not found",
        NotFoundDetail = "No such path: the rulebook starts at /, the preview is /preview, the API /api/v1.",
        NoPage = "No page '/{0}' here: the rulebook starts at /, the preview is /preview, the API /api/v1.",
        NoRuleSet = "No rule set {0} {1} is served; GET /api/v1/rule-sets lists them.",
        MethodNotAllowedTitle = "Method not allowed",
        MethodNotAllowedDetail = "This path does not take that method; the OpenAPI document at /openapi/v1.json lists each endpoint's.",
        TooLargeTitle = "Request too large",
        ApplicationTooLarge = "The application is larger than the limit of {0} bytes.",
        BatchTooLarge = "The batch is larger than the limit of {0} bytes.",
        BatchTooMany = "The batch has more than {0} applications, the limit of one batch.",
        BodyTooLarge = "The request body is larger than the server accepts.",
        UnsupportedTitle = "Unsupported media type",
        UnsupportedDetail = "The content type '{0}' is not accepted here; send {1}.",
        NoContentType = "(none)",
        SendJsonOrYaml = "application/json or application/yaml",
        SendBatch = "a JSON array (application/json) or multipart/form-data files",
        ServerErrorTitle = "Internal server error",
        ServerErrorDetail = "Something unforeseen went wrong; the server's log has the error under this traceId.",
        TimeoutTitle = "Service unavailable",
        TimeoutDetail = "The request took longer than the server's time limit for one request; try again, or send fewer applications at once.",
        Loaded = "Loaded the rule sets from {0}.",
        Reloaded = "Reloaded the rule sets from {0}.",
        Refused = "The edit of {0} was refused with {1} error(s); the last good rule sets keep serving.",
        EmbeddedRules = "the embedded rules",
        PreviewSendForm = "Send the form (multipart/form-data or application/x-www-form-urlencoded).",
        PreviewFormTooLarge = "The form is larger than the limit of {0} bytes per application.",
        PreviewEmpty = "Paste an application or choose a file.",
        PreviewNoSample = "There is no sample '{0}' (any more); choose one from the list.",
        LogReloaded = "Reloaded the rule sets from {0}: {1}.",
        LogRefused = "The edit of {0} was refused with {1} error(s); still serving {2}.",
        LogFolderGone = "The rules folder {0} is gone; watching again once it is back.",
    };

    public static readonly ServerText Zh = new()
    {
        BadRequestTitle = "请求无效",
        BadRequestDetail = "无法读取该请求。",
        InvalidTitle = "申请无效",
        InvalidDetail = "申请无效：{0} 个错误。",
        BatchNotArray = "批量请求应为由申请对象组成的 JSON 数组。",
        AmbiguousTitle = "版本不明确",
        AmbiguousDetail = "版本 {0} 属于多个规则集（{1}）；请在 ?version={0} 之外用 ?ruleSet=<id> 指明其一。",
        NotFoundTitle = "未找到",
        NotFoundDetail = "没有这个路径：规则手册从 / 开始，预检页面为 /preview，API 为 /api/v1。",
        NoPage = "这里没有页面 '/{0}'：规则手册从 / 开始，预检页面为 /preview，API 为 /api/v1。",
        NoRuleSet = "服务中没有规则集 {0} {1}；GET /api/v1/rule-sets 列出所有规则集。",
        MethodNotAllowedTitle = "不允许的方法",
        MethodNotAllowedDetail = "此路径不接受该方法；/openapi/v1.json 的 OpenAPI 文档列出每个端点接受的方法。",
        TooLargeTitle = "请求过大",
        ApplicationTooLarge = "申请超过了 {0} 字节的大小上限。",
        BatchTooLarge = "批量请求超过了 {0} 字节的大小上限。",
        BatchTooMany = "批量请求中的申请多于 {0} 件，即一次批量的上限。",
        BodyTooLarge = "请求正文超过了服务器接受的大小。",
        UnsupportedTitle = "不支持的媒体类型",
        UnsupportedDetail = "此处不接受内容类型 '{0}'；请发送 {1}。",
        NoContentType = "（无）",
        SendJsonOrYaml = "application/json 或 application/yaml",
        SendBatch = "JSON 数组（application/json）或 multipart/form-data 文件",
        ServerErrorTitle = "服务器内部错误",
        ServerErrorDetail = "发生了意外错误；服务器日志中以此 traceId 记录了该错误。",
        TimeoutTitle = "服务不可用",
        TimeoutDetail = "请求超过了服务器对单个请求的时限；请重试，或一次发送较少的申请。",
        Loaded = "已从 {0} 加载规则集。",
        Reloaded = "已从 {0} 重新加载规则集。",
        Refused = "对 {0} 的修改因 {1} 个错误未被载入；仍以上次可用的规则集服务。",
        EmbeddedRules = "内置规则",
        PreviewSendForm = "请提交表单（multipart/form-data 或 application/x-www-form-urlencoded）。",
        PreviewFormTooLarge = "表单超过了每件申请 {0} 字节的大小上限。",
        PreviewEmpty = "请粘贴申请或选择文件。",
        PreviewNoSample = "没有（或已不再有）示例 '{0}'；请从列表中选择。",
        LogReloaded = "已从 {0} 重新加载规则集：{1}。",
        LogRefused = "对 {0} 的修改因 {1} 个错误未被载入；仍在使用 {2}。",
        LogFolderGone = "规则文件夹 {0} 已不存在；待其恢复后重新监视。",
    };

    public required string BadRequestTitle { get; init; }

    public required string BadRequestDetail { get; init; }

    public required string InvalidTitle { get; init; }

    /// <summary>{0}: the number of errors.</summary>
    public required string InvalidDetail { get; init; }

    public required string BatchNotArray { get; init; }

    public required string AmbiguousTitle { get; init; }

    /// <summary>{0}: the version; {1}: the rule-set ids that have it.</summary>
    public required string AmbiguousDetail { get; init; }

    public required string NotFoundTitle { get; init; }

    public required string NotFoundDetail { get; init; }

    /// <summary>{0}: the path asked for.</summary>
    public required string NoPage { get; init; }

    /// <summary>{0}: the id; {1}: the version.</summary>
    public required string NoRuleSet { get; init; }

    public required string MethodNotAllowedTitle { get; init; }

    public required string MethodNotAllowedDetail { get; init; }

    public required string TooLargeTitle { get; init; }

    /// <summary>{0}: the limit in bytes.</summary>
    public required string ApplicationTooLarge { get; init; }

    /// <summary>{0}: the limit in bytes.</summary>
    public required string BatchTooLarge { get; init; }

    /// <summary>{0}: the most applications of one batch.</summary>
    public required string BatchTooMany { get; init; }

    public required string BodyTooLarge { get; init; }

    public required string UnsupportedTitle { get; init; }

    /// <summary>{0}: the content type sent; {1}: what to send.</summary>
    public required string UnsupportedDetail { get; init; }

    public required string NoContentType { get; init; }

    public required string SendJsonOrYaml { get; init; }

    public required string SendBatch { get; init; }

    public required string ServerErrorTitle { get; init; }

    public required string ServerErrorDetail { get; init; }

    public required string TimeoutTitle { get; init; }

    public required string TimeoutDetail { get; init; }

    /// <summary>{0}: where the rules come from.</summary>
    public required string Loaded { get; init; }

    /// <summary>{0}: where the rules come from.</summary>
    public required string Reloaded { get; init; }

    /// <summary>{0}: where the rules come from; {1}: the number of errors.</summary>
    public required string Refused { get; init; }

    public required string EmbeddedRules { get; init; }

    public required string PreviewSendForm { get; init; }

    /// <summary>{0}: the limit in bytes.</summary>
    public required string PreviewFormTooLarge { get; init; }

    public required string PreviewEmpty { get; init; }

    /// <summary>{0}: the sample asked for.</summary>
    public required string PreviewNoSample { get; init; }

    /// <summary>{0}: the folder; {1}: the rule sets now served.</summary>
    public required string LogReloaded { get; init; }

    /// <summary>{0}: the folder; {1}: the number of errors; {2}: the rule sets still served.</summary>
    public required string LogRefused { get; init; }

    /// <summary>{0}: the folder.</summary>
    public required string LogFolderGone { get; init; }

    /// <summary>The table of a culture: Chinese for zh, English for any other.</summary>
    public static ServerText For(CultureInfo culture) => Languages.IsChinese(culture) ? Zh : En;

    /// <summary>Fills a sentence's placeholders, numbers written culture-invariantly.</summary>
    public static string Format(string template, params object?[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
