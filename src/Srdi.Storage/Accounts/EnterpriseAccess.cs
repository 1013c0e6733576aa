using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Database;

namespace Srdi.Storage.Accounts;

/// <summary>Who is asking, as access needs it: the user id and whether they administer.</summary>
public sealed record Viewer(string UserId, bool IsAdmin);

/// <summary>The one rule that opens an enterprise record to a user: administrators see every
/// record; anyone else only the records linked to them by an <see cref="Assignment"/> (their
/// own enterprise, or the enterprises assigned to them to serve). Every route that takes an
/// enterprise id asks this before it reads or writes.</summary>
public sealed class EnterpriseAccess(IDbContextFactory<SrdiDbContext> contexts)
{
    public async Task<bool> CanOpenAsync(Viewer viewer, string enterpriseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsAdmin) return true;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Assignments.AnyAsync(a => a.UserId == viewer.UserId && a.EnterpriseId == enterpriseId, cancellationToken);
    }

    /// <summary>The user id a list of records is restricted to (null for an administrator).</summary>
    public static string? ListScope(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdmin ? null : viewer.UserId;
    }
}
