using DualRandomGraph.GraphQL.Execution;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Execution;

/// <summary>
/// The same schema and data behind two executers: plain GraphQL.NET, and GraphQL.NET with
/// <see cref="ExecutionBuilderExtensions.AddInlineExecution"/>. Each run returns the serialized result.
/// </summary>
public sealed class InlineExecutionHarness<TSchema> : IAsyncDisposable
    where TSchema : Schema
{
    private InlineExecutionHarness(InlineTestData data, ServiceProvider plain, ServiceProvider inline)
    {
        Data = data;
        Plain = plain;
        Inline = inline;
    }

    public InlineTestData Data { get; }

    public ServiceProvider Plain { get; }

    public ServiceProvider Inline { get; }

    /// <summary>The initialized schema of the plain executer.</summary>
    public ISchema PlainSchema => SchemaOf(Plain);

    /// <summary>The initialized schema of the inline executer.</summary>
    public ISchema InlineSchema => SchemaOf(Inline);

    /// <param name="data">The rows and pets both executers answer from.</param>
    /// <param name="graphQL">More configuration, for both executers.</param>
    public static InlineExecutionHarness<TSchema> Create(InlineTestData? data = null, Action<IGraphQLBuilder>? graphQL = null)
    {
        data ??= new InlineTestData();
        return new InlineExecutionHarness<TSchema>(data, Build(data, inline: false, graphQL), Build(data, inline: true, graphQL));
    }

    /// <summary>The initialized schema of one of the two executers.</summary>
    public static ISchema SchemaOf(ServiceProvider provider)
    {
        var schema = provider.GetRequiredService<TSchema>();
        schema.Initialize();
        return schema;
    }

    /// <summary>Runs the request on both executers and returns both serialized results.</summary>
    public async Task<(string Plain, string Inline)> RunBothAsync(string query, Inputs? variables = null, Action<ExecutionOptions>? configure = null)
        => (await RunAsync(Plain, query, variables, configure), await RunAsync(Inline, query, variables, configure));

    /// <summary>Runs the request on both executers, asserts identical JSON, and returns it.</summary>
    public async Task<string> RunIdenticalAsync(string query, Inputs? variables = null, Action<ExecutionOptions>? configure = null)
    {
        var (plain, inline) = await RunBothAsync(query, variables, configure);
        Assert.Equal(plain, inline);
        return inline;
    }

    public static async Task<string> RunAsync(ServiceProvider provider, string query, Inputs? variables = null, Action<ExecutionOptions>? configure = null)
    {
        var options = new ExecutionOptions
        {
            Query = query,
            Variables = variables,
            RequestServices = provider,
        };
        configure?.Invoke(options);
        var result = await provider.GetRequiredService<IDocumentExecuter<TSchema>>().ExecuteAsync(options);
        return provider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
    }

    public async ValueTask DisposeAsync()
    {
        await Plain.DisposeAsync();
        await Inline.DisposeAsync();
    }

    private static ServiceProvider Build(InlineTestData data, bool inline, Action<IGraphQLBuilder>? graphQL)
    {
        var services = new ServiceCollection();
        services.AddSingleton(data);
        services.AddTransient<PetInterface>();
        services.AddTransient<DogType>();
        services.AddTransient<CatType>();
        services.AddTransient<PetUnion>();
        services.AddTransient<HandRowType>();
        services.AddTransient<BoxedRowType>();
        services.AddGraphQL(b =>
        {
            b.AddSchema<TSchema>()
                .AddSystemTextJson()
                .AddAutoClrMappings();
            graphQL?.Invoke(b);
            if (inline)
                b.AddInlineExecution();
        });
        return services.BuildServiceProvider();
    }
}

/// <summary>The two executers over <see cref="InlineTestSchema"/>.</summary>
public static class InlineExecutionHarness
{
    /// <inheritdoc cref="InlineExecutionHarness{TSchema}.Create"/>
    public static InlineExecutionHarness<InlineTestSchema> Create(InlineTestData? data = null, Action<IGraphQLBuilder>? graphQL = null)
        => InlineExecutionHarness<InlineTestSchema>.Create(data, graphQL);
}
