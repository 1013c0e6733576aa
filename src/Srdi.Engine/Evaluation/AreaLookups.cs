using System.Runtime.CompilerServices;
using Srdi.Model.Profiles;

namespace Srdi.Engine.Evaluation;

/// <summary>One worker's memory of the areas it has looked up in the <see cref="AreaIndex"/>, keyed
/// by the string objects of the names. A roster's rows come from a handful of areas, and the
/// binders make each name one string object (RowBinder.Intern): a row whose names are the same
/// objects as an earlier row's gets the earlier answer without three name lookups. Names that are
/// equal but other objects simply look up again; the answer is always the index's own.</summary>
internal sealed class AreaLookups
{
    private const int Size = 32; // a power of two
    private readonly Entry[] _entries = new Entry[Size];

    private struct Entry
    {
        public string? Province, City, District;
        public int[]? Documents;
        public bool Exact;
    }

    public int[] Candidates(AreaIndex index, EnterpriseArea? area, DateOnly at, out bool exact)
    {
        // Only the date of registration depends on the date: checked before the names are.
        if (area is null || area.Since is { } since && since > at) return index.Candidates(area, at, out exact);
        var hash = unchecked((RuntimeHelpers.GetHashCode(area.Province) * 31 + RuntimeHelpers.GetHashCode(area.City)) * 31 + RuntimeHelpers.GetHashCode(area.District));
        ref var entry = ref _entries[hash & (Size - 1)];
        if (entry.Documents is not null && ReferenceEquals(entry.Province, area.Province) && ReferenceEquals(entry.City, area.City)
            && ReferenceEquals(entry.District, area.District))
        {
            exact = entry.Exact;
            return entry.Documents;
        }
        var documents = index.Candidates(area, at, out exact);
        entry = new Entry { Province = area.Province, City = area.City, District = area.District, Documents = documents, Exact = exact };
        return documents;
    }
}
