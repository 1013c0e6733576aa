using BenchmarkDotNet.Attributes;
using Srdi.Application;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;

namespace Srdi.Benchmarks;

/// <summary>One profile against the whole compiled catalog (108 measures, five documents):
/// with the full explanation a consultant reads, and without it, as batch work runs.</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private CompiledCatalog _catalog = null!;
    private EnterpriseProfile _nanshan = null!;
    private EnterpriseProfile _xiamen = null!;
    private static readonly DateOnly At = new(2025, 6, 1);
    private EnterpriseRecord _nanshanRecord = null!;
    private EnterpriseRecord _xiamenRecord = null!;
    private EnterpriseOutcomes _outcomes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var navigator = PolicyNavigator.Open(null);
        _catalog = navigator.Compiled;
        var examples = Path.Combine(Path.GetDirectoryName(navigator.Root)!, "examples");
        _nanshan = navigator.Profiles.ReadFile(Path.Combine(examples, "nanshan-little-giant.json"));
        _xiamen = navigator.Profiles.ReadFile(Path.Combine(examples, "xiamen-little-giant.json"));
        _nanshanRecord = _catalog.Record(_nanshan);
        _xiamenRecord = _catalog.Record(_xiamen);
        _outcomes = _catalog.NewOutcomes();
    }

    /// <summary>The batch path: a prepared record, outcomes written in place, no explanation.</summary>
    [Benchmark]
    public decimal NanshanLittleGiant_Outcomes()
    {
        _catalog.Evaluate(_nanshanRecord, At, _outcomes);
        return _catalog.TotalsOf(_outcomes).InForce.Exact;
    }

    [Benchmark]
    public decimal XiamenLittleGiant_Outcomes()
    {
        _catalog.Evaluate(_xiamenRecord, At, _outcomes);
        return _catalog.TotalsOf(_outcomes).InForce.Exact;
    }

    [Benchmark(Baseline = true)]
    public Totals NanshanLittleGiant_Fast() => _catalog.Evaluate(_nanshan, At, explain: false).InForce;

    [Benchmark]
    public Totals NanshanLittleGiant_Explained() => _catalog.Evaluate(_nanshan, At, explain: true).InForce;

    [Benchmark]
    public Totals XiamenLittleGiant_Fast() => _catalog.Evaluate(_xiamen, At, explain: false).InForce;
}
