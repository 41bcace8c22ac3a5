using System.Net;
using System.Net.Http.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Identity.Tests.Infrastructure;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class InternalUsersApiTests(IdentityAppFixture identity, InternalUsersApiTests.Callers callers) : IClassFixture<InternalUsersApiTests.Callers>
{
    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task Notification_reads_a_users_email_and_name()
    {
        var (account, _) = await _client.NewCustomerAsync();

        var response = await callers.Notification.GetAsync(ContactPath(account.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new UserContact(account.Id, account.Email, "Ann Shopper"), await response.Content.ReadFromJsonAsync<UserContact>());
    }

    [Fact]
    public async Task Any_other_app_is_refused()
    {
        var (account, _) = await _client.NewCustomerAsync();

        await IdentityClient.AssertProblemAsync(await callers.Gateway.GetAsync(ContactPath(account.Id)), HttpStatusCode.Forbidden);
        await IdentityClient.AssertProblemAsync(await identity.Identity.GetAsync(ContactPath(account.Id)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        await IdentityClient.AssertProblemAsync(await callers.Notification.GetAsync(ContactPath(Guid.CreateVersion7())), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_erased_account_is_not_found()
    {
        var (account, tokens) = await _client.NewCustomerAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "me"), tokens.AccessToken)).StatusCode);

        await IdentityClient.AssertProblemAsync(await callers.Notification.GetAsync(ContactPath(account.Id)), HttpStatusCode.NotFound);
    }

    private static string ContactPath(Guid userId) => $"internal/users/{userId}/contact";

    /// <summary>
    /// Sidecars named notification and gateway, with no app of their own behind them, that invoke identity: the
    /// caller app id identity sees is theirs. They find identity's sidecar through the process-wide registry.
    /// </summary>
    public sealed class Callers : IAsyncLifetime
    {
        private const string DaprApiToken = "sidecar-token-for-contact-callers";

        private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-identity-callers-").FullName;
        private readonly SharedResources _shared = new();
        private readonly List<IAsyncDisposable> _running = [];

        public HttpClient Notification { get; private set; } = null!;

        public HttpClient Gateway { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var noResources = Directory.CreateDirectory(Path.Combine(_directory, "resources")).FullName;
            var nobody = await LoopbackApp.StartAsync(_ => { }, _ => { });
            _running.Add(nobody);
            Notification = await InvokeIdentityAsAsync(AppIds.Notification, nobody.BaseAddress.Port, noResources);
            Gateway = await InvokeIdentityAsAsync(AppIds.Gateway, nobody.BaseAddress.Port, noResources);
        }

        public async Task DisposeAsync()
        {
            Notification.Dispose();
            Gateway.Dispose();
            for (var i = _running.Count - 1; i >= 0; i--) await _running[i].DisposeAsync();
            await _shared.DisposeAsync();
            Directory.Delete(_directory, recursive: true);
        }

        private async Task<HttpClient> InvokeIdentityAsAsync(string appId, int appPort, string resourcesPath)
        {
            var daprPort = FreePort.Next();
            _running.Add(await TestSidecar.StartAsync(appId, appPort, daprPort, resourcesPath, _directory, DaprApiToken, "unused-app-token", _shared));
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{daprPort}/v1.0/invoke/{AppIds.Identity}/method/") };
            client.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
            return client;
        }
    }
}
