using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Srdi.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
