using System.Net;
using System.Net.Http.Json;
using DaprShop.Contracts;
using DaprShop.Identity.Api;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class ProfileTests(IdentityAppFixture identity)
{
    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task A_user_changes_their_name()
    {
        var (_, tokens) = await _client.NewCustomerAsync();

        var updated = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "me") { Content = JsonContent.Create(new { name = " Ann Other " }) }, tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var me = await (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "me"), tokens.AccessToken)).Content.ReadFromJsonAsync<AccountView>();
        Assert.Equal("Ann Other", me!.Name);
    }

    [Fact]
    public async Task Deleting_the_account_erases_its_keys_publishes_account_deleted_and_frees_the_address()
    {
        var (account, tokens) = await _client.NewCustomerAsync();
        var familyKey = $"refresh-family:{Guid.ParseExact(tokens.RefreshToken.Split('.')[0], "N")}";
        Assert.NotNull(await identity.Dapr.GetStateAsync<object>(ComponentNames.StateStore, familyKey));

        var deleted = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "me"), tokens.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var key in new[] { $"user:{account.Id}", $"user-by-email:{account.Email}", familyKey })
        {
            Assert.Null(await identity.Dapr.GetStateAsync<object>(ComponentNames.StateStore, key));
        }

        var ids = await identity.Dapr.GetStateAsync<List<Guid>>(ComponentNames.StateStore, "user-ids");
        Assert.DoesNotContain(account.Id, ids!);
        await Eventually.HoldsAsync(() => identity.Events.Any(received =>
            received.Topic == Topics.AccountDeleted && received.Data.GetProperty("userId").GetGuid() == account.Id));
        await IdentityClient.AssertProblemAsync(await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "me"), tokens.AccessToken), HttpStatusCode.NotFound);
        await IdentityClient.AssertProblemAsync(await _client.LoginAsync(account.Email), HttpStatusCode.Unauthorized);
        await _client.RegisterAsync(account.Email);
    }
}
