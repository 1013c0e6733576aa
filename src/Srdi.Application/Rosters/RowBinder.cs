using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Srdi.Application.Profiles;
using Srdi.Application.Text;
using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Rosters;

/// <summary>A rejected roster row: its number as the user sees it, the field, what was wrong.</summary>
public sealed record RowProblem(long Row, string Field, string Problem);

/// <summary>Fills a reusable <see cref="EnterpriseRecord"/> from one row of cells. Every problem of
/// the row is collected; a row with any problem is rejected whole, never half-evaluated. Cells are
/// read where they lie, as characters: a string is made only of what the record keeps (an id, a
/// name; areas and other short words repeat down a roster and are made once) and for messages.</summary>
public sealed class RowBinder(RosterColumn[] columns, CatalogVocabulary vocabulary, Vocabulary.Wording wording)
{
    private const int MaxInterned = 10_000, MaxInternedLength = 32;

    private readonly string[] _kinds = vocabulary.Certificates.Keys.ToArray();

    /// <summary>Where each certificate field's cell starts and ends in the row's text; -1 when absent.</summary>
    private readonly (int Start, int End)[,] _certificates = new (int, int)[vocabulary.Certificates.Count, 4];
    private readonly bool[] _hasCertificate = new bool[vocabulary.Certificates.Count];
    private readonly int[] _columnKind = columns.Select(c => c.Certificate is null ? -1 : Array.IndexOf(vocabulary.Certificates.Keys.ToArray(), c.Certificate)).ToArray();
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>For cells given as strings: they are copied here and bound as a reader's row is.</summary>
    private char[] _scratch = new char[1024];
    private int[] _scratchStarts = new int[64], _scratchEnds = new int[64];

    /// <summary>The words of each list column's fact as UTF-8, encoded at the column's first list.</summary>
    private readonly FactWords?[] _words = new FactWords?[columns.Length];

    /// <summary>A list cell as UTF-8, for the JSON binder's reading of a list.</summary>
    private readonly byte[] _utf8 = new byte[3 * RosterSource.MaxCellLength];

    public RosterColumn[] Columns => columns;

    /// <returns>true when the row is good and the record holds it.</returns>
    public bool Bind(IReadOnlyList<string?> cells, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var length = 0;
        foreach (var cell in cells) length += cell?.Length ?? 0;
        if (_scratch.Length < length) _scratch = new char[Math.Max(length, 2 * _scratch.Length)];
        if (_scratchEnds.Length < cells.Count)
        {
            _scratchStarts = new int[Math.Max(cells.Count, 2 * _scratchEnds.Length)];
            _scratchEnds = new int[_scratchStarts.Length];
        }
        var end = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            cells[i].AsSpan().CopyTo(_scratch.AsSpan(end));
            _scratchStarts[i] = end;
            _scratchEnds[i] = end += cells[i]?.Length ?? 0;
        }
        var bound = Bind(_scratch.AsMemory(0, end), _scratchStarts.AsSpan(0, cells.Count), _scratchEnds.AsSpan(0, cells.Count), row, record, problems);
        // The scratch is the next call's: the record must not be left pointing into it.
        _ = record.Id;
        _ = record.Name;
        return bound;
    }

    /// <returns>true when the row is good and the record holds it. The record's id and name are
    /// read from the row's characters when first asked for: ask before the row is read into again.</returns>
    public bool Bind(RawRow row, EnterpriseRecord record, List<RowProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Bind(row.Text, row.Starts.AsSpan(0, row.CellCount), row.Ends.AsSpan(0, row.CellCount), row.Number, record, problems);
    }

    /// <summary>Binds the cells lying in <paramref name="characters"/>, cell i from <paramref name="starts"/>[i]
    /// to <paramref name="ends"/>[i]. The record's id and name are left in them (<see cref="EnterpriseRecord.SetId"/>):
    /// they stay as they are until the record is bound again.</summary>
    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Bind(ReadOnlyMemory<char> characters, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        var text = characters.Span;
        var hasId = false;
        record.Clear();
        Array.Clear(_hasCertificate);
        var before = problems.Count;
        string? province = null, city = null, district = null;
        DateOnly? since = null;
        if (ends.Length > columns.Length)
            problems.Add(new RowProblem(row, string.Create(CultureInfo.InvariantCulture, $"第 {columns.Length + 1} 列"), string.Create(CultureInfo.InvariantCulture, $"该行有 {ends.Length} 列，多于表头的 {columns.Length} 列")));
        var count = Math.Min(columns.Length, ends.Length);
        for (var i = 0; i < count; i++)
        {
            var start = starts[i];
            var end = ends[i];
            // Most cells of a roster are empty.
            if (start == end) continue;
            var cell = text[start..end];
            if (Blank.IsBlank(cell)) continue;
            var column = columns[i];
            switch (column.Kind)
            {
                case ColumnKind.Fact: BindFact(i, cell, row, record, problems); break;
                case ColumnKind.Id:
                    if (TooLong(cell, column, row, problems)) break;
                    record.SetId(characters[start..end][Blank.TrimRange(cell)]);
                    hasId = true;
                    break;
                case ColumnKind.Name:
                    if (!TooLong(cell, column, row, problems)) record.SetName(characters[start..end][Blank.TrimRange(cell)]);
                    break;
                case ColumnKind.Province:
                    if (!TooLong(cell, column, row, problems)) province = Intern(Blank.Trim(cell));
                    break;
                case ColumnKind.City:
                    if (!TooLong(cell, column, row, problems)) city = Intern(Blank.Trim(cell));
                    break;
                case ColumnKind.District:
                    if (!TooLong(cell, column, row, problems)) district = Intern(Blank.Trim(cell));
                    break;
                case ColumnKind.Since:
                    if (CellValues.TryDate(cell, out var d)) since = d;
                    else problems.Add(new RowProblem(row, column.Header, NotADate(cell)));
                    break;
                case ColumnKind.CertificateIssued: Certificate(i, 0, start, end); break;
                case ColumnKind.CertificateExpires: Certificate(i, 1, start, end); break;
                case ColumnKind.CertificateLevel: Certificate(i, 2, start, end); break;
                case ColumnKind.CertificateRenewal: Certificate(i, 3, start, end); break;
            }
        }
        // A blank cell is skipped above: an id set is never blank.
        if (!hasId) problems.Add(new RowProblem(row, "企业标识", "缺少企业标识"));
        if (vocabulary.Areas.Check(province, city, district) is { } area)
            problems.Add(new RowProblem(row, area.Field switch { "province" => "省份", "city" => "城市", _ => "区县" }, area.Problem));
        if (province is not null || city is not null || district is not null || since is not null) record.SetArea(_areas.Place(province, city, district), since);
        for (var k = 0; k < _kinds.Length; k++)
            if (_hasCertificate[k])
                AddCertificate(text, k, row, record, problems);
        return problems.Count == before;
    }

    private readonly RepeatedAreas _areas = new();

    /// <summary>Whether a text the record keeps (an id, a name, an area) is over the length limit, said as a problem.</summary>
    private static bool TooLong(ReadOnlySpan<char> cell, RosterColumn column, long row, List<RowProblem> problems)
    {
        if (cell.Length <= ProfileReader.MaxTextLength || cell.Trim().Length <= ProfileReader.MaxTextLength) return false;
        var trimmed = cell.Trim().ToString();
        problems.Add(new RowProblem(row, column.Header, string.Create(CultureInfo.InvariantCulture, $"文字过长（{trimmed.Length:N0} 个字符，上限 {ProfileReader.MaxTextLength}）：{CellValues.Clip(trimmed)}")));
        return true;
    }

    /// <summary>A short text that repeats down a roster (an area, a level), made into a string once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Intern(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength) return text.ToString();
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var interned)) return interned;
        interned = text.ToString();
        if (_texts.Count < MaxInterned) _texts[interned] = interned;
        return interned;
    }

    private static string NotADate(ReadOnlySpan<char> cell) => $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(cell.ToString())}\"";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Certificate(int column, int field, int start, int end)
    {
        var kind = _columnKind[column];
        if (!_hasCertificate[kind])
        {
            _hasCertificate[kind] = true;
            for (var f = 0; f < 4; f++) _certificates[kind, f] = (-1, -1);
        }
        _certificates[kind, field] = (start, end);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddCertificate(ReadOnlySpan<char> text, int k, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        var kindId = _kinds[k];
        var kind = vocabulary.Certificates[kindId];
        var (issuedAt, expiresAt, levelAt, renewalAt) = (_certificates[k, 0], _certificates[k, 1], _certificates[k, 2], _certificates[k, 3]);
        if (issuedAt.Start < 0)
        {
            problems.Add(new RowProblem(row, $"{kind.Name}认定日期", "填写了该证书的其他栏目，但缺少认定日期"));
            return;
        }
        var issuedText = text[issuedAt.Start..issuedAt.End];
        if (!CellValues.TryDate(issuedText, out var issued))
        {
            problems.Add(new RowProblem(row, $"{kind.Name}认定日期", NotADate(issuedText)));
            return;
        }
        var expires = kind.ExpiryFor(issued);
        if (expiresAt.Start >= 0 && !CellValues.TryDate(text[expiresAt.Start..expiresAt.End], out expires))
        {
            problems.Add(new RowProblem(row, $"{kind.Name}有效期至", NotADate(text[expiresAt.Start..expiresAt.End])));
            return;
        }
        if (expires < issued)
        {
            problems.Add(new RowProblem(row, $"{kind.Name}有效期至", string.Create(CultureInfo.InvariantCulture, $"有效期截止日 {expires:yyyy-MM-dd} 早于认定日期 {issued:yyyy-MM-dd}")));
            return;
        }
        var level = kind.DefaultLevel;
        if (levelAt.Start >= 0)
        {
            var written = Intern(text[levelAt.Start..levelAt.End]);
            if (!wording.TryLevel(written, out var parsed) || !kind.Levels.Contains(parsed))
            {
                problems.Add(new RowProblem(row, $"{kind.Name}认定级别", $"\"{CellValues.Clip(written)}\" 不是该证书的级别（可用：{string.Join("、", kind.Levels.Select(wording.Level))}）"));
                return;
            }
            level = parsed;
        }
        var renewal = false;
        if (renewalAt.Start >= 0 && !CellValues.TryBool(text[renewalAt.Start..renewalAt.End], out renewal))
        {
            problems.Add(new RowProblem(row, $"{kind.Name}是否复核", $"应为 是/否，实际为 \"{CellValues.Clip(text[renewalAt.Start..renewalAt.End].ToString())}\""));
            return;
        }
        record.AddCertificate(kindId, level, null, issued, expires, renewal);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BindFact(int index, ReadOnlySpan<char> cell, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        var column = columns[index];
        var fact = column.Fact!;
        if (fact.Type != FactType.List)
        {
            if (!CellValues.TrySet(fact, cell, new EnterpriseRecordTarget(record, column.Slot, column.Year), out var error))
                problems.Add(new RowProblem(row, column.Header, error));
            return;
        }
        if (List(fact, _words[index] ??= new FactWords(fact), cell, record.BeginList(column.Slot)) is { } items)
        {
            if (column.Year is { } y) items.SetTo(column.Slot, y);
            else items.SetTo(column.Slot);
            return;
        }
        object value;
        try
        {
            value = ProfileReader.ReadValue(fact, cell.ToString(), "$");
        }
        catch (JsonException)
        {
            problems.Add(new RowProblem(row, column.Header, $"应为 JSON 数组，每项包含 {string.Join("、", fact.Fields.Select(f => f.Name))}"));
            return;
        }
        catch (ProfileException e)
        {
            problems.Add(new RowProblem(row, column.Header, e.Message));
            return;
        }
        if (column.Year is { } year) record.SetYear(column.Slot, year, value);
        else record.Set(column.Slot, value);
    }

    /// <summary>A list cell written straight into the record as the JSON binder writes a list in a
    /// profile, without the profile reader's document; null for anything it leaves to that reader,
    /// which accepts or words it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private EnterpriseRecord.ListFactWriter? List(FactDefinition fact, FactWords words, ReadOnlySpan<char> cell, EnterpriseRecord.ListFactWriter items)
    {
        // "[]", the usual cell of a list fact, needs no JSON reader.
        if (Blank.Trim(cell).SequenceEqual("[]")) return items;
        // Text that is not valid UTF-16 is the profile reader's to refuse, as before.
        if (System.Text.Unicode.Utf8.FromUtf16(cell, _utf8, out _, out var length, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            return null;
        try
        {
            var reader = new Utf8JsonReader(_utf8.AsSpan(0, length), JsonRowBinder.Options);
            // The cell must hold the one array and nothing after it but blanks and comments.
            return reader.Read() && JsonRowBinder.List(ref reader, fact, words, items) && reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? items : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
