using GraphQL;
using GraphQL.Utilities;
using Snapshooter.Xunit;

namespace DualRandomGraph.GraphQL.Tests.Data;

public sealed class SchemaTests(DataFixture fixture) : IClassFixture<DataFixture>
{
    [Fact]
    public void Generated_types_are_named_as_HotChocolate_names_them()
    {
        var sdl = fixture.Schema.Print(new PrintOptions { IncludeDescriptions = false, StringComparison = StringComparison.Ordinal });
        Snapshot.Match(sdl);
    }
}
