using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.CheckItems;

[Authorize(Roles = Roles.Admin)]
public sealed class CheckItemMutations
{
    public static async Task<CreateCheckItemPayload> CreateCheckItemAsync(CreateCheckItemInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var errors = new List<IUserError>();
        var code = input.Code.Trim();
        InputRules.RequireText(errors, "code", code, 32);
        ValidateDetails(errors, input.Title, input.LegalBasis, input.Categories);
        if (errors.Count == 0 && await FindDuplicateAsync(db, code, context.CancellationToken) is { } duplicate)
        {
            errors.Add(duplicate);
        }

        if (errors.Count > 0)
        {
            return new CreateCheckItemPayload(null, errors);
        }

        var item = new CheckItem { Code = code, Title = input.Title.Trim(), LegalBasis = InputRules.Clean(input.LegalBasis), Categories = [.. input.Categories.Distinct()] };
        db.CheckItems.Add(item);
        return await DuplicateGuard.SaveAsync(db, () => FindDuplicateAsync(db, code, context.CancellationToken), context.CancellationToken) is { } raced
            ? new CreateCheckItemPayload(null, [raced])
            : new CreateCheckItemPayload(item, null);
    }

    public static async Task<UpdateCheckItemPayload> UpdateCheckItemAsync(UpdateCheckItemInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var item = await FindAsync(db, input.Id, context.CancellationToken);
        if (item is null)
        {
            return new UpdateCheckItemPayload(null, [NotFound("id", input.Id)]);
        }

        var errors = new List<IUserError>();
        if (VersionedSave.CheckExpected(item, input.ExpectedVersion) is { } stale)
        {
            errors.Add(stale);
        }

        ValidateDetails(errors, input.Title ?? item.Title, input.LegalBasis, input.Categories ?? item.Categories);
        if (errors.Count > 0)
        {
            return new UpdateCheckItemPayload(null, errors);
        }

        item.Title = input.Title?.Trim() ?? item.Title;
        item.LegalBasis = input.LegalBasis is null ? item.LegalBasis : InputRules.Clean(input.LegalBasis);
        item.Categories = input.Categories is null ? item.Categories : [.. input.Categories.Distinct()];
        return await VersionedSave.SaveAsync(db, item, context.CancellationToken) is { } conflict
            ? new UpdateCheckItemPayload(null, [conflict])
            : new UpdateCheckItemPayload(item, null);
    }

    public static async Task<RetireCheckItemPayload> RetireCheckItemAsync(RetireCheckItemInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var item = await FindAsync(db, input.CheckItemId, context.CancellationToken);
        if (item is null)
        {
            return new RetireCheckItemPayload(null, [NotFound("checkItemId", input.CheckItemId)]);
        }

        if (item.Retired)
        {
            return new RetireCheckItemPayload(null, [new ValidationError("checkItemId", "The check item is already retired.")]);
        }

        item.Retired = true;
        return await VersionedSave.SaveAsync(db, item, context.CancellationToken) is { } conflict
            ? new RetireCheckItemPayload(null, [conflict])
            : new RetireCheckItemPayload(item, null);
    }

    private static void ValidateDetails(List<IUserError> errors, string title, string? legalBasis, IReadOnlyCollection<TargetCategory> categories)
    {
        InputRules.RequireText(errors, "title", title, 300);
        InputRules.LimitText(errors, "legalBasis", legalBasis, 1000);
        if (categories.Count == 0)
        {
            errors.Add(new ValidationError("categories", "A check item applies to at least one target category."));
        }
    }

    private static async Task<IUserError?> FindDuplicateAsync(AppDbContext db, string code, CancellationToken cancellationToken)
        => await db.CheckItems.AnyAsync(c => c.Code == code, cancellationToken)
            ? new DuplicateCheckItemCodeError($"A check item with code {code} exists already.", code)
            : null;

    private static async Task<CheckItem?> FindAsync(AppDbContext db, string id, CancellationToken cancellationToken)
    {
        var key = GlobalId.ParseFor(nameof(CheckItem), id);
        return key is null ? null : await db.CheckItems.FirstOrDefaultAsync(c => c.Id == key, cancellationToken);
    }

    private static NotFoundError NotFound(string field, string id) => new(field, id, $"No check item has the id '{id}'.");
}
