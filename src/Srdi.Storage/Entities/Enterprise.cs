namespace Srdi.Storage.Entities;

/// <summary>One enterprise's record (一户一档): its identity, where it is registered (copied from
/// the current profile so that lists filter in the database), and the number of its current
/// version. The profile itself lives in <see cref="ProfileVersion"/>: one row per change, never
/// updated.</summary>
public sealed class Enterprise
{
    /// <summary>The profile's id: the unified social credit code (统一社会信用代码) or a roster key.</summary>
    public required string Id { get; set; }

    public string? Name { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? District { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>When the current version was written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The number of the current version, 1..n. It is also the concurrency token: an
    /// update writes <c>WHERE CurrentVersion = expected</c>, so of two writers that started from
    /// the same version only the first succeeds.</summary>
    public int CurrentVersion { get; set; }

    public List<ProfileVersion> Versions { get; } = [];
}
