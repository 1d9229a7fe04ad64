using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Reads the output graph type the schema maps an entity to, so that only members the API shows can be
/// filtered and sorted on (a member hidden from the type must not be guessable through <c>where:</c>), and
/// so that a field can be excluded fluently on the graph type with <see cref="DataFieldExtensions.NotFilterable"/>
/// and <see cref="DataFieldExtensions.NotSortable"/>. The mapping comes from the <see cref="IGraphTypeMappingProvider"/>s
/// in the service provider (<c>AddClrTypeMappings</c>, <c>AddAutoClrMappings</c>); with none, every member counts
/// as shown and only <see cref="DataModel"/> decides.
/// </summary>
internal static class EntityGraphTypeFields
{
    public static IReadOnlyList<FieldType>? Find(IServiceProvider services, Type entityType)
    {
        Type? graphType = null;
        foreach (var provider in services.GetServices<IGraphTypeMappingProvider>())
        {
            graphType = provider.GetGraphTypeFromClrType(entityType, false, graphType);
        }

        if (graphType == null || !typeof(IComplexGraphType).IsAssignableFrom(graphType))
        {
            return null;
        }

        // A separate instance, only read: the schema builds its own.
        var instance = services.GetService(graphType)
            ?? (graphType.GetConstructor(Type.EmptyTypes) != null ? Activator.CreateInstance(graphType) : null);
        return (instance as IComplexGraphType)?.Fields.ToList();
    }

    /// <summary>Whether <paramref name="member"/> is shown as a field that is not excluded by <paramref name="exclusionKey"/>.</summary>
    public static bool Allows(IReadOnlyList<FieldType>? fields, MemberDescriptor member, string exclusionKey)
        => fields == null || fields.Any(f =>
            (f.GetMetadata<string?>(DataFieldExtensions.MemberKey) ?? f.Name).Equals(member.Property.Name, StringComparison.OrdinalIgnoreCase)
            && !f.GetMetadata(exclusionKey, false));
}
