using Srdi.Application.Evaluation;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Batch;

/// <summary>One measure that concerns an enterprise (anything but ineligible), with the codes of
/// entitlements.jsonl: status and kind words, amounts, and the measure that excludes it.</summary>
public sealed record RosterEntitlement(string MeasureId, string Status, string Kind, bool Draft, decimal Exact, decimal UpTo, decimal Scheduled, string? ExcludedBy);

/// <summary>What one enterprise of the roster is entitled to, as entitlements.jsonl holds it.</summary>
public sealed record EnterpriseEntitlements(long Row, string? Id, string? Name, IReadOnlyList<RosterEntitlement> Entitlements, Totals InForce, Totals Drafts);

/// <summary>Keeps every enterprise's entitlements and the rejected rows in memory: for small
/// rosters, tests, and a host that stores them its own way once the run has completed.</summary>
public sealed class MemoryBatchOutput : IBatchOutput
{
    private readonly List<EnterpriseEntitlements> _enterprises = [];
    private readonly List<RowProblem> _rejected = [];
    private string[] _measureIds = [];
    private bool[] _drafts = [];

    public IReadOnlyList<EnterpriseEntitlements> Enterprises => _enterprises;
    public IReadOnlyList<RowProblem> Rejected => _rejected;

    /// <summary>Set when the run completed; a run that failed or was cancelled leaves it false and the lists empty.</summary>
    public bool Completed { get; private set; }

    public ValueTask OpenAsync(BatchPlan plan, CancellationToken cancellationToken)
    {
        _measureIds = plan.Measures.Select(m => m.Measure.Id).ToArray();
        _drafts = plan.Measures.Select(m => m.Document.IsDraft).ToArray();
        _enterprises.Clear();
        _rejected.Clear();
        Completed = false;
        return ValueTask.CompletedTask;
    }

    public IBatchOutputChunk CreateChunk() => new MemoryChunk(this);

    public ValueTask WriteAsync(IBatchOutputChunk chunk, IReadOnlyList<RowProblem> rejected, CancellationToken cancellationToken)
    {
        _enterprises.AddRange(((MemoryChunk)chunk).Enterprises);
        _rejected.AddRange(rejected);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(BatchReport report, CancellationToken cancellationToken)
    {
        Completed = true;
        return ValueTask.FromResult<IReadOnlyList<string>>([]);
    }

    public ValueTask AbandonAsync()
    {
        _enterprises.Clear();
        _rejected.Clear();
        return ValueTask.CompletedTask;
    }

    private sealed class MemoryChunk(MemoryBatchOutput output) : IBatchOutputChunk
    {
        public List<EnterpriseEntitlements> Enterprises { get; } = [];

        public void Add(in EvaluatedEnterprise enterprise)
        {
            var entitlements = new List<RosterEntitlement>();
            var outcomes = enterprise.Outcomes;
            foreach (var range in enterprise.Evaluated)
            {
                for (var i = range.Start; i < range.End; i++)
                {
                    ref readonly var o = ref outcomes[i];
                    if (o.Status == MeasureStatus.Ineligible) continue;
                    entitlements.Add(new RosterEntitlement(output._measureIds[i], Words.Status(o.Status), Words.Kind(o.Kind), output._drafts[i],
                        o.CountedExact, o.CountedUpTo, o.CountedScheduled, o.Excluded ? output._measureIds[o.ExcludedBy] : null));
                }
            }
            Enterprises.Add(new EnterpriseEntitlements(enterprise.Row, enterprise.Record.Id, enterprise.Record.Name, entitlements, enterprise.InForce, enterprise.Drafts));
        }

        public void Clear() => Enterprises.Clear();
    }
}
