using System.Collections.Concurrent;
using System.Text;
using DaprShop.Sidecar.Components.PubSub;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Sidecar.Tests.Components.PubSub;

public sealed class InMemoryBrokerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly InMemoryBroker _broker = new(NullLogger.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Every_consumer_group_gets_every_message()
    {
        var first = new ConcurrentBag<string>();
        var second = new ConcurrentBag<string>();
        await using var a = _broker.Subscribe("orders", "billing", Record(first));
        await using var b = _broker.Subscribe("orders", "shipping", Record(second));

        for (var i = 0; i < 20; i++) _broker.Publish("orders", Message($"m{i}"));

        await Until(() => first.Count == 20 && second.Count == 20);
        Assert.Equal(first.Order(), second.Order());
    }

    [Fact]
    public async Task Consumers_of_one_group_share_the_messages_without_duplicates()
    {
        var seenByOne = new ConcurrentBag<string>();
        var seenByOther = new ConcurrentBag<string>();
        await using var one = _broker.Subscribe("orders", "billing", Record(seenByOne));
        await using var other = _broker.Subscribe("orders", "billing", Record(seenByOther));

        for (var i = 0; i < 40; i++) _broker.Publish("orders", Message($"m{i}"));

        await Until(() => seenByOne.Count + seenByOther.Count == 40);
        Assert.NotEmpty(seenByOne);
        Assert.NotEmpty(seenByOther);
        Assert.Equal(40, seenByOne.Concat(seenByOther).Distinct().Count());
    }

    [Fact]
    public async Task A_message_handed_back_for_retry_is_delivered_again()
    {
        var attempts = 0;
        var done = new TaskCompletionSource();
        await using var subscription = _broker.Subscribe("orders", "billing", (_, _) =>
        {
            if (Interlocked.Increment(ref attempts) < 3) return Task.FromResult(DeliveryResult.Retry);
            done.TrySetResult();
            return Task.FromResult(DeliveryResult.Done);
        });

        _broker.Publish("orders", Message("once"));

        await done.Task.WaitAsync(Deadline);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_throwing_handler_does_not_lose_the_message()
    {
        var attempts = 0;
        var done = new TaskCompletionSource();
        await using var subscription = _broker.Subscribe("orders", "billing", (_, _) =>
        {
            if (Interlocked.Increment(ref attempts) == 1) throw new InvalidOperationException("subscriber crashed");
            done.TrySetResult();
            return Task.FromResult(DeliveryResult.Done);
        });

        _broker.Publish("orders", Message("once"));

        await done.Task.WaitAsync(Deadline);
    }

    [Fact]
    public async Task Messages_wait_for_a_group_whose_consumer_restarts()
    {
        var received = new ConcurrentBag<string>();
        var first = _broker.Subscribe("orders", "billing", Record(received));
        await first.DisposeAsync();

        _broker.Publish("orders", Message("while-down"));
        await using var restarted = _broker.Subscribe("orders", "billing", Record(received));

        await Until(() => received.Contains("while-down"));
    }

    [Fact]
    public async Task A_slow_subscriber_does_not_hold_up_another_group()
    {
        var release = new TaskCompletionSource();
        var fast = new ConcurrentBag<string>();
        await using var slow = _broker.Subscribe("orders", "slow", async (_, _) =>
        {
            await release.Task;
            return DeliveryResult.Done;
        });
        await using var quick = _broker.Subscribe("orders", "fast", Record(fast));

        for (var i = 0; i < 5; i++) _broker.Publish("orders", Message($"m{i}"));

        await Until(() => fast.Count == 5);
        release.SetResult();
    }

    [Fact]
    public async Task Messages_published_before_any_subscription_are_not_delivered()
    {
        _broker.Publish("orders", Message("nobody-listening"));
        var received = new ConcurrentBag<string>();
        await using var subscription = _broker.Subscribe("orders", "billing", Record(received));
        _broker.Publish("orders", Message("after"));

        await Until(() => received.Contains("after"));
        Assert.DoesNotContain("nobody-listening", received);
    }

    private static BrokerHandler Record(ConcurrentBag<string> into) => (message, _) =>
    {
        into.Add(Encoding.UTF8.GetString(message.Data));
        return Task.FromResult(DeliveryResult.Done);
    };

    private static BrokerMessage Message(string text) =>
        new(Encoding.UTF8.GetBytes(text), "text/plain", new Dictionary<string, string>());

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(10);
        }
    }
}
