using Srdi.Model.Vocabulary;

namespace Srdi.Model.Policies;

/// <summary>The whole catalog as loaded: the vocabulary, every document and the tier criteria.</summary>
public sealed record PolicyCatalog(CatalogVocabulary Vocabulary, IReadOnlyList<PolicyDocument> Documents, IReadOnlyList<Tiers.TierRuleset> Rulesets)
{
    public PolicyCatalog(CatalogVocabulary vocabulary, IReadOnlyList<PolicyDocument> documents) : this(vocabulary, documents, []) { }

    public IEnumerable<Measure> Measures => Documents.SelectMany(d => d.Measures);
}
