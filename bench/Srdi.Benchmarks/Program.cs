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
BenchmarkSwitcher.FromAssembly(typeof(Srdi.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
