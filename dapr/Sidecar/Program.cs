using DaprShop.Sidecar.Cli;

using var shutdown = new ShutdownSignal();
return await SidecarCommandLine.RunAsync(args, Console.Out, Console.Error, shutdown.Token);
