using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DaprShop.Identity.Api;
using DaprShop.Identity.Sessions;

namespace DaprShop.Identity.Tests.Infrastructure;

/// <summary>Identity's public API as a shopper's client uses it, through the sidecar of <see cref="IdentityAppFixture"/>.</summary>
public sealed partial class IdentityClient(IdentityAppFixture identity)
{
    public const string Password = "correct-horse-42-battery";

    public static string UniqueEmail(string who = "shopper") => $"{who}-{Guid.NewGuid():N}@shop.test";

    public HttpClient Http => identity.Identity;

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? accessToken = null, string? cartId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return SendAsync(request, accessToken, cartId);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? accessToken = null, string? cartId = null)
    {
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (cartId is not null) request.Headers.Add("X-Cart-Id", cartId);
        return Http.SendAsync(request);
    }

    public async Task<AccountView> RegisterAsync(string email, string password = Password, string name = "Ann Shopper")
    {
        var response = await PostAsync("register", new { email, password, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AccountView>())!;
    }

    /// <summary>The token in the newest verification email the account was sent.</summary>
    public string VerificationTokenFor(Guid userId) => TokenIn(EmailFor("verify-email", userId), "verify-email");

    public string ResetTokenFor(Guid userId) => TokenIn(EmailFor("password-reset", userId), "reset-password");

    public string EmailFor(string kind, Guid userId) => File.ReadAllText(Path.Combine(identity.EmailDirectory, $"{kind}-{userId}.txt"));

    public bool HasEmail(string kind, Guid userId) => File.Exists(Path.Combine(identity.EmailDirectory, $"{kind}-{userId}.txt"));

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = Password, string? cartId = null) =>
        await PostAsync("login", new { email, password }, cartId: cartId);

    public async Task<TokenPair> SignInAsync(string email, string password = Password, string? cartId = null)
    {
        var response = await LoginAsync(email, password, cartId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenPair>())!;
    }

    /// <summary>A registered, verified, signed-in customer.</summary>
    public async Task<(AccountView Account, TokenPair Tokens)> NewCustomerAsync(string? email = null)
    {
        email ??= UniqueEmail();
        var account = await RegisterAsync(email);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("verify-email", new { token = VerificationTokenFor(account.Id) })).StatusCode);
        return (account, await SignInAsync(email));
    }

    /// <summary>The first admin, once the start-up seeding has created it.</summary>
    public async Task<TokenPair> SignInAsAdminAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await LoginAsync(IdentityAppFixture.AdminEmail, IdentityAppFixture.AdminPassword);
            if (response.StatusCode == HttpStatusCode.OK) return (await response.Content.ReadFromJsonAsync<TokenPair>())!;
            Assert.True(DateTime.UtcNow < deadline, $"the first admin could not sign in: {(int)response.StatusCode}");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string TokenIn(string emailText, string page)
    {
        var match = LinkToken().Match(emailText);
        Assert.True(match.Success, $"no link in: {emailText}");
        Assert.Equal(page, match.Groups["page"].Value);
        return match.Groups["token"].Value;
    }

    [GeneratedRegex(@"http://localhost:8080/(?<page>[a-z-]+)\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkToken();
}
