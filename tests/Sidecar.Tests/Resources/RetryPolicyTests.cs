using DaprShop.Sidecar.Resources;

namespace DaprShop.Sidecar.Tests.Resources;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Constant_policy_waits_the_same_duration_until_retries_run_out()
    {
        var policy = new RetryPolicy(false, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), MaxRetries: 2);

        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.DelayBeforeRetry(1));
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.DelayBeforeRetry(2));
        Assert.Null(policy.DelayBeforeRetry(3));
    }

    [Fact]
    public void Exponential_policy_grows_from_500ms_and_caps_at_max_interval()
    {
        var policy = new RetryPolicy(true, TimeSpan.Zero, TimeSpan.FromSeconds(1), MaxRetries: -1);

        Assert.Equal(TimeSpan.FromMilliseconds(500), policy.DelayBeforeRetry(1));
        Assert.Equal(TimeSpan.FromMilliseconds(750), policy.DelayBeforeRetry(2));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBeforeRetry(10));
        Assert.NotNull(policy.DelayBeforeRetry(1000));
    }

    [Fact]
    public void Zero_max_retries_means_no_retry() =>
        Assert.Null(new RetryPolicy(false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0).DelayBeforeRetry(1));
}
