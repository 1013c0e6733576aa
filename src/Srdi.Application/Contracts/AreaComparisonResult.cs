namespace Srdi.Application.Contracts;

/// <summary>One enterprise as if registered in each area of the catalog (schema
/// srdi.area-comparison/1): the areas sorted by in-force exact money, then in-force "up to"
/// money, most first, so the area where it would be supported most comes first.</summary>
public sealed record AreaComparisonResult(
    string Schema,
    EnterpriseRef Enterprise,
    DateOnly At,
    IReadOnlyList<AreaOutcome> Areas)
{
    public const string SchemaName = "srdi.area-comparison/1";
}

/// <summary>The enterprise evaluated as if registered in <see cref="Area"/> (its <c>since</c>
/// date kept). <see cref="Name"/> is the area in Chinese (广东省深圳市南山区); <see cref="Current"/>
/// says whether it is the area the profile gives. Drafts are totalled apart, never with the law;
/// <see cref="Eligible"/> and <see cref="EligibleDrafts"/> count the measures whose status is
/// eligible in documents in force and in drafts.</summary>
public sealed record AreaOutcome(
    AreaResult Area,
    string Name,
    bool Current,
    MoneyTotals InForce,
    MoneyTotals Drafts,
    int Eligible,
    int EligibleDrafts,
    IReadOnlyList<string> Documents);
