namespace Srdi.Model.Vocabulary;

public enum CertificateLevel { National, Province, City }

/// <summary>A kind of certificate (tier or title) an enterprise can hold.</summary>
public sealed record CertificateKind(
    string Id,
    string Name,
    IReadOnlyList<CertificateLevel> Levels,
    CertificateLevel DefaultLevel,
    int ValidityYears)
{
    /// <summary>The last day of validity of a certificate issued on <paramref name="issued"/> when
    /// the holder gives no expiry date: the validity in whole years, the end date inclusive (a
    /// certificate of 2024-07-15 for 3 years holds to 2027-07-14). Near the end of the calendar
    /// (an evaluation date of 9999-12-31) the expiry is the calendar's last day, never an overflow.</summary>
    public DateOnly ExpiryFor(DateOnly issued) =>
        issued.Year + ValidityYears > DateOnly.MaxValue.Year ? DateOnly.MaxValue : issued.AddYears(ValidityYears).AddDays(-1);
}

/// <summary>"Holds a certificate of this kind", optionally of one level: the meaning of a
/// target or of a term such as 专精特新企业.</summary>
public sealed record CertificateRequirement(string Kind, CertificateLevel? Level)
{
    public override string ToString() => Level is null ? Kind : $"{Kind}@{Codes.Of(Level.Value)}";
}
