namespace DualRandomGraph.Tests.Shared;

/// <summary>Introspection documents tests send.</summary>
public static class Introspection
{
    /// <summary>The introspection query IDEs and code generators send (graphql-js getIntrospectionQuery with the options this schema supports).</summary>
    public const string IdeQuery = """
    query IntrospectionQuery {
      __schema {
        description queryType { name kind } mutationType { name kind } subscriptionType { name kind }
        types { ...FullType }
        directives { name description locations args { ...InputValue } }
      }
    }
    fragment FullType on __Type {
      kind name description
      fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
      inputFields { ...InputValue }
      interfaces { ...TypeRef }
      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
      possibleTypes { ...TypeRef }
    }
    fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
    fragment TypeRef on __Type {
      kind name
      ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
    }
    """;
}
