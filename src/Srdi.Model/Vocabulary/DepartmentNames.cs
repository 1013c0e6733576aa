using Srdi.Model.Policies;

namespace Srdi.Model.Vocabulary;

/// <summary>How the summaries name a department: one spelling per bureau (the catalog's
/// synonym table, vocabulary/departments.yaml), and qualified by the area of the document that
/// names it, so that 南京's 市人社局 and 厦门's 市人社局 stay two bureaus.</summary>
public sealed class DepartmentNames(IReadOnlyDictionary<string, string> canonicalBySpelling)
{
    public static DepartmentNames Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Every spelling the table joins, with the name it is joined under.</summary>
    public IReadOnlyDictionary<string, string> Synonyms => canonicalBySpelling;

    /// <summary>The bureau's one spelling (the name itself when the table does not list it).</summary>
    public string Canonical(string name) => canonicalBySpelling.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>The name with its area: 市工信局 in a 南京市 document → 南京市工信局; 区科技局 in a
    /// 南山区 document → 南山区科技局; a name that already names its place, or names none of
    /// these forms, gets the area in front (南京市·江北新区管委会).</summary>
    private static bool Names(string name, Area area) =>
        new[] { area.District, area.City, area.Province }.OfType<string>()
            .Select(p => p.Length > 2 ? p[..^1] : p)
            .Any(p => name.Contains(p, StringComparison.Ordinal));

    public string Qualified(string name, Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var canonical = Canonical(name);
        if (canonical.StartsWith('市') && area.City is { } city) return city + canonical[1..];
        if (canonical.StartsWith('区') && area.District is { } district) return district + canonical[1..];
        if (canonical.StartsWith('省')) return area.Province + canonical[1..];
        var place = area.District ?? area.City ?? area.Province;
        // 深圳海关, 国家税务总局广州市税务局: the name already says where it is.
        return Names(canonical, area) ? canonical : place + "·" + canonical;
    }
}
