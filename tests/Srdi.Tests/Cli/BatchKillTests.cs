using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Srdi.Application.Batch;
using Srdi.Application.Rosters;
using Srdi.Cli;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;
using Xunit.Abstractions;

namespace Srdi.Tests.Cli;

/// <summary>srdi batch as a child process, stopped by SIGINT, SIGTERM and SIGKILL at random
/// moments, and two runs on one --out: --out holds either the complete set or nothing new.</summary>
public sealed class BatchKillTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[] Deterministic = [FolderBatchOutput.EntitlementsJsonl, FolderBatchOutput.EntitlementsCsv, FolderBatchOutput.NothingCsv, FolderBatchOutput.RejectedCsv];

    private string Roster(int count)
    {
        var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"roster-{count}.csv"));
        new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(count, 7, new DateOnly(2025, 6, 1), [])).Write(path, new RosterLayout(RealCatalog.Navigator.Compiled));
        return path;
    }

    private sealed record Child(Process Process, Task<string> Out, Task<string> Err) : IDisposable
    {
        public (int Exit, string Err) Wait()
        {
            if (!Process.WaitForExit(60_000)) { Process.Kill(); throw new TimeoutException("srdi batch did not end"); }
            Process.WaitForExit();
            return (Process.ExitCode, Err.Result);
        }

        public void Dispose() => Process.Dispose();
    }

    private static Child Start(string roster, string output)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { typeof(SrdiCommandLine).Assembly.Location, "batch", roster, "--at", "2025-06-01", "--out", output, "--quiet", "--with", "all", "--catalog", RealCatalog.Root })
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        return new Child(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    private static void Signal(Process process, string signal)
    {
        if (signal == "KILL")
        {
            process.Kill();
            return;
        }
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {process.Id.ToString(CultureInfo.InvariantCulture)}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != FolderBatchOutput.LockFile).ToDictionary(f => Path.GetFileName(f), Hash)
            : [];

    /// <summary>Either a complete run (manifest matching every file, nothing else of the product) or
    /// nothing new: only whole files, each as the reference run wrote it.</summary>
    private static string Check(string folder, Dictionary<string, string> reference, Dictionary<string, string> before, string signal, int exit, string error)
    {
        var files = Snapshot(folder);
        Assert.All(files.Keys, name => Assert.Contains(name, FolderBatchOutput.ProductFiles));
        var working = Directory.Exists(folder) ? Directory.GetDirectories(folder, FolderBatchOutput.WorkingPrefix + "*") : [];
        if (signal != "KILL")
        {
            Assert.Empty(working);
            if (exit != 0)
            {
                // Cancelled by the program (130, with its message); or, when the signal came while the
                // runtime was still starting, before the program had set its handler, ended by the
                // signal's default action (130 or 143, silently). Either way: nothing new.
                Assert.True(exit is 130 or 143, string.Create(CultureInfo.InvariantCulture, $"exit {exit}: {error}"));
                Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
                Assert.Equal(before.OrderBy(kv => kv.Key), files.OrderBy(kv => kv.Key));
                return error.Contains("已取消", StringComparison.Ordinal) ? "cancelled, nothing new" : "ended before the run began, nothing new";
            }
        }
        if (files.ContainsKey(BatchManifest.FileName))
        {
            var manifest = BatchManifest.ReadComplete(folder, hashes: true);
            Assert.Equal(manifest.Files.Select(f => f.Name).Append(BatchManifest.FileName).Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
            foreach (var name in Deterministic) Assert.Equal(reference[name], files[name]);
            return before.Count == 0 || !files.SequenceEqual(before) ? "complete set" : "nothing new (earlier set)";
        }
        Assert.Equal("KILL", signal);
        // Killed while moving in: every file under its final name is whole.
        foreach (var (name, hash) in files)
        {
            if (Deterministic.Contains(name)) Assert.Equal(reference[name], hash);
            else if (name.EndsWith(".xlsx", StringComparison.Ordinal)) using (ZipFile.OpenRead(Path.Combine(folder, name))) { }
            else Assert.Contains("## 未获资金支持原因", File.ReadAllText(Path.Combine(folder, name)), StringComparison.Ordinal);
        }
        return files.Count == 0 ? "nothing" : string.Create(CultureInfo.InvariantCulture, $"{files.Count} whole files, no manifest");
    }

    [Fact]
    public void SignalsAtRandomMoments_LeaveTheCompleteSetOrNothingNew()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var roster = Roster(1000);
        var reference = Path.Combine(_folder, "reference");
        var clock = Stopwatch.StartNew();
        using (var child = Start(roster, reference)) Assert.Equal(0, child.Wait().Exit);
        var duration = clock.ElapsedMilliseconds;
        var referenceHashes = Snapshot(reference);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        string[] signals = ["INT", "KILL", "TERM", "INT", "KILL"];
        string? lastKilled = null;
        for (var i = 0; i < signals.Length; i++)
        {
            var folder = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"run-{i}"));
            // Half the runs start over an earlier complete run, whose files must stay whole.
            if (i % 2 == 1)
            {
                Directory.CreateDirectory(folder);
                foreach (var file in Directory.GetFiles(reference)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
            var before = Snapshot(folder);
            var delay = random.Next(150, (int)Math.Max(300, duration * 1.1));
            using var child = Start(roster, folder);
            Thread.Sleep(delay);
            if (!child.Process.HasExited) Signal(child.Process, signals[i]);
            var (exit, error) = child.Wait();
            var outcome = Check(folder, referenceHashes, before, signals[i], exit, error);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: SIG{signals[i]} after {delay} ms of ~{duration} ms → exit {exit}, {outcome}"));
            if (signals[i] == "KILL") lastKilled = folder;
        }
        // After a kill the next run takes the folder (the lock died with the process) and clears the leftovers.
        using (var child = Start(roster, lastKilled!)) Assert.Equal(0, child.Wait().Exit);
        Assert.Empty(Directory.GetDirectories(lastKilled!, FolderBatchOutput.WorkingPrefix + "*"));
        BatchManifest.ReadComplete(lastKilled!, hashes: true);
    }

    [Fact]
    public void TwoRunsOnOneOut_TheSecondIsRefusedWhileTheFirstHoldsIt()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var roster = Roster(6000);
        var folder = Path.Combine(_folder, "shared");
        using var first = Start(roster, folder);
        // Wait until the first run holds the folder (its working folder appears after the lock).
        var clock = Stopwatch.StartNew();
        while (!first.Process.HasExited && clock.ElapsedMilliseconds < 30_000 &&
               !(Directory.Exists(folder) && Directory.GetDirectories(folder, FolderBatchOutput.WorkingPrefix + "*").Length > 0))
            Thread.Sleep(10);
        using var second = Start(roster, folder);
        var (secondExit, secondError) = second.Wait();
        var firstStillRunning = !first.Process.HasExited;
        var (firstExit, firstError) = first.Wait();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first exit {firstExit}, second exit {secondExit} (first still running when the second ended: {firstStillRunning}): {secondError.Trim()}"));
        Assert.True(firstExit == 0, firstError);
        if (firstStillRunning)
        {
            Assert.Equal(SrdiCommandLine.BadInput, secondExit);
            Assert.Contains("正被另一次 srdi batch 使用", secondError, StringComparison.Ordinal);
        }
        // The result is one run's whole set, and the run that exited 0 owns it.
        var manifest = BatchManifest.ReadComplete(folder, hashes: true);
        Assert.Equal(6000, manifest.Evaluated);
        Assert.Empty(Directory.GetDirectories(folder, FolderBatchOutput.WorkingPrefix + "*"));
    }
}
