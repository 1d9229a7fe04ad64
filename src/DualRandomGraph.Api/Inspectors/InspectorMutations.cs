using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Inspectors;

/// <summary>Registry changes for inspectors: kept for history, deactivated but never deleted.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class InspectorMutations
{
    public static async Task<CreateInspectorPayload> CreateInspectorAsync(CreateInspectorInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var errors = new List<IUserError>();
        var certificate = InputRules.Clean(input.CertificateNumber);
        var registryCode = InputRules.Clean(input.RegistryCode) ?? certificate;
        InputRules.RequireText(errors, "name", input.Name, 100);
        ValidateDetails(errors, input.Kind, certificate, input.Department, input.Position, input.YearsOfService, input.Expertise);
        if (registryCode is null && input.Kind != InspectorKind.EnforcementOfficer)
        {
            errors.Add(new ValidationError("registryCode", "An inspector without a certificate number needs a registry code."));
        }

        InputRules.LimitText(errors, "registryCode", InputRules.Clean(input.RegistryCode), 64);
        var agencyId = GlobalId.ParseFor(nameof(Agency), input.AgencyId);
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, context.CancellationToken))
        {
            errors.Add(new UnknownAgencyError($"No agency has the id '{input.AgencyId}'.", input.AgencyId));
        }

        if (errors.Count == 0)
        {
            await CheckUniqueAsync(db, errors, certificate, registryCode, exceptId: null, context.CancellationToken);
        }

        if (errors.Count > 0)
        {
            return new CreateInspectorPayload(null, errors);
        }

        var inspector = new Inspector
        {
            Name = input.Name.Trim(),
            Kind = input.Kind,
            CertificateNumber = certificate,
            RegistryCode = registryCode!,
            AgencyId = agencyId!.Value,
            Department = InputRules.Clean(input.Department),
            Position = InputRules.Clean(input.Position),
            YearsOfService = input.YearsOfService,
            Expertise = InputRules.CleanList(input.Expertise),
        };
        db.Inspectors.Add(inspector);
        var raced = await DuplicateGuard.SaveAsync(
            db, () => FirstDuplicateAsync(db, certificate, registryCode, exceptId: null, context.CancellationToken), context.CancellationToken);
        if (raced is not null)
        {
            return new CreateInspectorPayload(null, [raced]);
        }

        return new CreateInspectorPayload(await ReloadAsync(db, inspector.Id, context), null);
    }

    public static async Task<UpdateInspectorPayload> UpdateInspectorAsync(UpdateInspectorInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var inspector = await FindAsync(db, input.Id, context.CancellationToken);
        if (inspector is null)
        {
            return new UpdateInspectorPayload(null, [NotFound("id", input.Id)]);
        }

        var errors = new List<IUserError>();
        if (VersionedSave.CheckExpected(inspector, input.ExpectedVersion) is { } stale)
        {
            errors.Add(stale);
        }

        if (input.Name is not null)
        {
            InputRules.RequireText(errors, "name", input.Name, 100);
        }

        var certificate = input.CertificateNumber is null ? inspector.CertificateNumber : InputRules.Clean(input.CertificateNumber);
        ValidateDetails(errors, input.Kind ?? inspector.Kind, certificate, input.Department, input.Position, input.YearsOfService, input.Expertise);
        if (errors.Count == 0 && certificate != inspector.CertificateNumber)
        {
            await CheckUniqueAsync(db, errors, certificate, registryCode: null, exceptId: inspector.Id, context.CancellationToken);
        }

        if (errors.Count > 0)
        {
            return new UpdateInspectorPayload(null, errors);
        }

        inspector.Name = input.Name?.Trim() ?? inspector.Name;
        inspector.Kind = input.Kind ?? inspector.Kind;
        inspector.CertificateNumber = certificate;
        inspector.Department = input.Department is null ? inspector.Department : InputRules.Clean(input.Department);
        inspector.Position = input.Position is null ? inspector.Position : InputRules.Clean(input.Position);
        inspector.YearsOfService = input.YearsOfService ?? inspector.YearsOfService;
        inspector.Expertise = input.Expertise is null ? inspector.Expertise : InputRules.CleanList(input.Expertise);
        return await VersionedSave.SaveAsync(db, inspector, context.CancellationToken) is { } conflict
            ? new UpdateInspectorPayload(null, [conflict])
            : new UpdateInspectorPayload(await ReloadAsync(db, inspector.Id, context), null);
    }

    public static async Task<DeactivateInspectorPayload> DeactivateInspectorAsync(
        DeactivateInspectorInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var inspector = await FindAsync(db, input.InspectorId, context.CancellationToken);
        if (inspector is null)
        {
            return new DeactivateInspectorPayload(null, [NotFound("inspectorId", input.InspectorId)]);
        }

        var errors = new List<IUserError>();
        InputRules.RequireText(errors, "reason", input.Reason, 500);
        if (!inspector.Active)
        {
            errors.Add(new ValidationError("inspectorId", "The inspector is already inactive."));
        }

        if (errors.Count > 0)
        {
            return new DeactivateInspectorPayload(null, errors);
        }

        inspector.Active = false;
        inspector.DeactivatedOn = input.EffectiveFrom ?? clock.Today();
        inspector.DeactivationReason = input.Reason.Trim();
        return await VersionedSave.SaveAsync(db, inspector, context.CancellationToken) is { } conflict
            ? new DeactivateInspectorPayload(null, [conflict])
            : new DeactivateInspectorPayload(await ReloadAsync(db, inspector.Id, context), null);
    }

    /// <summary>
    /// Says which login is this inspector: tokens whose <c>sub</c> is <c>accountSubject</c> see the selections and
    /// tasks of the teams the inspector is on. One login per inspector and one inspector per login.
    /// </summary>
    public static async Task<LinkInspectorAccountPayload> LinkInspectorAccountAsync(
        LinkInspectorAccountInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var inspector = await FindAsync(db, input.InspectorId, context.CancellationToken);
        if (inspector is null)
        {
            return new LinkInspectorAccountPayload(null, [NotFound("inspectorId", input.InspectorId)]);
        }

        var errors = new List<IUserError>();
        var subject = InputRules.Clean(input.AccountSubject);
        InputRules.LimitText(errors, "accountSubject", subject, 200);
        if (subject is not null && await LinkedElsewhereAsync(db, subject, inspector.Id, context.CancellationToken) is { } taken)
        {
            errors.Add(taken);
        }

        if (errors.Count > 0)
        {
            return new LinkInspectorAccountPayload(null, errors);
        }

        inspector.AccountSubject = subject;
        try
        {
            return await VersionedSave.SaveAsync(db, inspector, context.CancellationToken) is { } conflict
                ? new LinkInspectorAccountPayload(null, [conflict])
                : new LinkInspectorAccountPayload(await ReloadAsync(db, inspector.Id, context), null);
        }
        catch (DbUpdateException) when (subject is not null)
        {
            // A concurrent link took the account after our check; the unique index caught it.
            db.ChangeTracker.Clear();
            return new LinkInspectorAccountPayload(null, [await LinkedElsewhereAsync(db, subject, inspector.Id, context.CancellationToken) ?? throw new InvalidOperationException("The link failed, and not because of a duplicate account.")]);
        }
    }

    private static async Task<ValidationError?> LinkedElsewhereAsync(AppDbContext db, string subject, int inspectorId, CancellationToken cancellationToken)
        => await db.Inspectors.AnyAsync(i => i.AccountSubject == subject && i.Id != inspectorId, cancellationToken)
            ? new ValidationError("accountSubject", "That account is linked to another inspector.")
            : null;

    private static void ValidateDetails(
        List<IUserError> errors, InspectorKind kind, string? certificate, string? department, string? position, int? yearsOfService, IReadOnlyList<string>? expertise)
    {
        if (kind == InspectorKind.EnforcementOfficer && certificate is null)
        {
            errors.Add(new ValidationError("certificateNumber", "An enforcement officer needs an enforcement certificate number (执法证号)."));
        }

        InputRules.LimitText(errors, "certificateNumber", certificate, 64);
        InputRules.LimitText(errors, "department", department, 200);
        InputRules.LimitText(errors, "position", position, 100);
        if (yearsOfService is < 0 or > 60)
        {
            errors.Add(new ValidationError("yearsOfService", "Years of service must be between 0 and 60."));
        }

        InputRules.LimitList(errors, "expertise", expertise, 30, 50);
    }

    private static async Task CheckUniqueAsync(
        AppDbContext db, List<IUserError> errors, string? certificate, string? registryCode, int? exceptId, CancellationToken cancellationToken)
    {
        if (certificate is not null && await db.Inspectors.AnyAsync(i => i.CertificateNumber == certificate && i.Id != exceptId, cancellationToken))
        {
            errors.Add(new DuplicateCertificateNumberError($"Certificate number {certificate} belongs to another inspector.", certificate));
        }

        // A registry code taken from the certificate number is reported once, as the certificate's duplicate.
        var ownCode = registryCode is not null && registryCode != certificate;
        if (ownCode && await db.Inspectors.AnyAsync(i => i.RegistryCode == registryCode && i.Id != exceptId, cancellationToken))
        {
            errors.Add(new DuplicateRegistryCodeError($"Registry code {registryCode} belongs to another inspector.", registryCode!));
        }
    }

    private static async Task<IUserError?> FirstDuplicateAsync(
        AppDbContext db, string? certificate, string? registryCode, int? exceptId, CancellationToken cancellationToken)
    {
        var errors = new List<IUserError>();
        await CheckUniqueAsync(db, errors, certificate, registryCode, exceptId, cancellationToken);
        if (errors.Count == 0 && registryCode is not null && registryCode == certificate
            && await db.Inspectors.AnyAsync(i => i.RegistryCode == registryCode && i.Id != exceptId, cancellationToken))
        {
            errors.Add(new DuplicateRegistryCodeError($"Registry code {registryCode} belongs to another inspector.", registryCode));
        }

        return errors.FirstOrDefault();
    }

    private static async Task<Inspector?> FindAsync(AppDbContext db, string id, CancellationToken cancellationToken)
    {
        var key = GlobalId.ParseFor(nameof(Inspector), id);
        return key is null ? null : await db.Inspectors.FirstOrDefaultAsync(i => i.Id == key, cancellationToken);
    }

    private static Task<Inspector> ReloadAsync(AppDbContext db, int id, IResolveFieldContext context)
        => db.Inspectors.AsNoTracking().FirstAsync(i => i.Id == id, context.CancellationToken);

    private static NotFoundError NotFound(string field, string id) => new(field, id, $"No inspector has the id '{id}'.");
}
