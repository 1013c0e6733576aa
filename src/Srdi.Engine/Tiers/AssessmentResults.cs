using Srdi.Model.Profiles;
using Srdi.Model.Tiers;

namespace Srdi.Engine.Tiers;

public enum Verdict { Qualifies, DoesNotQualify, NeedsInfo }

/// <summary>One condition of a tier as the profile met it, with what would pass it where it failed.</summary>
public sealed record CriterionResult(
    Criterion Criterion,
    Truth Outcome,
    string Seen,
    string? Gap,
    IReadOnlyList<CriterionResult> Children);

/// <summary>One scored indicator: its points (null when undecided), the band it hit and the next band up.</summary>
public sealed record IndicatorResult(
    Indicator Indicator,
    decimal? Points,
    string? Band,
    string? Value,
    string? NextStep,
    IReadOnlyList<string> Missing);

/// <summary>A score group's points: decided points, and points still undecided for lack of facts.</summary>
public sealed record GroupScore(ScoreGroup Group, decimal Points, decimal Undecided, Truth MinimumMet);

public sealed record ScoreResult(
    decimal Points,
    decimal Undecided,
    decimal? PassMark,
    Truth Passed,
    IReadOnlyList<GroupScore> Groups,
    IReadOnlyList<IndicatorResult> Indicators);

/// <summary>Whether the enterprise qualifies for one tier, by which route, and what stands in the way.</summary>
public sealed record TierResult(
    TierCriteria Tier,
    Verdict Verdict,
    bool Holds,
    string Route,
    IReadOnlyList<CriterionResult> Conditions,
    IReadOnlyList<CriterionResult> Direct,
    ScoreResult? Score,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<string> Missing)
{
    /// <summary>The id of the direct-route criterion the tier was reached by, when it was reached
    /// by one rather than by the score or the plain conditions.</summary>
    public string? DirectCriterion { get; init; }
}

/// <summary>The SME size class (工信部联企业〔2011〕300号) and why. <see cref="Missing"/>: the facts
/// without which no class could be given; <see cref="Unfilled"/>: the figures the classification
/// by figures lacked, also when the class the profile declares was used instead.</summary>
public sealed record SizeClassResult(string? Industry, string? Class, Truth IsSme, string Basis, IReadOnlyList<string> Missing)
{
    public IReadOnlyList<string> Unfilled { get; init; } = [];
}

/// <summary>The tier assessment of one enterprise on one date.</summary>
public sealed record AssessmentReport(
    EnterpriseProfile Profile,
    DateOnly At,
    TierRuleset Ruleset,
    bool Superseded,
    SizeClassResult Size,
    IReadOnlyList<TierResult> Tiers);
