using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace DualRandomGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's parallel strategy for queries, with two shortcuts that matter when a page of projected rows is
/// answered: a field that only reads a property (<see cref="PropertyFieldResolver"/>) is read in place, without a
/// resolver context or a trip through the resolver pipeline; and each selection set is collected into fields once
/// per execution and object type, not once per row (GraphQL.NET collects it again for each of a page's objects).
/// Everything else, errors included, goes the way the base class takes it.
/// </summary>
public sealed class InlineExecutionStrategy : ParallelExecutionStrategy
{
    private const string CollectedFieldsKey = "DualRandomGraph.Execution.CollectedFields";

    public override Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        // Made before any resolver runs, so the parallel resolvers only ever read the user context. It names its
        // execution, in case a host hands one user context to several executions at once.
        if (!context.UserContext.IsReadOnly)
        {
            context.UserContext[CollectedFieldsKey] = new CollectedFields(context);
        }

        return base.ExecuteAsync(context);
    }

    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node is RootExecutionNode
            || node.Parent is ArrayExecutionNode
            || node.FieldDefinition.Resolver is not PropertyFieldResolver property
            || node.Source is not { } source)
        {
            return base.ExecuteNodeAsync(context, node);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        object? result;
        try
        {
            result = property.Read(source);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ExecutionError error)
        {
            SetNodeError(context, node, error);
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            // The same treatment as the base class gives a resolver's exception: a field error, or rethrown when asked.
            return ReportAsync(context, node, ex);
        }

        node.Result = result;
        return result is IDataLoaderResult ? Task.CompletedTask : CompleteNodeAsync(context, node);
    }

    private async Task ReportAsync(ExecutionContext context, ExecutionNode node, Exception exception)
    {
        if (await ProcessNodeUnhandledExceptionAsync(context, node, exception).ConfigureAwait(false))
        {
            ExceptionDispatchInfo.Throw(exception);
        }
    }

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        if (!context.UserContext.TryGetValue(CollectedFieldsKey, out var cache) || cache is not CollectedFields collected || collected.Execution != context)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        var selectionSet = parent.SelectionSet!;
        if (!collected.TryGetValue((selectionSet, parentType), out var fields))
        {
            // Merging same-named fields records the merged field's arguments in the execution context; doing it once
            // per execution keeps that as it is for the first object and lets the rest reuse it.
            var collectedFields = CollectFieldsFrom(context, parentType, selectionSet, null);
            fields = [.. collectedFields.Values];
            collected.TryAdd((selectionSet, parentType), fields);
        }

        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = subFields;
    }

    /// <summary>The fields each selection set selects on each object type, in one execution.</summary>
    private sealed class CollectedFields(ExecutionContext execution)
        : ConcurrentDictionary<(GraphQLSelectionSet, IGraphType), (GraphQLField Field, FieldType Definition)[]>
    {
        public ExecutionContext Execution { get; } = execution;
    }
}
