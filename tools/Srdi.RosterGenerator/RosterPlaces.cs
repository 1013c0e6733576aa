using System.Globalization;
using System.Text.RegularExpressions;
using Srdi.Application.Policies;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Tools.Rosters;

/// <summary>A city enterprises are generated in. <see cref="Covered"/> is false for a city no
/// document of the catalog concerns: its enterprises exist so that a roster holds enterprises
/// that get nothing, as a real one does. <see cref="DocumentDistricts"/> are the districts a
/// district-level document applies in.</summary>
public sealed record RosterCity(string? Province, string Name, IReadOnlyList<string> Districts, bool Covered)
{
    public IReadOnlyList<string> DocumentDistricts { get; init; } = [];
}

/// <summary>A fact column the generator fills: the fact and, for a yearly fact, the year.</summary>
public sealed record FactSlot(FactDefinition Fact, int? Year)
{
    public string Key => Year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{Fact.Name}@{y}") : Fact.Name;
}

/// <summary>Where enterprises are and what they are asked, read from the catalog alone: the
/// cities are those of the gazetteer and of the documents' areas; the facts filled for an
/// enterprise are those read by the measures of the documents that apply where it is registered.
/// A new city is a new document folder and, for its districts, an entry in areas.yaml: no code.</summary>
public sealed partial class RosterPlaces
{
    /// <summary>The district written for a city the catalog does not know: 市辖区 is how the
    /// administrative division codes name a city's districts as a whole.</summary>
    public const string GenericDistrict = "市辖区";

    private readonly PolicyCatalog _catalog;
    private readonly DateOnly _at;
    private readonly Dictionary<string, FactSlot[]> _documentFacts = new(StringComparer.Ordinal);

    public RosterPlaces(PolicyCatalog catalog, DateOnly at)
    {
        _catalog = catalog;
        _at = at;
        Covered = CoveredCities(catalog);
        Elsewhere = Municipalities(catalog, Covered);
        foreach (var document in catalog.Documents) _documentFacts[document.Id] = FactsOf(document);
    }

    /// <summary>Every city a document of the catalog applies in, with the gazetteer's districts
    /// and the districts documents name, in name order.</summary>
    public IReadOnlyList<RosterCity> Covered { get; }

    /// <summary>The default cities no document concerns: the gazetteer's provinces that are
    /// municipalities (北京市, 上海市 …), which are their own city, and any city the gazetteer lists
    /// without a document.</summary>
    public IReadOnlyList<RosterCity> Elsewhere { get; }

    /// <summary>The cities a user asked for. A name the catalog knows is that city; any other is a
    /// city no document concerns, with the generic district. "浙江省杭州市" also gives its province.</summary>
    public IReadOnlyList<RosterCity> Resolve(IEnumerable<string> names)
    {
        var cities = new List<RosterCity>();
        foreach (var raw in names)
        {
            var name = raw.Trim();
            string? province = _catalog.Vocabulary.Areas.Provinces
                .Where(p => name.Length > p.Length && name.StartsWith(p, StringComparison.Ordinal))
                .OrderByDescending(p => p.Length).FirstOrDefault();
            if (province is not null) name = name[province.Length..];
            var known = Covered.Concat(Elsewhere).FirstOrDefault(c => c.Name == name || c.Name == name + "市");
            var city = known ?? new RosterCity(province, name.EndsWith('市') ? name : name + "市", [GenericDistrict], false);
            if (cities.All(c => c.Name != city.Name)) cities.Add(city);
        }
        return cities;
    }

    /// <summary>The fact columns to fill for an enterprise registered in a city and district: every
    /// fact the measures of the documents applying there read, once, in name and year order.</summary>
    public FactSlot[] FactsAt(string city, string district) => _catalog.Documents
        .Where(d => d.Area.City == city && (d.Area.District is null || d.Area.District == district))
        .SelectMany(d => _documentFacts[d.Id])
        .Distinct()
        .OrderBy(s => s.Fact.Name, StringComparer.Ordinal).ThenBy(s => s.Year)
        .ToArray();

    private static List<RosterCity> CoveredCities(PolicyCatalog catalog)
    {
        var gazetteer = catalog.Vocabulary.Areas.Cities;
        return catalog.Documents.Where(d => d.Area.City is not null)
            .GroupBy(d => d.Area.City!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var districts = new SortedSet<string>(StringComparer.Ordinal);
                if (gazetteer.TryGetValue(g.Key, out var known)) districts.UnionWith(known.Districts);
                districts.UnionWith(g.Select(d => d.Area.District).OfType<string>());
                // A city-level document of a city the gazetteer lacks names no district.
                if (districts.Count == 0) districts.Add(GenericDistrict);
                return new RosterCity(known?.Province ?? g.First().Area.Province, g.Key, districts.ToArray(), true)
                {
                    DocumentDistricts = g.Select(d => d.Area.District).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray(),
                };
            })
            .ToList();
    }

    private static List<RosterCity> Municipalities(PolicyCatalog catalog, IReadOnlyList<RosterCity> covered)
    {
        var areas = catalog.Vocabulary.Areas;
        // A city the gazetteer lists but no document covers keeps its own districts.
        var listed = areas.Cities.Where(c => covered.All(k => k.Name != c.Key))
            .Select(c => new RosterCity(c.Value.Province, c.Key, c.Value.Districts.Order(StringComparer.Ordinal).ToArray(), false));
        var municipalities = areas.Provinces
            .Where(p => p.EndsWith('市') && covered.All(c => c.Name != p) && !areas.Cities.ContainsKey(p))
            .Select(p => new RosterCity(p, p, [GenericDistrict], false));
        return listed.Concat(municipalities).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"(?<![\w.])([a-z_][a-z0-9_]*)\s*@\s*(last_year|this_year|-\d+|\d{4})")]
    private static partial Regex YearlyReference();

    /// <summary>The facts a document's rules read. A yearly fact is filled for each year a rule
    /// names (上一年度 = the year before the evaluation date); the year before when none is found.</summary>
    private FactSlot[] FactsOf(PolicyDocument document)
    {
        var facts = _catalog.Vocabulary.Facts;
        var slots = new HashSet<FactSlot>();
        foreach (var expression in document.Measures.SelectMany(PolicyLibrary.Expressions))
        {
            foreach (var name in RuleText.Names(expression.Text))
            {
                if (!facts.TryGetValue(name, out var fact)) continue;
                if (!fact.Yearly) { slots.Add(new FactSlot(fact, null)); continue; }
                var years = YearlyReference().Matches(expression.Text)
                    .Where(m => m.Groups[1].Value == name)
                    .Select(m => Year(m.Groups[2].Value))
                    .Where(y => y <= _at.Year)
                    .ToList();
                if (years.Count == 0) years.Add(_at.Year - 1);
                foreach (var year in years) slots.Add(new FactSlot(fact, year));
            }
        }
        return slots.ToArray();
    }

    private int Year(string written) => written switch
    {
        "last_year" => _at.Year - 1,
        "this_year" => _at.Year,
        _ when written.StartsWith('-') => _at.Year - int.Parse(written[1..], System.Globalization.CultureInfo.InvariantCulture),
        _ => int.Parse(written, System.Globalization.CultureInfo.InvariantCulture),
    };
}
