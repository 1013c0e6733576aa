namespace Srdi.Storage.Accounts;

/// <summary>A user's link to an enterprise record: for an enterprise user, an enterprise they
/// belong to; for a service officer, an enterprise assigned to them to serve. Only these links
/// open a record to a user who is not an administrator.</summary>
public sealed class Assignment
{
    public required string UserId { get; set; }
    public required string EnterpriseId { get; set; }
    public required string AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}
