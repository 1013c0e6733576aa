using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Runtime;

namespace Srdi.Application.Batch;

/// <summary>One worker of a batch run: binds each row into its own reusable record, evaluates
/// it on the fast path, writes its output lines and adds to its own statistics.</summary>
internal sealed class BatchWorker
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CompiledCatalog _catalog;
    private readonly BatchMeasure[] _measures;
    private readonly RowBinder? _binder;
    private readonly ProfileReader _profiles;
    private readonly DateOnly _at;
    private readonly bool _lists;
    private readonly EnterpriseRecord _record;
    private readonly MeasureOutcome[] _outcomes;
    private readonly List<RowProblem> _problems = [];
    private readonly ArrayBufferWriter<byte> _enterprise = new(256);

    // Encoded once: written for every enterprise and measure of a roster.
    private static readonly JsonEncodedText RowProperty = JsonEncodedText.Encode("row"), IdProperty = JsonEncodedText.Encode("id"),
        NameProperty = JsonEncodedText.Encode("name"), EntitlementsProperty = JsonEncodedText.Encode("entitlements"),
        MeasureProperty = JsonEncodedText.Encode("measure_id"), StatusProperty = JsonEncodedText.Encode("status"),
        DraftProperty = JsonEncodedText.Encode("draft"), KindProperty = JsonEncodedText.Encode("kind"),
        ExactProperty = JsonEncodedText.Encode("exact"), UpToProperty = JsonEncodedText.Encode("up_to"),
        ScheduledProperty = JsonEncodedText.Encode("scheduled"), ExcludedProperty = JsonEncodedText.Encode("excluded_by");
    private static readonly JsonEncodedText[] StatusWords = Enum.GetValues<MeasureStatus>().Select(v => JsonEncodedText.Encode(Words.Status(v))).ToArray();
    private static readonly JsonEncodedText[] KindWords = Enum.GetValues<BenefitKind>().Select(v => JsonEncodedText.Encode(Words.Kind(v))).ToArray();
    private readonly JsonEncodedText[] _measureIds;
    private readonly byte[][] _csvMeasure;
    private readonly byte[][] _csvApplication;

    public BatchWorker(CompiledCatalog catalog, BatchMeasure[] measures, RowBinder? binder, ProfileReader profiles, DateOnly at, bool lists)
    {
        _catalog = catalog;
        _measures = measures;
        _binder = binder;
        _profiles = profiles;
        _at = at;
        _lists = lists;
        _record = catalog.NewRecord();
        _outcomes = new MeasureOutcome[measures.Length];
        Statistics = new BatchStatistics(measures.Length);
        _measureIds = measures.Select(m => JsonEncodedText.Encode(m.Measure.Id)).ToArray();
        _csvMeasure = measures.Select(m => Encoding.UTF8.GetBytes(
            $",{m.Measure.Id},{Encoding.UTF8.GetString(Utf8Lines.Field(m.Measure.Clause))},")).ToArray();
        _csvApplication = measures.Select(m => Encoding.UTF8.GetBytes(m.Application)).ToArray();
    }

    public BatchStatistics Statistics { get; }

    public void Process(BatchChunk chunk)
    {
        using var json = new Utf8JsonWriter(chunk.Entitlements, JsonOptions);
        for (var r = 0; r < chunk.Count; r++)
        {
            var row = chunk.Rows[r];
            if (chunk.Refused.TryGetValue(r, out var refused))
            {
                chunk.Rejected.Add(refused);
                Statistics.Rejected++;
                continue;
            }
            _problems.Clear();
            if (!Bind(row))
            {
                chunk.Rejected.AddRange(_problems);
                Statistics.Rejected++;
                continue;
            }
            _catalog.Evaluate(_record, _at, _outcomes);
            Statistics.Evaluated++;
            var (inForce, drafts) = _catalog.TotalsOf(_outcomes);
            Statistics.InForce += inForce;
            Statistics.Drafts += drafts;
            WriteEntitlements(json, chunk, row, inForce, drafts);
            WriteRows(chunk, row);
            Nothing(chunk, row);
        }
    }

    private bool Bind(RawRow row)
    {
        if (row.Cells is { } cells)
        {
            for (var i = 0; i < cells.Length; i++)
                if (cells[i] is { Length: > RosterSource.MaxCellLength } big)
                {
                    var header = i < _binder!.Columns.Length ? _binder.Columns[i].Header : string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 列");
                    _problems.Add(new RowProblem(row.Number, header, string.Create(CultureInfo.InvariantCulture, $"单元格过长（{big.Length:N0} 个字符，上限 {RosterSource.MaxCellLength:N0}）")));
                    return false;
                }
            return _binder!.Bind(cells, row.Number, _record, _problems);
        }
        if (row.Json!.Length > RosterSource.MaxCellLength * 10)
        {
            _problems.Add(new RowProblem(row.Number, "$", string.Create(CultureInfo.InvariantCulture, $"该行过长（{row.Json.Length:N0} 个字符）")));
            return false;
        }
        try
        {
            _record.Load(_profiles.ReadText(row.Json));
            return true;
        }
        catch (ProfileException e)
        {
            _problems.Add(new RowProblem(row.Number, e.Path, e.Reason));
            return false;
        }
    }

    private void WriteEntitlements(Utf8JsonWriter w, BatchChunk chunk, RawRow row, Totals inForce, Totals drafts)
    {
        w.WriteStartObject();
        w.WriteNumber(RowProperty, row.Number);
        w.WriteString(IdProperty, _record.Id);
        w.WriteString(NameProperty, _record.Name);
        w.WriteStartArray(EntitlementsProperty);
        for (var i = 0; i < _outcomes.Length; i++)
        {
            ref readonly var o = ref _outcomes[i];
            if (o.Status == MeasureStatus.Ineligible) continue;
            w.WriteStartObject();
            w.WriteString(MeasureProperty, _measureIds[i]);
            w.WriteString(StatusProperty, StatusWords[(int)o.Status]);
            // Compact: draft only when true, amounts only when not zero (docs/roster.md).
            if (_measures[i].Document.IsDraft) w.WriteBoolean(DraftProperty, true);
            w.WriteString(KindProperty, KindWords[(int)o.Kind]);
            if (o.Exact != 0) w.WriteNumber(ExactProperty, o.Exact);
            if (o.UpTo != 0) w.WriteNumber(UpToProperty, o.UpTo);
            if (o.Scheduled != 0) w.WriteNumber(ScheduledProperty, o.Scheduled);
            if (o.Excluded) w.WriteString(ExcludedProperty, _measureIds[o.ExcludedBy]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("totals");
        JsonParts.Totals(w, "in_force", inForce);
        JsonParts.Totals(w, "drafts", drafts);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        chunk.Entitlements.Append((byte)'\n');
        w.Reset();
    }


    private void WriteRows(BatchChunk chunk, RawRow row)
    {
        // The enterprise's part of every line ("12,id,name"), encoded once per row.
        _enterprise.Clear();
        _enterprise.Append(row.Number);
        _enterprise.Append((byte)',');
        _enterprise.AppendField(_record.Id);
        _enterprise.Append((byte)',');
        _enterprise.AppendField(_record.Name);
        var target = chunk.EntitlementRows;
        for (var i = 0; i < _outcomes.Length; i++)
        {
            ref readonly var o = ref _outcomes[i];
            Statistics.Measures[i].Add(o);
            if (o.Status == MeasureStatus.Ineligible) continue;
            target.Append(_enterprise.WrittenSpan);
            target.Append(_csvMeasure[i]);
            target.Append(StatusWords[(int)o.Status].EncodedUtf8Bytes);
            target.Append(_measures[i].Document.IsDraft ? ",是,"u8 : ",否,"u8);
            target.Append(KindWords[(int)o.Kind].EncodedUtf8Bytes);
            target.Append((byte)',');
            target.Append(o.Exact);
            target.Append((byte)',');
            target.Append(o.UpTo);
            target.Append((byte)',');
            target.Append(o.Scheduled);
            target.Append((byte)',');
            target.Append(_csvApplication[i]);
            target.Append((byte)',');
            if (o.Excluded) target.Append(_measureIds[o.ExcludedBy].EncodedUtf8Bytes);
            target.Append((byte)'\n');
            if (_lists && o.Status == MeasureStatus.Eligible) AddToList(chunk, _measures[i], o);
        }
    }

    private void AddToList(BatchChunk chunk, BatchMeasure m, in MeasureOutcome o)
    {
        if (!chunk.Lists.TryGetValue(m.Index, out var list)) chunk.Lists[m.Index] = list = [];
        var facts = new StringBuilder();
        foreach (var slot in m.FactSlots)
        {
            if (_record.Describe(slot) is not { } value) continue;
            if (facts.Length > 0) facts.Append('；');
            facts.Append(_catalog.FactAt(slot).Label).Append('：').Append(value);
        }
        list.Add([
            _record.Id, _record.Name ?? "", _record.Area?.District ?? _record.Area?.City ?? "",
            Words.KindChinese(o.Kind), Money(o.Exact), Money(o.UpTo), Money(o.Scheduled),
            o.Excluded ? $"从高不重复，按 {_measures[o.ExcludedBy].Measure.Id} 计" : "",
            facts.ToString(),
        ]);
    }

    /// <summary>An enterprise that gets no money: the measure it came nearest to, and why it missed.</summary>
    private void Nothing(BatchChunk chunk, RawRow row)
    {
        var nearest = -1;
        var nearestRank = int.MinValue;
        for (var i = 0; i < _outcomes.Length; i++)
        {
            ref readonly var o = ref _outcomes[i];
            if (!_measures[i].HasMoney) continue;
            if (o.Status == MeasureStatus.Eligible && o.Kind != BenefitKind.InKind) return;
            // Awaiting information is nearest, then the measure whose failure came latest.
            var rank = o.Status == MeasureStatus.NeedsInfo ? 1000 : o.Status == MeasureStatus.Ineligible && o.FailedAt > 0 ? o.FailedAt : int.MinValue;
            if (rank > nearestRank)
            {
                nearest = i;
                nearestRank = rank;
            }
        }
        Statistics.WithNothing++;
        string measure = "", title = "", reason;
        if (nearest < 0 || nearestRank == int.MinValue)
        {
            reason = "注册地不在目录文件的适用范围内，或不符合任何涉及资金措施的适用对象";
            nearest = -1;
        }
        else
        {
            var m = _measures[nearest];
            measure = m.Measure.Id;
            title = m.Measure.Title;
            ref readonly var o = ref _outcomes[nearest];
            reason = o.Status == MeasureStatus.NeedsInfo ? MissingFacts(m) : m.FailureLabels[Math.Min(o.FailedAt, m.FailureLabels.Length - 1)];
        }
        var key = (nearest, reason);
        Statistics.NearestMisses[key] = Statistics.NearestMisses.GetValueOrDefault(key) + 1;
        var target = chunk.Nothing;
        target.Append(_enterprise.WrittenSpan);
        target.Append((byte)',');
        target.AppendField(_record.Area?.District ?? _record.Area?.City);
        target.Append((byte)',');
        target.AppendField(measure);
        target.Append((byte)',');
        target.AppendField(title);
        target.Append((byte)',');
        target.AppendField(reason);
        target.Append((byte)'\n');
    }

    /// <summary>"缺少：…" naming the facts the measure reads that the row left empty.</summary>
    private string MissingFacts(BatchMeasure m)
    {
        var missing = m.FactSlots.Where(slot => !_record.IsKnown(slot)).Select(slot => _catalog.FactAt(slot).Label).ToList();
        return missing.Count == 0 ? "缺少信息，补充后可判断" : "缺少：" + string.Join("；", missing);
    }

    private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static StringBuilder Csv(StringBuilder sb, string? value)
    {
        if (string.IsNullOrEmpty(value)) return sb;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return sb.Append(value);
        return sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
