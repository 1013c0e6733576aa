using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Runtime;

namespace Srdi.Application.Batch;

/// <summary>What a run is about, handed to the output before the first row: the catalog and its
/// measures (in the order of every outcome span), the options and the roster's name.</summary>
public sealed record BatchPlan(CompiledCatalog Catalog, IReadOnlyList<BatchMeasure> Measures, BatchOptions Options, string Roster, Vocabulary.Wording Wording);

/// <summary>The measure an enterprise with no money came nearest to (-1 when none applies), and why it missed.</summary>
public readonly record struct NearestMiss(int Measure, string Reason);

/// <summary>One evaluated enterprise as a worker hands it to the output. It lives on the worker's
/// stack: the record and the outcomes are reused for the next row, so an output copies what it keeps.</summary>
public readonly ref struct EvaluatedEnterprise(long row, EnterpriseRecord record, ReadOnlySpan<MeasureOutcome> outcomes, ReadOnlySpan<MeasureRange> evaluated,
    Totals inForce, Totals drafts, NearestMiss? miss)
{
    /// <summary>The row number as the user sees it (spreadsheet row or file line).</summary>
    public long Row { get; } = row;
    public EnterpriseRecord Record { get; } = record;

    /// <summary>One outcome per measure of the plan, in the plan's order. Those outside
    /// <see cref="Evaluated"/> are outside the enterprise's area: ineligible, no money.</summary>
    public ReadOnlySpan<MeasureOutcome> Outcomes { get; } = outcomes;

    /// <summary>The measures decided for this enterprise (its area's documents), ascending: an
    /// output walks these, not the whole catalog, so its cost does not grow with other cities' documents.</summary>
    public ReadOnlySpan<MeasureRange> Evaluated { get; } = evaluated;
    public Totals InForce { get; } = inForce;
    public Totals Drafts { get; } = drafts;

    /// <summary>Set only when the enterprise gets no money.</summary>
    public NearestMiss? Miss { get; } = miss;
}

/// <summary>The part of the output that one chunk of roster rows makes. Workers fill chunks in
/// parallel, so encoding (JSON, CSV, rows for a database) costs no time on the single thread that
/// writes them out in roster order. A chunk is cleared and reused for later rows.</summary>
public interface IBatchOutputChunk
{
    /// <summary>Called on a worker thread, once for each evaluated enterprise of the chunk, in row order.</summary>
    void Add(in EvaluatedEnterprise enterprise);

    void Clear();
}

/// <summary>Where a batch's results go: a folder of files for the command line, a database for
/// the web host, memory for tests. The service decides everything (statistics, nearest misses,
/// budgets, duplicate ids); an output only encodes and stores.</summary>
public interface IBatchOutput
{
    ValueTask OpenAsync(BatchPlan plan, CancellationToken cancellationToken);

    /// <summary>A new, empty chunk; the service keeps a bounded pool of them.</summary>
    IBatchOutputChunk CreateChunk();

    /// <summary>Called on one thread, chunk after chunk in roster order, with the chunk's rejected rows ordered by row.</summary>
    ValueTask WriteAsync(IBatchOutputChunk chunk, IReadOnlyList<RowProblem> rejected, CancellationToken cancellationToken);

    /// <summary>The run has finished: write the summary, make the results visible and return the
    /// names of what was written.</summary>
    ValueTask<IReadOnlyList<string>> CompleteAsync(BatchReport report, CancellationToken cancellationToken);

    /// <summary>The run failed or was cancelled: leave nothing that looks like a result.</summary>
    ValueTask AbandonAsync();
}
