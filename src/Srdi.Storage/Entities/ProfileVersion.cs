namespace Srdi.Storage.Entities;

/// <summary>One version of an enterprise's profile: the JSON text as submitted (after it passed
/// validation), who submitted it and when. Versions are only ever added; the key is
/// (<see cref="EnterpriseId"/>, <see cref="Number"/>).</summary>
public sealed class ProfileVersion
{
    public required string EnterpriseId { get; set; }

    /// <summary>1 for the profile that created the record, then n + 1 for each change.</summary>
    public int Number { get; set; }

    /// <summary>The profile (docs/profile.md) exactly as submitted.</summary>
    public required string ProfileJson { get; set; }

    /// <summary>Who changed it: a user name for now (users and roles come with Identity).</summary>
    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Why it changed, as the person wrote it (optional).</summary>
    public string? Note { get; set; }

    public Enterprise? Enterprise { get; set; }
}
