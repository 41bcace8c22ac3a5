using System.Collections.Concurrent;

namespace DaprShop.Dapr.Tests.Infrastructure;

/// <summary>Events the test app received from the sidecar, keyed by a marker the test chose, so a test awaits exactly its own event.</summary>
public sealed class EventInbox
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ReceivedEvent>> _events = new();

    public void Deliver(string marker, ReceivedEvent receivedEvent) => Slot(marker).TrySetResult(receivedEvent);

    public Task<ReceivedEvent> WaitForAsync(string marker) => Slot(marker).Task.WaitAsync(TimeSpan.FromSeconds(15));

    private TaskCompletionSource<ReceivedEvent> Slot(string marker) =>
        _events.GetOrAdd(marker, _ => new TaskCompletionSource<ReceivedEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <param name="Body">The request body after CloudEvent unwrapping.</param>
public sealed record ReceivedEvent(string Body, string? ContentType, CloudEventAttributes CloudEvent);
