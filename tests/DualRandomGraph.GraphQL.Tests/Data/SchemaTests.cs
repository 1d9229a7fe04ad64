using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
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

public sealed class ConnectionTypeNameTests
{
    // Schemas are built on many threads at once (one per test server); the first use of a connection name
    // must not fail on a thread that loses the race to define it.
    [Fact]
    public void Fields_on_many_threads_can_use_a_new_connection_name_at_once()
    {
        const int threads = 8;
        for (var round = 0; round < 200; round++)
        {
            var name = "Race" + Guid.NewGuid().ToString("N");
            using var start = new Barrier(threads);
            var types = new Type?[threads];
            var failures = new Exception?[threads];
            var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
            {
                var field = new FieldType
                {
                    Name = "companies",
                    Type = typeof(ListGraphType<CompanyType>),
                    Resolver = new FuncFieldResolver<object?>(_ => null),
                };
                start.SignalAndWait();
                try
                {
                    types[i] = field.UsePaging(connectionName: name).Type;
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());

            Assert.All(failures, Assert.Null);
            Assert.Single(types.Distinct());
        }
    }
}
