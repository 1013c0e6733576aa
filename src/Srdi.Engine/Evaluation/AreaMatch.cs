using System.Globalization;
using Srdi.Engine;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Engine.Evaluation;

/// <summary>Reading rule 12: a measure applies to enterprises registered in the issuing area,
/// moved-in ones included from their move-in date.</summary>
public static class AreaMatch
{
    public static Truth Check(Area required, EnterpriseArea? actual, DateOnly at)
    {
        if (actual is null) return Truth.Unknown;
        var province = Same(required.Province, actual.Province);
        var city = required.City is null ? Truth.True : Same(required.City, actual.City);
        var district = required.District is null ? Truth.True : Same(required.District, actual.District);
        if (province == Truth.False || city == Truth.False || district == Truth.False) return Truth.False;
        if (actual.Since is { } since && since > at) return Truth.False;
        return province == Truth.True && city == Truth.True && district == Truth.True ? Truth.True : Truth.Unknown;
    }

    public static string Describe(EnterpriseArea? area) =>
        area is null ? "未填写注册地"
        : $"{area.Province}{area.City}{area.District}" + (area.Since is { } s ? string.Create(CultureInfo.InvariantCulture, $"（自 {s:yyyy-MM-dd}）") : "");

    private static Truth Same(string required, string? actual) =>
        actual is null ? Truth.Unknown : AreaNames.Same(required, actual) ? Truth.True : Truth.False;
}

public static class AreaNames
{
    /// <summary>Compares two area names as <see cref="Normalize"/> would, without allocating:
    /// it runs once per document for every row of a roster.</summary>
    public static bool Same(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || Core(Trim(a)).SequenceEqual(Core(Trim(b)));

    /// <summary>The name without surrounding white space. An area name starts and ends with a
    /// CJK character nearly always; those are above every white-space character (U+3000 is the
    /// highest), so the Unicode table is consulted only for the rest.</summary>
    internal static ReadOnlySpan<char> Trim(string name)
    {
        var span = name.AsSpan();
        return span.Length > 0 && span[0] > '\u3000' && span[^1] > '\u3000' ? span : span.Trim();
    }

    /// <summary>The value a region-keyed table gives an enterprise: its city's entry, else its
    /// province's (深圳 is certified by the city; 广东 sets the province's pass mark).</summary>
    public static bool TryFindRegion<T>(IReadOnlyDictionary<string, T> byRegion, EnterpriseArea? area, out T value)
    {
        foreach (var name in new[] { area?.City, area?.Province })
        {
            if (name is null) continue;
            foreach (var (region, candidate) in byRegion)
            {
                if (!Same(region, name)) continue;
                value = candidate;
                return true;
            }
        }
        value = default!;
        return false;
    }

    internal static ReadOnlySpan<char> Core(ReadOnlySpan<char> name) =>
        name.Length > 2 && name[^1] is '省' or '市' or '区' or '县' ? name[..^1] : name;

    /// <summary>"深圳市" and "深圳" name the same city.</summary>
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length > 2 && trimmed[^1] is '省' or '市' or '区' or '县' ? trimmed[..^1] : trimmed;
    }
}
