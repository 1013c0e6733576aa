using System.Buffers;
using Srdi.Application.Rosters;

namespace Srdi.Application.Batch;

/// <summary>A run of roster rows travelling through the pipeline, and what the worker made of
/// them: output bytes in row order, rejected rows, 名单 entries per measure.</summary>
internal sealed class BatchChunk(int size)
{
    public long Sequence { get; set; }
    public RawRow[] Rows { get; } = Enumerable.Range(0, size).Select(_ => new RawRow()).ToArray();
    public int Count { get; set; }
    public double Progress { get; set; }

    /// <summary>Makes the chunk ready for reuse, keeping its buffers: chunks are recycled so that
    /// a roster of millions does not churn megabyte buffers through the large-object heap.</summary>
    public void Reset()
    {
        Refused.Clear();
        Entitlements.ResetWrittenCount();
        EntitlementRows.ResetWrittenCount();
        Nothing.ResetWrittenCount();
        Rejected.Clear();
        Lists.Clear();
        Count = 0;
    }

    /// <summary>Rows refused before a worker saw them (duplicate ids), by position in the chunk.</summary>
    public Dictionary<int, RowProblem> Refused { get; } = [];

    public ArrayBufferWriter<byte> Entitlements { get; } = new(1 << 16);
    public ArrayBufferWriter<byte> EntitlementRows { get; } = new(1 << 16);
    public ArrayBufferWriter<byte> Nothing { get; } = new(1 << 12);
    public List<RowProblem> Rejected { get; } = [];
    public Dictionary<int, List<string[]>> Lists { get; } = [];
}
