using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// Inserts many rows of one entity with a single prepared statement in the context's current transaction, for the
/// few places that write tens of thousands of rows at once (a draw's target pool, the data generator). Change
/// tracking costs more than the writing there: EF Core fixes up a List navigation with a linear search per added
/// row, so 100,000 pool rows took 13 s to add before a byte was written; this takes well under a second. On
/// PostgreSQL rows without keys to return go in one binary COPY instead: a network round trip per row would cost
/// more than SQLite's in-process calls.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// Inserts <paramref name="rows"/> into <typeparamref name="TEntity"/>'s table, one value per named property,
    /// converted as the model stores it (enums as their names, lists as the provider keeps them). The key is left to the database.
    /// </summary>
    public static Task InsertAsync<TEntity, TRow>(
        AppDbContext db, IReadOnlyList<string> properties, IEnumerable<TRow> rows, Func<TRow, object?[]> values, CancellationToken cancellationToken)
        where TEntity : class
        => InsertAsync(db, EntityType(db, typeof(TEntity).Name, db.Model.FindEntityType(typeof(TEntity))), properties, rows, values, cancellationToken);

    /// <summary>
    /// Inserts rows of a join table without a class of its own (e.g. <c>InspectionTaskCheckItems</c> of a many-to-many
    /// navigation), named as the model names it.
    /// </summary>
    public static Task InsertAsync<TRow>(
        AppDbContext db, string entityTypeName, IReadOnlyList<string> properties, IEnumerable<TRow> rows, Func<TRow, object?[]> values, CancellationToken cancellationToken)
        => InsertAsync(db, EntityType(db, entityTypeName, db.Model.FindEntityType(entityTypeName)), properties, rows, values, cancellationToken);

    /// <summary>
    /// Inserts whole entities (every mapped column but a generated key; navigations and collections of other entities
    /// are not followed) and gives each the key the database generated, so that rows inserted next can point at them.
    /// </summary>
    public static async Task InsertEntitiesAsync<TEntity>(AppDbContext db, IReadOnlyCollection<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = EntityType(db, typeof(TEntity).Name, db.Model.FindEntityType(typeof(TEntity)));
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().Where(p => p != key || p.ValueGenerated == ValueGenerated.Never).ToList();
        await using var command = Command(db, entity, properties, $" RETURNING \"{key.GetColumnName()}\"");
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var prepared = false;
        foreach (var row in entities)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToProvider(properties[i], getters[i].GetClrValue(row));
            }

            prepared = prepared || await PrepareAsync(command, cancellationToken);
            var id = Convert.ChangeType(await command.ExecuteScalarAsync(cancellationToken), key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            key.PropertyInfo!.SetValue(row, id);
        }
    }

    private static async Task InsertAsync<TRow>(
        AppDbContext db, IEntityType entity, IReadOnlyList<string> names, IEnumerable<TRow> rows, Func<TRow, object?[]> values, CancellationToken cancellationToken)
    {
        var properties = names.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {p}.")).ToList();
        if (Transaction(db).Connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, entity, properties, rows, values, cancellationToken);
            return;
        }

        await using var command = Command(db, entity, properties, string.Empty);
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        var prepared = false;
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToProvider(properties[i], rowValues[i]);
            }

            prepared = prepared || await PrepareAsync(command, cancellationToken);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>PostgreSQL's bulk path; COPY joins the connection's open transaction, so the caller's rollback undoes it too.</summary>
    private static async Task CopyAsync<TRow>(
        NpgsqlConnection connection, IEntityType entity, IReadOnlyList<IProperty> properties, IEnumerable<TRow> rows, Func<TRow, object?[]> values, CancellationToken cancellationToken)
    {
        // Binary COPY needs each value's exact type: the column's, without its length ("character varying(32)").
        var types = properties.Select(p => p.GetColumnType() is var type && type.IndexOf('(', StringComparison.Ordinal) is >= 0 and var open ? type[..open] : p.GetColumnType()).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{entity.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            var rowValues = values(row);
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < properties.Count; i++)
            {
                await importer.WriteAsync(ToProvider(properties[i], rowValues[i]), types[i], cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Prepares once the parameters hold the first row's values, for PostgreSQL takes a parameter's type from its
    /// value when preparing. Returns true, for the caller's "prepared yet" flag.
    /// </summary>
    private static async Task<bool> PrepareAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await command.PrepareAsync(cancellationToken);
        return true;
    }

    private static DbTransaction Transaction(AppDbContext db)
        => db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");

    private static DbCommand Command(AppDbContext db, IEntityType entity, IReadOnlyList<IProperty> properties, string returning)
    {
        var transaction = Transaction(db);
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))}){returning}";
        for (var i = 0; i < properties.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>A value as the provider stores the property: through its value converter (enum names, JSON lists, UTC).</summary>
    private static object ToProvider(IProperty property, object? value)
        => (value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) switch
        {
            null => DBNull.Value,
            Enum e => e.ToString(),
            var v => v,
        };

    private static IEntityType EntityType(AppDbContext db, string name, IEntityType? entity)
        => entity ?? throw new InvalidOperationException($"{name} is not in the model of {db.GetType().Name}.");
}
