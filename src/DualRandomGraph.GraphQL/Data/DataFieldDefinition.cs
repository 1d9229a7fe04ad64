namespace DualRandomGraph.GraphQL.Data;

public enum PagingKind
{
    None,

    /// <summary><c>first after last before</c> and a <c>{Field}Connection</c>.</summary>
    Cursor,

    /// <summary><c>skip take</c> and a <c>{Field}CollectionSegment</c>.</summary>
    Offset,
}

/// <summary>
/// What the data attributes (or fluent calls) asked of one list field; kept in the field's metadata so that
/// the order of the attributes does not matter and projection can find the settings of nested fields.
/// </summary>
public sealed class DataFieldDefinition
{
    internal const string MetadataKey = "DualRandomGraph.Data.Field";

    public required Type EntityType { get; init; }

    /// <summary>The graph type of one element, as the field declared it before it became a connection.</summary>
    public required Type NodeGraphType { get; init; }

    public PagingKind Paging { get; set; }
    public int DefaultPageSize { get; set; } = 10;
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The connection or collection segment type name without its suffix; PascalCase of the field name unless set.</summary>
    public string? TypeNamePrefix { get; set; }

    public bool Projection { get; set; }
    public bool Filtering { get; set; }
    public bool Sorting { get; set; }
}
