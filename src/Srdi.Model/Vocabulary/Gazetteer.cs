namespace Srdi.Model.Vocabulary;

/// <summary>The areas a profile may name: every province, and the districts of the cities the
/// catalog covers. An area outside these cities is accepted as written.</summary>
public sealed record Gazetteer(IReadOnlySet<string> Provinces, IReadOnlyDictionary<string, GazetteerCity> Cities)
{
    public static readonly Gazetteer Empty = new(new HashSet<string>(), new Dictionary<string, GazetteerCity>());

    /// <summary>Null when the area is acceptable; otherwise what is wrong, and with which field.</summary>
    public (string Field, string Problem)? Check(string? province, string? city, string? district)
    {
        if (Provinces.Count == 0) return null;
        if (province is not null && !Provinces.Contains(province))
            return ("province", $"\"{province}\" 不是省级行政区的全称（如 广东省、北京市）");
        if (city is null || !Cities.TryGetValue(city, out var known)) return null;
        if (province is not null && province != known.Province)
            return ("city", $"{city}属于{known.Province}，不属于{province}");
        if (district is not null && !known.Districts.Contains(district))
            return ("district", $"\"{district}\" 不是{city}的区（可用：{string.Join("、", known.Districts)}）");
        return null;
    }
}

public sealed record GazetteerCity(string Province, IReadOnlySet<string> Districts);
