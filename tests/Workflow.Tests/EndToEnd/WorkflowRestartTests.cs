namespace DaprShop.Workflow.Tests.EndToEnd;

/// <summary>Durability across an app restart: state and reminders live in the sidecar, not in the app.</summary>
public sealed class WorkflowRestartTests(WorkflowEndToEndFixture fixture) : IClassFixture<WorkflowEndToEndFixture>
{
    [Fact]
    public async Task A_timer_set_before_the_app_restarts_fires_on_the_new_app()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await fixture.Client.ScheduleNewWorkflowAsync("Nap", "restart-" + Guid.NewGuid().ToString("N"), 3);
        // Running means the start turn committed, and with it the timer's reminder.
        await fixture.Client.WaitForWorkflowStartAsync(id, cancellationToken: deadline.Token);

        await fixture.RestartAppAsync();

        var state = await fixture.Client.WaitForWorkflowCompletionAsync(id, cancellationToken: deadline.Token);
        Assert.Equal("rested", state.ReadOutputAs<string>());
    }
}
