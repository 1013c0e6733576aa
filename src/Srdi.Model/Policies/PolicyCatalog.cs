using Srdi.Model.Vocabulary;

namespace Srdi.Model.Policies;

/// <summary>The whole catalog as loaded: the vocabulary and every document.</summary>
public sealed record PolicyCatalog(CatalogVocabulary Vocabulary, IReadOnlyList<PolicyDocument> Documents)
{
    public IEnumerable<Measure> Measures => Documents.SelectMany(d => d.Measures);
}
