using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Model.Profiles;

/// <summary>One enterprise as described by its profile. Facts it does not give are unknown.</summary>
public sealed record EnterpriseProfile(
    string Id,
    string? Name,
    EnterpriseArea? Area,
    IReadOnlyList<Certificate> Certificates,
    IReadOnlyDictionary<string, FactValue> Facts);

/// <summary>Where the enterprise is registered, and since when (registration or move-in).</summary>
public sealed record EnterpriseArea(string? Province, string? City, string? District, DateOnly? Since);

/// <summary>A certificate held, lapsed ones included. <see cref="ExpiresOn"/> is the last valid day.</summary>
public sealed record Certificate(
    string Kind,
    CertificateLevel Level,
    string? Issuer,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    bool Renewal)
{
    public bool IsValidOn(DateOnly date) => IssuedOn <= date && date <= ExpiresOn;
}
