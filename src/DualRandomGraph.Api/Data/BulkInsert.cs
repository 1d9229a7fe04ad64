using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// Inserts many rows of one entity with a single prepared statement in the context's current transaction, for the
/// few places that write tens of thousands of rows at once (a draw's target pool, the data generator). Change
/// tracking costs more than the writing there: EF Core fixes up a List navigation with a linear search per added
/// row, so 100,000 pool rows took 13 s to add before a byte was written; this takes well under a second.
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
        await using var command = await PrepareAsync(db, entity, properties, $" RETURNING \"{key.GetColumnName()}\"", cancellationToken);
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        foreach (var row in entities)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToProvider(properties[i], getters[i].GetClrValue(row));
            }

            var id = Convert.ChangeType(await command.ExecuteScalarAsync(cancellationToken), key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            key.PropertyInfo!.SetValue(row, id);
        }
    }

    private static async Task InsertAsync<TRow>(
        AppDbContext db, IEntityType entity, IReadOnlyList<string> names, IEnumerable<TRow> rows, Func<TRow, object?[]> values, CancellationToken cancellationToken)
    {
        var properties = names.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {p}.")).ToList();
        await using var command = await PrepareAsync(db, entity, properties, string.Empty, cancellationToken);
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToProvider(properties[i], rowValues[i]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<DbCommand> PrepareAsync(AppDbContext db, IEntityType entity, IReadOnlyList<IProperty> properties, string returning, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
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

        await command.PrepareAsync(cancellationToken);
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
