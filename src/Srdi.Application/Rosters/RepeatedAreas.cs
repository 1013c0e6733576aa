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
    // A roster's places number from a few dozen (a city's districts) to a few thousand (the
    // country's): 64 slots addressed directly had a third of even 46 places evicting each other,
    // a new place a row for those rows. Probing a few slots, and doubling when they are full, keeps
    // every place; the cap bounds a roster whose names are not interned.
    private const int Probes = 8;
    private const int MaxSize = 1 << 16;
    private EnterpriseArea?[] _places = new EnterpriseArea?[256];

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EnterpriseArea Place(string? province, string? city, string? district)
    {
        var hash = Hash(province, city, district);
        while (true)
        {
            var places = _places;
            var mask = places.Length - 1;
            for (var probe = 0; probe < Probes; probe++)
            {
                ref var known = ref places[(hash + probe) & mask];
                if (known is null) return known = new EnterpriseArea(province, city, district, null);
                if (ReferenceEquals(known.Province, province) && ReferenceEquals(known.City, city) && ReferenceEquals(known.District, district))
                    return known;
            }
            if (places.Length == MaxSize) return places[hash & mask] = new EnterpriseArea(province, city, district, null);
            Grow();
        }
    }

    private static int Hash(string? province, string? city, string? district) =>
        unchecked((RuntimeHelpers.GetHashCode(province) * 31 + RuntimeHelpers.GetHashCode(city)) * 31 + RuntimeHelpers.GetHashCode(district));

    private void Grow()
    {
        var places = new EnterpriseArea?[_places.Length * 2];
        var mask = places.Length - 1;
        foreach (var place in _places)
        {
            if (place is null) continue;
            var hash = Hash(place.Province, place.City, place.District);
            // A place that finds no room in the larger table is dropped: the next row of it makes it again.
            for (var probe = 0; probe < Probes; probe++)
            {
                ref var slot = ref places[(hash + probe) & mask];
                if (slot is not null) continue;
                slot = place;
                break;
            }
        }
        _places = places;
    }
}
