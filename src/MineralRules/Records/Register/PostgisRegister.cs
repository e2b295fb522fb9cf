using System.Globalization;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace MineralRules.Records.Register;

/// <summary>
/// The register in PostgreSQL with PostGIS, for a whole province (docs/records.md): tables
/// <c>mineralrules.rights</c> (a GiST index on the boundary, b-tree indexes on the deposit and block keys — <see cref="RegisterKeys"/> — and the county) and
/// <c>mineralrules.control_numbers</c>. Each application is one round trip through a pooled
/// <see cref="NpgsqlDataSource"/>: one batch of queries gathers the candidates — by deposit, by block, by county, and
/// by <c>ST_Intersects</c> with the site (the GiST index answers it) — and the overlap areas are then measured on this
/// side with <see cref="SiteGeometry"/>, exactly as the GeoPackage register measures them, so both backends give the
/// same hectares. A server that does not answer is a <see cref="RecordsException"/>, never declared facts.
/// </summary>
internal sealed class PostgisRegister : IRightsRegister
{
    public const string Schema = "mineralrules";
    private const string Columns = "id, kind, holder, mineral, county, deposit, block, valid_from, valid_to, synthetic";
    private const string Valid = "valid_from <= @date AND valid_to >= @date";

    private static readonly MultiPolygon NoBoundary = MultiPolygon.Empty;

    private readonly NpgsqlDataSource _dataSource;
    private readonly decimal _tolerance;
    private readonly string _endpoint;
    private readonly int _connectTimeout;

    private PostgisRegister(NpgsqlDataSource dataSource, string name, string endpoint, int connectTimeout, decimal tolerance)
    {
        _dataSource = dataSource;
        Name = name;
        _endpoint = endpoint;
        _connectTimeout = connectTimeout;
        _tolerance = tolerance;
    }

    public string Name { get; }

    /// <summary>Opens the pool and checks, once, that the server answers and holds a register.</summary>
    /// <exception cref="RecordsException">The server does not answer, refuses the connection, or holds no register tables.</exception>
    public static PostgisRegister Open(NpgsqlConnectionStringBuilder builder, RightsRegisterOptions options)
    {
        var register = new PostgisRegister(DataSource(builder, options), RegisterTarget.NameOf(builder), Endpoint(builder), ConnectTimeout(builder, options), options.OverlapToleranceHectares);
        try
        {
            register.Run(connection =>
            {
                using var command = new NpgsqlCommand($"SELECT deposit_key, block_key FROM {Schema}.rights LIMIT 0; SELECT 1 FROM {Schema}.control_numbers LIMIT 0", connection);
                command.ExecuteNonQuery();
            });
            return register;
        }
        catch
        {
            register.Dispose();
            throw;
        }
    }

    /// <summary>A pooled data source with PostGIS types read as NetTopologySuite geometries and the timeouts of the options (unless the connection string sets its own).</summary>
    public static NpgsqlDataSource DataSource(NpgsqlConnectionStringBuilder builder, RightsRegisterOptions options)
    {
        var copy = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (!Explicit(builder, "Timeout"))
        {
            copy.Timeout = Seconds(options.ConnectTimeout);
        }

        if (!Explicit(builder, "Command Timeout"))
        {
            copy.CommandTimeout = Seconds(options.CommandTimeout);
        }

        // The same few queries run for every application: prepared once per pooled connection, they skip parse and plan.
        if (!Explicit(builder, "Max Auto Prepare"))
        {
            copy.MaxAutoPrepare = 16;
            copy.AutoPrepareMinUsages = 2;
        }

        if (!Explicit(builder, "Application Name"))
        {
            copy.ApplicationName = "mineralrules";
        }

        var dataSource = new NpgsqlDataSourceBuilder(copy.ConnectionString);
        dataSource.UseNetTopologySuite();
        return dataSource.Build();
    }

    public async ValueTask<RegisterFindings> FindAsync(Application application, CancellationToken cancellationToken = default)
    {
        var query = RegisterQuery.Of(application);
        var byDeposit = new List<StoredRight>();
        var byBlock = new List<StoredRight>();
        var bySite = new List<StoredRight>();
        var countySandGravel = new List<StoredRight>();
        StoredControlNumber? control = null;
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection);
            var targets = new List<List<StoredRight>?>();
            void Add(string sql, List<StoredRight>? target, params (string Name, object Value, NpgsqlDbType Type)[] parameters)
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter("date", NpgsqlDbType.Date) { Value = query.Date });
                foreach (var (name, value, type) in parameters)
                {
                    command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
                }

                batch.BatchCommands.Add(command);
                targets.Add(target);
            }

            if (query.DepositId is { } deposit)
            {
                Add($"SELECT {Columns} FROM {Schema}.rights WHERE deposit_key = @key AND kind = 'mining' AND {Valid}", byDeposit, ("key", deposit, NpgsqlDbType.Text));
            }

            if (query.BlockCode is { } block)
            {
                Add($"SELECT {Columns} FROM {Schema}.rights WHERE block_key = @key AND {Valid}", byBlock, ("key", block, NpgsqlDbType.Text));
            }

            if (query.Site is { } site)
            {
                Add($"SELECT {Columns}, geom FROM {Schema}.rights WHERE ST_Intersects(geom, @site) AND {Valid}", bySite, ("site", site.LonLat, NpgsqlDbType.Geometry));
            }

            if (query.County is { } county)
            {
                Add($"SELECT {Columns} FROM {Schema}.rights WHERE county = @key AND kind = 'mining' AND mineral = '{StoredRight.SandGravel}' AND {Valid}", countySandGravel, ("key", county, NpgsqlDbType.Text));
                Add($"SELECT county, number, set_by, date FROM {Schema}.control_numbers WHERE county = @key AND date <= @date ORDER BY date DESC LIMIT 1", null, ("key", county, NpgsqlDbType.Text));
            }

            if (batch.BatchCommands.Count > 0)
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                foreach (var target in targets)
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (target is null)
                        {
                            control = new StoredControlNumber(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3));
                        }
                        else
                        {
                            target.Add(ReadRight(reader));
                        }
                    }

                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw Failed(e);
        }

        return query.Findings(Name, new RegisterCandidates(byDeposit, byBlock, bySite, countySandGravel, control), _tolerance);
    }

    public void Dispose() => _dataSource.Dispose();

    /// <summary>The server as messages name it: host and port, never a password.</summary>
    public static string Endpoint(NpgsqlConnectionStringBuilder builder) => $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The connect timeout in force, in seconds.</summary>
    public static int ConnectTimeout(NpgsqlConnectionStringBuilder builder, RightsRegisterOptions options) =>
        Explicit(builder, "Timeout") ? builder.Timeout : Seconds(options.ConnectTimeout);

    /// <summary>
    /// True when the connection string itself sets a keyword (Npgsql's builder answers ContainsKey for every keyword it
    /// knows, so its connection string — which writes only the keywords set — is read as plain pairs).
    /// </summary>
    private static bool Explicit(NpgsqlConnectionStringBuilder builder, string keyword) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey(keyword);

    /// <summary>Whole seconds, at least 1 (what Npgsql's timeouts take).</summary>
    public static int Seconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));

    /// <summary>
    /// A right read from a row of <see cref="Columns"/>, with its boundary when the row has it (the query by the site's
    /// extent: the only candidates whose overlap is measured) and an empty one otherwise.
    /// </summary>
    public static StoredRight ReadRight(NpgsqlDataReader reader)
    {
        var boundary = NoBoundary;
        if (reader.FieldCount > 10)
        {
            var geometry = reader.GetFieldValue<Geometry>(10);
            boundary = geometry as MultiPolygon ?? new MultiPolygon([(Polygon)geometry], geometry.Factory);
        }

        return new StoredRight(
            reader.GetString(0),
            Kind(reader.GetString(0), reader.GetString(1)),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetFieldValue<DateOnly>(7),
            reader.GetFieldValue<DateOnly>(8),
            reader.GetBoolean(9),
            boundary);
    }

    /// <summary>A stored kind of right; any other word is a broken register, never read as one of the kinds.</summary>
    private static Permit Kind(string id, string word) =>
        StoredRight.ParseKind(word) ?? throw new RecordsException([new Diagnostic(SourceLocation.File($"{Schema}.rights#{id}"), DiagnosticCodes.RegisterUnreadable, $"The register's right {DocumentText.Shown(id)} has the kind '{DocumentText.Shown(word)}', neither exploration nor mining: import the register again.")
        {
            MessageZh = $"登记簿中矿业权 {DocumentText.Shown(id)} 的类型为 '{DocumentText.Shown(word)}'，既不是 exploration 也不是 mining：请重新导入登记簿。",
        }]);

    /// <summary>The one message for a server that cannot be reached, refuses us, or fails a query.</summary>
    public static RecordsException Failure(string name, string endpoint, int connectTimeout, Exception e)
    {
        var (code, message, messageZh) = e switch
        {
            PostgresException { SqlState: "42P01" or "3F000" } => (
                DiagnosticCodes.RegisterUnreadable,
                $"The database at {endpoint} holds no rights register (no {Schema}.rights or {Schema}.control_numbers table): load one with `mineralrules register import <rights.geojson> --into <connection string>`.",
                $"{endpoint} 上的数据库中没有矿业权登记簿（没有 {Schema}.rights 或 {Schema}.control_numbers 表）：请用 `mineralrules register import <rights.geojson> --into <连接字符串>` 导入。"),
            PostgresException { SqlState: "42703" } => (
                DiagnosticCodes.RegisterUnreadable,
                $"The database at {endpoint} holds a rights register written by an older version (no deposit_key or block_key column in {Schema}.rights): import it again with `mineralrules register import <rights.geojson> --into <connection string>`.",
                $"{endpoint} 上的数据库中的矿业权登记簿由旧版本写入（{Schema}.rights 中没有 deposit_key 或 block_key 列）：请用 `mineralrules register import <rights.geojson> --into <连接字符串>` 重新导入。"),
            PostgresException { SqlState: var state } p when state.StartsWith("28", StringComparison.Ordinal) || state == "3D000" => (
                DiagnosticCodes.RegisterUnreachable,
                $"The register's PostgreSQL server at {endpoint} refused the connection: {p.MessageText} Check the database name, the user and its password, and that pg_hba.conf admits this machine.",
                $"{endpoint} 上登记簿的 PostgreSQL 服务器拒绝了连接：{p.MessageText} 请检查数据库名、用户及其密码，以及 pg_hba.conf 是否允许本机连接。"),
            PostgresException p => (
                DiagnosticCodes.RegisterUnreachable,
                $"The register's PostgreSQL server at {endpoint} failed a query: {p.MessageText} ({p.SqlState}).",
                $"{endpoint} 上登记簿的 PostgreSQL 服务器执行查询失败：{p.MessageText}（{p.SqlState}）。"),
            _ when IsTimeout(e) => (
                DiagnosticCodes.RegisterUnreachable,
                $"The register's PostgreSQL server at {endpoint} did not answer in time (connect timeout {connectTimeout.ToString(CultureInfo.InvariantCulture)} s, or the query's command timeout): {Innermost(e)} Check that the server is running and not overloaded, and raise RightsRegisterOptions.ConnectTimeout or CommandTimeout (or Timeout= / Command Timeout= in the connection string) if it is only slow.",
                $"{endpoint} 上登记簿的 PostgreSQL 服务器未能及时应答（连接超时 {connectTimeout.ToString(CultureInfo.InvariantCulture)} 秒，或查询超时）：{Innermost(e)} 请检查服务器是否运行、是否过载；若只是较慢，可加大 RightsRegisterOptions.ConnectTimeout 或 CommandTimeout（或连接字符串中的 Timeout= / Command Timeout=）。"),
            _ => (
                DiagnosticCodes.RegisterUnreachable,
                $"The register's PostgreSQL server at {endpoint} cannot be reached: {Innermost(e)} Check that the server is running and listens on that host and port (listen_addresses, port in postgresql.conf), that pg_hba.conf admits this machine, and that no firewall is in between.",
                $"无法连接 {endpoint} 上登记簿的 PostgreSQL 服务器：{Innermost(e)} 请检查服务器是否运行并在该主机和端口上监听（postgresql.conf 中的 listen_addresses 和 port），pg_hba.conf 是否允许本机连接，以及中间是否有防火墙。"),
        };
        return new RecordsException([new Diagnostic(SourceLocation.File(name), code, message) { MessageZh = messageZh }], e);
    }

    private static bool IsTimeout(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static string Innermost(Exception e)
    {
        var current = e;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        var text = current.Message.TrimEnd();
        return text.EndsWith('.') ? text : text + ".";
    }

    private RecordsException Failed(Exception e) => Failure(Name, _endpoint, _connectTimeout, e);

    private void Run(Action<NpgsqlConnection> action)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            action(connection);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Failed(e);
        }
    }
}
