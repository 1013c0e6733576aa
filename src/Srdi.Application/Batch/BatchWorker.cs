using System.Globalization;
using System.Runtime.CompilerServices;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Runtime;

namespace Srdi.Application.Batch;

/// <summary>One worker of a batch run: binds each row into its own reusable record, evaluates
/// it on the fast path, adds to its own statistics and hands the enterprise to the chunk's output.</summary>
internal sealed class BatchWorker
{
    private readonly CompiledCatalog _catalog;
    private readonly BatchMeasure[] _measures;
    private readonly RowBinder? _binder;
    private readonly JsonRowBinder? _json;
    private readonly ProfileReader _profiles;
    private readonly DateOnly _at;
    private readonly EnterpriseRecord _record;
    private readonly EnterpriseOutcomes _outcomes;
    private readonly List<RowProblem> _problems = [];

    public BatchWorker(CompiledCatalog catalog, BatchMeasure[] measures, RowBinder? binder, JsonRowBinder? json, ProfileReader profiles, DateOnly at)
    {
        _catalog = catalog;
        _measures = measures;
        _binder = binder;
        _json = json;
        _profiles = profiles;
        _at = at;
        _record = catalog.NewRecord();
        _outcomes = catalog.NewOutcomes();
        Statistics = new BatchStatistics(measures.Length);
    }

    public BatchStatistics Statistics { get; }

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(BatchChunk chunk)
    {
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
            if (row.Problem is { } early)
            {
                chunk.Rejected.Add(early);
                Statistics.Rejected++;
                continue;
            }
            Totals inForce, drafts;
            try
            {
                if (!Bind(row))
                {
                    chunk.Rejected.AddRange(_problems);
                    Statistics.Rejected++;
                    continue;
                }
                _catalog.Evaluate(_record, _at, _outcomes);
                // Each amount to the fen once; every total is the exact sum of those. Only the
                // measures of the row's area were evaluated, and an ineligible measure's money is
                // never read (MeasureOutcome): the rest need no rounding.
                var all = _outcomes.All;
                foreach (var range in _outcomes.Evaluated)
                    for (var i = range.Start; i < range.End; i++)
                        if (all[i].Status != MeasureStatus.Ineligible) Fen.Round(ref all[i]);
                (inForce, drafts) = _catalog.TotalsOf(_outcomes);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                // One row that cannot be read, bound or evaluated is that row's problem, never the run's.
                chunk.Rejected.Add(new RowProblem(row.Number, _problems.Count > 0 ? _problems[0].Field : "", Failure(e)));
                Statistics.Rejected++;
                continue;
            }
            Statistics.Evaluated++;
            Statistics.InForce += inForce;
            Statistics.Drafts += drafts;
            var outcomes = _outcomes.All;
            foreach (var range in _outcomes.Evaluated)
                for (var i = range.Start; i < range.End; i++) Statistics.Measures[i].Add(outcomes[i]);
            chunk.Output.Add(new EvaluatedEnterprise(row.Number, _record, outcomes, _outcomes.Evaluated, inForce, drafts, Nearest()));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Bind(RawRow row)
    {
        // A cell over RosterSource.MaxCellLength never gets here: its reader refused the row (RawRow.Problem).
        if (row.CellCount > 0) return _binder!.Bind(row, _record, _problems);
        // The JSON binder decides every well-formed profile; anything else is worded by the profile reader.
        if (_json is not null && _json.TryBind(row.Json, _record)) return true;
        try
        {
            _record.Load(_profiles.ReadText(System.Text.Encoding.UTF8.GetString(row.Json.Span)));
            return true;
        }
        catch (ProfileException e)
        {
            _problems.Add(new RowProblem(row.Number, e.Path, e.Reason));
            return false;
        }
    }

    /// <summary>Why a row failed unexpectedly, in words a reviewer can act on.</summary>
    internal static string Failure(Exception e) => e switch
    {
        OverflowException => "数值超出可计算的范围，无法评估该行（请核对金额、数量等是否多写了位数）",
        _ => $"无法处理该行（{e.GetType().Name}：{CellValues.Clip(e.Message)}）",
    };

    /// <summary>An enterprise that gets no money: the measure it came nearest to, and why it missed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private NearestMiss? Nearest()
    {
        var nearest = -1;
        var nearestRank = int.MinValue;
        var outcomes = _outcomes.All;
        // A measure outside the area (failed at 0) is never the nearest: only the evaluated can be.
        foreach (var range in _outcomes.Evaluated)
        {
            for (var i = range.Start; i < range.End; i++)
            {
                ref readonly var o = ref outcomes[i];
                if (!_measures[i].HasMoney) continue;
                if (o.Status == MeasureStatus.Eligible && o.Kind != BenefitKind.InKind) return null;
                // Awaiting information is nearest, then the measure whose failure came latest.
                var rank = o.Status == MeasureStatus.NeedsInfo ? 1000 : o.Status == MeasureStatus.Ineligible && o.FailedAt > 0 ? o.FailedAt : int.MinValue;
                if (rank > nearestRank)
                {
                    nearest = i;
                    nearestRank = rank;
                }
            }
        }
        Statistics.WithNothing++;
        string reason;
        if (nearest < 0 || nearestRank == int.MinValue)
        {
            reason = "注册地不在目录文件的适用范围内，或不符合任何涉及资金措施的适用对象";
            nearest = -1;
        }
        else
        {
            var m = _measures[nearest];
            ref readonly var o = ref outcomes[nearest];
            reason = o.Status == MeasureStatus.NeedsInfo ? MissingFacts(m) : m.FailureLabels[Math.Min(o.FailedAt, m.FailureLabels.Length - 1)];
        }
        var key = (nearest, reason);
        // One lookup, not two: the key hashes the whole reason.
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Statistics.NearestMisses, key, out _)++;
        return new NearestMiss(nearest, reason);
    }

    /// <summary>"缺少：…" naming the facts the measure reads that the row left empty. The same few
    /// combinations recur down a roster: each is worded once per worker, not once per enterprise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string MissingFacts(BatchMeasure m)
    {
        var slots = m.FactSlots;
        if (slots.Length > 64) return Missing(m);
        var mask = 0UL;
        for (var i = 0; i < slots.Length; i++)
            if (!_record.IsKnown(slots[i])) mask |= 1UL << i;
        if (_missing.TryGetValue((m.Index, mask), out var reason)) return reason;
        reason = Missing(m);
        if (_missing.Count < MaxMissing) _missing[(m.Index, mask)] = reason;
        return reason;
    }

    private string Missing(BatchMeasure m)
    {
        var missing = m.FactSlots.Where(slot => !_record.IsKnown(slot)).Select(slot => _catalog.FactAt(slot).Label).ToList();
        return missing.Count == 0 ? "缺少信息，补充后可判断" : "缺少：" + string.Join("；", missing);
    }

    private const int MaxMissing = 1 << 14;
    private readonly Dictionary<(int Measure, ulong Missing), string> _missing = [];
}
