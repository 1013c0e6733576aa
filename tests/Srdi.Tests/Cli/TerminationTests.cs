using System.Runtime.InteropServices;
using Srdi.Application.Batch;
using Srdi.Application.Rosters;
using Srdi.Cli;
using Srdi.Cli.Commands;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Cli;

/// <summary>Ctrl-C and SIGTERM end the process only once the cancelled command has ended, whenever
/// the signal came: also before the command had returned its task, the moment at which
/// System.CommandLine's own handling ended a batch between creating its working folder and
/// deleting it. The signals are raised through <see cref="Termination.Signal"/>, not sent to the
/// test host.</summary>
public sealed class TerminationTests : IDisposable
{
    private static readonly DateOnly At = new(2025, 6, 1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-termination-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SignalBeforeTheCommandHasReturnedItsTask_EndsOnlyAfterItsCleanup()
    {
        using var termination = new Termination(Patience, listen: false);
        var cleaned = false;
        var exit = await termination.RunCommandAsync(async token =>
        {
            // Still on the caller's thread: the command has not returned its task yet.
            termination.Signal(PosixSignal.SIGINT);
            Assert.True(token.IsCancellationRequested);
            await Task.Yield();
            // Cleanup that takes a while, as deleting a working folder of a million rows does.
            await Task.Delay(200, CancellationToken.None);
            cleaned = true;
            return BatchCommand.Cancelled;
        }).WaitAsync(Patience);
        Assert.Equal(BatchCommand.Cancelled, exit);
        Assert.True(cleaned);
    }

    [Fact]
    public async Task SignalJustAfterTheWorkingFolderIsCreated_LeavesNothingInOut()
    {
        var roster = Path.Combine(_folder, "roster.csv");
        new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(300, 7, At, [])).Write(roster, new RosterLayout(RealCatalog.Navigator.Compiled));
        var folder = Path.Combine(_folder, "out");
        using var termination = new Termination(Patience, listen: false);
        var signalled = false;
        var output = new FolderBatchOutput(folder, path =>
        {
            // The first file of the working folder: the run holds --out and has a working folder,
            // and the command is still on the caller's thread.
            if (!signalled)
            {
                signalled = true;
                Assert.NotEmpty(Directory.GetDirectories(folder, FolderBatchOutput.WorkingPrefix + "*"));
                termination.Signal(PosixSignal.SIGINT);
            }
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        });
        var exit = await termination.RunCommandAsync(async token =>
        {
            // What srdi batch does with the token and the cancellation.
            using var source = RosterSource.Open(roster);
            try
            {
                await new BatchService(RealCatalog.Navigator).RunAsync(source, output, new BatchOptions(At, Lists: true, MachineOutputs: MachineOutputs.All), null, token);
                return SrdiCommandLine.Ok;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return BatchCommand.Cancelled;
            }
        }).WaitAsync(Patience);

        Assert.True(signalled);
        Assert.Equal(BatchCommand.Cancelled, exit);
        // No working folder, no lock file, no result: --out is as empty as before the run.
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task ACommandThatIgnoresTheSignal_IsLeftAfterTheGracePeriod_WithTheFirstSignalsCode()
    {
        using var termination = new Termination(TimeSpan.FromMilliseconds(100), listen: false);
        var never = new TaskCompletionSource<int>();
        var run = termination.RunCommandAsync(_ => never.Task);
        termination.Signal(PosixSignal.SIGTERM);
        // A second signal, of another kind, neither restarts the clock nor changes the code.
        termination.Signal(PosixSignal.SIGINT);
        Assert.Equal(Termination.Terminated, await run.WaitAsync(Patience));
        Assert.False(never.Task.IsCompleted);
    }

    [Fact]
    public async Task WithoutASignal_TheCommandsOwnCodeComes_AndTheTokenIsNeverCancelled()
    {
        using var termination = new Termination(TimeSpan.FromMilliseconds(1), listen: false);
        var cancelled = true;
        var exit = await termination.RunCommandAsync(async token =>
        {
            await Task.Delay(50, CancellationToken.None);
            cancelled = token.IsCancellationRequested;
            return 3;
        }).WaitAsync(Patience);
        Assert.Equal(3, exit);
        Assert.False(cancelled);
    }
}
