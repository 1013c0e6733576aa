using System.Runtime.CompilerServices;
using System.Text.Json;
using Srdi.Application.Profiles;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Rosters;

/// <summary>Fills a reusable <see cref="EnterpriseRecord"/> straight from one JSON Lines profile
/// (UTF-8), slot by slot, as <see cref="RowBinder"/> does from cells: no object model of the
/// profile, no dictionary of facts, a string only where the record keeps one. It accepts only a
/// profile that <see cref="ProfileReader"/> accepts, and fills the record exactly as loading that
/// reader's profile would. Anything else (any mistake, and the rare forms it leaves to the reader:
/// escapes in dates, amounts written as text with units) makes it answer false, and the caller
/// reads the line with <see cref="ProfileReader"/>, which either accepts it or refuses it with its
/// path and its Chinese reason: one set of rules and messages, whichever reader decided.</summary>
internal sealed class JsonRowBinder
{
    internal static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Escaped, a text of <see cref="ProfileReader.MaxTextLength"/> characters takes at most six bytes a character.</summary>
    private const int MaxTextBytes = ProfileReader.MaxTextLength * 6;

    private const int MaxInterned = 10_000;

    private readonly CatalogVocabulary _vocabulary;
    private readonly Dictionary<string, Fact>.AlternateLookup<ReadOnlySpan<char>> _facts;
    private readonly Utf8Table<Fact> _factsUtf8;
    private readonly (byte[] Name, CertificateKind Kind)[] _kinds;
    private readonly (byte[] Code, CertificateLevel Level)[] _levels;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _textLookup;
    private readonly List<(string Kind, CertificateLevel Level, string? Issuer, DateOnly On, DateOnly Until, bool Renewal)> _certificates = [];
    private readonly List<int> _years = [];

    /// <summary>The row each fact was last seen in: a fact written twice in one profile is refused.</summary>
    private readonly int[] _seen;
    private int _row;

    /// <summary>A fact of the catalog; <see cref="Next"/> is the fact that followed it in the last
    /// profile read, which in a roster written by a program is nearly always the one that follows it again.</summary>
    private sealed class Fact(FactDefinition definition, int slot, int index, byte[] utf8)
    {
        public FactDefinition Definition { get; } = definition;
        public FactWords Words { get; } = new(definition);
        public int Slot { get; } = slot;
        public int Index { get; } = index;
        public byte[] Utf8 { get; } = utf8;
        public Fact? Next { get; set; }
    }

    /// <summary>The fact written first in the last profile's facts.</summary>
    private Fact? _first;

    public JsonRowBinder(CompiledCatalog catalog, CatalogVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (name, definition) in vocabulary.Facts)
            facts[name] = new Fact(definition, catalog.TryGetSlot(name, out var slot) ? slot : -1, index++, System.Text.Encoding.UTF8.GetBytes(name));
        _facts = facts.GetAlternateLookup<ReadOnlySpan<char>>();
        _factsUtf8 = new Utf8Table<Fact>(facts.Values.Select(f => (f.Utf8, f)));
        _seen = new int[index];
        _kinds = vocabulary.Certificates.Select(k => (System.Text.Encoding.UTF8.GetBytes(k.Key), k.Value)).ToArray();
        _levels = Enum.GetValues<CertificateLevel>().Select(l => (System.Text.Encoding.UTF8.GetBytes(Codes.Of(l)), l)).ToArray();
        _textLookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <returns>true when the record holds the profile; false when <see cref="ProfileReader"/> must decide (the record is then left half filled).</returns>
    /// <remarks>The id and name are left in <paramref name="json"/> until read (<see cref="EnterpriseRecord.SetId(ReadOnlyMemory{byte})"/>):
    /// its bytes must stay as they are until then.</remarks>
    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryBind(ReadOnlyMemory<byte> json, EnterpriseRecord record)
    {
        record.Clear();
        _certificates.Clear();
        if (++_row == int.MaxValue)
        {
            Array.Clear(_seen);
            _row = 1;
        }
        try
        {
            var reader = new Utf8JsonReader(json.Span, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            var hasId = false;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueTextEquals("id"u8) ? 1 : reader.ValueTextEquals("name"u8) ? 2 : reader.ValueTextEquals("area"u8) ? 4
                    : reader.ValueTextEquals("certificates"u8) ? 8 : reader.ValueTextEquals("facts"u8) ? 16 : 0;
                if (property == 0 || (seen & property) != 0) return false;
                seen |= property;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                switch (property)
                {
                    case 1:
                        if (Pending(ref reader, json) is { } idUtf8) record.SetId(idUtf8);
                        else if (Text(ref reader, intern: false, out var id)) record.Id = id!;
                        else return false;
                        hasId = true;
                        break;
                    case 2:
                        if (Pending(ref reader, json) is { } nameUtf8) record.SetName(nameUtf8);
                        else if (Text(ref reader, intern: false, out var name)) record.Name = name;
                        else return false;
                        break;
                    case 4:
                        if (!Area(ref reader, record)) return false;
                        break;
                    case 8:
                        if (!Certificates(ref reader)) return false;
                        break;
                    default:
                        if (!Facts(ref reader, record)) return false;
                        break;
                }
            }
            // Anything after the profile but blanks and comments is a mistake the reader words.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || !hasId) return false;
            foreach (var c in _certificates) record.AddCertificate(c.Kind, c.Level, c.Issuer, c.On, c.Until, c.Renewal);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Broken JSON, or text that is not valid UTF-8 or UTF-16: the profile reader says what is wrong.
            return false;
        }
    }

    /// <summary>A text field written plainly (valid UTF-8, no escapes, short enough in bytes to be
    /// within <see cref="ProfileReader.MaxTextLength"/> characters), as where it lies in the line,
    /// to become a string only if read; null for anything else, which <see cref="Text"/> decides.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlyMemory<byte>? Pending(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence) return null;
        var value = reader.ValueSpan;
        if (value.Length > ProfileReader.MaxTextLength || !System.Text.Unicode.Utf8.IsValid(value)) return null;
        // A string token starts at its opening quote.
        return json.Slice((int)reader.TokenStartIndex + 1, value.Length);
    }

    /// <summary>A text field: a string of at most <see cref="ProfileReader.MaxTextLength"/> characters.
    /// Interned texts (area names, issuers) repeat across a roster and are allocated once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Text(ref Utf8JsonReader reader, bool intern, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > MaxTextBytes) return false;
        Span<char> chars = stackalloc char[reader.ValueSpan.Length];
        var length = reader.CopyString(chars);
        if (length > ProfileReader.MaxTextLength) return false;
        var value = chars[..length];
        if (!intern) text = value.ToString();
        else if (!_textLookup.TryGetValue(value, out text))
        {
            text = value.ToString();
            if (_texts.Count < MaxInterned) _texts[text] = text;
        }
        return true;
    }

    private readonly RepeatedAreas _areas = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Area(ref Utf8JsonReader reader, EnterpriseRecord record)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        string? province = null, city = null, district = null;
        DateOnly? since = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.ValueTextEquals("province"u8) ? 1 : reader.ValueTextEquals("city"u8) ? 2 : reader.ValueTextEquals("district"u8) ? 4
                : reader.ValueTextEquals("since"u8) ? 8 : 0;
            if (property == 0 || (seen & property) != 0) return false;
            seen |= property;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue;
            var ok = property switch
            {
                1 => Text(ref reader, intern: true, out province),
                2 => Text(ref reader, intern: true, out city),
                4 => Text(ref reader, intern: true, out district),
                _ => Date(ref reader, out since),
            };
            if (!ok) return false;
        }
        if (_vocabulary.Areas.Check(province, city, district) is not null) return false;
        record.SetArea(_areas.Place(province, city, district), since);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Certificates(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || _certificates.Count == ProfileReader.MaxCertificates) return false;
            CertificateKind? kind = null;
            CertificateLevel? level = null;
            string? issuer = null;
            DateOnly? issued = null, expires = null;
            var renewal = false;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueTextEquals("kind"u8) ? 1 : reader.ValueTextEquals("level"u8) ? 2 : reader.ValueTextEquals("issuer"u8) ? 4
                    : reader.ValueTextEquals("issued_on"u8) ? 8 : reader.ValueTextEquals("expires_on"u8) ? 16 : reader.ValueTextEquals("renewal"u8) ? 32 : 0;
                if (property == 0 || (seen & property) != 0) return false;
                seen |= property;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                switch (property)
                {
                    case 1:
                        if (reader.TokenType != JsonTokenType.String) return false;
                        foreach (var (name, k) in _kinds)
                            if (reader.ValueTextEquals(name)) kind = k;
                        if (kind is null) return false;
                        break;
                    case 2:
                        if (reader.TokenType != JsonTokenType.String) return false;
                        foreach (var (code, l) in _levels)
                            if (reader.ValueTextEquals(code)) level = l;
                        if (level is null) return false;
                        break;
                    case 4:
                        if (!Text(ref reader, intern: true, out issuer)) return false;
                        break;
                    case 8:
                        if (!Date(ref reader, out issued)) return false;
                        break;
                    case 16:
                        if (!Date(ref reader, out expires)) return false;
                        break;
                    default:
                        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return false;
                        renewal = reader.TokenType == JsonTokenType.True;
                        break;
                }
            }
            if (kind is null || issued is not { } on) return false;
            var until = expires ?? kind.ExpiryFor(on);
            if (until < on || (level is { } l0 && !kind.Levels.Contains(l0))) return false;
            _certificates.Add((kind.Id, level ?? kind.DefaultLevel, issuer, on, until, renewal));
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Facts(ref Utf8JsonReader reader, EnterpriseRecord record)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        Span<char> name = stackalloc char[128];
        Fact? previous = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueSpan.Length > name.Length) return false;
            Fact? fact;
            // A name as written (no escapes) is compared by its UTF-8 bytes, without decoding it:
            // first with the fact that came next last time, then looked up.
            if (!reader.ValueIsEscaped)
            {
                var expected = previous is null ? _first : previous.Next;
                if (expected is not null && reader.ValueSpan.SequenceEqual(expected.Utf8)) fact = expected;
                else if ((fact = _factsUtf8.Find(reader.ValueSpan)) is null) return false;
            }
            else if (!_facts.TryGetValue(name[..reader.CopyString(name)], out fact)) return false;
            if (previous is null) _first = fact;
            else previous.Next = fact;
            previous = fact;
            if (_seen[fact.Index] == _row) return false;
            _seen[fact.Index] = _row;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue;
            if (!fact.Definition.Yearly)
            {
                if (!Value(ref reader, fact, null, record)) return false;
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartObject) return false;
            _years.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!Year(ref reader, out var year) || _years.Contains(year)) return false;
                _years.Add(year);
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null && !Value(ref reader, fact, year, record)) return false;
            }
        }
        return true;
    }

    /// <summary>"2024": four digits, 1900 to 2200, as the profile reader takes a year.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Year(ref Utf8JsonReader reader, out int year)
    {
        year = 0;
        var s = reader.ValueSpan;
        if (reader.ValueIsEscaped || s.Length != 4) return false;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            year = year * 10 + (b - '0');
        }
        return year is >= 1900 and <= 2200;
    }

    /// <summary>One value of a fact, set in the record (for a year, or none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Value(ref Utf8JsonReader reader, Fact fact, int? year, EnterpriseRecord record)
    {
        var definition = fact.Definition;
        if (definition.Type == FactType.List)
        {
            // Every fact of the vocabulary has a slot; were one without, the profile reader would decide.
            if (fact.Slot < 0) return false;
            var items = record.BeginList(fact.Slot);
            if (!List(ref reader, definition, fact.Words, items)) return false;
            if (year is { } y) items.SetTo(fact.Slot, y);
            else items.SetTo(fact.Slot);
            return true;
        }
        switch (definition.Type)
        {
            case FactType.Money or FactType.Rate or FactType.Count or FactType.Number:
                if (!Number(ref reader, definition.Type, out var number)) return false;
                if (fact.Slot >= 0) new EnterpriseRecordTarget(record, fact.Slot, year).Number(number);
                return true;
            case FactType.Boolean:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return false;
                if (fact.Slot >= 0) new EnterpriseRecordTarget(record, fact.Slot, year).Boolean(reader.TokenType == JsonTokenType.True);
                return true;
            case FactType.Date:
                if (!Date(ref reader, out var date)) return false;
                if (fact.Slot >= 0) new EnterpriseRecordTarget(record, fact.Slot, year).Date(date!.Value);
                return true;
            case FactType.Choice:
                if (Choice(ref reader, definition.Choices, fact.Words.Choices) is not { } choice) return false;
                if (fact.Slot >= 0) new EnterpriseRecordTarget(record, fact.Slot, year).Text(choice);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A list fact's items, written straight into the record as loading the profile
    /// reader's items would set them; false for anything the reader must decide (the list is then left unfinished).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool List(ref Utf8JsonReader reader, FactDefinition definition, FactWords words, EnterpriseRecord.ListFactWriter items)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        var names = words.FieldNames;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || items.Count == ProfileReader.MaxListItems) return false;
            items.AddItem();
            var seen = 0UL;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = -1;
                for (var i = 0; i < names.Length && i < 64; i++)
                    if (reader.ValueTextEquals(names[i])) index = i;
                if (index < 0 || (seen & (1UL << index)) != 0) return false;
                seen |= 1UL << index;
                var field = definition.Fields[index];
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (!Field(ref reader, field, words.FieldChoices[index], index, items)) return false;
            }
        }
        return true;
    }

    /// <summary>A list item's field, written as the profile reader's value of it would be.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Field(ref Utf8JsonReader reader, FieldDefinition field, byte[][] choices, int index, EnterpriseRecord.ListFactWriter items)
    {
        switch (field.Type)
        {
            case FactType.Money or FactType.Rate or FactType.Count or FactType.Number:
                if (!Number(ref reader, field.Type, out var number)) return false;
                items.Number(index, number);
                return true;
            case FactType.Boolean:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return false;
                items.Boolean(index, reader.TokenType == JsonTokenType.True);
                return true;
            case FactType.Date:
                if (!Date(ref reader, out var date)) return false;
                items.Date(index, date!.Value);
                return true;
            case FactType.Choice:
                if (Choice(ref reader, field.Choices, choices) is not { } choice) return false;
                items.Text(index, choice);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A number token within the fact type's range; money and rates written as text
    /// ("500万", "3.5%") are left to the profile reader.</summary>
    private static bool Number(ref Utf8JsonReader reader, FactType type, out decimal value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number) return false;
        // A whole number within the type's range, nearly every number of a profile, without the decimal parser.
        if (Quantity.TryDigits(reader.ValueSpan, out var whole))
        {
            value = whole;
            if (FactValues.WholeFits(type, whole)) return true;
        }
        else if (!reader.TryGetDecimal(out value)) return false;
        return FactValues.NumberProblem(type, value, "") is null;
    }

    /// <summary>One of the fact's choices, as the catalog's own string: nothing is allocated.</summary>
    private static string? Choice(ref Utf8JsonReader reader, IReadOnlyList<string> choices, byte[][] words)
    {
        if (reader.TokenType != JsonTokenType.String) return null;
        for (var i = 0; i < words.Length; i++)
            if (reader.ValueTextEquals(words[i])) return choices[i];
        return null;
    }

    /// <summary>"2024-07-15" as written, in the accepted range; anything else (escapes included) is the profile reader's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Date(ref Utf8JsonReader reader, out DateOnly? date)
    {
        date = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return false;
        var s = reader.ValueSpan;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s[..4], out var y) || !Digits(s.Slice(5, 2), out var m) || !Digits(s.Slice(8, 2), out var d)) return false;
        if (m is < 1 or > 12 || y < 1 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        var value = new DateOnly(y, m, d);
        if (!Srdi.Application.Text.IsoDate.InRange(value)) return false;
        date = value;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }
}

/// <summary>A fact's words as UTF-8, encoded once for a binder: its choices, and for a list its
/// fields' names and each field's choices. Compared with a string, the JSON reader would encode the
/// string again at every comparison.</summary>
internal sealed class FactWords(FactDefinition fact)
{
    public byte[][] Choices { get; } = Encode(fact.Choices);
    public byte[][] FieldNames { get; } = Encode(fact.Fields.Select(f => f.Name));
    public byte[][][] FieldChoices { get; } = fact.Fields.Select(f => Encode(f.Choices)).ToArray();

    private static byte[][] Encode(IEnumerable<string> words) => words.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
}

/// <summary>The catalog's names as UTF-8 bytes, found by the bytes of a JSON property name: a
/// fixed table built once, with no interface between the lookup and the comparison (a dictionary
/// with a custom comparer for spans calls it through one, measurably, for every fact of every row).</summary>
internal sealed class Utf8Table<T>
    where T : class
{
    private readonly (byte[] Key, T Value)[][] _buckets;
    private readonly int _mask;

    public Utf8Table(IEnumerable<(byte[] Key, T Value)> entries)
    {
        var all = entries.ToList();
        var size = 1;
        while (size < 2 * all.Count) size <<= 1;
        _mask = size - 1;
        var lookup = all.ToLookup(e => Hash(e.Key) & _mask);
        _buckets = Enumerable.Range(0, size).Select(b => lookup[b].ToArray()).ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public T? Find(ReadOnlySpan<byte> key)
    {
        foreach (var (name, value) in _buckets[Hash(key) & _mask])
            if (key.SequenceEqual(name)) return value;
        return null;
    }

    /// <summary>FNV-1a: the table holds only the catalog's names, and a lookup never adds one, so no
    /// roster can fill a bucket.</summary>
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var h = 2166136261U;
        foreach (var b in key) h = unchecked((h ^ b) * 16777619U);
        return (int)(h & int.MaxValue);
    }
}
