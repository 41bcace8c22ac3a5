using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
namespace DaprShop.Testing;

/// <summary>
/// What end-to-end tests and the shop benchmark prepare through the public API (the gateway) of a
/// <see cref="ShopRun"/>: the seeded catalogue, verified customer accounts (their verification token read from the
/// email the run wrote), the admin's token, stock.
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

    public const string CustomerPassword = "Shopper-password-42";

    /// <summary>Registers an account, verifies it with the token from its email, and returns its credentials.</summary>
    public async Task<(string Email, string Password)> RegisterVerifiedCustomerAsync(CancellationToken cancellationToken)
    {
        var email = $"shopper-{Guid.NewGuid():N}@example.com";
        const string password = CustomerPassword;
        using (var registered = await http.PostAsJsonAsync(new Uri(Gateway, "/api/identity/register"), new { email, password, name = "Test Shopper" }, cancellationToken))
        {
            await EnsureAsync(registered, "register", cancellationToken);
        }

        var token = await ReadEmailedTokenAsync(email, "verify-email", cancellationToken);
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

    /// <summary>A request through the gateway as a shopper's client sends it: JSON body, bearer token, guest cart id.</summary>
    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? accessToken = null, object? body = null, string? cartId = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, new Uri(Gateway, path));
        if (body is not null) request.Content = JsonContent.Create(body);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (cartId is not null) request.Headers.Add("X-Cart-Id", cartId);
        return http.SendAsync(request, cancellationToken);
    }

    public async Task SetStockAsync(string adminToken, string sku, int onHand, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/api/inventory/items/{sku}", adminToken, new { onHand }, cancellationToken: cancellationToken);
        await EnsureAsync(response, $"set stock of {sku}", cancellationToken);
    }

    /// <summary>The token of the newest email to <paramref name="email"/> that links to <paramref name="page"/> (verify-email, reset-password).</summary>
    public async Task<string> ReadEmailedTokenAsync(string email, string page, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(shop.DataDirectory, "email");
        var deadline = DateTime.UtcNow + SetupDeadline;
        while (true)
        {
            IEnumerable<FileInfo> newestFirst = Directory.Exists(directory) ? new DirectoryInfo(directory).GetFiles().OrderByDescending(file => file.LastWriteTimeUtc) : [];
            foreach (var file in newestFirst)
            {
                var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
                if (text.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase)
                    && TokenLink().Match(text) is { Success: true } link && link.Groups["page"].Value == page)
                {
                    return Uri.UnescapeDataString(link.Groups["token"].Value);
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {page} email for {email} in {directory}.");
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

    [GeneratedRegex(@"/(?<page>[a-z\-]+)\?token=(?<token>[A-Za-z0-9_\-%.~]+)")]
    private static partial Regex TokenLink();
}
