using BenchmarkDotNet.Attributes;
using Srdi.Application;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Runtime;
using Srdi.Tools.Rosters;

namespace Srdi.Benchmarks;

/// <summary>Evaluation alone, profiles already in memory: a generated roster of 20,000
/// enterprises (the 34 : 8 : 1 tier mix over the catalog's cities and some no document covers) against the whole catalog, on one
/// thread and on every core. Times are per profile (OperationsPerInvoke).</summary>
[MemoryDiagnoser]
public class RosterEvaluationBenchmarks
{
    private const int Profiles = 20_000;
    private static readonly DateOnly At = new(2025, 6, 1);
    private CompiledCatalog _catalog = null!;
    private EnterpriseRecord[] _records = null!;
    private EnterpriseOutcomes[] _outcomes = null!;
    private MeasureOutcome[] _linear = null!;

    [GlobalSetup]
    public void Setup()
    {
        var navigator = PolicyNavigator.Open(null);
        _catalog = navigator.Compiled;
        var generator = new RosterGenerator(navigator.Catalog, new GeneratorOptions(Profiles, 2025, At, []));
        var columns = new RosterLayout(_catalog).Bind(generator.Keys);
        var binder = new RowBinder(columns, navigator.Catalog.Vocabulary, navigator.Wording);
        var problems = new List<RowProblem>();
        _records = generator.Rows().Select((cells, i) =>
        {
            var record = _catalog.NewRecord();
            if (!binder.Bind(cells, i + 2, record, problems)) throw new InvalidOperationException(string.Join("; ", problems));
            return record;
        }).ToArray();
        _outcomes = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => _catalog.NewOutcomes()).ToArray();
        _linear = new MeasureOutcome[_catalog.Measures.Count];
    }

    [Benchmark(OperationsPerInvoke = Profiles)]
    public void OneThread()
    {
        var outcomes = _outcomes[0];
        foreach (var record in _records) _catalog.Evaluate(record, At, outcomes);
    }

    /// <summary>The baseline: every document checked and every other measure marked outside the
    /// area, as the fast path did before the area index (kept as the index's reference).</summary>
    [Benchmark(OperationsPerInvoke = Profiles, Baseline = true)]
    public void OneThread_EveryDocument()
    {
        var outcomes = _linear;
        foreach (var record in _records) _catalog.EvaluateEveryDocument(record, At, outcomes);
    }

    [Benchmark(OperationsPerInvoke = Profiles)]
    public void AllCores()
    {
        var workers = _outcomes.Length;
        // Each worker a run of consecutive rows, as a batch hands each worker a chunk: rows dealt
        // out alternately put neighbouring records, written on every evaluation, on two cores.
        Parallel.For(0, workers, w =>
        {
            var outcomes = _outcomes[w];
            var end = (int)((long)_records.Length * (w + 1) / workers);
            for (var i = (int)((long)_records.Length * w / workers); i < end; i++) _catalog.Evaluate(_records[i], At, outcomes);
        });
    }
}
