using System.Diagnostics;
using System.Globalization;
using Srdi.Application;
using Srdi.Application.Rosters;
using Srdi.Engine.Evaluation;

namespace Srdi.Benchmarks;

/// <summary>Times the phases of a batch over one roster on one thread: reading, binding,
/// evaluating (for JSON Lines, the binder against the profile reader it replaced). Run: dotnet run -c Release --project bench/Srdi.Benchmarks -- phases ROSTER.csv</summary>
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
            // JSON Lines: the bytes straight into the record (what a batch does), against the profile
            // reader's object model (what it did before, and still does for a line the binder leaves).
            double jsonBind = 0, jsonEvaluate = 0, reader = 0, load = 0;
            long fallbacks = 0;
            var binder = new JsonRowBinder(catalog, navigator.Catalog.Vocabulary);
            var jsonOutcomes = new MeasureOutcome[catalog.Measures.Count];
            var watch = new Stopwatch();
            using (var source = RosterSource.Open(roster))
            {
                var row = new RawRow();
                while (source.Read(row))
                {
                    watch.Restart();
                    if (!binder.TryBind(row.Json, record)) fallbacks++;
                    jsonBind += watch.Elapsed.TotalSeconds;
                    watch.Restart();
                    catalog.Evaluate(record, at, jsonOutcomes);
                    jsonEvaluate += watch.Elapsed.TotalSeconds;
                    watch.Restart();
                    var profile = navigator.Profiles.ReadText(System.Text.Encoding.UTF8.GetString(row.Json.Span));
                    reader += watch.Elapsed.TotalSeconds;
                    watch.Restart();
                    record.Load(profile);
                    load += watch.Elapsed.TotalSeconds;
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"JSON binder {jsonBind:0.00} s ({fallbacks:N0} lines left to the reader), evaluate {jsonEvaluate:0.00} s; for comparison the profile reader {reader:0.00} s + record load {load:0.00} s"));
            return;
        }
        BindHeld(navigator, roster);
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
                binder.Bind(row, record, problems);
                bind += watch.Elapsed.TotalSeconds;
                watch.Restart();
                catalog.Evaluate(record, at, outcomes);
                evaluate += watch.Elapsed.TotalSeconds;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read+bind+evaluate: {clock.Elapsed.TotalSeconds:0.00} s (bind {bind:0.00} s, evaluate {evaluate:0.00} s, {rows / evaluate:N0} evaluations/s on one thread)"));
    }

    /// <summary>Binding alone: the first 100,000 rows held in memory, bound five times over, timed
    /// as a whole (no clock read per row); a profiler run over this sees binding and little else.</summary>
    private static void BindHeld(PolicyNavigator navigator, string roster)
    {
        var catalog = navigator.Compiled;
        var chars = new RowChars();
        var held = new List<RawRow>();
        using var source = RosterSource.Open(roster);
        var binder = new RowBinder(new RosterLayout(catalog).Bind(source.Headers!), navigator.Catalog.Vocabulary, navigator.Wording);
        while (held.Count < 100_000)
        {
            var row = new RawRow { Chars = chars };
            if (!source.Read(row)) break;
            held.Add(row);
        }
        var record = catalog.NewRecord();
        var problems = new List<RowProblem>();
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var row in held)
            {
                problems.Clear();
                binder.Bind(row, record, problems);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bind held rows, round {round + 1}: {clock.Elapsed.TotalMicroseconds / held.Count:0.00} us a row"));
        }
    }
}
