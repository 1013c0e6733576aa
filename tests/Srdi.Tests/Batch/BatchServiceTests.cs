using System.Globalization;
using System.Text.Json;
using Srdi.Application.Batch;
using Srdi.Application.Rosters;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Batch;

/// <summary>The batch service behind any front end: outputs agree, a cancelled or failed run stops
/// promptly and leaves nothing behind, and a roster reads the same from a stream as from a file.</summary>
public sealed class BatchServiceTests : IDisposable
{
    private static readonly DateOnly At = new(2025, 6, 1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-batch-service-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static BatchService Service => new(RealCatalog.Navigator);

    private string Generated(int count, string extension)
    {
        var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"gen-{count}{extension}"));
        if (!File.Exists(path)) new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(count, 7, At, [])).Write(path, new RosterLayout(RealCatalog.Navigator.Compiled));
        return path;
    }

    [Fact]
    public async Task MemoryOutput_HoldsTheSameEntitlementsAsTheFolderOutput()
    {
        var roster = Generated(1500, ".csv");
        var folder = Path.Combine(_folder, "out");
        using (var source = RosterSource.Open(roster))
            await Service.RunAsync(source, new FolderBatchOutput(folder), new BatchOptions(At, Lists: false, MachineOutputs: MachineOutputs.All), null, CancellationToken.None);
        var memory = new MemoryBatchOutput();
        using (var source = RosterSource.Open(roster))
            await Service.RunAsync(source, memory, new BatchOptions(At, Lists: false), null, CancellationToken.None);

        Assert.True(memory.Completed);
        var lines = File.ReadAllLines(Path.Combine(folder, FolderBatchOutput.EntitlementsJsonl));
        Assert.Equal(lines.Length, memory.Enterprises.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            var kept = memory.Enterprises[i];
            Assert.Equal(root.GetProperty("row").GetInt64(), kept.Row);
            Assert.Equal(root.GetProperty("id").GetString(), kept.Id);
            Assert.Equal(root.GetProperty("name").GetString(), kept.Name);
            var written = root.GetProperty("entitlements").EnumerateArray().ToList();
            Assert.Equal(written.Count, kept.Entitlements.Count);
            for (var m = 0; m < written.Count; m++)
            {
                var e = written[m];
                var k = kept.Entitlements[m];
                Assert.Equal(e.GetProperty("measure_id").GetString(), k.MeasureId);
                Assert.Equal(e.GetProperty("status").GetString(), k.Status);
                Assert.Equal(e.GetProperty("kind").GetString(), k.Kind);
                Assert.Equal(e.TryGetProperty("draft", out var d) && d.GetBoolean(), k.Draft);
                Assert.Equal(e.TryGetProperty("exact", out var x) ? x.GetDecimal() : 0, k.Exact);
                Assert.Equal(e.TryGetProperty("up_to", out var u) ? u.GetDecimal() : 0, k.UpTo);
                Assert.Equal(e.TryGetProperty("scheduled", out var s) ? s.GetDecimal() : 0, k.Scheduled);
                Assert.Equal(e.TryGetProperty("excluded_by", out var b) ? b.GetString() : null, k.ExcludedBy);
            }
            Assert.Equal(root.GetProperty("totals").GetProperty("in_force").GetProperty("exact").GetDecimal(), kept.InForce.Exact);
        }
    }

    [Fact]
    public async Task CancellingMidway_StopsPromptly_AbandonsTheOutput_AndLeavesNoResultFiles()
    {
        var roster = Generated(10_000, ".csv");
        var folder = Path.Combine(_folder, "cancelled");
        var output = new WatchedOutput(new FolderBatchOutput(folder));
        using var cancel = new CancellationTokenSource();
        var reports = new List<BatchProgress>();
        var progress = new Reported(p =>
        {
            reports.Add(p);
            if (p.Rows > 0) cancel.Cancel();
        });
        using var source = RosterSource.Open(roster);
        var run = Service.RunAsync(source, output, new BatchOptions(At, Lists: true, Workers: 2, ChunkSize: 64), progress, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));
        Assert.True(output.Abandoned);
        Assert.False(output.Completed);
        Assert.True(reports.Max(r => r.Rows) < 10_000, "the run went on to the end");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task CancellingMidway_KeepsTheFilesOfAnEarlierRun()
    {
        var roster = Generated(10_000, ".csv");
        var folder = Path.Combine(_folder, "earlier");
        using (var small = RosterSource.Open(Generated(100, ".csv")))
            await Service.RunAsync(small, new FolderBatchOutput(folder), new BatchOptions(At, Lists: false, MachineOutputs: MachineOutputs.All), null, CancellationToken.None);
        var before = File.ReadAllBytes(Path.Combine(folder, FolderBatchOutput.EntitlementsJsonl));

        using var cancel = new CancellationTokenSource();
        using var source = RosterSource.Open(roster);
        var run = Service.RunAsync(source, new FolderBatchOutput(folder), new BatchOptions(At, Lists: false, ChunkSize: 64, MachineOutputs: MachineOutputs.All),
            new Reported(p => { if (p.Rows > 0) cancel.Cancel(); }), cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, FolderBatchOutput.EntitlementsJsonl)));
        Assert.DoesNotContain(Directory.EnumerateDirectories(folder), _ => true);
    }

    [Fact]
    public async Task OutputThatFailsToWrite_FailsTheRunWithItsError_InsteadOfHanging()
    {
        // Small chunks and many rows: when the write fails, the reader and both workers are waiting on full channels.
        var roster = Generated(10_000, ".csv");
        var output = new WatchedOutput(new MemoryBatchOutput(), failOnWrite: 2);
        using var source = RosterSource.Open(roster);
        var run = Service.RunAsync(source, output, new BatchOptions(At, Workers: 2, ChunkSize: 16), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(Patience));
        Assert.Equal("磁盘已满", error.Message);
        Assert.True(output.Abandoned);
    }

    [Fact]
    public async Task OutputThatFailsToEncode_FailsTheRunWithItsError()
    {
        var roster = Generated(10_000, ".csv");
        var output = new WatchedOutput(new MemoryBatchOutput(), failOnEncode: true);
        using var source = RosterSource.Open(roster);
        var run = Service.RunAsync(source, output, new BatchOptions(At, Workers: 2, ChunkSize: 16), null, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(Patience));
        Assert.True(output.Abandoned);
    }

    [Theory]
    [InlineData(".csv", true)]
    [InlineData(".csv", false)]
    [InlineData(".jsonl", true)]
    [InlineData(".jsonl", false)]
    public async Task RosterFromAStream_ReadsTheSameAsFromTheFile(string extension, bool seekable)
    {
        var roster = Generated(700, extension);
        var fromFile = new MemoryBatchOutput();
        BatchReport fileReport;
        using (var source = RosterSource.Open(roster))
            fileReport = await Service.RunAsync(source, fromFile, new BatchOptions(At), null, CancellationToken.None);

        var fromStream = new MemoryBatchOutput();
        Stream upload = new MemoryStream(File.ReadAllBytes(roster));
        if (!seekable) upload = new ForwardOnly(upload);
        BatchReport streamReport;
        using (var source = RosterSource.Open(upload, "上传的名单" + extension))
            streamReport = await Service.RunAsync(source, fromStream, new BatchOptions(At), null, CancellationToken.None);

        Assert.Equal("上传的名单" + extension, streamReport.Roster);
        Assert.Equal(fileReport.Statistics.Evaluated, streamReport.Statistics.Evaluated);
        Assert.Equal(fileReport.Statistics.InForce, streamReport.Statistics.InForce);
        Assert.Equal(fromFile.Enterprises.Count, fromStream.Enterprises.Count);
        for (var i = 0; i < fromFile.Enterprises.Count; i++)
        {
            Assert.Equal(fromFile.Enterprises[i] with { Entitlements = [] }, fromStream.Enterprises[i] with { Entitlements = [] });
            Assert.Equal(fromFile.Enterprises[i].Entitlements, fromStream.Enterprises[i].Entitlements);
        }
    }

    [Fact]
    public void GbkRosterFromAForwardOnlyStream_IsDetected()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding("GB18030").GetBytes("企业标识,企业名称\nA1,南山甲\n");
        using var source = RosterSource.Open(new ForwardOnly(new MemoryStream(bytes)), "名单.csv");
        Assert.Contains(source.Notices, n => n.Contains("GBK", StringComparison.Ordinal));
        Assert.Equal(["企业标识", "企业名称"], source.Headers);
        var row = new RawRow();
        Assert.True(source.Read(row));
        Assert.Equal("南山甲", row.Cell(1).ToString());
    }

    /// <summary>Calls back on the reporting thread, unlike Progress&lt;T&gt;, so a test can cancel at a known point.</summary>
    private sealed class Reported(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }

    /// <summary>An upload that can only be read forward, as a request body is.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Passes everything to a real output, records how the run ended, and fails where told.</summary>
    private sealed class WatchedOutput(IBatchOutput inner, int failOnWrite = -1, bool failOnEncode = false) : IBatchOutput
    {
        private int _writes;

        public bool Abandoned { get; private set; }
        public bool Completed { get; private set; }

        public ValueTask OpenAsync(BatchPlan plan, CancellationToken cancellationToken) => inner.OpenAsync(plan, cancellationToken);

        public IBatchOutputChunk CreateChunk() => failOnEncode ? new Failing() : inner.CreateChunk();

        public ValueTask WriteAsync(IBatchOutputChunk chunk, IReadOnlyList<RowProblem> rejected, CancellationToken cancellationToken) =>
            ++_writes == failOnWrite ? throw new IOException("磁盘已满") : inner.WriteAsync(chunk, rejected, cancellationToken);

        public async ValueTask<IReadOnlyList<string>> CompleteAsync(BatchReport report, CancellationToken cancellationToken)
        {
            var files = await inner.CompleteAsync(report, cancellationToken);
            Completed = true;
            return files;
        }

        public ValueTask AbandonAsync()
        {
            Abandoned = true;
            return inner.AbandonAsync();
        }

        private sealed class Failing : IBatchOutputChunk
        {
            public void Add(in EvaluatedEnterprise enterprise) => throw new InvalidOperationException("编码失败");

            public void Clear() { }
        }
    }
}
