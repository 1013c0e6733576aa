using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Model.Policies;

public enum DocumentStatus { InForce, Draft }

public enum GovernmentLevel { District, City }

/// <summary>An administrative area. City and district are null where the document or the
/// enterprise does not go that deep.</summary>
public sealed record Area(string Province, string? City, string? District)
{
    public override string ToString() => Province + City + District;
}

/// <summary>A policy document as issued: its header, its own definitions and its measures.</summary>
public sealed record PolicyDocument(
    string Id,
    string Title,
    string Issuer,
    string? Number,
    GovernmentLevel Level,
    Area Area,
    DocumentStatus Status,
    string Source,
    Validity Validity,
    IReadOnlyDictionary<string, IReadOnlyList<CertificateRequirement>> Terms,
    string? Interpretation,
    IReadOnlyDictionary<string, DatedParameter> Parameters,
    IReadOnlyList<Measure> Measures,
    SourceLocation Location)
{
    public bool IsDraft => Status == DocumentStatus.Draft;
}
