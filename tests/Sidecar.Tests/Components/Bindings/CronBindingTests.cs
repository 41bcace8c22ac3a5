using System.Text.RegularExpressions;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.Bindings;

namespace DaprShop.Sidecar.Tests.Components.Bindings;

public sealed class CronBindingTests
{
    private static CronBinding Create(string schedule) => CronBinding.Create(TestContexts.Create("/", ("schedule", schedule)));

    [Fact]
    public async Task Fires_events_with_empty_data_and_daprs_metadata_until_cancelled()
    {
        var binding = Create("@every 30ms");
        var events = new List<InputBindingEvent>();
        var threeEvents = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var reading = binding.ReadAsync((bindingEvent, _) =>
        {
            events.Add(bindingEvent);
            if (events.Count == 3) threeEvents.TrySetResult();
            return Task.CompletedTask;
        }, cancellation.Token);
        await threeEvents.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(events, bindingEvent =>
        {
            Assert.Empty(bindingEvent.Data);
            Assert.Equal(["timeZone", "readTimeUTC"], bindingEvent.Metadata.Keys);
            // Go's Time.String() of a UTC time.
            Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,7})? \+0000 UTC$"), bindingEvent.Metadata["readTimeUTC"]);
        });
        if (Environment.GetEnvironmentVariable("TZ") is null && File.Exists("/etc/localtime"))
            Assert.Equal("Local", events[0].Metadata["timeZone"]);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_the_schedule()
    {
        var binding = Create("@every 20ms");
        var calls = 0;
        var secondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var reading = binding.ReadAsync((_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 2) secondCall.TrySetResult();
            throw new InvalidOperationException("app returned 500");
        }, cancellation.Token);
        await secondCall.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await reading.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a schedule")]
    [InlineData("* * * * * * *")]
    public void Missing_or_invalid_schedule_fails_init(string schedule)
    {
        Assert.Throws<ComponentInitException>(() => Create(schedule));
    }
}
