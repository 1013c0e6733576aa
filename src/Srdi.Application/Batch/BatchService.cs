using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Batch;

/// <summary>How to run a batch. Where the rows come from and where the results go are the
/// roster source and the output, not options. Lists: whether per-measure beneficiary lists
/// (名单) are wanted. MachineOutputs: which of the large files for programs an output writes
/// besides what staff read (the lists and the summary); none unless asked for.</summary>
public sealed record BatchOptions(DateOnly At, bool IncludeDrafts = false, bool Lists = true, int? Workers = null, int ChunkSize = 2048,
    MachineOutputs MachineOutputs = MachineOutputs.None);

/// <summary>The large per-enterprise files a run writes only when asked: about 0.9 GB for a
/// million enterprises together, read by programs and by srdi batch diff, not by staff, who read
/// the lists per measure (名单) and the summary.</summary>
[Flags]
public enum MachineOutputs
{
    None = 0,

    /// <summary>entitlements.jsonl: codes for programs; srdi batch diff compares two of them.</summary>
    EntitlementsJsonl = 1,

    /// <summary>entitlements.csv: one row per enterprise and concerned measure.</summary>
    EntitlementsCsv = 2,

    /// <summary>nothing.csv: every enterprise that gets no money, with the measure it came nearest to.</summary>
    Nothing = 4,

    All = EntitlementsJsonl | EntitlementsCsv | Nothing,
}

/// <summary>A snapshot of a run for a progress bar: the stage, rows done, rows rejected and how
/// far through the roster reading is (0 to 1).</summary>
public sealed record BatchProgress(string Stage, long Rows, long Rejected, double Fraction)
{
    public const string Evaluating = "读取并评估名单";
    public const string Completing = "写出汇总";
    public const string CompletingWithLists = "写出汇总和各措施名单";
    public const string Done = "完成";
}

public sealed record BudgetLine(string DocumentId, string Name, string Label, string? Clause, string? Part, decimal? Budget, decimal? Demand, string? Note)
{
    /// <summary>The share of each entitlement the budget can pay when demand exceeds it.</summary>
    public decimal? ProRata => Budget is { } b && Demand is { } d && d > b && d > 0 ? b / d : Demand is null ? null : 1m;
}

public sealed record BatchReport(
    BatchOptions Options,
    string Roster,
    BatchStatistics Statistics,
    BatchMeasure[] Measures,
    long EmptyRows,
    IReadOnlyList<string> Notices,
    IReadOnlyList<string> Files,
    TimeSpan Elapsed,
    IReadOnlyList<BudgetLine> Budgets)
{
    /// <summary>The measures of every document whose area holds at least one enterprise of the
    /// roster (zero counts included): what the summary and the lists show. A national catalog's
    /// documents of other areas are counted in the summary, not listed a measure a row.</summary>
    public IReadOnlyList<BatchMeasure> Concerned() => ConcernedIn(Measures, Statistics);

    /// <summary><see cref="Concerned"/>, from the statistics before a report is made of them.</summary>
    internal static IReadOnlyList<BatchMeasure> ConcernedIn(IReadOnlyList<BatchMeasure> measures, BatchStatistics statistics)
    {
        // Documents by reference: a record's own equality would hash every field of the document.
        var concerned = measures.Where(m => statistics.Measures[m.Index].Evaluated > 0).Select(m => m.Document).ToHashSet(ReferenceEqualityComparer.Instance);
        return measures.Where(m => concerned.Contains(m.Document)).ToList();
    }

    /// <summary>The report as programs read it (<see cref="Contracts.BatchSummaryResult"/>).</summary>
    public Contracts.BatchSummaryResult Summary() => new(
        Contracts.BatchSummaryResult.SchemaName, Options.At, Statistics.Evaluated, Statistics.Rejected, EmptyRows, Statistics.WithNothing,
        Contracts.MoneyTotals.From(Statistics.InForce), Contracts.MoneyTotals.From(Statistics.Drafts),
        Measures.Select(m =>
        {
            var x = Statistics.Measures[m.Index];
            return new Contracts.MeasureBatchResult(m.Measure.Id, m.Document.Id, m.Document.IsDraft, m.LeadDepartment,
                x.Eligible, x.NeedsInfo, x.NotInForce, x.Excluded, x.Exact, x.UpTo, x.Scheduled);
        }).ToList(),
        Budgets.Select(b => new Contracts.BudgetResult(b.DocumentId, b.Name, b.Label, b.Clause, b.Part, b.Budget, b.Demand, b.ProRata, b.Note)).ToList(),
        Notices, Files, Math.Round(Elapsed.TotalSeconds, 3));
}

/// <summary>免申即享 at scale: streams a roster through every core, evaluating each enterprise on
/// the fast path; the workers also encode each enterprise for the output, which stores the chunks
/// in roster order. Memory stays flat: a bounded number of chunks is in flight whatever the
/// roster's size. Any front end (command line, web host) runs batches through this one service.</summary>
public sealed class BatchService(PolicyNavigator navigator)
{
    /// <summary>Runs the roster into the output. When the reader, a worker or the output fails, or
    /// the caller cancels, the rest of the pipeline stops, the output is abandoned and the first
    /// failure (or the cancellation) is thrown. The caller keeps ownership of the roster source.</summary>
    public async Task<BatchReport> RunAsync(RosterSource roster, IBatchOutput output, BatchOptions options,
        IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var catalog = navigator.Compiled;
        var measures = BatchMeasures.For(catalog, navigator.Wording);
        RosterColumn[]? columns = null;
        var idColumn = -1;
        if (roster.Headers is { } headers)
        {
            columns = new RosterLayout(catalog).Bind(headers);
            idColumn = Array.FindIndex(columns, c => c.Kind == ColumnKind.Id);
        }
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new BatchProgress(BatchProgress.Evaluating, 0, 0, 0));

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stopping.Token;
        var run = new Pipeline(stopping);
        var workerCount = Math.Max(1, options.Workers ?? Environment.ProcessorCount);
        var workers = Enumerable.Range(0, workerCount)
            .Select(_ => new BatchWorker(catalog, measures, columns is null ? null : new RowBinder(columns, navigator.Catalog.Vocabulary, navigator.Wording),
                columns is null ? new JsonRowBinder(catalog, navigator.Catalog.Vocabulary) : null, navigator.Profiles, options.At)).ToList();
        try
        {
            await output.OpenAsync(new BatchPlan(catalog, measures, options, roster.Name, navigator.Wording), token);
            // One chunk waiting per worker each side keeps every core busy; more only adds memory
            // to zero and fault in (docs/performance.md: 3,000 fewer page faults, 12 MB less).
            var input = Channel.CreateBounded<BatchChunk>(workerCount);
            var evaluated = Channel.CreateBounded<BatchChunk>(workerCount);
            var pool = new System.Collections.Concurrent.ConcurrentQueue<BatchChunk>();

            var reading = run.Start(async () =>
            {
                try
                {
                    await ReadAsync(roster, idColumn, options.ChunkSize, input.Writer, pool, output, token);
                }
                finally
                {
                    input.Writer.TryComplete();
                }
            });
            var evaluating = workers.Select(worker => run.Start(async () =>
            {
                await foreach (var chunk in input.Reader.ReadAllAsync(token))
                {
                    worker.Process(chunk);
                    await evaluated.Writer.WriteAsync(chunk, token);
                }
            })).ToArray();
            // Closing the channel even on failure is what lets the writing loop below end.
            var closing = Ended(Task.WhenAll(evaluating)).ContinueWith(_ => evaluated.Writer.TryComplete(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            try
            {
                await run.Guard(async () =>
                {
                    var pending = new Dictionary<long, BatchChunk>();
                    long next = 0, rows = 0, rejected = 0;
                    await foreach (var chunk in evaluated.Reader.ReadAllAsync(token))
                    {
                        pending[chunk.Sequence] = chunk;
                        while (pending.Remove(next, out var ready))
                        {
                            var problems = ready.Rejected.Count > 1 ? ready.Rejected.OrderBy(p => p.Row).ToList() : ready.Rejected;
                            await output.WriteAsync(ready.Output, problems, token);
                            rows += ready.Count;
                            rejected += ready.Rejected.Select(p => p.Row).Distinct().LongCount();
                            progress?.Report(new BatchProgress(BatchProgress.Evaluating, rows, rejected, ready.Progress));
                            next++;
                            ready.Reset();
                            pool.Enqueue(ready);
                        }
                    }
                });
            }
            catch (Exception)
            {
                // Recorded by the pipeline, thrown below once nothing else is running.
            }
            // Every task ends once the token is cancelled: none may still touch the output when it is abandoned.
            await closing;
            await Ended(reading);
            run.ThrowIfFailed(cancellationToken);

            var statistics = new BatchStatistics(measures.Length);
            foreach (var worker in workers) statistics.Merge(worker.Statistics);
            var budgets = Budgets(measures, statistics, options.At);
            var report = new BatchReport(options, roster.Name, statistics, measures, roster.EmptyRows, roster.Notices.ToList(), [], clock.Elapsed, budgets);
            var total = statistics.Evaluated + statistics.Rejected;
            progress?.Report(new BatchProgress(options.Lists ? BatchProgress.CompletingWithLists : BatchProgress.Completing, total, statistics.Rejected, 1));
            var files = await output.CompleteAsync(report, token);
            progress?.Report(new BatchProgress(BatchProgress.Done, total, statistics.Rejected, 1));
            return report with { Elapsed = clock.Elapsed, Files = files };
        }
        catch (Exception e)
        {
            run.Fail(e);
            await output.AbandonAsync();
            run.ThrowIfFailed(cancellationToken);
            throw;
        }
    }

    private static Task Ended(Task task) =>
        task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Fills chunks from the roster and refuses repeated ids on the way: only the reader
    /// sees rows in order, so only it can tell which occurrence came first.</summary>
    private static async Task ReadAsync(RosterSource source, int idColumn, int chunkSize, ChannelWriter<BatchChunk> input,
        System.Collections.Concurrent.ConcurrentQueue<BatchChunk> pool, IBatchOutput output, CancellationToken token)
    {
        // Ids that differ only in letter case name one enterprise: a 统一社会信用代码 typed in
        // lower case is the same code (docs/roster.md).
        using var firstRows = new FirstRows();
        var jsonId = new char[FirstRows.MaxLength];
        long sequence = 0;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            if (!pool.TryDequeue(out var chunk)) chunk = new BatchChunk(chunkSize, output.CreateChunk());
            var rows = chunk.Rows;
            var count = 0;
            // A chunk ends early once it holds MaxChunkChars: a roster of huge rows keeps as little
            // in memory as one of ordinary rows, whatever the number of chunks in flight.
            long chars = 0;
            while (count < rows.Length && chars < MaxChunkChars && source.Read(rows[count])) chars += rows[count++].Size;
            if (count == 0) break;
            chunk.Sequence = sequence++;
            chunk.Count = count;
            chunk.Progress = source.Progress;
            // The first chunk says about how many rows the file holds: the id table is sized once.
            if (sequence == 1 && chunk.Progress is > 0 and < 1) firstRows.Expect((long)(count / chunk.Progress));
            RefuseRepeatedIds(chunk, idColumn, firstRows, jsonId);
            await input.WriteAsync(chunk, token);
        }
    }

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RefuseRepeatedIds(BatchChunk chunk, int idColumn, FirstRows firstRows, char[] jsonId)
    {
        var rows = chunk.Rows;
        for (var i = 0; i < chunk.Count; i++)
        {
            if (rows[i].Problem is not null) continue;
            var id = idColumn >= 0 ? (idColumn < rows[i].CellCount ? rows[i].Cell(idColumn).Trim() : default)
                : jsonId.AsSpan(0, JsonlId(rows[i].Json.Span, jsonId));
            // An empty or too long id is the binder's to refuse; it is never kept here.
            if (!firstRows.TryAdd(id, rows[i].Number, out var first))
                chunk.Refused[i] = new RowProblem(rows[i].Number, "企业标识", string.Create(CultureInfo.InvariantCulture, $"重复的企业标识 \"{RosterText.Clip(id.ToString())}\"，首次出现在第 {first} 行"));
        }
    }

    /// <summary>Characters of row text one chunk may hold (4 Mi characters, 8 MB).</summary>
    internal const long MaxChunkChars = 4L << 20;

    /// <summary>The tasks of one run and the first thing that went wrong in any of them. The first
    /// failure stops the others through the shared token; their cancellations are not failures.</summary>
    private sealed class Pipeline(CancellationTokenSource stopping)
    {
        private ExceptionDispatchInfo? _failure;

        public Task Start(Func<Task> body) => Task.Run(() => Guard(body));

        public async Task Guard(Func<Task> body)
        {
            try
            {
                await body();
            }
            catch (Exception e)
            {
                Fail(e);
                throw;
            }
        }

        public void Fail(Exception e)
        {
            // Once stopping, cancellations are echoes of the first failure or of the caller's cancel.
            if (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            try
            {
                stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void ThrowIfFailed(CancellationToken caller)
        {
            _failure?.Throw();
            caller.ThrowIfCancellationRequested();
        }
    }

    private static List<BudgetLine> Budgets(BatchMeasure[] measures, BatchStatistics statistics, DateOnly at)
    {
        var lines = new List<BudgetLine>();
        // The budgets of the documents whose area holds an enterprise of the roster, as the summary
        // lists their measures: a national catalog's other documents have no demand to weigh.
        foreach (var own in BatchReport.ConcernedIn(measures, statistics).GroupBy(m => m.Document, ReferenceEqualityComparer.Instance))
        {
            var document = own.First().Document;
            foreach (var budget in document.Parameters.Values.Where(p => p.IsBudget))
            {
                // Reading rule 24: only a budget the text ties to one money part is weighed against
                // the roster's demand; a work-programme budget (培育工作经费) funds no reward.
                var measure = budget.Part is null ? null : own.FirstOrDefault(m => m.Measure.Number == budget.Clause);
                decimal? demand = measure is null ? null : statistics.Measures[measure.Index].Budgeted;
                lines.Add(new BudgetLine(document.Id, budget.Name, budget.Label, budget.Clause, budget.Part, budget.At(at)?.Value, demand, budget.Note));
            }
        }
        return lines;
    }

    /// <summary>The id of a JSON Lines row, copied into <paramref name="id"/> without parsing the
    /// whole profile: its length, or 0 when the line has no id as text of at most
    /// <see cref="FirstRows.MaxLength"/> characters (the binder then refuses the row, or keeps its long id unregistered).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int JsonlId(ReadOnlySpan<byte> json, Span<char> id)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName) return 0;
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (!isId)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.String) return 0;
                if (reader.ValueSpan.Length <= id.Length) return reader.CopyString(id);
                // Longer in bytes may still be short enough in characters (three bytes a Chinese character).
                var text = reader.GetString()!;
                if (text.Length > id.Length) return 0;
                text.AsSpan().CopyTo(id);
                return text.Length;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not a profile the binder will take: it says what is wrong with the row.
        }
        return 0;
    }
}

internal static class RosterText
{
    public static string Clip(string s) => Profiles.CellValues.Clip(s);

    public static string Tsv(string s) => s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
