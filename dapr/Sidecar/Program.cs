using DaprShop.Sidecar.Cli;
using DaprShop.Sidecar.Runtime;

InlineSocketCompletions.EnableForThisProcess();

using var shutdown = new ShutdownSignal();
return await SidecarCommandLine.RunAsync(args, Console.Out, Console.Error, shutdown.Token);
