using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Identity.Api;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class AdminTests(IdentityAppFixture identity)
{
    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task The_first_admin_comes_from_the_secret_store_verified_with_both_roles()
    {
        var admin = await _client.SignInAsAdminAsync();

        var me = await (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "me"), admin.AccessToken)).Content.ReadFromJsonAsync<AccountView>();

        Assert.Equal(IdentityAppFixture.AdminEmail, me!.Email);
        Assert.True(me.EmailVerified);
        Assert.Equal(["admin", "customer"], me.Roles);
    }

    [Fact]
    public async Task Admins_list_and_search_users_by_email_or_name_in_pages()
    {
        var admin = await _client.SignInAsAdminAsync();
        var marker = Guid.NewGuid().ToString("N")[..12];
        foreach (var i in Enumerable.Range(0, 3)) await _client.RegisterAsync($"page-{i}-{marker}@shop.test", name: "Paged Person");
        await _client.RegisterAsync(IdentityClient.UniqueEmail(), name: $"Named {marker.ToUpperInvariant()}");

        var firstPage = await ListAsync(admin.AccessToken, $"users?q={marker}&page=1&pageSize=2");
        Assert.Equal(4, firstPage.GetProperty("total").GetInt32());
        Assert.Equal(2, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal((1, 2), (firstPage.GetProperty("page").GetInt32(), firstPage.GetProperty("pageSize").GetInt32()));
        var secondPage = await ListAsync(admin.AccessToken, $"users?q={marker}&page=2&pageSize=2");
        Assert.Equal(2, secondPage.GetProperty("items").GetArrayLength());
        var everyone = await ListAsync(admin.AccessToken, "users");
        Assert.True(everyone.GetProperty("total").GetInt32() >= 5);
    }

    [Fact]
    public async Task Admins_grant_roles_which_the_next_refreshed_token_carries()
    {
        var admin = await _client.SignInAsAdminAsync();
        var (customer, tokens) = await _client.NewCustomerAsync();

        var response = await PutRolesAsync(admin.AccessToken, customer.Id, ["customer", "admin"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["customer", "admin"], (await response.Content.ReadFromJsonAsync<AccountView>())!.Roles);
        var refreshed = await (await _client.PostAsync("refresh", new { tokens.RefreshToken })).Content.ReadFromJsonAsync<Sessions.TokenPair>();
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "users"), refreshed!.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_or_refresh_until_enabled_again()
    {
        var admin = await _client.SignInAsAdminAsync();
        var (customer, tokens) = await _client.NewCustomerAsync();

        var disabled = await _client.PostAsync($"users/{customer.Id}/disable", new { }, admin.AccessToken);
        Assert.True((await disabled.Content.ReadFromJsonAsync<AccountView>())!.Disabled);

        var login = await IdentityClient.AssertProblemAsync(await _client.LoginAsync(customer.Email), HttpStatusCode.Forbidden);
        Assert.Contains("disabled", login.GetProperty("detail").GetString());
        await IdentityClient.AssertProblemAsync(await _client.PostAsync("refresh", new { tokens.RefreshToken }), HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"users/{customer.Id}/enable", new { }, admin.AccessToken)).StatusCode);
        await _client.SignInAsync(customer.Email);
    }

    [Fact]
    public async Task An_admin_can_neither_drop_their_own_admin_role_nor_disable_themselves()
    {
        var admin = await _client.SignInAsAdminAsync();
        var self = (await (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "me"), admin.AccessToken)).Content.ReadFromJsonAsync<AccountView>())!;

        await IdentityClient.AssertProblemAsync(await PutRolesAsync(admin.AccessToken, self.Id, ["customer"]), HttpStatusCode.Conflict);
        await IdentityClient.AssertProblemAsync(await _client.PostAsync($"users/{self.Id}/disable", new { }, admin.AccessToken), HttpStatusCode.Conflict);
        await _client.SignInAsAdminAsync();
    }

    [Fact]
    public async Task Unknown_users_are_404()
    {
        var admin = await _client.SignInAsAdminAsync();

        await IdentityClient.AssertProblemAsync(await PutRolesAsync(admin.AccessToken, Guid.NewGuid(), ["customer"]), HttpStatusCode.NotFound);
        await IdentityClient.AssertProblemAsync(await _client.PostAsync($"users/{Guid.NewGuid()}/disable", new { }, admin.AccessToken), HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", "users" },
        { "PUT", $"users/{Guid.NewGuid()}/roles" },
        { "POST", $"users/{Guid.NewGuid()}/disable" },
        { "POST", $"users/{Guid.NewGuid()}/enable" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Admin_endpoints_are_403_for_customers_and_401_for_anonymous_callers(string method, string path)
    {
        var (_, customer) = await _client.NewCustomerAsync();

        await IdentityClient.AssertProblemAsync(await _client.SendAsync(AdminRequest(method, path), customer.AccessToken), HttpStatusCode.Forbidden);
        await IdentityClient.AssertProblemAsync(await _client.SendAsync(AdminRequest(method, path)), HttpStatusCode.Unauthorized);
    }

    private static HttpRequestMessage AdminRequest(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { roles = new[] { "admin" } }) };

    private Task<HttpResponseMessage> PutRolesAsync(string accessToken, Guid userId, string[] roles) =>
        _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"users/{userId}/roles") { Content = JsonContent.Create(new { roles }) }, accessToken);

    private async Task<JsonElement> ListAsync(string accessToken, string path)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), accessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
