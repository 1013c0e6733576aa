using System.Runtime.CompilerServices;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Batch;

/// <summary>Counts and money of one measure over a roster: enterprises eligible, awaiting
/// information, out of force, excluded; money counted for the enterprises (sure, ceiling,
/// schedule) and the part funded by a budget.</summary>
public sealed class MeasureStatistics
{
    /// <summary>Enterprises the measure was decided for: those whose area its document may cover.</summary>
    public long Evaluated;

    public long Eligible, NeedsInfo, NotInForce, Excluded;
    public decimal Exact, UpTo, Scheduled, Budgeted;

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in MeasureOutcome o)
    {
        Evaluated++;
        switch (o.Status)
        {
            case MeasureStatus.Eligible:
                if (o.Excluded) { Excluded++; break; }
                Eligible++;
                Exact += o.CountedExact;
                UpTo += o.CountedUpTo;
                Scheduled += o.CountedScheduled;
                Budgeted += o.Budgeted;
                break;
            case MeasureStatus.NeedsInfo: NeedsInfo++; break;
            case MeasureStatus.NotInForce: NotInForce++; break;
        }
    }

    public void Merge(MeasureStatistics other)
    {
        Evaluated += other.Evaluated;
        Eligible += other.Eligible;
        NeedsInfo += other.NeedsInfo;
        NotInForce += other.NotInForce;
        Excluded += other.Excluded;
        Exact += other.Exact;
        UpTo += other.UpTo;
        Scheduled += other.Scheduled;
        Budgeted += other.Budgeted;
    }
}

/// <summary>Everything a batch adds up, kept per worker and merged at the end.</summary>
public sealed class BatchStatistics(int measures)
{
    public long Evaluated, Rejected, WithNothing;
    public Totals InForce = Totals.Zero, Drafts = Totals.Zero;
    public MeasureStatistics[] Measures { get; } = Enumerable.Range(0, measures).Select(_ => new MeasureStatistics()).ToArray();

    /// <summary>Why enterprises with nothing miss out: (nearest measure index, reason) → count.</summary>
    public Dictionary<(int Measure, string Reason), long> NearestMisses { get; } = [];

    public void Merge(BatchStatistics other)
    {
        Evaluated += other.Evaluated;
        Rejected += other.Rejected;
        WithNothing += other.WithNothing;
        InForce += other.InForce;
        Drafts += other.Drafts;
        for (var i = 0; i < Measures.Length; i++) Measures[i].Merge(other.Measures[i]);
        foreach (var (key, count) in other.NearestMisses) NearestMisses[key] = NearestMisses.GetValueOrDefault(key) + count;
    }
}
