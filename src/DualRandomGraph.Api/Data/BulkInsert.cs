using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// Inserts many rows of one entity with a single prepared statement in the context's current transaction, for the
/// few places that write tens of thousands of rows at once (a draw's target pool). Change tracking costs more than
/// the writing there: EF Core fixes up a List navigation with a linear search per added row, so 100,000 pool rows
/// took 13 s to add before a byte was written; this takes well under a second. On PostgreSQL the rows go in one
/// binary COPY instead: a round trip per row over the network would cost more than SQLite's in-process calls.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// Inserts <paramref name="rows"/> into <typeparamref name="TEntity"/>'s table, one value per named property
    /// (enums as their names, as the model stores them). The key is left to the database.
    /// </summary>
    public static async Task InsertAsync<TEntity, TRow>(
        AppDbContext db, IReadOnlyList<string> properties, IEnumerable<TRow> rows, Func<TRow, object?[]> values, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var columns = properties.Select(p => entity.FindProperty(p)?.GetColumnName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {p}.")).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");

        if (transaction.Connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, table, columns, rows, values, cancellationToken);
            return;
        }

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) => AddParameter(command, $"@p{i}")).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = rowValues[i] switch
                {
                    null => DBNull.Value,
                    Enum e => e.ToString(),
                    var v => v,
                };
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task CopyAsync<TRow>(
        NpgsqlConnection connection, string table, List<string> columns, IEnumerable<TRow> rows, Func<TRow, object?[]> values, CancellationToken cancellationToken)
    {
        // COPY joins the connection's open transaction, so a failure later in the caller's transaction undoes it too.
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in values(row))
            {
                switch (value)
                {
                    case null:
                        await importer.WriteNullAsync(cancellationToken);
                        break;
                    case Enum e:
                        await importer.WriteAsync(e.ToString(), cancellationToken);
                        break;
                    case string text:
                        await importer.WriteAsync(text, cancellationToken);
                        break;
                    case int number:
                        await importer.WriteAsync(number, cancellationToken);
                        break;
                    default:
                        throw new NotSupportedException($"Bulk inserts take text, enums and integers, not {value.GetType().Name}.");
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
