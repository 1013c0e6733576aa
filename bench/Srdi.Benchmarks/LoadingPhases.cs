using System.Diagnostics;
using System.Globalization;
using Srdi.Catalog.Loading;
using Srdi.Engine.Evaluation;
using YamlDotNet.RepresentationModel;

namespace Srdi.Benchmarks;

/// <summary>Where loading a catalog spends its time: reading and parsing the YAML alone, loading
/// (parse and validation into the model), compiling, compiling with every document deferred, each run <c>RUNS</c> times after a warm-up.
/// Run: dotnet run -c Release --project bench/Srdi.Benchmarks -- loading CATALOG_FOLDER [RUNS]</summary>
public static class LoadingPhases
{
    public static void Run(string root, int runs)
    {
        var files = Directory.GetFiles(Path.Combine(root, "documents"), "policy.yaml", SearchOption.AllDirectories);
        for (var run = 0; run <= runs; run++)
        {
            var (_, yaml, yamlCpu) = Timed(() =>
            {
                foreach (var file in files) new YamlStream().Load(new StringReader(File.ReadAllText(file)));
                return files.Length;
            });
            var (catalog, load, loadCpu) = Timed(() => CatalogLoader.Load(root, useCache: false));
            CatalogLoader.Load(root);
            var (_, cached, cachedCpu) = Timed(() => CatalogLoader.Load(root));
            var (compiled, compile, compileCpu) = Timed(() => CompiledCatalog.Compile(catalog));
            // As a load with a warm cache compiles: every document known to compile, so none now.
            var every = Enumerable.Range(0, catalog.Documents.Count).ToHashSet();
            var (_, deferred, deferredCpu) = Timed(() => CompiledCatalog.Compile(catalog, every));
            var memory = GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "warm-up" : $"run {run}")}: {files.Length} files, {compiled.Measures.Count} measures; YAML parse alone {yaml:0.00} s (CPU {yamlCpu:0.00} s), load {load:0.00} s (CPU {loadCpu:0.00} s), load from the cache {cached:0.00} s (CPU {cachedCpu:0.00} s), compile {compile:0.00} s (CPU {compileCpu:0.00} s), compile deferred {deferred:0.00} s (CPU {deferredCpu:0.00} s), heap {memory} MB"));
        }
    }

    /// <summary>Wall and CPU seconds of one phase; loading runs documents in parallel, so the two differ.</summary>
    private static (T Result, double Wall, double Cpu) Timed<T>(Func<T> phase)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = phase();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (result, wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
