using System.Runtime.InteropServices;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM turned into a cancellation token. The default action (terminate the process at once)
/// is cancelled so the command can stop its sidecars and app processes in order and still exit with code 0, as
/// <c>dapr run</c> does.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    public CancellationToken Token => _requested.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _requested.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            _requested.Cancel();
        });
}
