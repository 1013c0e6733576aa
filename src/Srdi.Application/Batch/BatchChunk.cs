using Srdi.Application.Rosters;

namespace Srdi.Application.Batch;

/// <summary>A run of roster rows travelling through the pipeline, and what the worker made of
/// them: the output's encoded part and the rejected rows.</summary>
internal sealed class BatchChunk
{
    public BatchChunk(int size, IBatchOutputChunk output)
    {
        Output = output;
        Rows = Enumerable.Range(0, size).Select(_ => new RawRow { Bytes = _bytes, Chars = _chars }).ToArray();
    }

    /// <summary>The JSON lines of the chunk's rows, kept in blocks reused by the next rows.</summary>
    private readonly RowBytes _bytes = new();

    /// <summary>The cells of the chunk's CSV or Excel rows, kept in blocks reused by the next rows.</summary>
    private readonly RowChars _chars = new();

    public long Sequence { get; set; }
    public RawRow[] Rows { get; }
    public int Count { get; set; }
    public double Progress { get; set; }

    /// <summary>Makes the chunk ready for reuse, keeping its buffers: chunks are recycled so that
    /// a roster of millions does not churn megabyte buffers through the large-object heap.</summary>
    public void Reset()
    {
        Refused.Clear();
        Output.Clear();
        _bytes.Clear();
        _chars.Clear();
        Rejected.Clear();
        Count = 0;
    }

    /// <summary>Rows refused before a worker saw them (duplicate ids), by position in the chunk.</summary>
    public Dictionary<int, RowProblem> Refused { get; } = [];

    public IBatchOutputChunk Output { get; }
    public List<RowProblem> Rejected { get; } = [];
}
