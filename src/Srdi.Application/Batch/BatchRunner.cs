using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Batch;

public sealed record BatchOptions(string Roster, DateOnly At, string OutDirectory, bool IncludeDrafts = false, bool Excel = true, int? Workers = null, int ChunkSize = 2048);

/// <summary>Live counters for a progress bar; updated by the run, read by the front end.</summary>
public sealed class BatchProgress
{
    private long _rows;
    private long _rejected;
    public long Rows => Interlocked.Read(ref _rows);
    public long Rejected => Interlocked.Read(ref _rejected);
    public double Fraction { get; internal set; }
    public string Stage { get; internal set; } = "读取并评估名单";

    internal void Add(long rows, long rejected)
    {
        Interlocked.Add(ref _rows, rows);
        Interlocked.Add(ref _rejected, rejected);
    }
}

public sealed record BudgetLine(string DocumentId, string Name, string Label, string? Clause, string? Part, decimal? Budget, decimal? Demand, string? Note)
{
    /// <summary>The share of each entitlement the budget can pay when demand exceeds it.</summary>
    public decimal? ProRata => Budget is { } b && Demand is { } d && d > b && d > 0 ? b / d : Demand is null ? null : 1m;
}

public sealed record BatchReport(
    BatchOptions Options,
    BatchStatistics Statistics,
    BatchMeasure[] Measures,
    long EmptyRows,
    IReadOnlyList<string> Notices,
    IReadOnlyList<string> Files,
    TimeSpan Elapsed,
    IReadOnlyList<BudgetLine> Budgets);

/// <summary>免申即享 at scale: streams a roster through every core, evaluating each enterprise on
/// the fast path, and writes entitlements, 名单, summary and rejected rows. Memory stays flat:
/// a bounded number of chunks is in flight whatever the roster's size.</summary>
public static class BatchRunner
{
    public const string EntitlementsJsonl = "entitlements.jsonl";
    public const string EntitlementsCsv = "entitlements.csv";
    public const string RejectedCsv = "rejected.csv";
    public const string NothingCsv = "nothing.csv";

    public static BatchReport Run(PolicyNavigator navigator, BatchOptions options, BatchProgress progress)
    {
        var clock = Stopwatch.StartNew();
        var catalog = navigator.Compiled;
        var measures = BatchMeasures.For(catalog);
        using var source = RosterSource.Open(options.Roster);
        RosterColumn[]? columns = null;
        var idColumn = -1;
        if (source.Headers is { } headers)
        {
            columns = new RosterLayout(catalog).Bind(headers);
            idColumn = Array.FindIndex(columns, c => c.Kind == ColumnKind.Id);
        }
        Directory.CreateDirectory(options.OutDirectory);
        var listsFolder = Path.Combine(options.OutDirectory, ".名单");
        if (options.Excel) Directory.CreateDirectory(listsFolder);

        var workers = Math.Max(1, options.Workers ?? Environment.ProcessorCount);
        var input = Channel.CreateBounded<BatchChunk>(workers * 2);
        var output = Channel.CreateBounded<BatchChunk>(workers * 2);
        var batchWorkers = Enumerable.Range(0, workers)
            .Select(_ => new BatchWorker(catalog, measures, columns is null ? null : new RowBinder(columns, navigator.Catalog.Vocabulary),
                navigator.Profiles, options.At, options.Excel)).ToList();

        var pool = new System.Collections.Concurrent.ConcurrentQueue<BatchChunk>();
        var reader = Task.Run(async () =>
        {
            try
            {
                var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
                long sequence = 0;
                while (true)
                {
                    if (!pool.TryDequeue(out var chunk)) chunk = new BatchChunk(options.ChunkSize);
                    var rows = chunk.Rows;
                    var count = 0;
                    while (count < rows.Length && source.Read(rows[count])) count++;
                    if (count == 0) break;
                    chunk.Sequence = sequence++;
                    chunk.Count = count;
                    chunk.Progress = source.Progress;
                    for (var i = 0; i < count; i++)
                    {
                        var id = idColumn >= 0 ? rows[i].Cells![idColumn]?.Trim() : JsonlId(rows[i].Json!);
                        if (string.IsNullOrEmpty(id)) continue;
                        if (firstSeen.TryGetValue(id, out var first))
                            chunk.Refused[i] = new RowProblem(rows[i].Number, "企业标识", string.Create(CultureInfo.InvariantCulture, $"重复的企业标识 \"{RosterText.Clip(id)}\"，首次出现在第 {first} 行"));
                        else firstSeen[id] = rows[i].Number;
                    }
                    await input.Writer.WriteAsync(chunk);
                }
            }
            finally
            {
                input.Writer.Complete();
            }
        });

        var processing = batchWorkers.Select(worker => Task.Run(async () =>
        {
            await foreach (var chunk in input.Reader.ReadAllAsync())
            {
                worker.Process(chunk);
                await output.Writer.WriteAsync(chunk);
            }
        })).ToArray();
        var closing = Task.WhenAll(processing).ContinueWith(t => output.Writer.Complete(t.Exception));

        var files = new List<string>();
        string Out(string name)
        {
            files.Add(name);
            return Path.Combine(options.OutDirectory, name);
        }
        using (var jsonl = new FileStream(Out(EntitlementsJsonl), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var csv = new FileStream(Out(EntitlementsCsv), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var nothing = new FileStream(Out(NothingCsv), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var rejected = new StreamWriter(Out(RejectedCsv), false, new UTF8Encoding(true)))
        {
            Header(csv, "行号,企业标识,企业名称,措施,条款,状态,征求意见稿,金额类型,确定金额,最高金额,分年度合计,申请方式,从高不重复");
            Header(nothing, "行号,企业标识,企业名称,区县,最接近的措施,措施名称,未获支持的原因");
            rejected.WriteLine("行号,字段,问题");
            var lists = new Dictionary<int, StreamWriter>();
            var pending = new Dictionary<long, BatchChunk>();
            long next = 0;
            foreach (var chunk in output.Reader.ReadAllAsync().ToBlockingEnumerable())
            {
                pending[chunk.Sequence] = chunk;
                while (pending.Remove(next, out var ready))
                {
                    jsonl.Write(ready.Entitlements.WrittenSpan);
                    csv.Write(ready.EntitlementRows.WrittenSpan);
                    nothing.Write(ready.Nothing.WrittenSpan);
                    foreach (var problem in ready.Rejected.OrderBy(p => p.Row))
                        rejected.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{problem.Row},{Csv(problem.Field)},{Csv(problem.Problem)}"));
                    foreach (var (index, entries) in ready.Lists)
                    {
                        if (!lists.TryGetValue(index, out var writer))
                            lists[index] = writer = new StreamWriter(Path.Combine(listsFolder, string.Create(CultureInfo.InvariantCulture, $"{index}.tsv")), false, Encoding.UTF8);
                        foreach (var entry in entries) writer.WriteLine(string.Join('\t', entry.Select(RosterText.Tsv)));
                    }
                    progress.Add(ready.Count, ready.Rejected.Select(p => p.Row).Distinct().LongCount());
                    progress.Fraction = ready.Progress;
                    next++;
                    ready.Reset();
                    pool.Enqueue(ready);
                }
            }
            foreach (var writer in lists.Values) writer.Dispose();
        }
        closing.Wait();
        reader.Wait();

        var statistics = new BatchStatistics(measures.Length);
        foreach (var worker in batchWorkers) statistics.Merge(worker.Statistics);
        var budgets = Budgets(navigator, measures, statistics, options.At);
        var report = new BatchReport(options, statistics, measures, source.EmptyRows, source.Notices, files, clock.Elapsed, budgets);

        progress.Stage = "写出汇总";
        files.AddRange(SummaryWriter.Write(report, options.OutDirectory));
        if (options.Excel)
        {
            progress.Stage = "写出各措施名单（Excel）";
            files.Add(BeneficiaryWorkbook.Write(report, listsFolder, options.OutDirectory));
            Directory.Delete(listsFolder, recursive: true);
        }
        return report with { Elapsed = clock.Elapsed, Files = files };
    }

    private static List<BudgetLine> Budgets(PolicyNavigator navigator, BatchMeasure[] measures, BatchStatistics statistics, DateOnly at)
    {
        var lines = new List<BudgetLine>();
        foreach (var document in navigator.Catalog.Documents)
        {
            foreach (var budget in document.Parameters.Values.Where(p => p.IsBudget))
            {
                var measure = measures.FirstOrDefault(m => m.Document == document && m.Measure.Number == budget.Clause);
                decimal? demand = null;
                if (measure is not null && measure.HasMoney)
                {
                    var s = statistics.Measures[measure.Index];
                    demand = budget.Part is not null ? s.Budgeted : s.Exact + s.UpTo + s.Scheduled;
                }
                lines.Add(new BudgetLine(document.Id, budget.Name, budget.Label, budget.Clause, budget.Part, budget.At(at)?.Value, demand, budget.Note));
            }
        }
        return lines;
    }

    /// <summary>The id of a JSON Lines row, found without parsing the whole profile.</summary>
    private static string? JsonlId(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject) return null;
                if (reader.TokenType != JsonTokenType.PropertyName) return null;
                var isId = reader.ValueTextEquals("id");
                reader.Read();
                if (isId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static void Header(Stream stream, string header)
    {
        stream.Write(Encoding.UTF8.GetPreamble());
        stream.Write(Encoding.UTF8.GetBytes(header + "\n"));
    }

    private static string Csv(string value) => BatchWorker.Csv(new StringBuilder(), value).ToString();
}

internal static class RosterText
{
    public static string Clip(string s) => Profiles.CellValues.Clip(s);

    public static string Tsv(string s) => s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
