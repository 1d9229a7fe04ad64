using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// A fingerprint of everything in a SQLite file, read directly (not through the application): its schema, and per
/// table the row count and a SHA-256 over every value of every row in rowid order. Two digests differ exactly
/// where the data does, and the tables that differ are named.
/// </summary>
internal static class DatabaseDigest
{
    public static async Task<SortedDictionary<string, string>> ReadAsync(string path)
    {
        var digest = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();

        var tables = new List<string>();
        using var schema = SHA256.Create();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
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
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid";
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

            digest[table] = $"{rows} rows, sha256 {Convert.ToHexStringLower(hash.GetHashAndReset())}";
        }

        return digest;
    }
}
