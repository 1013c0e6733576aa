using Microsoft.EntityFrameworkCore;
using Srdi.Application.Profiles;
using Srdi.Model.Profiles;
using Srdi.Storage.Database;
using Srdi.Storage.Entities;

namespace Srdi.Storage.Records;

/// <summary>The enterprise records (一户一档): each enterprise's profile, every change kept as a
/// new version with who made it and when. A profile is validated by the application's
/// <see cref="ProfileReader"/> before anything is written, and each write (the record and its
/// version) is one transaction: it is saved whole or not at all. Thread-safe: every call uses
/// its own short-lived context.</summary>
public sealed class EnterpriseRecords(IDbContextFactory<SrdiDbContext> contexts, ProfileReader profiles, TimeProvider clock)
{
    /// <summary>Creates the record of the enterprise the profile describes, as version 1.</summary>
    /// <exception cref="ProfileException">the profile is invalid (the path names the field).</exception>
    /// <exception cref="DuplicateEnterpriseException">a record with the profile's id exists.</exception>
    /// <param name="assignTo">a user to link to the new record in the same transaction (the
    /// enterprise user or service officer who created it), so that it is never created and
    /// then lost to its creator.</param>
    public async Task<EnterpriseRecord> CreateAsync(string profileJson, string changedBy, string? note = null, string? assignTo = null, CancellationToken cancellationToken = default)
    {
        var profile = Validate(profileJson, changedBy, note);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Enterprises.AnyAsync(e => e.Id == profile.Id, cancellationToken)) throw new DuplicateEnterpriseException(profile.Id);
        var now = clock.GetUtcNow();
        var enterprise = new Enterprise { Id = profile.Id, CreatedAt = now, CreatedBy = changedBy, CurrentVersion = 1 };
        Describe(enterprise, profile, now);
        var version = new ProfileVersion { EnterpriseId = profile.Id, Number = 1, ProfileJson = profileJson, ChangedBy = changedBy, ChangedAt = now, Note = note };
        enterprise.Versions.Add(version);
        db.Enterprises.Add(enterprise);
        if (assignTo is not null)
            db.Assignments.Add(new Accounts.Assignment { UserId = assignTo, EnterpriseId = profile.Id, AssignedBy = changedBy, AssignedAt = now });
        try
        {
            // One SaveChanges: both inserts run in the one transaction EF opens for it.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another writer created the same id between the check and the insert.
            if (await CurrentVersionAsync(profile.Id, cancellationToken) is not null) throw new DuplicateEnterpriseException(profile.Id);
            throw;
        }
        return Record(enterprise, version);
    }

    /// <summary>Saves a changed profile as version <paramref name="expectedVersion"/> + 1, if
    /// <paramref name="expectedVersion"/> (the version the person started from) is still the current one.</summary>
    /// <exception cref="ProfileException">the profile is invalid, or its id is not <paramref name="id"/>.</exception>
    /// <exception cref="EnterpriseNotFoundException">no record has this id.</exception>
    /// <exception cref="StaleVersionException">someone saved another version in between.</exception>
    public async Task<EnterpriseRecord> UpdateAsync(string id, string profileJson, string changedBy, int expectedVersion, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var profile = Validate(profileJson, changedBy, note);
        if (!string.Equals(profile.Id, id, StringComparison.Ordinal))
            throw new ProfileException("$.id", $"档案的 id“{profile.Id}”与所修改的企业“{id}”不符：企业标识不能修改");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new EnterpriseNotFoundException(id);
        if (enterprise.CurrentVersion != expectedVersion) throw new StaleVersionException(id, expectedVersion, enterprise.CurrentVersion);
        var now = clock.GetUtcNow();
        var number = checked(expectedVersion + 1);
        enterprise.CurrentVersion = number;
        Describe(enterprise, profile, now);
        var version = new ProfileVersion { EnterpriseId = id, Number = number, ProfileJson = profileJson, ChangedBy = changedBy, ChangedAt = now, Note = note };
        db.ProfileVersions.Add(version);
        try
        {
            // UPDATE … WHERE CurrentVersion = expected, and the new version's INSERT, in one transaction.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // A concurrent writer won: the concurrency token matched no row, or its version n+1
            // took the key. Either way nothing of ours was written.
            var current = await CurrentVersionAsync(id, cancellationToken);
            if (current is { } c && c != expectedVersion) throw new StaleVersionException(id, expectedVersion, c);
            throw;
        }
        return Record(enterprise, version);
    }

    /// <summary>The record's current profile and version, or null if there is none.</summary>
    public async Task<EnterpriseRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Enterprises.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new { Enterprise = e, Version = e.Versions.Single(v => v.Number == e.CurrentVersion) })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : Record(row.Enterprise, row.Version);
    }

    /// <summary>The records that match the filter, one page in id order.</summary>
    public async Task<EnterprisePage> ListAsync(EnterpriseFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.PageSize, EnterpriseFilter.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Enterprises.AsNoTracking();
        if (filter.AssignedTo is { } user) query = query.Where(e => db.Assignments.Any(a => a.UserId == user && a.EnterpriseId == e.Id));
        if (!string.IsNullOrWhiteSpace(filter.City)) query = query.Where(e => e.City == filter.City);
        if (!string.IsNullOrWhiteSpace(filter.District)) query = query.Where(e => e.District == filter.District);
        if (!string.IsNullOrWhiteSpace(filter.NameContains))
        {
            var pattern = "%" + EscapeLike(filter.NameContains.Trim()) + "%";
            query = query.Where(e => e.Name != null && EF.Functions.Like(e.Name, pattern, LikeEscape));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(e => e.Id)
            .Skip(checked((filter.Page - 1) * filter.PageSize)).Take(filter.PageSize)
            .Select(e => new EnterpriseSummary(e.Id, e.Name, e.Province, e.City, e.District, e.CurrentVersion, e.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new EnterprisePage(items, total, filter.Page, filter.PageSize);
    }

    /// <summary>Every version of the record, oldest first; empty if there is no such record.</summary>
    public async Task<IReadOnlyList<ProfileVersionSummary>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProfileVersions.AsNoTracking()
            .Where(v => v.EnterpriseId == id)
            .OrderBy(v => v.Number)
            .Select(v => new ProfileVersionSummary(v.Number, v.ChangedBy, v.ChangedAt, v.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Version <paramref name="number"/> of the record's profile, or null if there is none.</summary>
    public async Task<ProfileVersionRecord?> GetVersionAsync(string id, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProfileVersions.AsNoTracking()
            .Where(v => v.EnterpriseId == id && v.Number == number)
            .Select(v => new ProfileVersionRecord(v.EnterpriseId, v.Number, v.ProfileJson, v.ChangedBy, v.ChangedAt, v.Note))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private const char LikeEscapeChar = '\\';
    private const string LikeEscape = "\\";

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscapeChar + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscapeChar + "_", StringComparison.Ordinal);

    private EnterpriseProfile Validate(string profileJson, string changedBy, string? note)
    {
        ArgumentNullException.ThrowIfNull(profileJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(changedBy.Length, SrdiDbContext.UserLength, nameof(changedBy));
        if (note is not null) ArgumentOutOfRangeException.ThrowIfGreaterThan(note.Length, SrdiDbContext.NoteLength, nameof(note));
        var profile = profiles.ReadText(profileJson);
        // The columns' limits, said as the profile reader says a field's problem.
        Limit("$.id", profile.Id, SrdiDbContext.IdLength);
        Limit("$.name", profile.Name, SrdiDbContext.NameLength);
        Limit("$.area.province", profile.Area?.Province, SrdiDbContext.AreaLength);
        Limit("$.area.city", profile.Area?.City, SrdiDbContext.AreaLength);
        Limit("$.area.district", profile.Area?.District, SrdiDbContext.AreaLength);
        return profile;
    }

    private static void Limit(string path, string? value, int length)
    {
        if (value is not null && value.Length > length)
            throw new ProfileException(path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"过长：最多 {length} 个字符，实际 {value.Length} 个"));
    }

    private static void Describe(Enterprise enterprise, EnterpriseProfile profile, DateTimeOffset now)
    {
        enterprise.Name = profile.Name;
        enterprise.Province = profile.Area?.Province;
        enterprise.City = profile.Area?.City;
        enterprise.District = profile.Area?.District;
        enterprise.UpdatedAt = now;
    }

    private async Task<int?> CurrentVersionAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Enterprises.AsNoTracking().Where(e => e.Id == id).Select(e => (int?)e.CurrentVersion).SingleOrDefaultAsync(cancellationToken);
    }

    private static EnterpriseRecord Record(Enterprise e, ProfileVersion v) =>
        new(e.Id, e.Name, e.Province, e.City, e.District, e.CurrentVersion, v.ProfileJson, e.CreatedAt, e.CreatedBy, v.ChangedAt, v.ChangedBy);
}
