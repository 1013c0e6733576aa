namespace Srdi.Model.Vocabulary;

/// <summary>Everything a rule may name besides a document's own terms: facts, certificate
/// kinds and shared dated parameters.</summary>
public sealed record CatalogVocabulary(
    IReadOnlyDictionary<string, FactDefinition> Facts,
    IReadOnlyDictionary<string, CertificateKind> Certificates,
    IReadOnlyDictionary<string, DatedParameter> Parameters)
{
    public Gazetteer Areas { get; init; } = Gazetteer.Empty;

    /// <summary>The word lists and their Chinese labels.</summary>
    public Terms Terms { get; init; } = Terms.Empty;

    /// <summary>One spelling per bureau, and departments qualified by their document's area.</summary>
    public DepartmentNames Departments { get; init; } = DepartmentNames.Empty;
}
