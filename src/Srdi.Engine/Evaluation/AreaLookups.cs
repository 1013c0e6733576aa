using System.Runtime.CompilerServices;
using Srdi.Model.Profiles;

namespace Srdi.Engine.Evaluation;

/// <summary>One worker's memory of the areas it has looked up in the <see cref="AreaIndex"/>, keyed
/// by the area object. A roster's rows come from a handful of areas, and the binders give the rows
/// of one area one object (RepeatedAreas): a row whose area is an earlier row's object gets the
/// earlier answer without three name lookups. An equal area in another object simply looks up
/// again; the answer is always the index's own.</summary>
internal sealed class AreaLookups
{
    // Open addressing over a few probes: a roster's 40-odd places in 32 direct-mapped slots had
    // missed on a third of all rows, each miss three name lookups (docs/performance.md).
    private const int Size = 256; // a power of two
    private const int Probes = 4;
    private readonly Entry[] _entries = new Entry[Size];

    private struct Entry
    {
        public EnterpriseArea? Area;
        public int[] Documents;
        public bool Exact;
    }

    public int[] Candidates(AreaIndex index, EnterpriseArea? area, DateOnly at, out bool exact)
    {
        // Only the date of registration depends on the date: checked before the area is looked up.
        if (area is null || area.Since is { } since && since > at) return index.Candidates(area, at, out exact);
        var home = RuntimeHelpers.GetHashCode(area);
        var free = -1;
        for (var probe = 0; probe < Probes; probe++)
        {
            var slot = (home + probe) & (Size - 1);
            ref var entry = ref _entries[slot];
            if (ReferenceEquals(entry.Area, area))
            {
                exact = entry.Exact;
                return entry.Documents;
            }
            if (entry.Area is null && free < 0) free = slot;
        }
        var documents = index.Candidates(area, at, out exact);
        // Every probed slot taken by other areas: the first gives way.
        _entries[free < 0 ? home & (Size - 1) : free] = new Entry { Area = area, Documents = documents, Exact = exact };
        return documents;
    }
}
