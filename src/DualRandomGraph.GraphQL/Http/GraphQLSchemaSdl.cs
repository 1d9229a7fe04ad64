using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// The one way this project prints its schema: <c>GET /graphql?sdl</c> serves it and the
/// <c>schema export</c> command writes it, so the committed SDL and the endpoint cannot drift apart.
/// </summary>
public static class GraphQLSchemaSdl
{
    /// <summary>Prints the schema as SDL with descriptions, LF line endings and one trailing newline.</summary>
    public static string Print(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
        return sdl.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
