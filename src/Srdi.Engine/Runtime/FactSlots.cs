using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Runtime;

/// <summary>Numbers every fact of the vocabulary once, so that evaluation reads facts from
/// arrays instead of dictionaries.</summary>
internal sealed class FactSlots
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

    public FactSlots(IEnumerable<FactDefinition> facts, CertificateBits bits)
    {
        Bits = bits;
        var list = facts.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < list.Length; i++) _slots[list[i].Name] = i;
        Definitions = list;
    }

    public IReadOnlyList<FactDefinition> Definitions { get; }

    public int Count => Definitions.Count;

    /// <summary>The certificate numbering of the same catalog: a record keeps its certificates by it.</summary>
    public CertificateBits Bits { get; }

    public bool TryGet(string name, out int slot) => _slots.TryGetValue(name, out slot);
}
