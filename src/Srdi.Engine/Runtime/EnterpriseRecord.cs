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

    // The facts set, densely: a row sets a few dozen of the vocabulary's facts, and a record read
    // by the rules should be as small as what it holds (20,000 records held in memory spent most
    // of their evaluation waiting for memory when each slot had a 32-byte value of its own).
    // _first[slot] is 1 + the index of the slot's first entry (0: not set); a yearly fact's
    // further years follow through Entry.Next, in the order they were set.
    private readonly ushort[] _first;
    private Entry[] _entries = new Entry[8];
    private int _count;

    // The certificates as values in the record's own array, not an object each: a roster row's
    // certificates were 60 MB of objects a million rows, made only to be read once (docs/performance.md).
    private HeldCertificate[] _held = [];
    private int _heldCount;

    // The certificates as objects, made only when something asks for them (an explanation, a tier).
    private readonly List<Certificate> _certificates = [];
    private bool _certificatesMade;

    // 32 bytes: a Value's parts without its padding, and short links (a record holds at most
    // ushort.MaxValue entries; a year is a DateOnly year, 1 to 9999).
    private struct Entry
    {
        public decimal Number;
        public object? Ref;
        public ValueKind Kind;
        public ushort Slot;
        public short Year;    // NotYearly for a fact that is not yearly
        public ushort Next;   // 1 + the index of the next year's entry of the same slot, or 0

        public readonly Value Value => Value.Create(Kind, Number, Ref);

        public static Entry Of(Value value, int slot, int year) => new()
        {
            Number = value.Number, Ref = value.Ref, Kind = value.Kind, Slot = (ushort)slot,
            Year = year == NotYearly ? NotYearly : year is >= 1 and <= 9999 ? (short)year : throw new ArgumentOutOfRangeException(nameof(year), year, "年份应在 1 至 9999 之间"),
        };
    }

    private const short NotYearly = short.MinValue;

    internal EnterpriseRecord(FactSlots slots)
    {
        if (slots.Count > ushort.MaxValue) throw new ArgumentException("事实种类过多", nameof(slots));
        _slots = slots;
        _first = new ushort[slots.Count];
    }

    // The arrays of this row's list facts (the list and each item's fields), taken back at Clear:
    // a roster's list cells are bound row after row into the same few arrays. Made at the first
    // list, so that a record without one is no larger than its facts (records evaluated back to
    // back wait on memory: cold bytes between them cost time).
    private ValueArrays? _arrays;
    private ListFactWriter? _list;

    private ValueArrays Arrays => _arrays ??= new ValueArrays();

    // Set once the record is cleared after holding a row: only then are its arrays lent again. A
    // record bound once and kept (held for evaluation by the thousand) keeps no pool beside its facts.
    private bool _reused;

    /// <summary>An array for a list or an item: lent from the pool of a reused record, new otherwise.</summary>
    private Value[] NewValues(int length) => length == 0 ? [] : _reused ? Arrays.Rent(length) : new Value[length];

    /// <summary>Starts writing a list fact's value item by item, straight from a roster's text:
    /// no <see cref="FactItem"/> is made. The value is set by <see cref="ListFactWriter.SetTo(int)"/>;
    /// a list left unfinished (the roster's text was not one the caller takes) sets nothing.</summary>
    public ListFactWriter BeginList(int slot)
    {
        var definition = _slots.Definitions[slot];
        if (definition.Type != FactType.List) throw new ArgumentException($"事实 {definition.Name} 不是列表", nameof(slot));
        _list ??= new ListFactWriter(this);
        _list.Begin(slot, definition.Fields.Count);
        return _list;
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
        foreach (var c in profile.Certificates) Hold(c.Kind, c.Level, c.Issuer, c.IssuedOn, c.ExpiresOn, c.Renewal, c);
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
    public bool IsKnown(int slot) => _first[slot] != 0;

    /// <summary>A fact's value as text, for the "facts the decision used" column of a 名单: the
    /// scalar, or each year's value; null when unknown.</summary>
    public string? Describe(int slot)
    {
        if (_first[slot] == 0) return null;
        ref var first = ref _entries[_first[slot] - 1];
        if (first.Year == NotYearly) return Text(first.Value);
        var years = new List<(int Year, Value Value)>();
        for (int i = _first[slot]; i != 0; i = _entries[i - 1].Next) years.Add((_entries[i - 1].Year, _entries[i - 1].Value));
        return string.Join("；", years.OrderBy(v => v.Year).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Year}年 {Text(v.Value)}")));
    }

    private static string Text(Value value)
    {
        var sb = new System.Text.StringBuilder();
        Expressions.Nodes.Node.RenderValue(value, Expressions.Nodes.Display.Plain, sb);
        return sb.ToString();
    }

    /// <summary>The profile this record was built from, when it was built from one.</summary>
    public EnterpriseProfile? Profile { get; }

    private string? _id = "";
    private string? _name;
    private bool _namePending;

    /// <summary>The id and name not yet made into strings; one per record, made at its first use.
    /// Kept apart so that the record, read by every evaluation, stays as small as it was.</summary>
    private PendingTexts? _pending;

    public string Id
    {
        get => _id ??= _pending!.Id.Take();
        set => _id = value;
    }

    public string? Name
    {
        get
        {
            if (_namePending)
            {
                _name = _pending!.Name.Take();
                _namePending = false;
            }
            return _name;
        }
        set
        {
            _name = value;
            _namePending = false;
        }
    }

    /// <summary>Sets the id from characters that stay as they are while the record is read (a
    /// roster chunk's): the string is made only if the id is read. A roster run that writes no
    /// per-enterprise file reads few ids, and a million strings were a third of its allocations.</summary>
    public void SetId(ReadOnlyMemory<char> text)
    {
        (_pending ??= new()).Id.Set(text, default);
        _id = null;
    }

    /// <summary>As <see cref="SetId(ReadOnlyMemory{char})"/>, from valid UTF-8 (a JSON line's).</summary>
    public void SetId(ReadOnlyMemory<byte> utf8)
    {
        (_pending ??= new()).Id.Set(default, utf8);
        _id = null;
    }

    /// <summary>As <see cref="SetId(ReadOnlyMemory{char})"/>, for the name.</summary>
    public void SetName(ReadOnlyMemory<char> text)
    {
        (_pending ??= new()).Name.Set(text, default);
        _name = null;
        _namePending = true;
    }

    /// <summary>As <see cref="SetId(ReadOnlyMemory{byte})"/>, for the name.</summary>
    public void SetName(ReadOnlyMemory<byte> utf8)
    {
        (_pending ??= new()).Name.Set(default, utf8);
        _name = null;
        _namePending = true;
    }

    private sealed class PendingTexts
    {
        public PendingText Id, Name;
    }

    /// <summary>A text not yet made into a string: characters, or UTF-8.</summary>
    private struct PendingText
    {
        private ReadOnlyMemory<char> _chars;
        private ReadOnlyMemory<byte> _utf8;

        public void Set(ReadOnlyMemory<char> chars, ReadOnlyMemory<byte> utf8)
        {
            _chars = chars;
            _utf8 = utf8;
        }

        /// <summary>The string, made once; the memory is let go.</summary>
        public string Take()
        {
            var made = _utf8.IsEmpty ? _chars.ToString() : System.Text.Encoding.UTF8.GetString(_utf8.Span);
            this = default;
            return made;
        }
    }

    private EnterpriseArea? _place, _area;
    private DateOnly? _since;

    /// <summary>Where the enterprise is registered, and since when. A roster's binder sets the place
    /// and the date apart (<see cref="SetArea"/>): rows of one place share one object, and the object
    /// with the row's own date is made only if something reads it.</summary>
    public EnterpriseArea? Area
    {
        get => _since is null ? _place : _area ??= _place! with { Since = _since };
        set
        {
            _place = value;
            _area = null;
            _since = null;
        }
    }

    /// <summary>Sets the area as a place shared by many records (its own date unset) and this
    /// record's registration date.</summary>
    public void SetArea(EnterpriseArea place, DateOnly? since)
    {
        ArgumentNullException.ThrowIfNull(place);
        _place = place;
        _area = null;
        _since = since;
    }

    /// <summary>The area's names, without reading its date: the shared place where there is one.</summary>
    internal EnterpriseArea? Place => _place;

    /// <summary>The area as a date decides it: when the enterprise is registered there by
    /// <paramref name="at"/> the names alone decide, and the shared place stands for it without the
    /// dated area being made; when registered only later, the dated <see cref="Area"/>.</summary>
    internal EnterpriseArea? AreaOn(DateOnly at) => (_since ?? _place?.Since) > at ? Area : _place;

    /// <summary>The certificates as objects, lapsed ones included, in the order they were added.</summary>
    internal List<Certificate> Certificates
    {
        get
        {
            if (!_certificatesMade)
            {
                for (var i = 0; i < _heldCount; i++) _certificates.Add(_held[i].Made ?? _held[i].ToCertificate());
                _certificatesMade = true;
            }
            return _certificates;
        }
    }

    /// <summary>The certificates as values, read by the rules without an object each.</summary>
    internal ReadOnlySpan<HeldCertificate> Held => _held.AsSpan(0, _heldCount);

    public void AddCertificate(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Hold(certificate.Kind, certificate.Level, certificate.Issuer, certificate.IssuedOn, certificate.ExpiresOn, certificate.Renewal, certificate);
        _context?.Reset(_context.At);
    }

    /// <summary>Adds a certificate from its parts, as a roster's binder reads them: no object is made
    /// unless something asks for <see cref="Certificates"/>.</summary>
    public void AddCertificate(string kind, CertificateLevel level, string? issuer, DateOnly issuedOn, DateOnly expiresOn, bool renewal)
    {
        ArgumentNullException.ThrowIfNull(kind);
        Hold(kind, level, issuer, issuedOn, expiresOn, renewal, null);
        _context?.Reset(_context.At);
    }

    private void Hold(string kind, CertificateLevel level, string? issuer, DateOnly issuedOn, DateOnly expiresOn, bool renewal, Certificate? made)
    {
        if (_heldCount == _held.Length) Array.Resize(ref _held, Math.Max(4, _heldCount * 2));
        _held[_heldCount++] = new HeldCertificate(_slots.Bits.Bit(kind, level), issuedOn.DayNumber, expiresOn.DayNumber, kind, level, issuer, renewal, made);
        if (_certificatesMade) _certificates.Add(made ?? _held[_heldCount - 1].ToCertificate());
    }

    /// <summary>The (kind, level) bits of the certificates valid on a date (reading rule 10).</summary>
    internal ulong HeldOn(DateOnly date)
    {
        var day = date.DayNumber;
        ulong held = 0;
        for (var i = 0; i < _heldCount; i++)
        {
            ref readonly var c = ref _held[i];
            if (c.From <= day && day <= c.To) held |= c.Bit;
        }
        return held;
    }

    private EvaluationContext? _context;

    /// <summary>This record's evaluation context, reused from one evaluation to the next.</summary>
    internal EvaluationContext ContextFor(DateOnly at)
    {
        if (_context is null) _context = new EvaluationContext(this, at);
        else _context.Reset(at);
        return _context;
    }

    /// <summary>Scratch for the money parts of one measure at a time.</summary>
    internal Evaluation.PartState[] PartScratch = [];

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
        if (_first[slot] != 0)
        {
            // Set again: the last value holds, as it did with a value per slot.
            _entries[_first[slot] - 1] = Entry.Of(value, slot, NotYearly);
            return;
        }
        _first[slot] = (ushort)Add(slot, NotYearly, value);
    }

    private void SetYearValue(int slot, int year, Value value)
    {
        if (_first[slot] == 0)
        {
            _first[slot] = (ushort)Add(slot, year, value);
            return;
        }
        // Each year is kept in the order set; a year set twice is read as first set.
        var last = _first[slot];
        while (_entries[last - 1].Next != 0) last = (ushort)_entries[last - 1].Next;
        var added = Add(slot, year, value);
        _entries[last - 1].Next = (ushort)added;
    }

    /// <summary>Appends an entry; returns 1 + its index.</summary>
    private int Add(int slot, int year, Value value)
    {
        if (_count == _entries.Length)
        {
            if (_count >= ushort.MaxValue) throw new InvalidOperationException("一家企业的事实值过多");
            Array.Resize(ref _entries, _count * 2);
        }
        _entries[_count] = Entry.Of(value, slot, year);
        return ++_count;
    }

    public void Clear()
    {
        if (_count > 0) _reused = true;
        for (var i = 0; i < _count; i++)
        {
            _first[_entries[i].Slot] = 0;
            _entries[i] = default;
        }
        _count = 0;
        _arrays?.TakeBack();
        _certificates.Clear();
        _certificatesMade = false;
        Array.Clear(_held, 0, _heldCount); // the kind, issuer and object references go with the row
        _heldCount = 0;
        _context?.Reset(_context.At);
        Id = "";
        Name = null;
        Area = null;
    }

    /// <summary>Reads the record's facts in the order they lie in memory, before the rules read
    /// them in the order they are written. A record held in memory among thousands is not in cache
    /// when its evaluation starts: read in order, its few cache lines are fetched together, where
    /// the rules' order would wait for them one at a time.</summary>
    internal int Touch()
    {
        var entries = _entries;
        var count = Math.Min(_count, entries.Length);
        var sum = _first.Length + _heldCount + (_heldCount > 0 ? _held[0].From : 0);
        for (var i = 0; i < _first.Length; i += 32) sum += _first[i];
        for (var i = 0; i < count; i += 2) sum += entries[i].Slot;
        return sum;
    }

    /// <summary>A fact that is not yearly; unknown when not set (or when the fact was set by year).</summary>
    internal Value Scalar(int slot)
    {
        var first = _first[slot];
        if (first == 0) return Value.Unknown;
        ref readonly var entry = ref _entries[first - 1];
        return entry.Year == NotYearly ? entry.Value : Value.Unknown;
    }

    internal Value ForYear(int slot, int year)
    {
        for (int i = _first[slot]; i != 0;)
        {
            ref readonly var entry = ref _entries[i - 1];
            if (entry.Year == year) return entry.Value;
            i = entry.Next;
        }
        return Value.Unknown;
    }

    private static Value Convert(object raw, FactDefinition definition)
    {
        if (raw is not IReadOnlyList<FactItem> items) return ConvertScalar(raw);
        // Loops, not LINQ: a roster's list cells (projects, loans, standards…) come here row after row.
        var fields = definition.Fields;
        var list = items.Count == 0 ? [] : new Value[items.Count];
        for (var i = 0; i < list.Length; i++)
        {
            var item = items[i].Fields;
            var record = new Value[fields.Count];
            for (var f = 0; f < record.Length; f++)
                record[f] = item.TryGetValue(fields[f].Name, out var v) ? ConvertScalar(v) : Value.Unknown;
            list[i] = Value.OfRecord(record);
        }
        return Value.OfList(list);
    }

    private static Value ConvertScalar(object raw) => raw switch
    {
        decimal d => Value.Of(d),
        bool b => Value.Of(b),
        string s => Value.Of(s),
        DateOnly date => Value.Of(date),
        _ => throw new ArgumentException($"unsupported fact value {raw.GetType().Name}"),
    };

    /// <summary>A list fact of the record written item by item (see <see cref="BeginList"/>). Fields
    /// are numbered as the fact's definition lists them; a field not written is unknown, as a field
    /// a profile's item leaves out.</summary>
    public sealed class ListFactWriter
    {
        private readonly EnterpriseRecord _record;
        private Value[][] _items = [];
        private int _slot, _fields;

        internal ListFactWriter(EnterpriseRecord record) => _record = record;

        internal void Begin(int slot, int fields)
        {
            _slot = slot;
            _fields = fields;
            Count = 0;
        }

        /// <summary>Items written so far.</summary>
        public int Count { get; private set; }

        /// <summary>Starts the next item, every field unknown.</summary>
        public void AddItem()
        {
            if (Count == _items.Length) Array.Resize(ref _items, Math.Max(4, Count * 2));
            _items[Count++] = _record.NewValues(_fields);
        }

        public void Number(int field, decimal value) => Field(field) = Value.Of(value);

        public void Boolean(int field, bool value) => Field(field) = Value.Of(value);

        public void Text(int field, string value) => Field(field) = Value.Of(value);

        public void Date(int field, DateOnly value) => Field(field) = Value.Of(value);

        private ref Value Field(int field)
        {
            if (Count == 0) throw new InvalidOperationException("AddItem first");
            return ref _items[Count - 1][field];
        }

        /// <summary>Sets the list as the fact's value.</summary>
        public void SetTo(int slot) => _record.SetValue(Checked(slot), List());

        /// <summary>Sets the list as the fact's value for a year.</summary>
        public void SetTo(int slot, int year) => _record.SetYearValue(Checked(slot), year, List());

        private int Checked(int slot) => slot == _slot ? slot : throw new ArgumentException("列表应写入开始时的事实", nameof(slot));

        private Value List()
        {
            var list = _record.NewValues(Count);
            for (var i = 0; i < Count; i++) list[i] = Value.OfRecord(_items[i]);
            Array.Clear(_items, 0, Count);
            Count = 0;
            // A record that is not reused keeps no writer either.
            if (!_record._reused)
            {
                _items = [];
                _record._list = null;
            }
            return Value.OfList(list);
        }
    }

    /// <summary>Value arrays lent to a record's list facts until its next <see cref="Clear"/>, then
    /// lent again: a list's length and an item's field count repeat down a roster.</summary>
    private sealed class ValueArrays
    {
        private const int Pooled = 64;
        private Stack<Value[]>?[] _free = [];
        private readonly List<Value[]> _lent = [];

        public Value[] Rent(int length)
        {
            Value[] array;
            if (length < _free.Length && _free[length] is { Count: > 0 } free)
            {
                array = free.Pop();
                Array.Clear(array);
            }
            else array = new Value[length];
            if (length <= Pooled) _lent.Add(array);
            return array;
        }

        public void TakeBack()
        {
            foreach (var array in _lent)
            {
                if (array.Length >= _free.Length) Array.Resize(ref _free, array.Length + 1);
                (_free[array.Length] ??= new Stack<Value[]>()).Push(array);
            }
            _lent.Clear();
        }
    }
}

/// <summary>A certificate as a record holds it: its parts, with the bit and days the rules' target
/// check reads, and the object it came from when it came from one.</summary>
internal readonly record struct HeldCertificate(
    ulong Bit, int From, int To, string Kind, CertificateLevel Level, string? Issuer, bool Renewal, Certificate? Made)
{
    public DateOnly IssuedOn => DateOnly.FromDayNumber(From);

    public Certificate ToCertificate() => new(Kind, Level, Issuer, IssuedOn, DateOnly.FromDayNumber(To), Renewal);
}
