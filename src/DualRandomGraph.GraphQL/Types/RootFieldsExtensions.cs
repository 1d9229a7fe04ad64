using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Types;

public static class RootFieldsExtensions
{
    /// <summary>
    /// Adds the public static methods of <typeparamref name="TFeature"/> as fields of a root type, the way
    /// HotChocolate's type extensions let each feature folder contribute its own queries and mutations.
    /// Fields are built exactly as <see cref="AutoRegisteringObjectGraphType{TSourceType}"/> builds them,
    /// so attributes such as <c>[FromServices]</c>, <c>[Authorize]</c> and the data middleware apply unchanged;
    /// an attribute on the class applies to each of its fields.
    /// </summary>
    public static void AddFieldsOf<TFeature>(this ObjectGraphType root) where TFeature : class
    {
        var feature = new AutoRegisteringObjectGraphType<TFeature>();
        foreach (var field in feature.Fields)
        {
            if (!field.IsAuthorizationRequired() && !field.IsAnonymousAllowed())
            {
                feature.CopyMetadataTo(field);
            }

            root.AddField(field);
        }
    }
}
