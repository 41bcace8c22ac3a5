using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DaprShop.EndToEnd.Tests;

/// <summary>Identity over the gateway in the real multi-app run: the shopper's way in, from registration to their profile.</summary>
[Collection(MultiAppRunCollection.Name)]
public sealed partial class IdentityTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private const string Password = "e2e-shopper-passw0rd";

    [Fact]
    public async Task A_shopper_registers_verifies_with_the_token_from_the_emailed_link_logs_in_and_reads_their_profile()
    {
        var email = $"e2e-{Guid.NewGuid():N}@shop.test";

        var registered = await shop.Http.PostAsJsonAsync(Api("register"), new { email, password = Password, name = "End To End" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var unverified = await shop.Http.PostAsJsonAsync(Api("login"), new { email, password = Password });
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.Equal("application/problem+json", unverified.Content.Headers.ContentType?.MediaType);

        var emailText = await File.ReadAllTextAsync(Path.Combine(shop.DataDirectory, "email", $"verify-email-{userId}.txt"));
        var token = VerificationLink().Match(emailText).Groups["token"].Value;
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.NoContent, (await shop.Http.PostAsJsonAsync(Api("verify-email"), new { token })).StatusCode);

        var login = await shop.Http.PostAsJsonAsync(Api("login"), new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(900, tokens.GetProperty("expiresIn").GetInt32());

        using var me = new HttpRequestMessage(HttpMethod.Get, Api("me"));
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        var profile = await shop.Http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var account = await profile.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((userId, email, true), (account.GetProperty("id").GetGuid(), account.GetProperty("email").GetString(), account.GetProperty("emailVerified").GetBoolean()));
    }

    [Fact]
    public async Task The_jwks_is_public_and_the_first_admin_from_the_dev_secrets_can_list_users()
    {
        var jwks = await shop.Http.GetFromJsonAsync<JsonElement>(Api(".well-known/jwks.json"));
        Assert.Equal("RS256", jwks.GetProperty("keys")[0].GetProperty("alg").GetString());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage login;
        // The first admin is created in the background at identity's start-up.
        while ((login = await shop.Http.PostAsJsonAsync(Api("login"), new { email = "admin@daprshop.local", password = "Admin!Passw0rd-dev" })).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the first admin could not log in: {(int)login.StatusCode}\n{shop.Output}");
            await Task.Delay(200);
        }

        using var users = new HttpRequestMessage(HttpMethod.Get, Api("users?q=admin@daprshop.local"));
        users.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var list = await shop.Http.SendAsync(users);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(1, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }

    private Uri Api(string path) => new(shop.Gateway, $"/api/identity/{path}");

    [GeneratedRegex(@"/verify-email\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex VerificationLink();
}
