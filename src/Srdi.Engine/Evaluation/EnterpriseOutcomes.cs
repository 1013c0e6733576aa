using Srdi.Engine.Runtime;

namespace Srdi.Engine.Evaluation;

/// <summary>A run of measures in catalog order, <see cref="Start"/> inclusive, <see cref="End"/>
/// exclusive: the measures of one document.</summary>
public readonly record struct MeasureRange(int Start, int End);

/// <summary>One enterprise's outcomes on the fast path, reused row after row by one worker (not
/// thread-safe): one outcome per measure of the catalog, in catalog order, and the ranges of the
/// measures the last evaluation decided: those of the documents whose area may include the
/// enterprise. Every other measure reads as outside the area (ineligible, failed at the area,
/// no money), so a consumer may walk the whole buffer; walking <see cref="Evaluated"/> is what
/// keeps a roster's cost independent of how many other cities the catalog covers.</summary>
public sealed class EnterpriseOutcomes
{
    private readonly MeasureOutcome[] _outcomes;
    private readonly MeasureRange[] _ranges;
    private int[] _documents;
    private int[] _previous;
    private int _previousCount;

    internal EnterpriseOutcomes(int measures, int documents, int parts)
    {
        Parts = new PartState[parts];
        _outcomes = new MeasureOutcome[measures];
        _ranges = new MeasureRange[documents];
        _documents = new int[documents];
        _previous = new int[documents];
    }

    /// <summary>The worker's evaluation state, reused for each enterprise it evaluates: kept here
    /// rather than on each record, so that evaluating a record only reads it. Records held in
    /// memory by the thousand are then only as large as their facts, and no core writes to a
    /// record another core reads.</summary>
    internal EvaluationContext? Context;

    /// <summary>Scratch for the money parts of one measure at a time.</summary>
    internal PartState[] Parts { get; }

    /// <summary>The areas this worker has looked up, by their names' string objects.</summary>
    internal AreaLookups Areas { get; } = new();

    /// <summary>Every measure's outcome, in catalog order.</summary>
    public Span<MeasureOutcome> All => _outcomes;

    /// <summary>The measures the last evaluation decided, ascending; the rest are outside the area.</summary>
    public ReadOnlySpan<MeasureRange> Evaluated => _ranges.AsSpan(0, Count);

    internal int Count { get; private set; }

    internal MeasureOutcome[] Buffer => _outcomes;

    /// <summary>Starts an evaluation: the last one's documents become the ones to clear.</summary>
    internal void Begin()
    {
        (_previous, _documents) = (_documents, _previous);
        _previousCount = Count;
        Count = 0;
    }

    internal void Add(int document, MeasureRange measures)
    {
        _documents[Count] = document;
        _ranges[Count] = measures;
        Count++;
    }

    /// <summary>The documents this evaluation decided, ascending.</summary>
    internal ReadOnlySpan<int> Documents => _documents.AsSpan(0, Count);

    /// <summary>The documents the previous evaluation decided, ascending.</summary>
    internal ReadOnlySpan<int> PreviousDocuments => _previous.AsSpan(0, _previousCount);
}
