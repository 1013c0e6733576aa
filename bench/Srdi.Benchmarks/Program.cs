using BenchmarkDotNet.Running;

if (args.Length == 2 && args[0] == "phases")
{
    Srdi.Benchmarks.Phases.Run(args[1]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Srdi.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
