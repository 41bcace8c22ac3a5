using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
namespace DaprShop.Testing;

/// <summary>
/// What end-to-end tests and the shop benchmark prepare through the public API (the gateway) of a
/// <see cref="ShopRun"/>: the seeded catalogue, verified customer accounts (their verification token read from the
/// email the run wrote), the admin's token, stock, carts,
/// checkouts and waiting for orders to reach a status.
/// </summary>
public sealed partial class ShopSetup(ShopRun shop, HttpClient http)
{
    private static readonly TimeSpan SetupDeadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan OrderSweepInterval = TimeSpan.FromMilliseconds(250);

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

    /// <summary>A new verified customer, signed in: their access token.</summary>
    public async Task<string> SignedInCustomerAsync(CancellationToken cancellationToken)
    {
        var (email, password) = await RegisterVerifiedCustomerAsync(cancellationToken);
        return await LogInAsync(email, password, cancellationToken);
    }

    /// <summary>
    /// <paramref name="count"/> new signed-in customers, each with <paramref name="quantity"/> of <paramref name="sku"/> in the
    /// cart, prepared <paramref name="atOnce"/> at a time: each costs identity two password hashes (register, login), so
    /// more at once only queues on the cores. Their access tokens.
    /// </summary>
    public async Task<IReadOnlyList<string>> ShoppersWithCartAsync(int count, string sku, int quantity, int atOnce, CancellationToken cancellationToken)
    {
        var tokens = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = atOnce, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                tokens[index] = await SignedInCustomerAsync(token);
                await AddToCartAsync(tokens[index], sku, quantity, token);
            });
        return tokens;
    }

    /// <summary>The first admin, whose credentials the run's secret store holds (dapr/secrets.json).</summary>
    /// <summary>
    /// Identity creates the first admin in the background once its sidecar is fully up, so right after the run
    /// starts the account may not exist yet: a wrong-password answer is retried for a while.
    /// </summary>
    public async Task<string> LogInAsAdminAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await LogInAsync(shop.DevelopmentSecret("admin-email"), shop.DevelopmentSecret("admin-password"), cancellationToken);
            }
            catch (HttpRequestException error) when (error.StatusCode == HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
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

    public async Task AddToCartAsync(string accessToken, string sku, int quantity, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/cart/items", accessToken, new { sku, quantity }, cancellationToken: cancellationToken);
        await EnsureAsync(response, $"add {sku} to the cart", cancellationToken);
    }

    /// <summary>
    /// Reads the shopper's cart every <paramref name="pollInterval"/> until it is empty: the checkout workflow clears it
    /// only after it marks the order Paid.
    /// </summary>
    public async Task WaitForEmptyCartAsync(string accessToken, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, "/api/cart/cart", accessToken, cancellationToken: cancellationToken);
            var cart = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (response.IsSuccessStatusCode && cart.GetProperty("lines").GetArrayLength() == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The cart was not cleared in time: {cart}");
            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    /// <summary>The address every prepared shopper ships to.</summary>
    public static readonly object ShippingAddress = new { name = "Ana Shopper", line1 = "Main Street 1", city = "Berlin", postalCode = "10115", country = "DE" };

    /// <summary>Checks out the signed-in shopper's cart, paying with <paramref name="paymentMethodId"/> (a Stripe test payment method).</summary>
    public Task<HttpResponseMessage> SendCheckoutAsync(string accessToken, string paymentMethodId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway, "/api/ordering/orders/checkout"))
        {
            Content = JsonContent.Create(new { paymentMethodId, shippingAddress = ShippingAddress }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request, cancellationToken);
    }

    /// <summary>How the shop answered one checkout, after how long: the order id when it accepted it (202).</summary>
    public sealed record CheckoutAnswer(string AccessToken, HttpStatusCode Status, Guid? OrderId, TimeSpan AnsweredAfter);

    /// <summary>Every shopper checks out their cart at the same moment, each with a new Idempotency-Key.</summary>
    public async Task<IReadOnlyList<CheckoutAnswer>> CheckOutAtOnceAsync(IReadOnlyList<string> accessTokens, string paymentMethodId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        return await Task.WhenAll(accessTokens.Select(async accessToken =>
        {
            using var response = await SendCheckoutAsync(accessToken, paymentMethodId, Guid.NewGuid().ToString(), cancellationToken);
            var orderId = response.StatusCode == HttpStatusCode.Accepted
                ? (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("orderId").GetGuid()
                : (Guid?)null;
            return new CheckoutAnswer(accessToken, response.StatusCode, orderId, started.Elapsed);
        }));
    }

    /// <summary>When an order (as ordering answers it) last changed status: its timeline's last entry.</summary>
    public static DateTimeOffset LastStatusChangeOf(JsonElement order) =>
        order.GetProperty("timeline").EnumerateArray().Last().GetProperty("at").GetDateTimeOffset();

    /// <summary>The order as its owner reads it, or null when it could not be read (yet).</summary>
    public async Task<JsonElement?> FindOrderAsync(string accessToken, Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/ordering/orders/{orderId}", accessToken, cancellationToken: cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : null;
    }

    /// <summary>Reads the order every <paramref name="pollInterval"/> until its status is one of <paramref name="statuses"/>.</summary>
    public async Task<JsonElement> WaitForOrderAsync(
        string accessToken, Guid orderId, IReadOnlyCollection<string> statuses, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var order = await FindOrderAsync(accessToken, orderId, cancellationToken);
            if (order is { } read && statuses.Contains(read.GetProperty("status").GetString())) return read;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Order {orderId} did not reach {string.Join(" or ", statuses)} in time: {order}");
            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until every order's status is one of <paramref name="statuses"/>, reading the unfinished ones
    /// <paramref name="atOnce"/> at a time in sweeps, so hundreds of waiting orders do not flood the shop with reads.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForOrdersAsync(
        IReadOnlyList<(string AccessToken, Guid OrderId)> orders, IReadOnlyCollection<string> statuses, int atOnce, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var finished = new JsonElement?[orders.Count];
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var unfinished = Enumerable.Range(0, orders.Count).Where(index => finished[index] is null).ToList();
            if (unfinished.Count == 0) return [.. finished.Select(order => order!.Value)];
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{unfinished.Count} of {orders.Count} orders did not reach {string.Join(" or ", statuses)} in time.");
            await Parallel.ForEachAsync(unfinished, new ParallelOptions { MaxDegreeOfParallelism = atOnce, CancellationToken = cancellationToken }, async (index, token) =>
            {
                if (await FindOrderAsync(orders[index].AccessToken, orders[index].OrderId, token) is { } order && statuses.Contains(order.GetProperty("status").GetString()))
                    finished[index] = order;
            });
            if (finished.Contains(null)) await Task.Delay(OrderSweepInterval, cancellationToken);
        }
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
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {page} email for {email} in {directory}. The run's output:\n{shop.Output}");
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
