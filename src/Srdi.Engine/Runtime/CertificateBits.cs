using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Runtime;

/// <summary>Numbers each (certificate kind, level) pair with a bit, so that "holds one of these
/// certificates" is one AND over the enterprise's valid certificates, computed once per evaluation.</summary>
internal sealed class CertificateBits
{
    private readonly Dictionary<string, int> _kinds;
    private readonly string[] _names;

    public CertificateBits(CatalogVocabulary vocabulary)
    {
        var kinds = vocabulary.Certificates.Keys.Order(StringComparer.Ordinal).ToList();
        if (kinds.Count * 3 > 64)
            throw new InvalidOperationException($"证书种类过多（{kinds.Count}），超过按位匹配的上限 21 种");
        _kinds = kinds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        _names = [.. kinds];
    }

    public ulong Bit(string kind, CertificateLevel level) => 1UL << (Number(kind) * 3 + (int)level);

    // A record's certificate kinds are mostly the vocabulary's own string objects (the roster
    // binders share them): a scan by reference over a handful of kinds before hashing the text.
    private int Number(string kind)
    {
        for (var i = 0; i < _names.Length; i++)
            if (ReferenceEquals(_names[i], kind)) return i;
        return _kinds[kind];
    }

    /// <summary>The bits a requirement accepts: its kind at any level, or at one level.</summary>
    public ulong Mask(IEnumerable<CertificateRequirement> requirements)
    {
        ulong mask = 0;
        foreach (var r in requirements)
        {
            if (r.Level is { } level) mask |= Bit(r.Kind, level);
            else mask |= 0b111UL << (_kinds[r.Kind] * 3);
        }
        return mask;
    }
}
