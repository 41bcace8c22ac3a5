using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Durability;

/// <summary>The recovery reminder is registered once per execution rather than on every delivered event.</summary>
public sealed class RecoveryReminderTests
{
    private readonly InMemoryActorSystem _system = new();

    public RecoveryReminderTests()
    {
        _system.Workflows.RegisterActivity<int, int>("Increment", (_, value) => Task.FromResult(value + 1));
        _system.Workflows.RegisterWorkflow<int, int>("TwoSteps", async (context, value) =>
            await context.CallActivityAsync<int>("Increment", await context.CallActivityAsync<int>("Increment", value)));
    }

    [Fact]
    public async Task It_is_marked_registered_while_the_instance_runs_cleared_once_done_and_registered_again_on_reuse()
    {
        var client = _system.CreateClient();

        var instanceId = await client.ScheduleNewWorkflowAsync("TwoSteps", "reused", 1);
        Assert.True(_system.StateOf(instanceId).RecoveryRegistered);
        await _system.RunUntilIdleAsync();
        Assert.Equal(3, (await client.WaitForWorkflowCompletionAsync(instanceId)).ReadOutputAs<int>());
        Assert.False(_system.StateOf(instanceId).RecoveryRegistered);

        await client.ScheduleNewWorkflowAsync("TwoSteps", instanceId, 10);
        Assert.True(_system.StateOf(instanceId).RecoveryRegistered);
        await _system.RunUntilIdleAsync();
        Assert.Equal(12, (await client.WaitForWorkflowCompletionAsync(instanceId)).ReadOutputAs<int>());
    }
}
