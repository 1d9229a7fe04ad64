using System.Text.Encodings.Web;
using System.Text.Unicode;
using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Data.Cost;
using DualRandomGraph.GraphQL.Http;
using DualRandomGraph.GraphQL.Ide;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.Types;
using GraphQL;

namespace DualRandomGraph.Api.Schema;

public static class GraphQLExtensions
{
    /// <summary>The schema, the engine and our add-ons, registered once for the server, the CLI and the tests.</summary>
    public static IHostApplicationBuilder AddAppGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<AppSchema>()
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All)) // Chinese names stay readable
            .AddClrTypeMappings(typeof(AppSchema).Assembly)
            .AddAutoClrMappings(mapInputTypes: true, mapOutputTypes: true)
            .AddGraphTypes(typeof(AppSchema).Assembly)
            .AddGraphTypes(typeof(DateScalarType).Assembly)
            .AddRelayNodes()
            .AddMutationConventions()
            .AddFieldAuthorization()
            .AddDataCostLimits()
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = builder.Environment.IsDevelopment()));
        builder.Services.AddGraphQLHttp();
        builder.Services.AddBananaCakePop();
        builder.Services.AddDataMiddleware(DataModelConfiguration.Configure);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CalendarSource>();
        return builder;
    }

    /// <summary>The GraphQL endpoint and the IDE at <c>/graphql</c>.</summary>
    public static WebApplication MapAppGraphQL(this WebApplication app)
    {
        app.UseGraphQLHttp("/graphql");
        app.MapBananaCakePop("/graphql");
        app.MapDrawEndpoints();
        app.MapPublicationEndpoints();
        return app;
    }
}
