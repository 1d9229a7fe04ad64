using System.Reflection;
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

    /// <param name="memberNames">
    /// Whether auto-registered fields are given the name of the member they were made from (see
    /// <see cref="MemberNameVisitor"/>), so that <see cref="PropertyFieldResolverVisitor"/> finds them. Without it, GraphQL.NET
    /// 8.8.5 as it is, the inline executer differs from plain GraphQL.NET only by its collected-fields cache.
    /// </param>
    /// <param name="data">The rows and pets both executers answer from.</param>
    /// <param name="graphQL">More configuration, for both executers.</param>
    public static InlineExecutionHarness<TSchema> Create(bool memberNames, InlineTestData? data = null, Action<IGraphQLBuilder>? graphQL = null)
    {
        data ??= new InlineTestData();
        return new InlineExecutionHarness<TSchema>(data, Build(data, inline: false, memberNames, graphQL), Build(data, inline: true, memberNames, graphQL));
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

    private static ServiceProvider Build(InlineTestData data, bool inline, bool memberNames, Action<IGraphQLBuilder>? graphQL)
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
            if (memberNames)
                b.AddSchemaVisitor<MemberNameVisitor>();
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
    public static InlineExecutionHarness<InlineTestSchema> Create(bool memberNames, InlineTestData? data = null, Action<IGraphQLBuilder>? graphQL = null)
        => InlineExecutionHarness<InlineTestSchema>.Create(memberNames, data, graphQL);
}

/// <summary>
/// Records on each field of an auto-registering object type the name of the property it was made from, under the
/// metadata key <see cref="PropertyFieldResolverVisitor"/> looks for. GraphQL.NET 8.8.5 records it only for input
/// types (AutoRegisteringHelper.CreateField), so without this the visitor finds no property field to give a
/// <see cref="PropertyFieldResolver"/>. Runs before that visitor (registered first); changes nothing else.
/// </summary>
public sealed class MemberNameVisitor : BaseSchemaNodeVisitor
{
    public const string MemberNameKey = "ORIGINAL_EXPRESSION_PROPERTY_NAME";

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        for (var t = type.GetType(); t != null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AutoRegisteringObjectGraphType<>))
            {
                var property = t.GetGenericArguments()[0].GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
                if (property != null)
                    field.Metadata[MemberNameKey] = property.Name;
                return;
            }
        }
    }
}
