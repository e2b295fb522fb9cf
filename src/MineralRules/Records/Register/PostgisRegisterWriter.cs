using MineralRules.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace MineralRules.Records.Register;

/// <summary>
/// Loads a register into PostgreSQL/PostGIS: creates the <c>mineralrules</c> schema, its two tables and their indexes
/// when absent (a GiST index on the boundary; b-tree indexes on the deposit and block keys and the county, and a covering one for the
/// county's sand/gravel mining rights), then replaces the whole content in one transaction (DELETE, binary COPY) and
/// vacuums and analyses the tables. Deposits and blocks are looked up by their <see cref="RegisterKeys"/> keys, stored
/// at import in <c>deposit_key</c> and <c>block_key</c> beside the text as imported (which findings show); counties
/// are stored as their GB/T 2260 codes, already keys. Readers see the old register until the commit and the new one
/// after it, never a mixture, and are never blocked by the import (DELETE takes no lock that blocks a reader).
/// </summary>
internal static class PostgisRegisterWriter
{
    private const string Schema = PostgisRegister.Schema;

    public static async Task WriteAsync(NpgsqlConnectionStringBuilder builder, RegisterContent content, RightsRegisterOptions options, CancellationToken cancellationToken)
    {
        var name = RegisterTarget.NameOf(builder);
        await using var dataSource = PostgisRegister.DataSource(builder, options);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var check = new NpgsqlCommand("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'", connection))
            {
                if ((long)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
                {
                    throw new RecordsException([new Diagnostic(SourceLocation.File(name), DiagnosticCodes.RegisterNotWritten, "The database has no PostGIS: run CREATE EXTENSION postgis; in it (as a user allowed to), then import again.")
                    {
                        MessageZh = "该数据库没有 PostGIS：请（以有权限的用户）在其中执行 CREATE EXTENSION postgis;，然后重新导入。",
                    }]);
                }
            }

            // The geometry type was only just looked up if the extension was created in this session's lifetime.
            await connection.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var create = new NpgsqlCommand(
                $"""
                CREATE SCHEMA IF NOT EXISTS {Schema};
                CREATE TABLE IF NOT EXISTS {Schema}.rights (
                  id text PRIMARY KEY,
                  kind text NOT NULL CHECK (kind IN ('exploration', 'mining')),
                  holder text NOT NULL,
                  mineral text NOT NULL,
                  county text NOT NULL,
                  deposit text,
                  block text,
                  deposit_key text,
                  block_key text,
                  valid_from date NOT NULL,
                  valid_to date NOT NULL CHECK (valid_to >= valid_from),
                  synthetic boolean NOT NULL DEFAULT false,
                  geom geometry(MultiPolygon, 4490) NOT NULL);
                CREATE INDEX IF NOT EXISTS rights_geom ON {Schema}.rights USING gist (geom);
                -- The keys rights are looked up by (RegisterKeys.Normalize): the columns deposit and block keep the text as imported.
                -- Added to a register written by an older version only: ALTER TABLE locks out readers even when it changes nothing.
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = '{Schema}' AND table_name = 'rights' AND column_name = 'deposit_key') THEN
                    ALTER TABLE {Schema}.rights ADD COLUMN deposit_key text, ADD COLUMN block_key text;
                    DROP INDEX IF EXISTS {Schema}.rights_deposit;
                    DROP INDEX IF EXISTS {Schema}.rights_block;
                  END IF;
                END $$;
                CREATE INDEX IF NOT EXISTS rights_deposit_key ON {Schema}.rights (deposit_key);
                CREATE INDEX IF NOT EXISTS rights_block_key ON {Schema}.rights (block_key);
                CREATE INDEX IF NOT EXISTS rights_county ON {Schema}.rights (county);
                -- A county's sand/gravel mining rights (5.2.2) from the index alone, without visiting the table.
                CREATE INDEX IF NOT EXISTS rights_county_sand_gravel ON {Schema}.rights (county)
                  INCLUDE (id, kind, holder, mineral, deposit, block, valid_from, valid_to, synthetic)
                  WHERE kind = 'mining' AND mineral = '{StoredRight.SandGravel}';
                CREATE TABLE IF NOT EXISTS {Schema}.control_numbers (
                  county text NOT NULL,
                  number integer NOT NULL CHECK (number >= 0),
                  set_by text NOT NULL,
                  date date NOT NULL,
                  PRIMARY KEY (county, date));
                -- DELETE, not TRUNCATE: TRUNCATE would lock out every reader until the commit; after DELETE readers
                -- go on seeing the old register (MVCC) until the new one is committed.
                DELETE FROM {Schema}.rights;
                DELETE FROM {Schema}.control_numbers;
                """,
                connection,
                transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {Schema}.rights (id, kind, holder, mineral, county, deposit, block, deposit_key, block_key, valid_from, valid_to, synthetic, geom) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                foreach (var right in content.Rights)
                {
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(StoredRight.KindCode(right.Kind), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.Holder, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.Mineral, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.County, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteNullable(copy, right.Deposit, cancellationToken).ConfigureAwait(false);
                    await WriteNullable(copy, right.Block, cancellationToken).ConfigureAwait(false);
                    await WriteNullable(copy, RegisterKeys.Normalize(right.Deposit), cancellationToken).ConfigureAwait(false);
                    await WriteNullable(copy, RegisterKeys.Normalize(right.Block), cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.ValidFrom, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.ValidTo, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.Synthetic, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(right.Boundary, NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
                }

                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {Schema}.control_numbers (county, number, set_by, date) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                foreach (var control in content.ControlNumbers)
                {
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(control.County, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(control.Number, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(control.SetBy, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(control.Date, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                }

                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            // Statistics for the planner, and the visibility map the index-only scans need.
            // One statement per command: VACUUM cannot run inside the implicit transaction of a multi-statement command.
            foreach (var table in new[] { "rights", "control_numbers" })
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {Schema}.{table}", connection);
                await vacuum.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgisRegister.Failure(name, PostgisRegister.Endpoint(builder), PostgisRegister.ConnectTimeout(builder, options), e);
        }
    }

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
