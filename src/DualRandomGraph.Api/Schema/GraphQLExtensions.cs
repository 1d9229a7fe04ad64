using System.Text.Encodings.Web;
using System.Text.Unicode;
using DualRandomGraph.Api.Audit;
using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Compliance;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Dashboard;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Idempotency;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.Api.Security;
using DualRandomGraph.GraphQL.Auditing;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Data.Cost;
using DualRandomGraph.GraphQL.Execution;
using DualRandomGraph.GraphQL.Http;
using DualRandomGraph.GraphQL.Ide;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.Types;
using DualRandomGraph.GraphQL.Validation;
using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;

namespace DualRandomGraph.Api.Schema;

public static class GraphQLExtensions
{
    /// <summary>Where the GraphQL endpoint (and, under it, the IDE) is served.</summary>
    public const string EndpointPath = "/graphql";

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
            .AddInlineExecution()
            .AddMutationConventions()
            .AddFieldAuthorization()
            .AddMutationAuditing() // after authorization, so that denied mutations are recorded too
            .AddDataCostLimits()
            .AddRequestLimits()
            .AddErrorInfoProvider(new SafeErrorInfoProvider(exposeDetails: builder.Environment.IsDevelopment())));
        builder.Services.AddGraphQLHttp();
        builder.Services.AddGraphQLIdempotency<IdempotencyStore>();
        builder.Services.AddGraphQLWebSockets();
        builder.Services.AddBananaCakePop();
        // SQLite reads a nested collection's subquery for its whole table unless told which rows the page has.
        var sqlite = DatabaseOptions.From(builder.Configuration).IsSqlite;
        builder.Services.AddDataMiddleware(model => DataModelConfiguration.Configure(model.RestrictNestedCollectionsToPage(sqlite)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CalendarSource>();
        builder.Services.AddSingleton<ComplianceStatistics>();
        builder.Services.AddHostedService<ComplianceChangeRelay>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<IAuditSink>(sp => sp.GetRequiredService<AuditTrail>());
        return builder;
    }

    /// <summary>The GraphQL endpoint and the IDE at <c>/graphql</c>, the downloads, and the dashboard at <c>/dashboard</c>.</summary>
    public static WebApplication MapAppGraphQL(this WebApplication app)
    {
        app.UseGraphQLWebSockets(EndpointPath);
        app.UseGraphQLHttp(EndpointPath);
        app.MapBananaCakePop(EndpointPath);
        app.MapDrawEndpoints();
        app.MapPublicationEndpoints();
        app.MapDashboard();
        return app;
    }
}
