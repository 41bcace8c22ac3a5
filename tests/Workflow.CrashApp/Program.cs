using System.Net;
using DaprShop.Actors;
using DaprShop.Workflow;
using DaprShop.Workflow.CrashApp;

// A workflow host for the crash tests, run as its own process so a test can SIGKILL it. Configured like an app
// started by daprd: APP_ID, APP_PORT, DAPR_HTTP_PORT; plus EXECUTION_LOG (the file activities append to) and
// RECOVERY_INTERVAL (seconds) so crashed work is re-driven within a test's time budget, and optionally TURN_LOG (a
// directory where each workflow-actor turn is recorded). AddDaprWorkflow adds the
// actor runtime, which finds the sidecar through DAPR_HTTP_PORT.
var appPort = int.Parse(Required("APP_PORT"), System.Globalization.CultureInfo.InvariantCulture);
var log = new ExecutionLog(Required("EXECUTION_LOG"));
var recoveryInterval = TimeSpan.FromSeconds(double.Parse(Required("RECOVERY_INTERVAL"), System.Globalization.CultureInfo.InvariantCulture));

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, appPort));
builder.Services.AddDaprWorkflow(options =>
{
    options.AppId = Required("APP_ID");
    options.RecoveryInterval = recoveryInterval;
    CrashWorkflows.Register(options, log);
});
var app = builder.Build();
if (Environment.GetEnvironmentVariable("TURN_LOG") is { Length: > 0 } turnLogDirectory)
{
    var workflowActorType = DaprShop.Workflow.Durability.WorkflowActorTypeNames.For(Required("APP_ID"), null).Workflow;
    app.Use(new TurnLog(turnLogDirectory, workflowActorType).RecordAsync);
}
app.MapActorsHandlers();
app.Run();

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");
