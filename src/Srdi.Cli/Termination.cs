using System.Runtime.InteropServices;

namespace Srdi.Cli;

/// <summary>Ctrl-C (SIGINT) or SIGTERM while an asynchronous command runs: the command is
/// cancelled, and the process ends when the command has ended, after its own cleanup (a cancelled
/// batch deletes its working folder and frees --out), whenever the signal came. Only a command
/// still running <see cref="Grace"/> after the signal is left behind, with the signal's exit code
/// (130, 143).</summary>
/// <remarks>Not System.CommandLine's handling (InvocationConfiguration.ProcessTerminationTimeout):
/// it waits only for an action that has already returned its task. An asynchronous action runs on
/// the caller's thread up to its first await that does not complete at once, and srdi batch loads
/// the catalog and creates its working folder there; a signal in that stretch made the invocation
/// return 130 at once, and the process ended in the middle of the batch, leaving the working
/// folder and the lock file in --out.</remarks>
internal sealed class Termination : IDisposable
{
    public const int Interrupted = 130;
    public const int Terminated = 143;

    /// <summary>How long a cancelled command may take to end before the process ends without it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource<int> _givenUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _grace;
    private readonly PosixSignalRegistration[] _registrations = [];
    private Timer? _clock;
    private bool _signalled, _disposed;

    /// <summary>A termination that listens to the process's SIGINT and SIGTERM when
    /// <paramref name="listen"/>; otherwise only <see cref="Signal"/> stops the command (tests).</summary>
    internal Termination(TimeSpan grace, bool listen)
    {
        _grace = grace;
        if (listen && !OperatingSystem.IsAndroid() && !OperatingSystem.IsIOS() && !OperatingSystem.IsTvOS() && !OperatingSystem.IsBrowser())
            _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Runs <paramref name="command"/> with a token that SIGINT and SIGTERM cancel, and
    /// returns its exit code once it has ended.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> command)
    {
        using var termination = new Termination(Grace, listen: true);
        return await termination.RunCommandAsync(command);
    }

    internal async Task<int> RunCommandAsync(Func<CancellationToken, Task<int>> command)
    {
        // The clock starts at the signal, not when the command returns its task: a signal before
        // that is waited for like any other.
        var running = command(_cancel.Token);
        return await await Task.WhenAny(running, _givenUp.Task);
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The process does not end here: it ends when the command, cancelled, has ended.
        context.Cancel = true;
        Signal(context.Signal);
    }

    /// <summary>What SIGINT or SIGTERM does; the first one counts, later ones only wait with it.</summary>
    internal void Signal(PosixSignal signal)
    {
        lock (_gate)
        {
            if (_signalled || _disposed) return;
            _signalled = true;
            var code = signal == PosixSignal.SIGTERM ? Terminated : Interrupted;
            _clock = new Timer(_ => _givenUp.TrySetResult(code), null, _grace, Timeout.InfiniteTimeSpan);
            // Under the lock, so that Dispose cannot free the token while it is being cancelled.
            _cancel.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _clock?.Dispose();
            _cancel.Dispose();
        }
    }
}
