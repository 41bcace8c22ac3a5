using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DaprShop.Testing;

namespace DaprShop.Benchmarks;

/// <summary>
/// What the shop benchmark prepares through the public API before it measures: the seeded catalogue, verified
/// customer accounts (their verification token read from the email the run wrote), the admin's token and stock.
/// </summary>
public sealed partial class ShopSetup(ShopRun shop, HttpClient http)
{
    private static readonly TimeSpan SetupDeadline = TimeSpan.FromMinutes(3);

    public Uri Gateway => shop.Gateway;

    public async Task<int> WaitForSeededCatalogAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SetupDeadline;
        while (true)
        {
            using var response = await http.GetAsync(new Uri(Gateway, "/api/catalog/products?pageSize=1"), cancellationToken);
            if (response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("total").GetInt32() is var total and >= 1_000)
            {
                return total;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The seeded catalogue did not become searchable in time.");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Registers an account, verifies it with the token from its email, and returns its credentials.</summary>
    public async Task<(string Email, string Password)> RegisterVerifiedCustomerAsync(int number, CancellationToken cancellationToken)
    {
        var email = $"bench-{number}-{Guid.NewGuid():N}@example.com";
        const string password = "Benchmark-password-42";
        using (var registered = await http.PostAsJsonAsync(new Uri(Gateway, "/api/identity/register"), new { email, password, name = $"Shopper {number}" }, cancellationToken))
        {
            await EnsureAsync(registered, "register", cancellationToken);
        }

        var token = await ReadVerificationTokenAsync(email, cancellationToken);
        using (var verified = await http.PostAsJsonAsync(new Uri(Gateway, "/api/identity/verify-email"), new { token }, cancellationToken))
        {
            await EnsureAsync(verified, "verify-email", cancellationToken);
        }
        return (email, password);
    }

    public async Task<string> LogInAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Gateway, "/api/identity/login"), new { email, password }, cancellationToken);
        await EnsureAsync(response, "login", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The first admin, whose credentials the run's secret store holds (dapr/secrets.json).</summary>
    public async Task<string> LogInAsAdminAsync(CancellationToken cancellationToken)
    {
        using var secrets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(shop.RepositoryRoot, "dapr", "secrets.json"), cancellationToken));
        return await LogInAsync(
            secrets.RootElement.GetProperty("admin-email").GetString()!, secrets.RootElement.GetProperty("admin-password").GetString()!, cancellationToken);
    }

    public async Task SetStockAsync(string adminToken, string sku, int onHand, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Gateway, $"/api/inventory/items/{sku}")) { Content = JsonContent.Create(new { onHand }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, $"set stock of {sku}", cancellationToken);
    }

    private async Task<string> ReadVerificationTokenAsync(string email, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(shop.DataDirectory, "email");
        var deadline = DateTime.UtcNow + SetupDeadline;
        while (true)
        {
            foreach (var file in Directory.Exists(directory) ? Directory.EnumerateFiles(directory) : [])
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                if (text.Contains(email, StringComparison.OrdinalIgnoreCase) && TokenLink().Match(text) is { Success: true } link) return Uri.UnescapeDataString(link.Groups[1].Value);
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No verification email for {email} in {directory}.");
            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        throw new HttpRequestException(
            $"Benchmark setup failed at {step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}", null,
            response.StatusCode is HttpStatusCode code ? code : null);
    }

    [GeneratedRegex(@"verify-email\?token=([A-Za-z0-9_\-%.~]+)")]
    private static partial Regex TokenLink();
}
