using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Srdi.Application.Evaluation;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Batch;

/// <summary>The command line's output: rejected.csv, summary.md/.xlsx and, when lists are wanted,
/// 名单.xlsx, in one folder, with manifest.json naming them; the large files for programs
/// (entitlements.jsonl, entitlements.csv, nothing.csv) only when the options ask for them. The run owns the folder while it runs (an exclusive lock file,
/// .srdi-batch.lock; a second run on the same folder is refused). Everything is written in a private
/// working folder first; when the run completes the previous run's manifest goes, the files of the
/// previous run this run does not write go, the new files are moved in by rename, and the new
/// manifest is moved in last. A cancelled or failed run leaves the earlier results as they were; a
/// killed one can leave no file cut short under a final name, and a folder without manifest.json is
/// not a complete run (batch diff refuses it).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Its files and lock are closed by CompleteAsync or AbandonAsync, one of which the batch service always calls.")]
public sealed class FolderBatchOutput(string folder, Func<string, Stream>? openFile = null) : IBatchOutput
{
    public const string EntitlementsJsonl = "entitlements.jsonl";
    public const string EntitlementsCsv = "entitlements.csv";
    public const string RejectedCsv = "rejected.csv";
    public const string NothingCsv = "nothing.csv";

    /// <summary>The lock file a run holds open, exclusively, while it owns the folder.</summary>
    public const string LockFile = ".srdi-batch.lock";

    /// <summary>The prefix of a run's private working folder inside --out.</summary>
    public const string WorkingPrefix = ".srdi-batch-";

    /// <summary>The file of each machine output, as --with names it.</summary>
    public static readonly IReadOnlyList<(string File, MachineOutputs Output)> MachineFiles =
        [(EntitlementsJsonl, MachineOutputs.EntitlementsJsonl), (EntitlementsCsv, MachineOutputs.EntitlementsCsv), (NothingCsv, MachineOutputs.Nothing)];

    /// <summary>Every name a run may put in --out: only these are ever replaced or removed.</summary>
    public static readonly IReadOnlyList<string> ProductFiles =
        [EntitlementsJsonl, EntitlementsCsv, NothingCsv, RejectedCsv, SummaryWriter.Markdown, SummaryWriter.Workbook, BeneficiaryWorkbook.FileName, BatchManifest.FileName];

    private const string ListsFolder = ".名单";

    private string? _working;
    private FileStream? _lock;
    private MeasureEncoding? _encoding;
    private Stream? _jsonl, _csv, _nothing;
    private StreamWriter? _rejected;
    private readonly Dictionary<int, StreamWriter> _lists = [];
    private readonly List<string> _files = [];

    public string Folder { get; } = folder;

    public ValueTask OpenAsync(BatchPlan plan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Folder);
        _lock = Lock(Folder);
        // Working folders of runs that were killed: nobody else can hold them while we hold the lock.
        foreach (var stale in Directory.EnumerateDirectories(Folder, WorkingPrefix + "*")) TryDelete(stale);
        _working = Path.Combine(Folder, $"{WorkingPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(_working);
        if (plan.Options.Lists) Directory.CreateDirectory(Path.Combine(_working, ListsFolder));
        _encoding = new MeasureEncoding(plan);
        var machine = plan.Options.MachineOutputs;
        if (machine.HasFlag(MachineOutputs.EntitlementsJsonl)) _jsonl = Create(EntitlementsJsonl, 1 << 20);
        if (machine.HasFlag(MachineOutputs.EntitlementsCsv))
        {
            _csv = Create(EntitlementsCsv, 1 << 20);
            Header(_csv, "行号,企业标识,企业名称,措施,条款,状态,征求意见稿,金额类型,确定金额,最高金额,分年度合计,申请方式,从高不重复,计入现行有效合计,其他受益方,其他受益方确定金额,其他受益方最高金额,其他受益方分年度合计");
        }
        if (machine.HasFlag(MachineOutputs.Nothing))
        {
            _nothing = Create(NothingCsv, 1 << 16);
            Header(_nothing, "行号,企业标识,企业名称,区县,最接近的措施,措施名称,未获支持的原因");
        }
        _rejected = new StreamWriter(Create(RejectedCsv, 1 << 12), new UTF8Encoding(true));
        _rejected.WriteLine("行号,字段,问题");
        return ValueTask.CompletedTask;
    }

    /// <summary>Takes the folder for this run, or says in Chinese that another run holds it.</summary>
    private static FileStream Lock(string folder)
    {
        var path = Path.Combine(folder, LockFile);
        try
        {
            // FileShare.None is an exclusive lock (flock on Unix): released by the system when the process ends, even by SIGKILL.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            if (!File.Exists(path))
            {
                // Taken just as the run that held it removed it: that file is gone, take a fresh one.
                stream.Dispose();
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            stream.SetLength(0);
            stream.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n")));
            stream.Flush();
            return stream;
        }
        catch (IOException e)
        {
            throw new BatchOutputException($"输出文件夹 \"{folder}\" 正被另一次 srdi batch 使用（{LockFile}），请等它结束或换一个 --out", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BatchOutputException($"无法在输出文件夹 \"{folder}\" 中写入：{e.Message}", e);
        }
    }

    private Stream Create(string name, int buffer)
    {
        _files.Add(name);
        var path = Path.Combine(_working!, name);
        return openFile?.Invoke(path) ?? new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, buffer);
    }

    public IBatchOutputChunk CreateChunk() => new FolderChunk(_encoding ?? throw new InvalidOperationException("OpenAsync first"));

    public ValueTask WriteAsync(IBatchOutputChunk chunk, IReadOnlyList<RowProblem> rejected, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var part = (FolderChunk)chunk;
        // Plain writes into megabyte buffers: the service calls this on a pool thread of its own, and
        // async writes to a local file only add a thread hop per flush (measurable over a million rows).
        _jsonl?.Write(part.Entitlements.WrittenSpan);
        _csv?.Write(part.EntitlementRows.WrittenSpan);
        _nothing?.Write(part.Nothing.WrittenSpan);
        foreach (var problem in rejected)
            _rejected!.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{problem.Row},{Csv(problem.Field)},{Csv(problem.Problem)}"));
        foreach (var (index, entries) in part.Lists)
        {
            if (!_lists.TryGetValue(index, out var writer))
                _lists[index] = writer = new StreamWriter(Path.Combine(_working!, ListsFolder, string.Create(CultureInfo.InvariantCulture, $"{index}.tsv")), false, Encoding.UTF8);
            foreach (var entry in entries) writer.WriteLine(string.Join('\t', entry.Select(RosterText.Tsv)));
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IReadOnlyList<string>> CompleteAsync(BatchReport report, CancellationToken cancellationToken)
    {
        await CloseAsync();
        cancellationToken.ThrowIfCancellationRequested();
        _files.AddRange(SummaryWriter.Write(report, _working!));
        if (report.Options.Lists)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _files.Add(BeneficiaryWorkbook.Write(report, Path.Combine(_working!, ListsFolder), _working!));
        }
        BatchManifest.Write(_working!, _files, report);
        cancellationToken.ThrowIfCancellationRequested();
        // Past this point the run is done: every file moves, or the error says which did not.
        // 1. Without its manifest the folder is no longer a complete run, until ours arrives.
        var manifest = Path.Combine(Folder, BatchManifest.FileName);
        var previous = BatchManifest.TryRead(Folder)?.Files.Select(f => f.Name) ?? [];
        File.Delete(manifest);
        // 2. Nothing of an earlier run stays beside ours (only names the product writes are touched).
        foreach (var name in ProductFiles.Concat(previous).Distinct(StringComparer.Ordinal))
            if (!_files.Contains(name) && BatchManifest.IsPlainName(name)) File.Delete(Path.Combine(Folder, name));
        // 3. Each complete file takes its final name by rename; the manifest comes last.
        foreach (var name in _files) File.Move(Path.Combine(_working!, name), Path.Combine(Folder, name), overwrite: true);
        File.Move(Path.Combine(_working!, BatchManifest.FileName), manifest, overwrite: true);
        Directory.Delete(_working!, recursive: true);
        _working = null;
        Unlock();
        return _files.Append(BatchManifest.FileName).ToList();
    }

    public async ValueTask AbandonAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (IOException)
        {
            // The folder goes anyway; a file that failed to flush is the least of the run's troubles.
        }
        try
        {
            if (_working is not null && Directory.Exists(_working)) Directory.Delete(_working, recursive: true);
            _working = null;
        }
        finally
        {
            Unlock();
        }
    }

    /// <summary>Frees the folder. The lock file is removed while still held, so no run can find it
    /// free and then lose it; a killed run's lock file stays and is simply taken by the next run.</summary>
    private void Unlock()
    {
        if (_lock is null) return;
        try
        {
            File.Delete(_lock.Name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Windows refuses to delete a file held open: it stays, free, for the next run.
        }
        _lock.Dispose();
        _lock = null;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async ValueTask CloseAsync()
    {
        foreach (var writer in _lists.Values) await writer.DisposeAsync();
        _lists.Clear();
        // Each stream is closed even when another fails to flush (a full disk): none stays open.
        var failure = default(Exception);
        foreach (var stream in new IAsyncDisposable?[] { _jsonl, _csv, _nothing, _rejected })
        {
            try
            {
                if (stream is not null) await stream.DisposeAsync();
            }
            catch (Exception e) when (e is IOException or NotSupportedException)
            {
                failure ??= e;
            }
        }
        _jsonl = _csv = _nothing = null;
        _rejected = null;
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private static void Header(Stream stream, string header)
    {
        stream.Write(Encoding.UTF8.GetPreamble());
        stream.Write(Encoding.UTF8.GetBytes(header + "\n"));
    }

    private static string Csv(string? value) => Text.CsvText.Field(value);

    /// <summary>What every line of a measure repeats, encoded once for the run and shared read-only by all chunks.</summary>
    private sealed class MeasureEncoding
    {
        public readonly CompiledCatalog Catalog;
        public readonly BatchMeasure[] Measures;
        public readonly bool[] Draft;
        public readonly bool Lists, Jsonl, Csv, Nothing;
        public readonly JsonEncodedText[] MeasureIds;
        public readonly byte[][] CsvMeasure;
        public readonly byte[][] CsvApplication;
        public readonly byte[][] CsvOthers;
        public readonly byte[][] CsvStatus;
        public readonly byte[][] CsvKind;
        public readonly string[] KindLabels;

        public MeasureEncoding(BatchPlan plan)
        {
            Catalog = plan.Catalog;
            // Arrays, not the plan's list: the encoders index them for every measure of every row.
            Measures = plan.Measures.ToArray();
            Draft = Measures.Select(m => m.Document.IsDraft).ToArray();
            Lists = plan.Options.Lists;
            Jsonl = plan.Options.MachineOutputs.HasFlag(MachineOutputs.EntitlementsJsonl);
            Csv = plan.Options.MachineOutputs.HasFlag(MachineOutputs.EntitlementsCsv);
            Nothing = plan.Options.MachineOutputs.HasFlag(MachineOutputs.Nothing);
            // The per-measure encodings only the machine outputs write: a national catalog has 30,000
            // measures, and a run that writes what staff read needs none of them.
            var machine = Jsonl || Csv;
            MeasureIds = machine ? Measures.Select(m => JsonEncodedText.Encode(m.Measure.Id)).ToArray() : [];
            CsvMeasure = Csv ? Measures.Select(m => Encoding.UTF8.GetBytes(
                $",{m.Measure.Id},{Encoding.UTF8.GetString(Utf8Lines.Field(m.Measure.Clause))},")).ToArray() : [];
            // entitlements.csv is read by staff: statuses, kinds and modes in the catalog's Chinese (terms.yaml).
            CsvApplication = Csv ? Measures.Select(m => Utf8Lines.Field(m.ApplicationLabel)).ToArray() : [];
            CsvOthers = Csv ? Measures.Select(m => Utf8Lines.Field(m.OtherBeneficiaries)).ToArray() : [];
            CsvStatus = Enum.GetValues<MeasureStatus>().OrderBy(k => (int)k).Select(v => Utf8Lines.Field(plan.Wording.Status(v))).ToArray();
            CsvKind = Enum.GetValues<BenefitKind>().OrderBy(k => (int)k).Select(v => Utf8Lines.Field(plan.Wording.Kind(v))).ToArray();
            KindLabels = Enum.GetValues<BenefitKind>().OrderBy(k => (int)k).Select(plan.Wording.Kind).ToArray();
        }
    }

    /// <summary>One chunk's JSON Lines, CSV and nothing.csv bytes and its 名单 rows, encoded on a worker thread.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The JSON writer writes to an in-memory buffer: disposing it releases nothing.")]
    private sealed class FolderChunk : IBatchOutputChunk
    {
        private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // Encoded once: written for every enterprise and measure of a roster.
        private static readonly JsonEncodedText RowProperty = JsonEncodedText.Encode("row"), IdProperty = JsonEncodedText.Encode("id"),
            NameProperty = JsonEncodedText.Encode("name"), EntitlementsProperty = JsonEncodedText.Encode("entitlements"),
            MeasureProperty = JsonEncodedText.Encode("measure_id"), StatusProperty = JsonEncodedText.Encode("status"),
            DraftProperty = JsonEncodedText.Encode("draft"), KindProperty = JsonEncodedText.Encode("kind"),
            ExactProperty = JsonEncodedText.Encode("exact"), UpToProperty = JsonEncodedText.Encode("up_to"),
            ScheduledProperty = JsonEncodedText.Encode("scheduled"), ExcludedProperty = JsonEncodedText.Encode("excluded_by"),
            OthersProperty = JsonEncodedText.Encode("paid_to_others");
        private static readonly JsonEncodedText[] StatusWords = Enum.GetValues<MeasureStatus>().Select(v => JsonEncodedText.Encode(Words.Status(v))).ToArray();
        private static readonly JsonEncodedText[] KindWords = Enum.GetValues<BenefitKind>().Select(v => JsonEncodedText.Encode(Words.Kind(v))).ToArray();

        private readonly MeasureEncoding _encoding;
        private readonly Utf8JsonWriter _json;
        private readonly ArrayBufferWriter<byte> _enterprise = new(256);

        public FolderChunk(MeasureEncoding encoding)
        {
            _encoding = encoding;
            _json = new Utf8JsonWriter(Entitlements, JsonOptions);
        }

        public ArrayBufferWriter<byte> Entitlements { get; } = new(1 << 16);
        public ArrayBufferWriter<byte> EntitlementRows { get; } = new(1 << 16);
        public ArrayBufferWriter<byte> Nothing { get; } = new(1 << 12);
        public Dictionary<int, List<string[]>> Lists { get; } = [];

        public void Clear()
        {
            Entitlements.ResetWrittenCount();
            EntitlementRows.ResetWrittenCount();
            Nothing.ResetWrittenCount();
            Lists.Clear();
        }

        public void Add(in EvaluatedEnterprise enterprise)
        {
            // Only what the run writes is encoded: by default that is the lists alone.
            if (_encoding.Jsonl) WriteEntitlements(enterprise);
            if (_encoding.Csv || (_encoding.Nothing && enterprise.Miss is not null)) WriteEnterprise(enterprise);
            if (_encoding.Csv) WriteRows(enterprise);
            if (_encoding.Lists) WriteLists(enterprise);
            if (_encoding.Nothing && enterprise.Miss is { } miss) WriteNothing(enterprise, miss);
        }

        /// <summary>The enterprise's part of every CSV line ("12,id,name"), encoded once per row.</summary>
        private void WriteEnterprise(in EvaluatedEnterprise e)
        {
            _enterprise.Clear();
            _enterprise.Append(e.Row);
            _enterprise.Append((byte)',');
            _enterprise.AppendField(e.Record.Id);
            _enterprise.Append((byte)',');
            _enterprise.AppendField(e.Record.Name);
        }

        private void WriteLists(in EvaluatedEnterprise e)
        {
            var outcomes = e.Outcomes;
            var measures = _encoding.Measures;
            foreach (var range in e.Evaluated)
                for (var i = range.Start; i < range.End; i++)
                    if (outcomes[i].Status == MeasureStatus.Eligible) AddToList(e, measures[i], outcomes[i]);
        }

        private void WriteEntitlements(in EvaluatedEnterprise e)
        {
            var w = _json;
            var record = e.Record;
            var outcomes = e.Outcomes;
            var draft = _encoding.Draft;
            var ids = _encoding.MeasureIds;
            w.WriteStartObject();
            w.WriteNumber(RowProperty, e.Row);
            w.WriteString(IdProperty, record.Id);
            w.WriteString(NameProperty, record.Name);
            w.WriteStartArray(EntitlementsProperty);
            foreach (var range in e.Evaluated)
            {
                for (var i = range.Start; i < range.End; i++)
                {
                    ref readonly var o = ref outcomes[i];
                    if (o.Status == MeasureStatus.Ineligible) continue;
                    w.WriteStartObject();
                    w.WriteString(MeasureProperty, ids[i]);
                    w.WriteString(StatusProperty, StatusWords[(int)o.Status]);
                    // Compact: draft only when true, amounts only when not zero (docs/roster.md).
                    if (draft[i]) w.WriteBoolean(DraftProperty, true);
                    w.WriteString(KindProperty, KindWords[(int)o.Kind]);
                    // The enterprise's own money (reading rule 25); what the measure pays others comes apart.
                    if (o.CountedExact != 0) w.WriteNumber(ExactProperty, o.CountedExact);
                    if (o.CountedUpTo != 0) w.WriteNumber(UpToProperty, o.CountedUpTo);
                    if (o.CountedScheduled != 0) w.WriteNumber(ScheduledProperty, o.CountedScheduled);
                    if (o.Excluded) w.WriteString(ExcludedProperty, ids[o.ExcludedBy]);
                    if (PaysOthers(o))
                    {
                        w.WriteStartObject(OthersProperty);
                        if (o.OthersExact != 0) w.WriteNumber(ExactProperty, o.OthersExact);
                        if (o.OthersUpTo != 0) w.WriteNumber(UpToProperty, o.OthersUpTo);
                        if (o.OthersScheduled != 0) w.WriteNumber(ScheduledProperty, o.OthersScheduled);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteStartObject("totals");
            JsonParts.Totals(w, "in_force", e.InForce);
            JsonParts.Totals(w, "drafts", e.Drafts);
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
            Entitlements.Append((byte)'\n');
            w.Reset();
        }

        /// <summary>确定金额, 最高金额, 分年度合计: the three money columns, the enterprise's or another beneficiary's.</summary>
        private static void AppendMoney(ArrayBufferWriter<byte> target, decimal exact, decimal upTo, decimal scheduled)
        {
            target.Append(exact);
            target.Append((byte)',');
            target.Append(upTo);
            target.Append((byte)',');
            target.Append(scheduled);
        }

        private void WriteRows(in EvaluatedEnterprise e)
        {
            var outcomes = e.Outcomes;
            var draft = _encoding.Draft;
            var target = EntitlementRows;
            foreach (var range in e.Evaluated)
            {
                for (var i = range.Start; i < range.End; i++)
                {
                    ref readonly var o = ref outcomes[i];
                    if (o.Status == MeasureStatus.Ineligible) continue;
                    target.Append(_enterprise.WrittenSpan);
                    target.Append(_encoding.CsvMeasure[i]);
                    target.Append(_encoding.CsvStatus[(int)o.Status]);
                    target.Append(draft[i] ? ",是,"u8 : ",否,"u8);
                    target.Append(_encoding.CsvKind[(int)o.Kind]);
                    target.Append((byte)',');
                    AppendMoney(target, o.CountedExact, o.CountedUpTo, o.CountedScheduled);
                    target.Append((byte)',');
                    target.Append(_encoding.CsvApplication[i]);
                    target.Append((byte)',');
                    if (o.Excluded) target.Append(_encoding.MeasureIds[o.ExcludedBy].EncodedUtf8Bytes);
                    // 计入现行有效合计: the rows whose money columns add up to the summary's in-force totals.
                    target.Append(o.Counts && !draft[i] ? ",是,"u8 : ",否,"u8);
                    if (PaysOthers(o))
                    {
                        target.Append(_encoding.CsvOthers[i]);
                        target.Append((byte)',');
                        AppendMoney(target, o.OthersExact, o.OthersUpTo, o.OthersScheduled);
                    }
                    else target.Append(",,,"u8);
                    target.Append((byte)'\n');
                }
            }
        }

        private void AddToList(in EvaluatedEnterprise e, BatchMeasure m, in MeasureOutcome o)
        {
            var record = e.Record;
            var catalog = _encoding.Catalog;
            if (!Lists.TryGetValue(m.Index, out var list)) Lists[m.Index] = list = [];
            var facts = new StringBuilder();
            foreach (var slot in m.FactSlots)
            {
                if (record.Describe(slot) is not { } value) continue;
                if (facts.Length > 0) facts.Append('；');
                facts.Append(catalog.FactAt(slot).Label).Append('：').Append(value);
            }
            list.Add([
                record.Id, record.Name ?? "", record.Area?.District ?? record.Area?.City ?? "",
                _encoding.KindLabels[(int)o.Kind], Money(o.CountedExact), Money(o.CountedUpTo), Money(o.CountedScheduled),
                o.Excluded ? $"从高不重复，按 {_encoding.Measures[o.ExcludedBy].Measure.Id} 计" : "",
                facts.ToString(),
                PaysOthers(o) ? m.OtherBeneficiaries : "",
                PaysOthers(o) ? OthersText(o) : "",
            ]);
        }

        private void WriteNothing(in EvaluatedEnterprise e, NearestMiss miss)
        {
            var record = e.Record;
            var measure = miss.Measure >= 0 ? _encoding.Measures[miss.Measure].Measure : null;
            var target = Nothing;
            target.Append(_enterprise.WrittenSpan);
            target.Append((byte)',');
            target.AppendField(record.Area?.District ?? record.Area?.City);
            target.Append((byte)',');
            target.AppendField(measure?.Id ?? "");
            target.Append((byte)',');
            target.AppendField(measure?.Title ?? "");
            target.Append((byte)',');
            target.AppendField(miss.Reason);
            target.Append((byte)'\n');
        }

        private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        private static bool PaysOthers(in MeasureOutcome o) => o.OthersExact != 0 || o.OthersUpTo != 0 || o.OthersScheduled != 0;

        /// <summary>Money the measure pays someone other than the enterprise, in words for 名单.xlsx.</summary>
        private static string OthersText(in MeasureOutcome o)
        {
            var parts = new List<string>(3);
            if (o.OthersExact != 0) parts.Add($"确定 {Money(o.OthersExact)} 元");
            if (o.OthersUpTo != 0) parts.Add($"最高 {Money(o.OthersUpTo)} 元");
            if (o.OthersScheduled != 0) parts.Add($"分年度合计 {Money(o.OthersScheduled)} 元");
            return string.Join("；", parts);
        }
    }
}
