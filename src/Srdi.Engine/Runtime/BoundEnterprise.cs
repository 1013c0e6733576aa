using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Runtime;

/// <summary>A profile in the engine's form: facts by slot, ready to be evaluated many times.</summary>
internal sealed class BoundEnterprise
{
    private readonly Value[] _scalars;
    private readonly (int Year, Value Value)[]?[] _yearly;

    public BoundEnterprise(EnterpriseProfile profile, FactSlots slots)
    {
        Profile = profile;
        _scalars = new Value[slots.Count];
        _yearly = new (int, Value)[]?[slots.Count];
        foreach (var (name, fact) in profile.Facts)
        {
            if (!slots.TryGet(name, out var slot)) continue; // the profile reader has refused unknown facts already
            var definition = slots.Definitions[slot];
            switch (fact)
            {
                case ScalarFact s:
                    _scalars[slot] = Convert(s.Value, definition);
                    break;
                case YearlyFact y:
                    _yearly[slot] = y.ByYear.OrderBy(kv => kv.Key).Select(kv => (kv.Key, Convert(kv.Value, definition))).ToArray();
                    break;
            }
        }
        Certificates = profile.Certificates.ToArray();
    }

    public EnterpriseProfile Profile { get; }

    public Certificate[] Certificates { get; }

    public EnterpriseArea? Area => Profile.Area;

    public Value Scalar(int slot) => _scalars[slot];

    public Value ForYear(int slot, int year)
    {
        var values = _yearly[slot];
        if (values is null) return Value.Unknown;
        foreach (var (y, v) in values)
            if (y == year) return v;
        return Value.Unknown;
    }

    private static Value Convert(object raw, FactDefinition definition) => raw switch
    {
        IReadOnlyList<FactItem> items => Value.OfList(items.Select(i => Value.OfRecord(
            definition.Fields.Select(f => i.Fields.TryGetValue(f.Name, out var v) ? ConvertScalar(v) : Value.Unknown).ToArray())).ToArray()),
        _ => ConvertScalar(raw),
    };

    private static Value ConvertScalar(object raw) => raw switch
    {
        decimal d => Value.Of(d),
        bool b => Value.Of(b),
        string s => Value.Of(s),
        DateOnly date => Value.Of(date),
        _ => throw new ArgumentException($"unsupported fact value {raw.GetType().Name}"),
    };
}
