using System.Buffers.Binary;
using System.Text;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Catalog.Loading;

/// <summary>A document as compact bytes for <see cref="DocumentCache"/>, field by field in the
/// order the records declare them. JSON of the same records is twice the YAML and reads slower
/// than the YAML parses; this reads a national catalog in a fraction of a second. Every location
/// of a document names the document's own file, so the file is written once.
/// <c>DocumentCacheTests</c> holds the round trip to the loader's result over every property of
/// every record, so a field added to the model and forgotten here fails a test.</summary>
internal static class DocumentCodec
{
    public static byte[] Encode(PolicyDocument d)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            new Writer(w, d.Location.File).Document(d);
        return buffer.ToArray();
    }

    /// <summary>The document, or <see cref="FormatException"/> when the bytes are not one whole document.</summary>
    public static unsafe PolicyDocument Decode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            // Pinned for the read: an array does not move under the pointer, a mapped file never does.
            using var pin = bytes.Pin();
            var r = new Bytes((byte*)pin.Pointer, bytes.Length);
            var document = new Reader(r).Document();
            if (!r.AtEnd) throw new FormatException("trailing bytes");
            return document;
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or InvalidOperationException)
        {
            throw new FormatException("not a cached document", e);
        }
    }

    private sealed class Writer(BinaryWriter w, string file)
    {
        public void Document(PolicyDocument d)
        {
            w.Write(d.Location.File);
            Location(d.Location);
            w.Write(d.Id);
            w.Write(d.Title);
            w.Write(d.Issuer);
            Text(d.Number);
            w.Write((int)d.Level);
            w.Write(d.Area.Province);
            Text(d.Area.City);
            Text(d.Area.District);
            w.Write((int)d.Status);
            w.Write(d.Source);
            Date(d.Validity.From);
            w.Write(d.Validity.FromBasis);
            Date(d.Validity.To);
            w.Write(d.Validity.ToBasis);
            w.Write(d.Terms.Count);
            foreach (var (term, requirements) in d.Terms)
            {
                w.Write(term);
                List(requirements, r =>
                {
                    w.Write(r.Kind);
                    w.Write(r.Level is { } level ? (int)level : -1);
                });
            }
            Text(d.Interpretation);
            w.Write(d.Parameters.Count);
            foreach (var (name, p) in d.Parameters)
            {
                w.Write(name);
                w.Write(p.Name);
                w.Write(p.Label);
                Text(p.Unit);
                Text(p.Clause);
                List(p.Values, v =>
                {
                    w.Write(v.From.DayNumber);
                    w.Write(v.Value);
                    Text(v.Source);
                });
                Text(p.Part);
                Text(p.Note);
            }
            List(d.Measures, Measure);
        }

        private void Measure(Measure m)
        {
            w.Write(m.Id);
            w.Write(m.DocumentId);
            w.Write(m.Section);
            w.Write(m.Clause);
            w.Write(m.Title);
            w.Write(m.Text);
            List(m.Departments, w.Write);
            w.Write(m.Category);
            w.Write(m.Beneficiary);
            w.Write((int)m.Application);
            List(m.Targets, w.Write);
            List(m.Conditions, c =>
            {
                Text(c.Label);
                Source(c.Rule);
                w.Write(c.GovernsAll);
                Text(c.Basis);
                Text(c.ScalarReason);
            });
            Text(m.ExclusionGroup);
            List(m.Benefit.InKind, i =>
            {
                w.Write(i.Text);
                OptionalSource(i.When);
                Text(i.Basis);
                Location(i.Location);
            });
            List(m.Benefit.Parts, Part);
            Text(m.Interpretation);
            Location(m.Location);
            w.Write(m.AwaitsRevision is not null);
            if (m.AwaitsRevision is { } revision)
            {
                w.Write(revision.Policy);
                Date(revision.RevisedOn);
                w.Write(revision.Basis);
            }
        }

        private void Part(BenefitPart p)
        {
            w.Write(p.Label);
            OptionalSource(p.When);
            w.Write(p.UpTo);
            OptionalSource(p.Amount);
            w.Write(p.Schedule is not null);
            if (p.Schedule is { } schedule)
                List(schedule, s =>
                {
                    w.Write(s.Years);
                    Source(s.Amount);
                    OptionalSource(s.Cap);
                    Text(s.CapLabel);
                });
            w.Write(p.External is not null);
            if (p.External is { } external)
            {
                w.Write(external.Document);
                Text(external.Note);
            }
            OptionalSource(p.Cap);
            Text(p.CapLabel);
            Text(p.Per);
            Text(p.Payer);
            w.Write(p.Application is { } application ? (int)application : -1);
            Text(p.Beneficiary);
            Location(p.Location);
            Text(p.Basis);
            Text(p.ScalarReason);
        }

        private void List<T>(IReadOnlyList<T> items, Action<T> item)
        {
            w.Write(items.Count);
            foreach (var i in items) item(i);
        }

        private void Text(string? s)
        {
            w.Write(s is not null);
            if (s is not null) w.Write(s);
        }

        private void Date(DateOnly? d) => w.Write(d is { } day ? day.DayNumber : -1);

        private void Source(SourceText s)
        {
            w.Write(s.Text);
            Location(s.Location);
        }

        private void OptionalSource(SourceText? s)
        {
            w.Write(s is not null);
            if (s is not null) Source(s);
        }

        private void Location(SourceLocation l)
        {
            var own = l.File == file;
            w.Write(own);
            if (!own) w.Write(l.File);
            w.Write(l.Line);
            w.Write(l.Column);
        }
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, straight from memory: BinaryReader
    /// decodes long strings through a char buffer and a StringBuilder, a third of the time here.</summary>
    private sealed unsafe class Bytes(byte* start, int length)
    {
        private int _at;

        public bool AtEnd => _at == length;

        public long Remaining => length - _at;

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > length - _at) throw new FormatException("truncated");
            var span = new ReadOnlySpan<byte>(start + _at, count);
            _at += count;
            return span;
        }

        public bool ReadBoolean() => Take(1)[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new FormatException("bad boolean"),
        };

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public decimal ReadDecimal()
        {
            var bits = Take(16);
            return new decimal([
                BinaryPrimitives.ReadInt32LittleEndian(bits), BinaryPrimitives.ReadInt32LittleEndian(bits[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(bits[8..]), BinaryPrimitives.ReadInt32LittleEndian(bits[12..])]);
        }

        public string ReadString()
        {
            // BinaryWriter's length prefix: seven bits a byte, low bits first.
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28) throw new FormatException("bad string length");
                var b = Take(1)[0];
                length |= (b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            return length == 0 ? "" : Encoding.UTF8.GetString(Take(length));
        }
    }

    private sealed class Reader(Bytes r)
    {
        private string _file = "";

        public PolicyDocument Document()
        {
            _file = r.ReadString();
            var location = Location();
            var id = r.ReadString();
            var title = r.ReadString();
            var issuer = r.ReadString();
            var number = Text();
            var level = Enum<GovernmentLevel>(r.ReadInt32());
            var area = new Area(r.ReadString(), Text(), Text());
            var status = Enum<DocumentStatus>(r.ReadInt32());
            var source = r.ReadString();
            var validity = new Validity(Date(), r.ReadString(), Date(), r.ReadString());
            var termCount = Count();
            var terms = new Dictionary<string, IReadOnlyList<CertificateRequirement>>(termCount, StringComparer.Ordinal);
            for (var i = 0; i < termCount; i++)
                terms.Add(r.ReadString(), List(() => new CertificateRequirement(r.ReadString(), r.ReadInt32() is var level and >= 0 ? Enum<CertificateLevel>(level) : null)));
            var interpretation = Text();
            var parameterCount = Count();
            var parameters = new Dictionary<string, DatedParameter>(parameterCount, StringComparer.Ordinal);
            for (var i = 0; i < parameterCount; i++)
                parameters.Add(r.ReadString(), new DatedParameter(r.ReadString(), r.ReadString(), Text(), Text(),
                    List(() => new DatedValue(DateOnly.FromDayNumber(r.ReadInt32()), r.ReadDecimal(), Text())))
                { Part = Text(), Note = Text() });
            var measures = List(Measure);
            return new PolicyDocument(id, title, issuer, number, level, area, status, source, validity, terms, interpretation,
                parameters, measures, location);
        }

        private Measure Measure() =>
            new(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(),
                List(r.ReadString), r.ReadString(), r.ReadString(), Enum<ApplicationMode>(r.ReadInt32()), List(r.ReadString),
                List(() => new Condition(Text(), Source()) { GovernsAll = r.ReadBoolean(), Basis = Text(), ScalarReason = Text() }),
                Text(),
                new Benefit(List(() => new InKindItem(r.ReadString(), OptionalSource(), Text(), Location())), List(Part)),
                Text(), Location())
            { AwaitsRevision = r.ReadBoolean() ? new PolicyRevision(r.ReadString(), Date(), r.ReadString()) : null };

        private BenefitPart Part() =>
            new(r.ReadString(), OptionalSource(), r.ReadBoolean(), OptionalSource(),
                r.ReadBoolean() ? List(() => new ScheduleStep(r.ReadInt32(), Source(), OptionalSource(), Text())) : null,
                r.ReadBoolean() ? new ExternalAmount(r.ReadString(), Text()) : null,
                OptionalSource(), Text(), Text(), Text(),
                r.ReadInt32() is var application and >= 0 ? Enum<ApplicationMode>(application) : null,
                Text(), Location())
            { Basis = Text(), ScalarReason = Text() };

        private List<T> List<T>(Func<T> item)
        {
            var count = Count();
            var items = new List<T>(count);
            for (var i = 0; i < count; i++) items.Add(item());
            return items;
        }

        private SourceText Source() => new(r.ReadString(), Location());

        private SourceText? OptionalSource() => r.ReadBoolean() ? Source() : null;

        private int Count()
        {
            var count = r.ReadInt32();
            return count >= 0 && count <= r.Remaining ? count : throw new FormatException("bad count");
        }

        private string? Text() => r.ReadBoolean() ? r.ReadString() : null;

        private DateOnly? Date() => r.ReadInt32() is var day and >= 0 ? DateOnly.FromDayNumber(day) : null;

        private static T Enum<T>(int value) where T : struct, Enum =>
            System.Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw new FormatException("bad enum");

        private SourceLocation Location()
        {
            var file = r.ReadBoolean() ? _file : r.ReadString();
            return new SourceLocation(file, r.ReadInt32(), r.ReadInt32());
        }
    }
}
