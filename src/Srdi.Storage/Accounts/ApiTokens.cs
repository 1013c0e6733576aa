using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Database;

namespace Srdi.Storage.Accounts;

/// <summary>A token as its owner's list shows it: never the token itself.</summary>
public sealed record ApiTokenLine(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>API tokens for programs: made by their user, shown once, kept as a SHA-256 hash,
/// revocable. A token is <c>srdi_</c> and 43 URL-safe characters (256 random bits), so a hash
/// without salt is enough: it cannot be guessed, only stolen, and the hash is useless to a thief.</summary>
public sealed class ApiTokens(IDbContextFactory<SrdiDbContext> contexts, TimeProvider clock)
{
    public const string Scheme = "srdi_";
    public const int MaxPerUser = 20;

    /// <summary>Makes a token for the user; returns it (the only time it is seen) or null when
    /// the user already has <see cref="MaxPerUser"/> live tokens.</summary>
    public async Task<string?> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, cancellationToken) >= MaxPerUser) return null;
        var token = Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));
        db.ApiTokens.Add(new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Hash = Hash(token),
            Prefix = token[..(Scheme.Length + 6)],
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The user id a live token acts for, or null; records when it was last used.</summary>
    public async Task<string?> FindUserAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Scheme, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken);
        if (row is null) return null;
        row.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return row.UserId;
    }

    public async Task<IReadOnlyList<ApiTokenLine>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .Select(t => new ApiTokenLine(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(t => t.CreatedAt).ToList();
    }

    /// <summary>Revokes one of the user's own tokens; false when it is not theirs.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (row is null) return false;
        row.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
