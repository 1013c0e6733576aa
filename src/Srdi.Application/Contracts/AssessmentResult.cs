using System.Text.Json.Serialization;

namespace Srdi.Application.Contracts;

/// <summary>A tier assessment as programs read it (schema srdi.assessment/1,
/// docs/assessment-json.md), with the upgrade value; null when no tier is left to climb.</summary>
public sealed record AssessmentResult(
    string Schema,
    EnterpriseRef Enterprise,
    DateOnly At,
    RulesetRef Ruleset,
    SizeResult Size,
    IReadOnlyList<TierAssessment> Tiers,
    UpgradeResult? Upgrade)
{
    public const string SchemaName = "srdi.assessment/1";
}

public sealed record RulesetRef(string Id, string Title, bool Superseded, string? SupersededNote);

/// <summary>The SME size class and why.</summary>
public sealed record SizeResult(
    string? Industry,
    [property: JsonPropertyName("class")] string? SizeClass,
    string IsSme,
    string Basis,
    IReadOnlyList<string> Missing);

public sealed record TierAssessment(
    string Certificate,
    string Name,
    string Verdict,
    bool Holds,
    string Route,
    IReadOnlyList<CriterionAssessment> Conditions,
    IReadOnlyList<CriterionAssessment> Direct,
    ScoreAssessment? Score,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<string> Missing);

public sealed record CriterionAssessment(
    string Id,
    string? Group,
    string Label,
    string Outcome,
    string Seen,
    string? Gap,
    string? Note,
    IReadOnlyList<CriterionAssessment> Children);

public sealed record ScoreAssessment(
    decimal Points,
    decimal Undecided,
    decimal? PassMark,
    string Passed,
    IReadOnlyList<GroupAssessment> Groups,
    IReadOnlyList<IndicatorAssessment> Indicators);

public sealed record GroupAssessment(string Id, decimal Points, decimal Max, decimal Minimum, decimal Undecided, string MinimumMet);

public sealed record IndicatorAssessment(
    string Id,
    string Group,
    string Label,
    decimal Max,
    decimal? Points,
    string? Band,
    string? Value,
    string? NextStep,
    IReadOnlyList<string> Missing);

/// <summary>What first obtaining the next tier's certificate on the evaluation date opens.</summary>
public sealed record UpgradeResult(
    string NextTier,
    string NextTierName,
    string CertificateLevel,
    DateOnly IssuedOn,
    MoneyTotals InForceDifference,
    MoneyTotals DraftDifference,
    IReadOnlyList<DocumentUpgradeResult> Documents);

public sealed record DocumentUpgradeResult(
    string DocumentId,
    bool Draft,
    MoneyTotals Before,
    MoneyTotals After,
    MoneyTotals Difference,
    IReadOnlyList<OpenedMeasure> Opened,
    IReadOnlyList<string> InKindOpened);

public sealed record OpenedMeasure(string MeasureId, string Title, string Kind, decimal Exact, decimal UpTo, decimal Scheduled);
