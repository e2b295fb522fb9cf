using MineralRules.Diagnostics;
using Npgsql;

namespace MineralRules.Records.Register;

/// <summary>
/// Where a register is: a GeoPackage file (a path ending in <c>.gpkg</c>) or a PostgreSQL database (a connection
/// string: <c>Host=…</c> key-value pairs, or a <c>postgresql://user@host:port/database</c> URI). The one place that
/// tells them apart, for <see cref="RightsRegister.Open"/> and <see cref="RegisterImport"/>.
/// </summary>
internal abstract record RegisterTarget
{
    private RegisterTarget()
    {
    }

    /// <summary>Reads a register argument.</summary>
    /// <exception cref="RecordsException">Neither a <c>.gpkg</c> path nor a PostgreSQL connection string.</exception>
    public static RegisterTarget Of(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return new Postgres(FromUri(trimmed));
        }

        if (LooksLikeKeyValue(trimmed))
        {
            try
            {
                return new Postgres(new NpgsqlConnectionStringBuilder(trimmed));
            }
            catch (ArgumentException e)
            {
                throw Refused(
                    $"The register's connection string does not read: {e.Message} Write it as Host=<host>;Port=<port>;Database=<database>;Username=<user>, or postgresql://<user>@<host>:<port>/<database>.",
                    $"登记簿的连接字符串无法读取：{e.Message} 请写作 Host=<主机>;Port=<端口>;Database=<数据库>;Username=<用户>，或 postgresql://<用户>@<主机>:<端口>/<数据库>。");
            }
        }

        if (trimmed.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            return new GeoPackage(text);
        }

        throw Refused(
            $"'{Shown(text)}' is neither a GeoPackage file (a path ending in .gpkg) nor a PostgreSQL connection string (Host=…;Database=…, or postgresql://…).",
            $"'{Shown(text)}' 既不是 GeoPackage 文件（以 .gpkg 结尾的路径），也不是 PostgreSQL 连接字符串（Host=…;Database=…，或 postgresql://…）。");
    }

    /// <summary>What a register whose connection string does not read is called: never the text itself, which may hold a password.</summary>
    public const string UnreadName = "the PostgreSQL register";

    /// <summary>
    /// A register's name as verdicts and the import cite it: <c>postgresql://host:port/database</c> (without a database,
    /// <c>postgresql://host:port</c>) — never the user, never a password.
    /// </summary>
    public static string NameOf(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql://{builder.Host}:{builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(string.IsNullOrEmpty(builder.Database) ? string.Empty : "/" + builder.Database)}";

    /// <summary>
    /// A register argument as a message may quote it: a URI without its user information (<c>user:password@</c>), and
    /// key-value pairs without the password (<c>Password</c>, <c>Pwd</c>, <c>PSW</c>) and user (<c>Username</c>,
    /// <c>User ID</c>, <c>UID</c>, …) keys.
    /// </summary>
    public static string Redacted(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var start = scheme + 3;
            var end = text.IndexOfAny(['/', '?', '#'], start) is var slash and >= 0 ? slash : text.Length;
            var at = text.LastIndexOf('@', end - 1, end - start);
            return at < 0 ? text : text[..start] + text[(at + 1)..];
        }

        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return text;
        }

        return string.Join(';', text.Split(';').Where(pair => !Secret(pair.Split('=')[0].Trim())));
    }

    private static bool Secret(string key) =>
        key.ToUpperInvariant() is "PASSWORD" or "PWD" or "PSW" or "PASSWORDFILE" or "PASSFILE" or "USERNAME" or "USER NAME" or "USER ID" or "USERID" or "USER" or "UID";

    private static bool LooksLikeKeyValue(string text) =>
        text.Contains('=', StringComparison.Ordinal)
        && text.Split(';').Any(part => part.Split('=')[0].Trim() is var key
            && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase)));

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Refused(
                "The register's connection URI does not read; write postgresql://<user>@<host>:<port>/<database>.",
                "登记簿的连接 URI 无法读取；请写作 postgresql://<用户>@<主机>:<端口>/<数据库>。");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                // libpq's names for the options a URI usually carries; others are taken as Npgsql's keywords.
                builder[key switch
                {
                    "host" => "Host",
                    "sslmode" => "SSL Mode",
                    "connect_timeout" => "Timeout",
                    "application_name" => "Application Name",
                    _ => key,
                }] = value;
            }
            catch (ArgumentException e)
            {
                throw Refused($"The register's connection URI has an option that does not read ({Shown(key)}): {e.Message}", $"登记簿的连接 URI 中有无法读取的选项（{Shown(key)}）：{e.Message}");
            }
        }

        return builder;
    }

    private static string Shown(string text) => Documents.DocumentText.Shown(Redacted(text));

    private static RecordsException Refused(string message, string messageZh) =>
        new([new Diagnostic(SourceLocation.File("register"), DiagnosticCodes.RegisterUnreadable, message) { MessageZh = messageZh }]);

    /// <summary>A GeoPackage file.</summary>
    public sealed record GeoPackage(string Path) : RegisterTarget;

    /// <summary>A PostgreSQL database.</summary>
    public sealed record Postgres(NpgsqlConnectionStringBuilder Builder) : RegisterTarget;
}
