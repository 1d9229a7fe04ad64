using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Audit;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.Api.Audit;

/// <summary>For auditors only, also through <c>node</c>: the log names who did what.</summary>
public sealed class AuditEntryType : AppNodeType<AuditEntry>
{
    public AuditEntryType() : base(e => e.Id)
    {
        Name = nameof(AuditEntry);
        Description = "One audited mutation: who, when, which field, a digest of its input, how it ended, and its link in the hash chain.";
        this.AuthorizeWithRoles(Roles.Auditor);
    }
}

public sealed class AuditVerificationType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationType()
    {
        Description = "The result of recomputing the audit log's hash chain.";
        Field(v => v.Intact).Description("True when every entry links to the one before and matches its own hash.");
        Field(v => v.FirstBrokenSequence, nullable: true).Description("The first sequence number at which an entry was changed, removed or inserted; null when intact.");
        Field(v => v.Entries).Description("How many entries the log holds.");
    }
}
