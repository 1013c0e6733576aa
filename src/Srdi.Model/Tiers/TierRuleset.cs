using System.Globalization;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Model.Tiers;

/// <summary>A dated set of national tier criteria (创新型 → 专精特新 → 小巨人) with the SME size
/// classification they rest on. A later revision is a new ruleset with its own dates.</summary>
public sealed record TierRuleset(
    string Id,
    string Title,
    string Issuer,
    Validity Validity,
    DateOnly? SupersededOn,
    string? SupersededNote,
    string? Interpretation,
    IReadOnlyDictionary<string, RegionalParameter> Parameters,
    IReadOnlyList<SizeClassRule> SizeClasses,
    IReadOnlyList<TierCriteria> Tiers,
    SourceLocation Location)
{
    /// <summary>Which facts the size classification reads: the industry that picks the bounds,
    /// the size class a profile may declare instead, and the industry whose bounds apply when the
    /// profile's industry is not listed.</summary>
    public SizeFacts SizeFacts { get; init; } = SizeFacts.Default;
}

/// <summary>The facts of the SME size classification, named in the ruleset file (size_facts).</summary>
public sealed record SizeFacts(string Industry, string DeclaredClass, string FallbackIndustry)
{
    public static readonly SizeFacts Default = new("sector", "size_class", "其他未列明行业");
}

/// <summary>One industry's bounds in the SME size classification: SME when <see cref="Sme"/>
/// holds, then medium, small, else micro.</summary>
public sealed record SizeClassRule(string Industry, string? Basis, SourceText Sme, SourceText Medium, SourceText Small);

/// <summary>What a tier requires. <see cref="Conditions"/> must all hold; a scored tier also
/// needs its score to pass or one <see cref="Direct"/> condition.</summary>
public sealed record TierCriteria(
    string Certificate,
    string Name,
    bool RequiresSme,
    IReadOnlyList<Criterion> Conditions,
    IReadOnlyList<Criterion> Direct,
    Scorecard? Score,
    CertificateUpgrade Upgrade,
    string? Interpretation);

/// <summary>The certificate an enterprise would receive on reaching the tier: its level, by region.</summary>
public sealed record CertificateUpgrade(CertificateLevel Level, IReadOnlyDictionary<string, CertificateLevel> ByRegion, string? Issuer);

/// <summary>A condition of a tier: a rule, or all / any of child criteria. <see cref="Regions"/>
/// limits it to enterprises of some provinces or cities (a province's own extra condition);
/// <see cref="NewApplicantsOnly"/> to enterprises applying for the tier for the first time, so
/// that a holder of a valid certificate of the tier is not judged by it (复核企业不适用).</summary>
public sealed record Criterion(
    string Id,
    string? Group,
    string Label,
    SourceText? Rule,
    IReadOnlyList<Criterion> All,
    IReadOnlyList<Criterion> Any,
    Gap? Gap,
    IReadOnlyList<string> Regions,
    string? Note,
    bool NewApplicantsOnly = false);

/// <summary>What would pass a failed condition: the current value, the target, and how much more
/// of something it takes ("研发费用 约需增加 1,350,000 元").</summary>
public sealed record Gap(SourceText Value, SourceText Target, SourceText? Shortfall, string? ShortfallLabel);

public sealed record Scorecard(SourceText PassMark, IReadOnlyList<ScoreGroup> Groups, IReadOnlyList<Indicator> Indicators);

public sealed record ScoreGroup(string Id, decimal Max, decimal Minimum);

/// <summary>A scored indicator: the first band that holds gives the points, or a
/// <see cref="Points"/> formula does ("+3 per item met, at most 5"). Bands over a
/// <see cref="Value"/> state which ends are closed. Regional indicators (a province's 特色化
/// items) replace the group's default ones for enterprises of that region.</summary>
public sealed record Indicator(
    string Id,
    string Group,
    string Label,
    decimal Max,
    SourceText? Value,
    IReadOnlyList<Band> Bands,
    SourceText? Points,
    SourceText? Shortfall,
    string? ShortfallLabel,
    IReadOnlyList<string> Regions,
    bool RegionalDefault,
    string? Note);

public sealed record Band(decimal Points, string Label, SourceText? When, BandRange? Range);

/// <summary>An interval of an indicator's value; a null bound is open-ended.</summary>
public sealed record BandRange(decimal? Low, bool LowClosed, decimal? High, bool HighClosed)
{
    public bool Contains(decimal x) =>
        (Low is null || (LowClosed ? x >= Low : x > Low)) && (High is null || (HighClosed ? x <= High : x < High));

    public override string ToString() =>
        $"{(LowClosed ? "[" : "(")}{Low?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {High?.ToString(CultureInfo.InvariantCulture) ?? "+∞"}{(HighClosed ? "]" : ")")}";
}
