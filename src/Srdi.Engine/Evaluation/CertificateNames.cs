using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Evaluation;

/// <summary>A certificate as a person reads it: the kind's Chinese name from
/// vocabulary/certificates.yaml and its level from vocabulary/terms.yaml
/// (little-giant@national → 专精特新“小巨人”企业（国家级）), never the codes.</summary>
public static class CertificateNames
{
    /// <summary>A kind and, when given, its level.</summary>
    public static string Of(CatalogVocabulary vocabulary, string kind, CertificateLevel? level)
    {
        if (!vocabulary.Certificates.TryGetValue(kind, out var definition)) return kind;
        return level is { } l ? $"{definition.Name}（{vocabulary.Terms.CertificateLevels.Label(Codes.Of(l))}）" : definition.Name;
    }

    /// <summary>A measure's target as written in the catalog: a term of its document (already
    /// Chinese) or a certificate kind, optionally "kind@level".</summary>
    public static string Target(CatalogVocabulary vocabulary, string target)
    {
        var at = target.IndexOf('@', StringComparison.Ordinal);
        var kind = at < 0 ? target : target[..at];
        if (!vocabulary.Certificates.ContainsKey(kind)) return target;
        return at >= 0 && Codes.TryParse<CertificateLevel>(target[(at + 1)..], out var level)
            ? Of(vocabulary, kind, level)
            : Of(vocabulary, kind, null);
    }
}
