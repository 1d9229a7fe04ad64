using System.Text.RegularExpressions;
using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Agencies;

[Authorize(Roles = Roles.Admin)]
public sealed partial class AgencyMutations
{
    public static async Task<CreateRegionPayload> CreateRegionAsync(CreateRegionInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var errors = new List<IUserError>();
        var code = input.Code.Trim();
        CheckCode(errors, code);
        InputRules.RequireText(errors, "name", input.Name, 200);
        int? parentId = null;
        if (input.ParentId is not null)
        {
            parentId = GlobalId.ParseFor(nameof(Region), input.ParentId);
            if (parentId is null || !await db.Regions.AnyAsync(r => r.Id == parentId, context.CancellationToken))
            {
                errors.Add(new UnknownRegionError($"No region has the id '{input.ParentId}'.", input.ParentId));
            }
        }

        if (errors.Count == 0 && await FindDuplicateRegionAsync(db, code, context.CancellationToken) is { } duplicate)
        {
            errors.Add(duplicate);
        }

        if (errors.Count > 0)
        {
            return new CreateRegionPayload(null, errors);
        }

        var region = new Region { Code = code, Name = input.Name.Trim(), ParentId = parentId };
        db.Regions.Add(region);
        if (await DuplicateGuard.SaveAsync(db, () => FindDuplicateRegionAsync(db, code, context.CancellationToken), context.CancellationToken) is { } raced)
        {
            return new CreateRegionPayload(null, [raced]);
        }

        return new CreateRegionPayload(
            await db.Regions.AsNoTracking().FirstAsync(r => r.Id == region.Id, context.CancellationToken), null);
    }

    public static async Task<CreateAgencyPayload> CreateAgencyAsync(CreateAgencyInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var errors = new List<IUserError>();
        var code = input.Code.Trim();
        CheckCode(errors, code);
        InputRules.RequireText(errors, "name", input.Name, 200);
        var regionId = GlobalId.ParseFor(nameof(Region), input.RegionId);
        if (regionId is null || !await db.Regions.AnyAsync(r => r.Id == regionId, context.CancellationToken))
        {
            errors.Add(new UnknownRegionError($"No region has the id '{input.RegionId}'.", input.RegionId));
        }

        if (errors.Count == 0 && await FindDuplicateAgencyAsync(db, code, context.CancellationToken) is { } duplicate)
        {
            errors.Add(duplicate);
        }

        if (errors.Count > 0)
        {
            return new CreateAgencyPayload(null, errors);
        }

        var agency = new Agency { Code = code, Name = input.Name.Trim(), RegionId = regionId!.Value };
        db.Agencies.Add(agency);
        if (await DuplicateGuard.SaveAsync(db, () => FindDuplicateAgencyAsync(db, code, context.CancellationToken), context.CancellationToken) is { } raced)
        {
            return new CreateAgencyPayload(null, [raced]);
        }

        return new CreateAgencyPayload(
            await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agency.Id, context.CancellationToken), null);
    }

    private static async Task<IUserError?> FindDuplicateRegionAsync(AppDbContext db, string code, CancellationToken cancellationToken)
        => await db.Regions.AnyAsync(r => r.Code == code, cancellationToken)
            ? new DuplicateCodeError($"A region with code {code} exists already.", code)
            : null;

    private static async Task<IUserError?> FindDuplicateAgencyAsync(AppDbContext db, string code, CancellationToken cancellationToken)
        => await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken)
            ? new DuplicateCodeError($"An agency with code {code} exists already.", code)
            : null;

    private static void CheckCode(List<IUserError> errors, string code)
    {
        if (!CodePattern().IsMatch(code))
        {
            errors.Add(new ValidationError("code", "A code is 1 to 32 upper-case letters, digits and hyphens."));
        }
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}
