using System.Globalization;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Runtime;

/// <summary>An enterprise in the engine's form: facts by slot, read without dictionaries. A batch
/// reuses one record per worker: <see cref="Clear"/> resets only what the last row set, so a
/// roster of millions allocates almost nothing per row.</summary>
public sealed class EnterpriseRecord
{
    private readonly FactSlots _slots;
    private readonly Value[] _scalars;
    private readonly (int Year, Value Value)[]?[] _yearly;
    private readonly int[] _yearCounts;
    private readonly int[] _touched;
    private readonly bool[] _isTouched;
    private int _touchedCount;
    private readonly List<Certificate> _certificates = [];

    internal EnterpriseRecord(FactSlots slots)
    {
        _slots = slots;
        _scalars = new Value[slots.Count];
        _yearly = new (int, Value)[]?[slots.Count];
        _yearCounts = new int[slots.Count];
        _touched = new int[slots.Count];
        _isTouched = new bool[slots.Count];
    }

    internal EnterpriseRecord(EnterpriseProfile profile, FactSlots slots) : this(slots)
    {
        Profile = profile;
        Load(profile);
    }

    /// <summary>Clears the record and fills it from a profile.</summary>
    public void Load(EnterpriseProfile profile)
    {
        Clear();
        Id = profile.Id;
        Name = profile.Name;
        Area = profile.Area;
        foreach (var c in profile.Certificates) _certificates.Add(c);
        foreach (var (name, fact) in profile.Facts)
        {
            if (!_slots.TryGet(name, out var slot)) continue; // the profile reader has refused unknown facts already
            switch (fact)
            {
                case ScalarFact s:
                    Set(slot, s.Value);
                    break;
                case YearlyFact y:
                    foreach (var (year, value) in y.ByYear) SetYear(slot, year, value);
                    break;
            }
        }
    }

    /// <summary>Whether the record holds any value of a fact (any year, for a yearly fact).</summary>
    public bool IsKnown(int slot) => _yearCounts[slot] > 0 || !_scalars[slot].IsUnknown;

    /// <summary>A fact's value as text, for the "facts the decision used" column of a 名单: the
    /// scalar, or each year's value; null when unknown.</summary>
    public string? Describe(int slot)
    {
        if (_yearCounts[slot] > 0)
            return string.Join("；", _yearly[slot]!.Take(_yearCounts[slot]).OrderBy(v => v.Year).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Year}年 {Text(v.Value)}")));
        var value = _scalars[slot];
        return value.IsUnknown ? null : Text(value);
    }

    private static string Text(Value value)
    {
        var sb = new System.Text.StringBuilder();
        Expressions.Nodes.Node.RenderValue(value, Expressions.Nodes.Display.Plain, sb);
        return sb.ToString();
    }

    /// <summary>The profile this record was built from, when it was built from one.</summary>
    public EnterpriseProfile? Profile { get; }

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public EnterpriseArea? Area { get; set; }

    internal List<Certificate> Certificates => _certificates;

    public void AddCertificate(Certificate certificate)
    {
        _certificates.Add(certificate);
        _context?.Reset(_context.At);
    }

    private EvaluationContext? _context;

    /// <summary>This record's evaluation context, reused from one evaluation to the next.</summary>
    internal EvaluationContext ContextFor(DateOnly at, CertificateBits bits)
    {
        if (_context is null) _context = new EvaluationContext(this, at, bits);
        else _context.Reset(at);
        return _context;
    }

    /// <summary>Scratch for the money parts of one measure at a time.</summary>
    internal Evaluation.PartState[] PartScratch = new Evaluation.PartState[16];

    /// <summary>Sets a fact that is not yearly. Values are as a profile holds them: decimal, bool,
    /// string, DateOnly, or a list of <see cref="FactItem"/>.</summary>
    public void Set(int slot, object value) => SetValue(slot, Convert(value, _slots.Definitions[slot]));

    public void SetYear(int slot, int year, object value) => SetYearValue(slot, year, Convert(value, _slots.Definitions[slot]));

    // Typed setters: a roster of millions sets facts without boxing each number.
    public void SetNumber(int slot, decimal value) => SetValue(slot, Value.Of(value));

    public void SetNumber(int slot, int year, decimal value) => SetYearValue(slot, year, Value.Of(value));

    public void SetBoolean(int slot, bool value) => SetValue(slot, Value.Of(value));

    public void SetBoolean(int slot, int year, bool value) => SetYearValue(slot, year, Value.Of(value));

    public void SetText(int slot, string value) => SetValue(slot, Value.Of(value));

    public void SetText(int slot, int year, string value) => SetYearValue(slot, year, Value.Of(value));

    public void SetDate(int slot, DateOnly value) => SetValue(slot, Value.Of(value));

    public void SetDate(int slot, int year, DateOnly value) => SetYearValue(slot, year, Value.Of(value));

    private void SetValue(int slot, Value value)
    {
        Touch(slot);
        _scalars[slot] = value;
    }

    private void SetYearValue(int slot, int year, Value value)
    {
        Touch(slot);
        var values = _yearly[slot] ??= new (int, Value)[4];
        var count = _yearCounts[slot];
        if (count == values.Length) Array.Resize(ref _yearly[slot], count * 2);
        _yearly[slot]![count] = (year, value);
        _yearCounts[slot] = count + 1;
    }

    public void Clear()
    {
        for (var i = 0; i < _touchedCount; i++)
        {
            var slot = _touched[i];
            _scalars[slot] = default;
            _yearCounts[slot] = 0;
            _isTouched[slot] = false;
        }
        _touchedCount = 0;
        _certificates.Clear();
        _context?.Reset(_context.At);
        Id = "";
        Name = null;
        Area = null;
    }

    internal Value Scalar(int slot) => _scalars[slot];

    internal Value ForYear(int slot, int year)
    {
        var values = _yearly[slot];
        for (var i = 0; i < _yearCounts[slot]; i++)
            if (values![i].Year == year) return values[i].Value;
        return Value.Unknown;
    }

    private void Touch(int slot)
    {
        if (_isTouched[slot]) return;
        _isTouched[slot] = true;
        _touched[_touchedCount++] = slot;
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
