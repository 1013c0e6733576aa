namespace Srdi.Model.Vocabulary;

public enum CertificateLevel { National, Province, City }

/// <summary>A kind of certificate (tier or title) an enterprise can hold.</summary>
public sealed record CertificateKind(
    string Id,
    string Name,
    IReadOnlyList<CertificateLevel> Levels,
    CertificateLevel DefaultLevel,
    int ValidityYears);

/// <summary>"Holds a certificate of this kind", optionally of one level: the meaning of a
/// target or of a term such as 专精特新企业.</summary>
public sealed record CertificateRequirement(string Kind, CertificateLevel? Level)
{
    public override string ToString() => Level is null ? Kind : $"{Kind}@{Level.Value.ToString().ToLowerInvariant()}";
}
