using System.Diagnostics;
using System.Globalization;
using Srdi.Application;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;

namespace Srdi.Benchmarks;

/// <summary>Times the phases of a batch over one roster on one thread: reading, binding,
/// evaluating. Run: dotnet run -c Release --project bench/Srdi.Benchmarks -- phases ROSTER.csv</summary>
public static class Phases
{
    public static void Run(string roster)
    {
        var navigator = PolicyNavigator.Open(null);
        var catalog = navigator.Compiled;
        var at = new DateOnly(2025, 6, 1);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        using (var source = RosterSource.Open(roster))
        {
            var row = new RawRow();
            while (source.Read(row)) rows++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read    {rows:N0} rows: {clock.Elapsed.TotalSeconds:0.00} s"));

        var record = catalog.NewRecord();
        if (roster.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            double parse = 0, load = 0, json = 0;
            var watch = new Stopwatch();
            foreach (var line in File.ReadLines(roster))
            {
                watch.Restart();
                using (System.Text.Json.JsonDocument.Parse(line)) { }
                json += watch.Elapsed.TotalSeconds;
                watch.Restart();
                var profile = navigator.Profiles.ReadText(line);
                parse += watch.Elapsed.TotalSeconds;
                watch.Restart();
                record.Load(profile);
                load += watch.Elapsed.TotalSeconds;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JSON parse alone {json:0.00} s, profile reader {parse:0.00} s, record load {load:0.00} s"));
            return;
        }
        clock.Restart();
        var problems = new List<RowProblem>();
        var outcomes = catalog.NewOutcomes();
        double bind = 0, evaluate = 0;
        using (var source = RosterSource.Open(roster))
        {
            var binder = new RowBinder(new RosterLayout(catalog).Bind(source.Headers!), navigator.Catalog.Vocabulary, navigator.Wording);
            var row = new RawRow();
            var watch = new Stopwatch();
            while (source.Read(row))
            {
                watch.Restart();
                binder.Bind(row.Cells!, row.Number, record, problems);
                bind += watch.Elapsed.TotalSeconds;
                watch.Restart();
                catalog.Evaluate(record, at, outcomes);
                evaluate += watch.Elapsed.TotalSeconds;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read+bind+evaluate: {clock.Elapsed.TotalSeconds:0.00} s (bind {bind:0.00} s, evaluate {evaluate:0.00} s, {rows / evaluate:N0} evaluations/s on one thread)"));
    }
}
