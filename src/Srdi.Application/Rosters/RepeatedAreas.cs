using System.Runtime.CompilerServices;
using Srdi.Model.Profiles;

namespace Srdi.Application.Rosters;

/// <summary>The areas of a roster's rows, each made into one object: a binder's area names are
/// interned strings, so the same string objects and date find the area an earlier row got. Rows
/// then share it, and an engine reading many records finds it in cache instead of one object a row.
/// One per binder (not thread-safe); names that are not interned simply make a new area.</summary>
internal sealed class RepeatedAreas
{
    private const int Size = 64; // a power of two
    private readonly EnterpriseArea?[] _areas = new EnterpriseArea?[Size];

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EnterpriseArea Of(string? province, string? city, string? district, DateOnly? since)
    {
        var hash = unchecked(((RuntimeHelpers.GetHashCode(province) * 31 + RuntimeHelpers.GetHashCode(city)) * 31 + RuntimeHelpers.GetHashCode(district)) * 31 + since.GetHashCode());
        ref var known = ref _areas[hash & (Size - 1)];
        if (known is not null && ReferenceEquals(known.Province, province) && ReferenceEquals(known.City, city)
            && ReferenceEquals(known.District, district) && known.Since == since)
            return known;
        return known = new EnterpriseArea(province, city, district, since);
    }
}
