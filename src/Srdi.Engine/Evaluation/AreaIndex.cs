using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Engine.Evaluation;

/// <summary>The documents that can apply to an enterprise, found from its area instead of by
/// checking every document: province → city → district, names compared as <see cref="AreaNames"/>
/// does (深圳市 == 深圳). A national catalog holds thousands of documents of which an enterprise
/// concerns a handful.</summary>
/// <remarks>The index only narrows: for an area it returns, in catalog order, every document
/// whose <see cref="AreaMatch.Check"/> is not false (a superset where the area is partial).
/// Only a fully known area (province, city and district) gets a set known to match exactly,
/// so that a roster's rows skip the per-document check; a partial one is checked document by
/// document, which keeps today's answers (area unknown → needs-info) for every profile.</remarks>
internal sealed class AreaIndex
{
    private static readonly int[] None = [];

    private readonly Dictionary<string, Province> _provinces = new(AreaNameComparer.Instance);
    private readonly int[] _all;

    public AreaIndex(IReadOnlyList<Area> areas)
    {
        _all = Enumerable.Range(0, areas.Count).ToArray();
        for (var d = 0; d < areas.Count; d++)
        {
            var area = areas[d];
            if (!_provinces.TryGetValue(area.Province, out var province)) _provinces[area.Province] = province = new Province();
            province.Add(area, d);
        }
        foreach (var province in _provinces.Values) province.Seal();
    }

    /// <summary>The documents to evaluate for an enterprise on a date, ascending.
    /// <paramref name="exact"/> is true when each of them is known to match (area true) without
    /// checking; otherwise each needs <see cref="AreaMatch.Check"/>, and some may not match.</summary>
    public int[] Candidates(EnterpriseArea? area, DateOnly at, out bool exact)
    {
        exact = false;
        // No area: every document's area is unknown (needs-info), as the linear check says.
        if (area is null) return _all;
        // Registered there only later: no document applies yet, whatever the names.
        if (area.Since is { } since && since > at) return None;
        // Without a province every document of the right city (or of no city) could apply.
        if (area.Province is null) return _all;
        if (!_provinces.TryGetValue(area.Province, out var province)) return None;
        if (area.City is null) return province.All;
        if (area.District is null) return province.ForCity(area.City);
        exact = true;
        return province.ForDistrict(area.City, area.District);
    }

    /// <summary>One province's documents, with each city's and district's set merged once.</summary>
    private sealed class Province
    {
        private readonly List<int> _wide = [];                       // no city, no district
        private readonly Dictionary<string, List<int>> _districts = new(AreaNameComparer.Instance); // no city, a district
        private readonly Dictionary<string, City> _cities = new(AreaNameComparer.Instance);
        private readonly List<int> _everything = [];
        private int[] _plain = None;
        private int[] _noCity = None;
        private readonly Dictionary<string, int[]> _byDistrict = new(AreaNameComparer.Instance);

        public int[] All { get; private set; } = None;

        public void Add(Area area, int document)
        {
            _everything.Add(document);
            if (area.City is null)
            {
                if (area.District is null) _wide.Add(document);
                else Slot(_districts, area.District).Add(document);
                return;
            }
            if (!_cities.TryGetValue(area.City, out var city)) _cities[area.City] = city = new City();
            if (area.District is null) city.Wide.Add(document);
            else Slot(city.Districts, area.District).Add(document);
        }

        public void Seal()
        {
            All = Sorted(_everything);
            _plain = Sorted(_wide);
            _noCity = Sorted(_wide, _districts.Values.SelectMany(d => d));
            foreach (var (name, documents) in _districts) _byDistrict[name] = Sorted(_wide, documents);
            foreach (var city in _cities.Values)
            {
                // An unknown district: the province's and city's own documents and every
                // district-level one of either (unknown), never another city's.
                city.All = Sorted(_wide, _districts.Values.SelectMany(d => d), city.Wide, city.Districts.Values.SelectMany(d => d));
                city.Plain = Sorted(_wide, city.Wide);
                foreach (var name in city.Districts.Keys.Concat(_districts.Keys).Distinct(AreaNameComparer.Instance))
                    city.ByDistrict[name] = Sorted(_wide, _districts.GetValueOrDefault(name) ?? [], city.Wide, city.Districts.GetValueOrDefault(name) ?? []);
            }
        }

        public int[] ForCity(string name) =>
            _cities.TryGetValue(name, out var city) ? city.All : _noCity;

        public int[] ForDistrict(string cityName, string district)
        {
            if (_cities.TryGetValue(cityName, out var city))
                return city.ByDistrict.TryGetValue(district, out var set) ? set : city.Plain;
            return _byDistrict.TryGetValue(district, out var own) ? own : _plain;
        }

        private static List<int> Slot(Dictionary<string, List<int>> map, string name)
        {
            if (!map.TryGetValue(name, out var list)) map[name] = list = [];
            return list;
        }
    }

    private sealed class City
    {
        public List<int> Wide { get; } = [];
        public Dictionary<string, List<int>> Districts { get; } = new(AreaNameComparer.Instance);
        public int[] All { get; set; } = None;
        public int[] Plain { get; set; } = None;
        public Dictionary<string, int[]> ByDistrict { get; } = new(AreaNameComparer.Instance);
    }

    private static int[] Sorted(params IEnumerable<int>[] sets) => sets.SelectMany(s => s).Distinct().Order().ToArray();
}

/// <summary>Area names as keys: equal and hashed as <see cref="AreaNames.Same"/> compares them,
/// so a lookup allocates nothing.</summary>
internal sealed class AreaNameComparer : IEqualityComparer<string>
{
    public static readonly AreaNameComparer Instance = new();

    public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : AreaNames.Same(x, y);

    /// <summary>A plain multiplicative hash of the name's core. Every row of a roster looks up three
    /// names, and the randomized string hash was a tenth of an evaluation; the tables are built from
    /// the catalog's names only, so input that collides costs a lookup a few comparisons, no more.</summary>
    public int GetHashCode(string name)
    {
        var hash = 17;
        foreach (var c in AreaNames.Core(AreaNames.Trim(name))) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
