using System.Net;
using System.Net.Sockets;
using DaprShop.Gateway.Api;
using DaprShop.Gateway.Correlation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Gateway.Tests;

/// <summary>The gateway composed as its Program.cs does, on a free loopback port, talking to the given sidecar.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const string DaprApiToken = "gateway-to-sidecar-token";
    public const string AppApiToken = "sidecar-to-gateway-token";

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public Uri Address => Client.BaseAddress!;

    /// <summary>A client whose connections come from another loopback address, so the gateway sees another client IP.</summary>
    public HttpClient ClientFrom(IPAddress localAddress) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (connection, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(connection.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = Address };

    /// <param name="settings">Configuration on top of the defaults, e.g. <c>Gateway:RateLimits:Login:PermitLimit</c>.</param>
    /// <param name="clock">Replaces the system clock, e.g. to age the cached signing keys.</param>
    public static async Task<GatewayHost> StartAsync(
        Uri sidecarEndpoint, long maxRequestBodySize = 1024 * 1024, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["DAPR_HTTP_ENDPOINT"] = sidecarEndpoint.ToString(),
            ["DAPR_API_TOKEN"] = DaprApiToken,
            // Set so that the test proves the public routes do not demand it.
            ["APP_API_TOKEN"] = AppApiToken,
            ["LOG_LEVEL"] = "Error",
            ["ServiceDefaults:MaxRequestBodySize"] = maxRequestBodySize.ToString(),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddServiceDefaults();
        builder.Services.AddGateway();

        var app = builder.Build();
        app.UseCorrelationId();
        app.UseServiceDefaults();
        app.UseGatewayEdge();
        app.MapGatewayApi();
        await app.StartAsync();

        return new GatewayHost(app, new HttpClient { BaseAddress = ListeningAddress.Of(app) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
