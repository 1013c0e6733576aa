using System.Text.Json.Nodes;
using Srdi.Model.Sources;

namespace Srdi.Catalog.Testing;

/// <summary>One rules test written beside a document's rules: a sentence, a date, a profile
/// (in the profile format) and the outcomes expected for some measures.</summary>
public sealed record RulesTestCase(
    string DocumentId,
    string Name,
    DateOnly At,
    bool IncludeDrafts,
    JsonObject Profile,
    IReadOnlyList<MeasureExpectation> Expectations,
    TotalsExpectation? Totals,
    SourceLocation Location)
{
    public override string ToString() => $"{DocumentId}: {Name}";
}

/// <summary>What one measure should come to. Null fields are not checked.</summary>
public sealed record MeasureExpectation(
    string MeasureId,
    string? Status,
    string? Kind,
    decimal? Exact,
    decimal? UpTo,
    IReadOnlyList<decimal>? Schedule,
    decimal? Total,
    IReadOnlyList<string>? Missing,
    bool? Capped,
    bool? Excluded,
    bool? Draft,
    SourceLocation Location)
{
    /// <summary>Expected outcomes of single money parts, by their index in the measure.</summary>
    public IReadOnlyList<PieceExpectation> Parts { get; init; } = [];

    /// <summary>Expected outcomes of single in-kind items, by their index in the measure.</summary>
    public IReadOnlyList<PieceExpectation> InKind { get; init; } = [];
}

/// <summary>What one part or in-kind item of a measure should come to: whether it applies
/// (true | false | unknown) and, for a part, its amount.</summary>
public sealed record PieceExpectation(int Index, string Name, bool? Applies, bool Unknown, decimal? Amount, SourceLocation Location);

public sealed record TotalsExpectation(decimal? Exact, decimal? UpTo, decimal? Scheduled);
