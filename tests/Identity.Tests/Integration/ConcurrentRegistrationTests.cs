using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class ConcurrentRegistrationTests(IdentityAppFixture identity)
{
    private const int Registrations = 16;

    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task Of_many_simultaneous_registrations_of_one_address_exactly_one_is_created()
    {
        var email = IdentityClient.UniqueEmail("race");
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, Registrations).Select(async i =>
        {
            await start.WaitAsync();
            // Different spellings of one address, so the race is decided by the normalized index, not by equal bodies.
            var spelling = i % 2 == 0 ? email : email.ToUpperInvariant();
            return await _client.PostAsync("register", new { email = spelling, password = IdentityClient.Password, name = $"Racer {i}" });
        }).ToArray();
        start.Release(Registrations);
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.Equal(Registrations - 1, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        var listed = await ListUsersAsync(email);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Simultaneous_registrations_of_different_addresses_all_succeed_and_are_all_listed()
    {
        var marker = Guid.NewGuid().ToString("N");
        var responses = await Task.WhenAll(Enumerable.Range(0, Registrations).Select(i =>
            _client.PostAsync("register", new { email = $"many-{i}-{marker}@shop.test", password = IdentityClient.Password, name = "Many" })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var listed = await ListUsersAsync(marker);
        Assert.Equal(Registrations, listed.GetProperty("total").GetInt32());
    }

    private async Task<JsonElement> ListUsersAsync(string search)
    {
        var admin = await _client.SignInAsAdminAsync();
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"users?q={Uri.EscapeDataString(search)}&pageSize=100"), admin.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
