using System.Collections.Concurrent;
using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Contracts.Identity;
using DaprShop.Dapr;
using DaprShop.Identity;
using DaprShop.Identity.Api;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Identity.Tests.Infrastructure;

/// <summary>
/// Identity's real web app in this process on a loopback port, behind the real local sidecar with API tokens on in
/// both directions and temporary components: <c>statestore</c> (state.sqlite, also the actor store of the outbox),
/// <c>pubsub</c> (in-memory), <c>secretstore</c> (a local file holding the RSA key of <see cref="Tokens"/> and the first
/// admin's credentials) and <c>email</c>
/// (bindings.localstorage into <see cref="EmailDirectory"/>). A stand-in for cart (app id <c>cart</c>, behind its own
/// sidecar) records guest-cart merges and the account events it receives.
/// </summary>
public sealed class IdentityAppFixture : IAsyncLifetime
{
    public const string AdminEmail = "first.admin@daprshop.test";
    public const string AdminPassword = "first-admin-passw0rd";
    /// <summary>A guest cart id the cart stand-in refuses with a 500, to show a failed merge does not fail the login.</summary>
    public const string FailingGuestCartId = "cart-that-fails";

    private const string DaprApiToken = "sidecar-token-for-identity-tests";
    private const string AppApiToken = "app-token-for-identity-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-identity-tests-").FullName;
    private readonly SharedResources _shared = new();
    private readonly List<IAsyncDisposable> _running = [];

    public string EmailDirectory => Path.Combine(_directory, "email");

    /// <summary>Its key is identity's signing key here, so its valid tokens are identity's and its forgeries forge identity's.</summary>
    public TestAccessTokens Tokens { get; } = new();

    public ConcurrentQueue<(MergeGuestCart Merge, string? CallerAppId)> Merges { get; } = new();

    public ConcurrentQueue<(string Topic, JsonElement Data)> Events { get; } = new();

    /// <summary>Calls identity through its sidecar's service invocation API, as the gateway does.</summary>
    public HttpClient Identity { get; private set; } = null!;

    public DaprClient Dapr { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Sidecars of this process find each other in memory; a private registry keeps other test runs on this
        // machine from resolving (or being resolved as) "identity" and "cart".
        Environment.SetEnvironmentVariable("DAPRSHOP_REGISTRY_DIR", Path.Combine(_directory, "registry"));
        var resourcesPath = Path.Combine(_directory, "resources");
        await WriteComponentsAsync(resourcesPath);

        var identityDaprPort = FreePort.Next();
        var identity = await StartIdentityAsync(identityDaprPort);
        _running.Add(identity);
        _running.Add(await TestSidecar.StartAsync(
            AppIds.Identity, identity.BaseAddress.Port, identityDaprPort, resourcesPath, _directory, DaprApiToken, AppApiToken, _shared));

        var cartDaprPort = FreePort.Next();
        var cart = await StartCartStandInAsync();
        _running.Add(cart);
        _running.Add(await TestSidecar.StartAsync(
            AppIds.Cart, cart.BaseAddress.Port, cartDaprPort, resourcesPath, _directory, DaprApiToken, AppApiToken, _shared));

        Identity = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{identityDaprPort}/v1.0/invoke/{AppIds.Identity}/method/") };
        Identity.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
        Dapr = new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{identityDaprPort}").UseDaprApiToken(DaprApiToken).Build();
    }

    public async Task DisposeAsync()
    {
        Identity.Dispose();
        Dapr.Dispose();
        // Sidecars before their apps, in reverse order of start.
        for (var i = _running.Count - 1; i >= 0; i--) await _running[i].DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<LoopbackApp> StartIdentityAsync(int daprHttpPort)
    {
        var builder = LoopbackApp.CreateBuilder(
            new Dictionary<string, string?>
            {
                ["APP_API_TOKEN"] = AppApiToken,
                ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
                ["DAPR_API_TOKEN"] = DaprApiToken,
                ["LOG_LEVEL"] = "Warning",
            },
            applicationName: typeof(IdentityServiceCollectionExtensions).Assembly.GetName().Name);
        builder.AddServiceDefaults();
        builder.Services.AddIdentityService();
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapActorsHandlers();
        app.MapIdentityEndpoints();
        return LoopbackApp.StartAsync(app);
    }

    private Task<LoopbackApp> StartCartStandInAsync() =>
        LoopbackApp.StartAsync(
            _ => { },
            app =>
            {
                app.UseRouting();
                app.UseDaprAppApiToken(token => token.Token = AppApiToken);
                app.UseCloudEvents();
                app.MapPost(InternalRoutes.Prefix + "/carts/merge", (MergeGuestCart merge, HttpRequest request) =>
                {
                    if (merge.GuestCartId == FailingGuestCartId) return Results.Problem(statusCode: StatusCodes.Status500InternalServerError);
                    Merges.Enqueue((merge, request.Headers["dapr-caller-app-id"].ToString()));
                    return Results.NoContent();
                });
                foreach (var topic in new[] { Topics.AccountRegistered, Topics.AccountDeleted })
                {
                    app.MapPost(SidecarOnlyRoutes.ForTopic(topic), (JsonElement data) =>
                    {
                        Events.Enqueue((topic, data.Clone()));
                        return TopicResults.Success();
                    }).WithTopic(ComponentNames.PubSub, topic);
                }

                app.MapSubscribeHandler();
            });

    private async Task WriteComponentsAsync(string resourcesPath)
    {
        Directory.CreateDirectory(resourcesPath);
        Directory.CreateDirectory(EmailDirectory);
        var secretsFile = Path.Combine(_directory, "secrets.json");
        await File.WriteAllTextAsync(secretsFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["jwt-signing-key"] = Tokens.SigningKey.Rsa.ExportPkcs8PrivateKeyPem(),
            ["admin-email"] = AdminEmail,
            ["admin-password"] = AdminPassword,
        }));

        // The embedded default's component types.
        await TestComponents.WriteActorStateStoreAsync(resourcesPath, Path.Combine(_directory, "state.db"), ComponentNames.StateStore);
        await TestComponents.WriteInMemoryPubSubAsync(resourcesPath, ComponentNames.PubSub);
        await TestComponents.WriteLocalFileSecretStoreAsync(resourcesPath, secretsFile, ComponentNames.SecretStore);
        await TestComponents.WriteLocalStorageBindingAsync(resourcesPath, EmailDirectory, ComponentNames.EmailBinding);
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityAppCollection : ICollectionFixture<IdentityAppFixture>
{
    /// <summary>One identity app and sidecar for every integration test class (in-process sidecars resolve app ids process-wide).</summary>
    public const string Name = "identity app";
}
