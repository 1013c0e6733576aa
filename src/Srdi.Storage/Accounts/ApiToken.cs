namespace Srdi.Storage.Accounts;

/// <summary>A token a program sends as <c>Authorization: Bearer …</c> to act as its user. Only
/// the SHA-256 of the token is kept; the token itself is shown once, when it is made.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>What the user called it (对接报表系统).</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's first characters, so that a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
