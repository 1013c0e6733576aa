using System.Runtime.CompilerServices;
using Srdi.Model.Profiles;

namespace Srdi.Application.Rosters;

/// <summary>The places of a roster's rows (province, city, district, without a date), each made
/// into one object: a binder's area names are interned, so the same string objects find the place
/// an earlier row got. Rows then share it with their own registration dates beside it
/// (<see cref="Srdi.Engine.Runtime.EnterpriseRecord.SetArea"/>): no object a row, and the engine's
/// lookups of a place find it again. One per binder (not thread-safe); names that are not interned
/// simply make a new place.</summary>
internal sealed class RepeatedAreas
{
    private const int Size = 64; // a power of two
    private readonly EnterpriseArea?[] _places = new EnterpriseArea?[Size];

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EnterpriseArea Place(string? province, string? city, string? district)
    {
        var hash = unchecked((RuntimeHelpers.GetHashCode(province) * 31 + RuntimeHelpers.GetHashCode(city)) * 31 + RuntimeHelpers.GetHashCode(district));
        ref var known = ref _places[hash & (Size - 1)];
        if (known is not null && ReferenceEquals(known.Province, province) && ReferenceEquals(known.City, city) && ReferenceEquals(known.District, district))
            return known;
        return known = new EnterpriseArea(province, city, district, null);
    }
}
