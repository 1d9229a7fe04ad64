namespace DualRandomGraph.Api.Security;

/// <summary>The roles a token can carry in its <c>role</c> claim.</summary>
public static class Roles
{
    /// <summary>Keeps the registries (targets, inspectors, check items).</summary>
    public const string Admin = "admin";

    /// <summary>Plans, draws and publishes.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Records the inspections of the teams they are on.</summary>
    public const string Inspector = "inspector";

    /// <summary>Reads everything, changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>Any staff role, as an <c>[Authorize(Roles = ...)]</c> list.</summary>
    public const string Staff = $"{Admin},{Coordinator},{Inspector},{Auditor}";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Inspector, Auditor];
}
