using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Actors.Tests.Infrastructure;

/// <summary>
/// An app hosting the test actors as a DaprShop service would (<c>AddActors</c>, routing, the app API token check,
/// <c>MapActorsHandlers</c>), its sidecar's actor API played by a <see cref="SidecarRecorder"/>. Tests call the app
/// exactly as daprd does.
/// </summary>
public sealed class ActorApp : IAsyncDisposable
{
    public const string AppToken = "app-token-from-daprd";

    private ActorApp(LoopbackApp app, SidecarRecorder sidecar)
    {
        App = app;
        Sidecar = sidecar;
    }

    public LoopbackApp App { get; }

    public SidecarRecorder Sidecar { get; }

    public ActorJournal Journal => App.App.Services.GetRequiredService<ActorJournal>();

    public static async Task<ActorApp> StartAsync(Action<ActorRuntimeOptions>? configure = null)
    {
        var sidecar = await SidecarRecorder.StartAsync();
        var app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<ActorJournal>();
                builder.Services.AddActors(options =>
                {
                    options.Actors.RegisterActor<CounterActor>(CounterActor.TypeName);
                    options.Actors.RegisterActor<PlainActor>();
                    configure?.Invoke(options);
                });
            },
            app =>
            {
                app.UseRouting();
                app.UseDaprAppApiToken(token => token.Token = AppToken);
                app.MapActorsHandlers();
            },
            new Dictionary<string, string?> { ["DAPR_HTTP_ENDPOINT"] = sidecar.BaseAddress.ToString().TrimEnd('/') });
        app.Client.DefaultRequestHeaders.Add("dapr-api-token", AppToken);
        return new ActorApp(app, sidecar);
    }

    public Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, string? json = null, string? reentrancyId = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        if (reentrancyId is not null) request.Headers.Add("Dapr-Reentrancy-Id", reentrancyId);
        return App.Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Sidecar.DisposeAsync();
    }
}
