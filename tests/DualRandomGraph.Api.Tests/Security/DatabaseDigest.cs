using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// A fingerprint of everything in a test database, read directly (not through the application): its schema, and per
/// table the row count and a SHA-256 over every value of every row in a fixed order (SQLite's rowid; on PostgreSQL
/// every column, since a row's physical place moves when it is rewritten). Two digests differ exactly where the data
/// does, and the tables that differ are named.
/// </summary>
internal static class DatabaseDigest
{
    // The schema as the catalogue describes it, one row per object, and the tables' names.
    private const string SqliteSchema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";

    private const string PostgresSchema = """
        SELECT 'column', table_name || '.' || column_name, data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || coalesce(collation_name, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT 'trigger', tgname, pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
        UNION ALL SELECT 'table', table_name, NULL FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        ORDER BY 1, 2
        """;

    public static async Task<SortedDictionary<string, string>> ReadAsync(TestDatabase database)
    {
        var digest = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync();

        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = database is PostgresTestDatabase ? PostgresSchema : SqliteSchema;
            await using var reader = await command.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                text.Append(reader.GetString(0)).Append('|').Append(reader.GetString(1)).Append('|').Append(reader.IsDBNull(2) ? "" : reader.GetString(2)).Append('\n');
                if (reader.GetString(0) == "table")
                {
                    tables.Add(reader.GetString(1));
                }
            }

            digest["(schema)"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }

        foreach (var table in tables)
        {
            digest[table] = await TableDigestAsync(connection, table, database is PostgresTestDatabase);
        }

        return digest;
    }

    private static async Task<string> TableDigestAsync(DbConnection connection, string table, bool everyColumnOrder)
    {
        var quoted = $"\"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        var order = "rowid";
        if (everyColumnOrder)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT * FROM {quoted} LIMIT 0";
            await using var shape = await count.ExecuteReaderAsync();
            order = string.Join(", ", Enumerable.Range(1, shape.FieldCount));
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {quoted} ORDER BY {order}";
        await using var reader = await command.ExecuteReaderAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                // Type-tagged, so that NULL, '' and 0 never hash alike.
                var value = reader.IsDBNull(i) ? "N" : reader.GetValue(i) switch
                {
                    byte[] bytes => "B" + Convert.ToHexString(bytes),
                    var other => other.GetType().Name[0] + Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                };
                hash.AppendData(Encoding.UTF8.GetBytes(value + "\u001f"));
            }

            hash.AppendData("\u001e"u8);
        }

        return $"{rows} rows, sha256 {Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }
}
