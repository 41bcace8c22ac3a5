namespace DaprShop.Workflow.CrashApp;

/// <summary>The workflows and activities the crash tests drive; every activity records its executions.</summary>
public static class CrashWorkflows
{
    public const string Checkout = "Checkout";
    public const string Nap = "Nap";
    public const string Approval = "Approval";
    public const string ApprovedEvent = "Approved";
    public const string Collect = "Collect";
    public const string ValueEvent = "Value";

    /// <param name="CrashInCharge">Charge kills its process on its first execution, after its side effect.</param>
    public sealed record CheckoutInput(string OrderId, bool CrashInCharge);

    public static void Register(WorkflowRuntimeOptions options, ExecutionLog log)
    {
        options.RegisterActivity<string, string>("Reserve", (context, orderId) => Record(log, context, $"reserved {orderId}"));
        options.RegisterActivity<CheckoutInput, string>("Charge", (context, input) =>
        {
            var attempt = log.Record(context.InstanceId, context.Name);
            if (input.CrashInCharge && attempt == 1)
            {
                // The side effect is recorded; the result must now never reach history from this execution.
                SelfKill.Now();
            }
            return Task.FromResult($"charged {input.OrderId}");
        });
        options.RegisterActivity<string, string>("Ship", (context, orderId) => Record(log, context, $"shipped {orderId}"));
        options.RegisterActivity<string, string>("Wake", (context, value) => Record(log, context, value));

        options.RegisterWorkflow<CheckoutInput, string>(Checkout, async (context, input) =>
        {
            var reserved = await context.CallActivityAsync<string>("Reserve", input.OrderId);
            var charged = await context.CallActivityAsync<string>("Charge", input);
            var shipped = await context.CallActivityAsync<string>("Ship", input.OrderId);
            return $"{reserved}, {charged}, {shipped}";
        });
        options.RegisterWorkflow<int, string>(Nap, async (context, seconds) =>
        {
            await context.CreateTimer(TimeSpan.FromSeconds(seconds));
            return await context.CallActivityAsync<string>("Wake", "rested");
        });
        options.RegisterWorkflow<object?, string>(Approval, async (context, _) =>
        {
            var approver = await context.WaitForExternalEventAsync<string>(ApprovedEvent);
            return await context.CallActivityAsync<string>("Wake", $"approved by {approver}");
        });
        // Returns every value in the order received, so a lost or twice-applied event shows in the output.
        options.RegisterWorkflow<int, int[]>(Collect, async (context, count) =>
        {
            var values = new int[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = await context.WaitForExternalEventAsync<int>(ValueEvent);
            }
            return values;
        });
    }

    private static Task<string> Record(ExecutionLog log, WorkflowActivityContext context, string result)
    {
        log.Record(context.InstanceId, context.Name);
        return Task.FromResult(result);
    }
}
