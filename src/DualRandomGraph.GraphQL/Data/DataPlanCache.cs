using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DualRandomGraph.GraphQL.Data.Projection;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>What a data field does for one validated request: its <see cref="DataRequest"/> and, for a root query, its projection.</summary>
internal sealed record DataPlan(DataRequest Request, RowProjection? Projection);

/// <summary>
/// Remembers each data field's <see cref="DataPlan"/>, so that a repeated query does not collect its selections and
/// build its filter, order and projection again (a nested list does it once per parent row otherwise).
/// <para>
/// A plan depends on the field's place in the document and on the values its request gave to arguments and
/// directives, there and below. The place is the field's syntax node; the values are those of one validation,
/// which GraphQL.NET's <see cref="Variables"/> object stands for: it is made once per validation, and the
/// <c>ValidationResultCache</c> hands the same one to every request with the same document and variables.
/// (An operation without variable definitions gets <see cref="Variables.None"/>, and then the literals in the
/// document are all there is.) Plans live as long as their syntax node, so a document dropped from the document
/// cache takes its plans with it.
/// </para>
/// </summary>
public sealed class DataPlanCache
{
    /// <summary>Requests that validate afresh each time (new variables) add plans nobody reuses; past this, start over.</summary>
    private const int PlansPerField = 16;

    private readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<Key, DataPlan>> _plans = [];
    private long _built;

    /// <summary>How many plans were built since start-up; a repeated query adds none.</summary>
    public long PlansBuilt => Interlocked.Read(ref _built);

    internal DataPlan For(IResolveFieldContext context, bool withProjection, Func<IResolveFieldContext, bool, DataPlan> build)
    {
        var plans = _plans.GetOrCreateValue(context.FieldAst);
        var key = new Key(context.Variables, context.ParentType, withProjection);
        if (plans.TryGetValue(key, out var plan))
        {
            return plan;
        }

        // Building throws for a request that is wrong (a page too large, a filter value of the wrong kind): nothing is
        // kept then. Cursors are decoded when the page is read, so a bad cursor is refused every time.
        plan = build(context, withProjection);
        Interlocked.Increment(ref _built);
        if (plans.Count >= PlansPerField)
        {
            plans.Clear();
        }

        plans[key] = plan;
        return plan;
    }

    private readonly record struct Key(Variables? Variables, IObjectGraphType ParentType, bool WithProjection)
    {
        // Identity, not content: one Variables object is one validation.
        public bool Equals(Key other)
            => ReferenceEquals(Variables, other.Variables) && ReferenceEquals(ParentType, other.ParentType) && WithProjection == other.WithProjection;

        public override int GetHashCode()
            => HashCode.Combine(RuntimeHelpers.GetHashCode(Variables), RuntimeHelpers.GetHashCode(ParentType), WithProjection);
    }
}
