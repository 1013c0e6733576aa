using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Database;

namespace Srdi.Storage.Accounts;

/// <summary>One link between a user and an enterprise record, as the administration page lists it.</summary>
public sealed record AssignmentLine(string UserId, string UserName, string DisplayName, string EnterpriseId, string? EnterpriseName, string AssignedBy, DateTimeOffset AssignedAt);

/// <summary>The links that open records to users (<see cref="Assignment"/>), kept by administrators.</summary>
public sealed class Assignments(IDbContextFactory<SrdiDbContext> contexts, TimeProvider clock)
{
    /// <summary>Links the user to the record; linking twice changes nothing. False when the
    /// user or the record does not exist.</summary>
    public async Task<bool> AssignAsync(string userId, string enterpriseId, string assignedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken)) return false;
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, cancellationToken)) return false;
        if (await db.Assignments.AnyAsync(a => a.UserId == userId && a.EnterpriseId == enterpriseId, cancellationToken)) return true;
        db.Assignments.Add(new Assignment { UserId = userId, EnterpriseId = enterpriseId, AssignedBy = assignedBy, AssignedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // The same link made at the same moment by another administrator.
            return await db.Assignments.AsNoTracking().AnyAsync(a => a.UserId == userId && a.EnterpriseId == enterpriseId, cancellationToken);
        }
        return true;
    }

    public async Task RemoveAsync(string userId, string enterpriseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Assignments.Where(a => a.UserId == userId && a.EnterpriseId == enterpriseId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Every link, by user then enterprise; or one user's.</summary>
    public async Task<IReadOnlyList<AssignmentLine>> ListAsync(string? userId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = db.Assignments.AsNoTracking();
        if (userId is not null) links = links.Where(a => a.UserId == userId);
        var rows = await (from a in links
                          join u in db.Users on a.UserId equals u.Id
                          join e in db.Enterprises on a.EnterpriseId equals e.Id
                          select new AssignmentLine(a.UserId, u.UserName ?? "", u.DisplayName, a.EnterpriseId, e.Name, a.AssignedBy, a.AssignedAt))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.UserName, StringComparer.Ordinal).ThenBy(r => r.EnterpriseId, StringComparer.Ordinal).ToList();
    }
}
