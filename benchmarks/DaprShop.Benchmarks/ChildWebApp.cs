using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DaprShop.Benchmarks;

/// <summary>
/// The web app of a child process: bare Kestrel and routing on a free loopback port, with the children's logging;
/// once started it reports its port to the parent and serves until the parent leaves.
/// </summary>
public static class ChildWebApp
{
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ChildLogging.Configure(builder.Logging);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        return builder;
    }

    public static async Task<int> ServeUntilParentLeavesAsync(WebApplication app)
    {
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        await ChildProtocol.ServeUntilParentLeavesAsync(port, internalPort: null);
        await app.StopAsync();
        return 0;
    }
}
