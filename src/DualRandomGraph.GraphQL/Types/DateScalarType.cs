using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Types;

/// <summary>A calendar day as <c>yyyy-MM-dd</c>, under the scalar name <c>Date</c> that HotChocolate clients know.</summary>
public sealed class DateScalarType : DateOnlyGraphType
{
    public DateScalarType()
    {
        Name = "Date";
        Description = "A calendar day without time or zone, written yyyy-MM-dd (ISO 8601).";
    }
}
