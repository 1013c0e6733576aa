using BenchmarkDotNet.Running;

if (args.Length == 2 && args[0] == "phases")
{
    Srdi.Benchmarks.Phases.Run(args[1]);
    return;
}
if (args.Length is 2 or 3 && args[0] == "loading")
{
    Srdi.Benchmarks.LoadingPhases.Run(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}
// For a profiler (perf record … evaluate-count 300): the roster benchmark's one-thread loop a fixed
// number of times, timed by nothing; the figures come from BenchmarkDotNet.
if (args.Length == 2 && args[0] == "evaluate-count")
{
    var b = new Srdi.Benchmarks.RosterEvaluationBenchmarks();
    b.Setup();
    for (var round = 0; round < int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture); round++) b.OneThread();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Srdi.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
