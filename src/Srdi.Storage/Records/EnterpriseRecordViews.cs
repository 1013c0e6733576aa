namespace Srdi.Storage.Records;

/// <summary>An enterprise's record as it is now: the current profile (JSON as submitted) and its version.</summary>
public sealed record EnterpriseRecord(
    string Id,
    string? Name,
    string? Province,
    string? City,
    string? District,
    int Version,
    string ProfileJson,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset ChangedAt,
    string ChangedBy);

/// <summary>One line of a list of records.</summary>
public sealed record EnterpriseSummary(
    string Id,
    string? Name,
    string? Province,
    string? City,
    string? District,
    int Version,
    DateTimeOffset ChangedAt);

/// <summary>Which records to list: <see cref="City"/> and <see cref="District"/> match exactly
/// (full names: 深圳市, 南山区), <see cref="NameContains"/> anywhere in the name; empty means any.
/// <see cref="Page"/> counts from 1; <see cref="PageSize"/> is 1..<see cref="MaxPageSize"/>.
/// <see cref="AssignedTo"/>: only the records linked to that user id (null: all, for administrators).</summary>
public sealed record EnterpriseFilter(string? City = null, string? District = null, string? NameContains = null, int Page = 1, int PageSize = 20, string? AssignedTo = null)
{
    public const int MaxPageSize = 200;
}

/// <summary>A page of records in id order, and how many match in all.</summary>
public sealed record EnterprisePage(IReadOnlyList<EnterpriseSummary> Items, int Total, int Page, int PageSize);

/// <summary>One entry of a record's history: which version, who, when, why.</summary>
public sealed record ProfileVersionSummary(int Number, string ChangedBy, DateTimeOffset ChangedAt, string? Note);

/// <summary>One version of a profile, with its JSON as submitted.</summary>
public sealed record ProfileVersionRecord(
    string EnterpriseId,
    int Number,
    string ProfileJson,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string? Note);
