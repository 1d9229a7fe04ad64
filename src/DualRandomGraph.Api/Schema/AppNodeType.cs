using System.Linq.Expressions;
using DualRandomGraph.Api.Data;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Schema;

/// <summary>
/// A node type over one of our entities: <c>node(id:)</c> loads it by key from <see cref="Readable"/>, so a type only
/// says what differs (details to include, rows a caller may not see) instead of repeating the load.
/// </summary>
public abstract class AppNodeType<TEntity> : NodeGraphType<TEntity>
    where TEntity : class
{
    private readonly string _keyName;

    protected AppNodeType(Expression<Func<TEntity, int>> key, params Expression<Func<TEntity, object?>>[] excludedProperties)
        : base(key, excludedProperties)
        => _keyName = ((MemberExpression)key.Body).Member.Name;

    /// <summary>The records this type reads for a caller, with what its fields show of them; untracked.</summary>
    protected virtual IQueryable<TEntity> Readable(AppDbContext db, IResolveFieldContext context) => db.Set<TEntity>().AsNoTracking();

    protected sealed override async Task<IReadOnlyList<TEntity>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys)
    {
        await using var db = context.CreateDbContext();
        return await Readable(db, context).Where(e => keys.Contains(EF.Property<int>(e, _keyName))).ToListAsync(context.CancellationToken);
    }
}
