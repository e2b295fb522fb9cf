using Npgsql;

namespace MineralRules.Tests.Records;

/// <summary>
/// A throw-away PostGIS database for one fixture, in the server named by <c>MINERALRULES_TEST_POSTGRES</c> (a
/// connection string to a database with PostGIS, which .ci/run starts). Without the variable the PostGIS tests are
/// ignored locally; in CI (<c>CI=true</c>) a missing database is a failure, not an ignore.
/// </summary>
internal sealed class PostgisTestDatabase : IDisposable
{
    public const string Variable = "MINERALRULES_TEST_POSTGRES";

    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly string _database;

    private PostgisTestDatabase(NpgsqlConnectionStringBuilder server, string database)
    {
        _server = server;
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, Pooling = false }.ConnectionString;
    }

    /// <summary>The connection string of this fixture's database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a database with PostGIS, or ignores (locally) or fails (in CI) the fixture when there is no server.</summary>
    public static PostgisTestDatabase Create()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"CI runs the PostGIS tests: set {Variable} to a PostgreSQL connection string (.ci/run starts a server and sets it).");
            }

            Assert.Ignore($"PostGIS tests need a server: set {Variable} to a PostgreSQL connection string of a database with PostGIS (.ci/run does).");
        }

        var server = new NpgsqlConnectionStringBuilder(configured) { Pooling = false };
        var database = "mineralrules_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(server.ConnectionString, $"CREATE DATABASE {database}");
        var created = new PostgisTestDatabase(server, database);
        Execute(created.ConnectionString, "CREATE EXTENSION IF NOT EXISTS postgis");
        return created;
    }

    public void Dispose() => Execute(_server.ConnectionString, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
