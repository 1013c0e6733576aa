using Srdi.Model.Vocabulary;

namespace Srdi.Application.Rosters;

public enum ColumnKind { Id, Name, Province, City, District, Since, CertificateIssued, CertificateExpires, CertificateLevel, CertificateRenewal, Fact }

/// <summary>One column of a roster: its Chinese header, its machine key and what it fills.
/// <see cref="Year"/> is set for a yearly fact's column.</summary>
public sealed record RosterColumn(string Header, string Key, ColumnKind Kind, string? Certificate, FactDefinition? Fact, int Slot, int? Year);
