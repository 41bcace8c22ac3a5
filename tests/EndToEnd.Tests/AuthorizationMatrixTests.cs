using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// Issue 4's authorization matrix: every public endpoint, through the gateway of the real run, called by an anonymous
/// caller, a customer, another customer and an admin. Admin endpoints need the admin role; signed-in endpoints a
/// token; the rest are open. Whatever the caller, no endpoint answers 5xx. Ownership (a customer sees only their own
/// account and cart) has its own test below.
/// </summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class AuthorizationMatrixTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    public enum Access
    {
        /// <summary>Anyone may call it; no caller gets 401 or 403.</summary>
        Public,
        /// <summary>The body carries the credential (a refresh token): no caller gets 403, whatever the body is worth.</summary>
        BodyCredential,
        /// <summary>Any signed-in account: anonymous gets 401.</summary>
        SignedIn,
        /// <summary>The admin role: anonymous 401, customers 403.</summary>
        Admin,
        /// <summary>Service-to-service only: the gateway does not forward it, whoever calls.</summary>
        Internal,
    }

    /// <summary>Ids the endpoints' paths and bodies need.</summary>
    public sealed record Subjects(Guid ProductId, string Sku, Guid TargetUserId, string CustomerEmail);

    public sealed record Endpoint(string Method, string Path, Access Access, Func<Subjects, object?>? Body = null)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static readonly string Sku = SeedCatalog.Products[0].Variants[0].Sku;

    /// <summary>Every endpoint of ARCHITECTURE §4a built so far. Bodies of admin writes are invalid or address nothing, so the matrix changes no data.</summary>
    public static IReadOnlyList<Endpoint> Endpoints { get; } =
    [
        // identity
        new("POST", "/api/identity/register", Access.Public, _ => new { email = "", password = "", name = "" }),
        new("POST", "/api/identity/verify-email", Access.Public, _ => new { token = "not-a-real-token" }),
        new("POST", "/api/identity/verify-email/resend", Access.Public, _ => new { email = "nobody@example.com" }),
        new("POST", "/api/identity/login", Access.Public, s => new { email = s.CustomerEmail, password = ShopSetup.CustomerPassword }),
        new("POST", "/api/identity/refresh", Access.BodyCredential, _ => new { refreshToken = "not-a-real-token" }),
        new("POST", "/api/identity/logout", Access.BodyCredential, _ => new { refreshToken = "not-a-real-token" }),
        new("POST", "/api/identity/password/forgot", Access.Public, _ => new { email = "nobody@example.com" }),
        new("POST", "/api/identity/password/reset", Access.Public, _ => new { token = "not-a-real-token", newPassword = "Another-password-42" }),
        new("GET", "/api/identity/.well-known/jwks.json", Access.Public),
        new("GET", "/api/identity/me", Access.SignedIn),
        new("PUT", "/api/identity/me", Access.SignedIn, _ => new { name = "Renamed Shopper" }),
        new("POST", "/api/identity/me/password", Access.SignedIn, _ => new { currentPassword = "", newPassword = "short" }),
        new("GET", "/api/identity/users", Access.Admin),
        new("PUT", "/api/identity/users/{user}/roles", Access.Admin, _ => new { roles = new[] { "customer" } }),
        new("POST", "/api/identity/users/{user}/disable", Access.Admin),
        new("POST", "/api/identity/users/{user}/enable", Access.Admin),
        // catalog
        new("GET", "/api/catalog/products?q=tee", Access.Public),
        new("GET", "/api/catalog/products/{product}", Access.Public),
        new("GET", "/api/catalog/categories", Access.Public),
        new("GET", "/api/catalog/variants/{sku}", Access.Public),
        new("POST", "/api/catalog/products", Access.Admin, _ => new { }),
        new("PUT", "/api/catalog/products/{product}", Access.Admin, _ => new { }),
        new("DELETE", "/api/catalog/products/{nothing}", Access.Admin),
        // inventory
        new("GET", "/api/inventory/items/{sku}", Access.Public),
        new("GET", "/api/inventory/items/{sku}/levels", Access.Admin),
        new("PUT", "/api/inventory/items/{sku}", Access.Admin, _ => new { onHand = -1 }),
        new("POST", "/api/inventory/items/{sku}/adjust", Access.Admin, _ => new { delta = 0, reason = "" }),
        // cart: guests use theirs, customers theirs
        new("GET", "/api/cart/cart", Access.Public),
        new("POST", "/api/cart/items", Access.Public, s => new { sku = s.Sku, quantity = 1 }),
        new("PUT", "/api/cart/items/{sku}", Access.Public, _ => new { quantity = 2 }),
        new("DELETE", "/api/cart/items/{sku}", Access.Public),
        new("DELETE", "/api/cart/cart", Access.Public),
        new("POST", "/api/cart/internal/carts/merge", Access.Internal, _ => new { guestCartId = "x", userId = Guid.Empty }),
        new("GET", "/api/cart/internal/carts/{user}", Access.Internal),
        // ordering: bodies are invalid (no Idempotency-Key, no payment method) or address no order, so nothing is bought
        new("POST", "/api/ordering/orders/checkout", Access.SignedIn, _ => new { }),
        new("GET", "/api/ordering/orders", Access.SignedIn),
        new("GET", "/api/ordering/orders/{nothing}", Access.SignedIn),
        new("POST", "/api/ordering/orders/{nothing}/cancel", Access.SignedIn),
        new("GET", "/api/ordering/orders/admin", Access.Admin),
        new("POST", "/api/ordering/orders/{nothing}/ship", Access.Admin, _ => new { trackingNumber = "" }),
        new("GET", "/api/identity/internal/users/{user}/contact", Access.Internal),
        // payment: the webhook is public and proves itself by its signature (none here: 400)
        new("POST", "/api/payments/webhooks/stripe", Access.Public, _ => new { }),
        new("GET", "/api/payment/internal/payments/{nothing}", Access.Internal),
    ];

    [Fact]
    public async Task Every_endpoint_lets_in_exactly_the_callers_it_should_and_never_fails_with_5xx()
    {
        var api = new ShopSetup(shop.Run, shop.Http);
        await api.WaitForSeededCatalogAsync(CancellationToken.None);
        var (customerEmail, customerPassword) = await api.RegisterVerifiedCustomerAsync(CancellationToken.None);
        var (otherEmail, otherPassword) = await api.RegisterVerifiedCustomerAsync(CancellationToken.None);
        var (targetEmail, targetPassword) = await api.RegisterVerifiedCustomerAsync(CancellationToken.None);
        var target = await api.LogInAsync(targetEmail, targetPassword, CancellationToken.None);
        var subjects = new Subjects(SeedCatalog.Products[0].Id, Sku, await UserIdAsync(api, target), otherEmail);
        (string Name, string? Token)[] callers =
        [
            ("anonymous", null),
            ("customer", await api.LogInAsync(customerEmail, customerPassword, CancellationToken.None)),
            ("another customer", await api.LogInAsync(otherEmail, otherPassword, CancellationToken.None)),
            ("admin", await api.LogInAsAdminAsync(CancellationToken.None)),
        ];

        var failures = new List<string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var (caller, token) in callers)
            {
                using var response = await api.SendAsync(new HttpMethod(endpoint.Method), PathFor(endpoint, subjects), token, endpoint.Body?.Invoke(subjects));
                var status = (int)response.StatusCode;
                var expected = Expected(endpoint.Access, caller);
                if (status >= 500 || !expected.Accepts(status))
                {
                    failures.Add($"{endpoint} as {caller}: {status} (expected {expected.Description}) {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_customer_reads_and_changes_only_their_own_account_and_cart()
    {
        var api = new ShopSetup(shop.Run, shop.Http);
        await api.WaitForSeededCatalogAsync(CancellationToken.None);
        var (emailA, passwordA) = await api.RegisterVerifiedCustomerAsync(CancellationToken.None);
        var (emailB, passwordB) = await api.RegisterVerifiedCustomerAsync(CancellationToken.None);
        var a = await api.LogInAsync(emailA, passwordA, CancellationToken.None);
        var b = await api.LogInAsync(emailB, passwordB, CancellationToken.None);
        var sku = await InStockSkuAsync(api);

        using (var added = await api.SendAsync(HttpMethod.Post, "/api/cart/items", a, new { sku, quantity = 1 }))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        using (var cleared = await api.SendAsync(HttpMethod.Delete, "/api/cart/cart", b))
        {
            Assert.True(cleared.IsSuccessStatusCode, await cleared.Content.ReadAsStringAsync());
        }

        using var meB = await api.SendAsync(HttpMethod.Get, "/api/identity/me", b);
        Assert.Equal(emailB, (await meB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        using var cartB = await api.SendAsync(HttpMethod.Get, "/api/cart/cart", b);
        Assert.Empty((await cartB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").EnumerateArray());
        using var cartA = await api.SendAsync(HttpMethod.Get, "/api/cart/cart", a);
        Assert.Contains((await cartA.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").EnumerateArray(), line => line.GetProperty("sku").GetString() == sku);
        using var roles = await api.SendAsync(HttpMethod.Put, $"/api/identity/users/{await UserIdAsync(api, a)}/roles", b, new { roles = new[] { "customer", "admin" } });
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_needs_its_own_token_and_ends_its_sign_in()
    {
        var api = new ShopSetup(shop.Run, shop.Http);
        var (email, password) = await api.RegisterVerifiedCustomerAsync(CancellationToken.None);
        var token = await api.LogInAsync(email, password, CancellationToken.None);

        using var anonymous = await api.SendAsync(HttpMethod.Delete, "/api/identity/me");
        using var deleted = await api.SendAsync(HttpMethod.Delete, "/api/identity/me", token);
        using var login = await api.SendAsync(HttpMethod.Post, "/api/identity/login", body: new { email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    private sealed record Expectation(string Description, Func<int, bool> Accepts);

    private static Expectation Expected(Access access, string caller) => (access, caller) switch
    {
        (Access.Public, _) => new("neither 401 nor 403", status => status is not (401 or 403)),
        (Access.BodyCredential, _) => new("not 403", status => status != 403),
        (Access.Internal, _) => new("404 from the gateway", status => status == 404),
        (_, "anonymous") => new("401", status => status == 401),
        (Access.SignedIn, _) => new("neither 401 nor 403", status => status is not (401 or 403)),
        (Access.Admin, "admin") => new("neither 401 nor 403", status => status is not (401 or 403)),
        (Access.Admin, _) => new("403", status => status == 403),
        _ => throw new ArgumentOutOfRangeException(nameof(access)),
    };

    private static string PathFor(Endpoint endpoint, Subjects subjects) => endpoint.Path
        .Replace("{product}", subjects.ProductId.ToString())
        .Replace("{nothing}", Guid.CreateVersion7().ToString())
        .Replace("{sku}", subjects.Sku)
        .Replace("{user}", subjects.TargetUserId.ToString());

    private static async Task<Guid> UserIdAsync(ShopSetup api, string token)
    {
        using var me = await api.SendAsync(HttpMethod.Get, "/api/identity/me", token);
        return (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> InStockSkuAsync(ShopSetup api)
    {
        foreach (var variant in SeedCatalog.Products.SelectMany(product => product.Variants).Where(variant => variant.InitialOnHand > 5))
        {
            using var availability = await api.SendAsync(HttpMethod.Get, $"/api/inventory/items/{variant.Sku}");
            if ((await availability.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("available").GetInt32() > 0) return variant.Sku;
        }
        throw new InvalidOperationException("No seeded SKU is in stock.");
    }
}
