using System.Text.Json.Nodes;
using Srdi.Model.Sources;

namespace Srdi.Catalog.Testing;

/// <summary>A tier-criteria test: a sentence, a date, a profile, and the expected size class,
/// tier verdicts, indicator points and condition outcomes. Null fields are not checked.</summary>
public sealed record AssessmentTestCase(
    string RulesetId,
    string Name,
    DateOnly At,
    JsonObject Profile,
    string? SizeClass,
    bool SizeClassChecked,
    IReadOnlyList<TierExpectation> Tiers,
    IReadOnlyDictionary<string, decimal?> Indicators,
    IReadOnlyDictionary<string, string> Conditions,
    SourceLocation Location)
{
    public override string ToString() => $"{RulesetId}: {Name}";
}

public sealed record TierExpectation(
    string Certificate,
    string? Verdict,
    decimal? Points,
    decimal? PassMark,
    string? Direct,
    IReadOnlyList<string>? Missing,
    SourceLocation Location);
