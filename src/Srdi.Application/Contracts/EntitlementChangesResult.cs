using System.Text.Json.Serialization;

namespace Srdi.Application.Contracts;

/// <summary>What changed in an enterprise's entitlements between two profiles (two versions of
/// its record) evaluated on the same date (schema srdi.entitlement-changes/1): one entry per
/// measure whose status or amounts differ, in catalog order.</summary>
public sealed record EntitlementChangesResult(
    string Schema,
    EnterpriseRef Enterprise,
    DateOnly At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? To,
    IReadOnlyList<EntitlementChangeResult> Changes)
{
    public const string SchemaName = "srdi.entitlement-changes/1";
}

/// <summary>One measure whose outcome differs: before and after.</summary>
public sealed record EntitlementChangeResult(string MeasureId, string DocumentId, string Title, bool Draft, EntitlementState Before, EntitlementState After);

/// <summary>A measure's outcome for the enterprise: status and kind codes, the sure sum, the
/// ceiling, the schedule's total and its yearly amounts (yuan).</summary>
public sealed record EntitlementState(string Status, string Kind, decimal Exact, decimal UpTo, decimal Scheduled, IReadOnlyList<decimal> Schedule);
