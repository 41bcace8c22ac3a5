using System.Net;
using DaprShop.Cart.Domain;
using DaprShop.Cart.Tests.Infrastructure;
using DaprShop.Contracts;

namespace DaprShop.Cart.Tests.Api;

/// <summary>The public cart API through the real sidecars, as the gateway invokes it.</summary>
[Collection(CartClusterCollection.Name)]
public sealed class CartApiTests(CartCluster cluster)
{
    private HttpClient Public => cluster.Public;

    [Fact]
    public async Task A_guest_without_a_cart_id_gets_a_new_one_and_keeps_their_cart_with_it()
    {
        var shirt = cluster.Catalogue.Offer(price: 1999);

        var first = await Public.GetAsync("cart");
        var cartId = first.CartIdHeader();
        Assert.True(CartIds.IsWellFormedGuestCartId(cartId), cartId);
        Assert.Empty((await first.ReadCartAsync()).Lines);

        var added = await Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", cartId, body: new { sku = shirt.Sku, quantity = 2 }));
        Assert.Equal(cartId, added.CartIdHeader());
        var line = Assert.Single((await added.ReadCartAsync()).Lines);
        Assert.Equal((shirt.Sku, shirt.ProductName, "M", 2), (line.Sku, line.ProductName, line.Options["size"], line.Quantity));

        var again = await Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", cartId));
        var cart = await again.ReadCartAsync();
        Assert.Equal(2, cart.ItemCount);
        Assert.Equal([new Money(3998, "EUR")], cart.Subtotals);

        var stranger = await Public.GetAsync("cart");
        Assert.NotEqual(cartId, stranger.CartIdHeader());
        Assert.Empty((await stranger.ReadCartAsync()).Lines);
    }

    [Fact]
    public async Task A_guest_whose_first_call_adds_an_item_gets_the_cart_id_on_that_answer()
    {
        var shirt = cluster.Catalogue.Offer(price: 500);

        var added = await Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", body: new { sku = shirt.Sku, quantity = 1 }));

        Assert.Single((await added.ReadCartAsync()).Lines);
        var cart = await Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", added.CartIdHeader()));
        Assert.Single((await cart.ReadCartAsync()).Lines);
    }

    [Fact]
    public async Task Adding_an_item_prices_the_answer_with_the_variant_it_just_read_instead_of_asking_catalog_again()
    {
        var shirt = cluster.Catalogue.Offer(price: 700);
        var socks = cluster.Catalogue.Offer(price: 300);
        var first = await Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", body: new { sku = shirt.Sku, quantity = 1 }));

        var second = await Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", first.CartIdHeader(), body: new { sku = socks.Sku, quantity = 2 }));

        Assert.Equal([new Money(1300, "EUR")], (await second.ReadCartAsync()).Subtotals);
        Assert.Equal((2, 1), (cluster.Catalogue.VariantReads[shirt.Sku], cluster.Catalogue.VariantReads[socks.Sku]));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_cart_id_is_a_bad_request(string cartId)
    {
        var shirt = cluster.Catalogue.Offer(price: 500);

        var read = await Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", cartId));
        var write = await Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", cartId, body: new { sku = shirt.Sku, quantity = 1 }));

        Assert.Contains("X-Cart-Id", (await read.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        await write.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_signed_in_user_has_their_own_cart_that_another_user_and_guests_cannot_see()
    {
        var shirt = cluster.Catalogue.Offer(price: 1500);
        var alice = cluster.Tokens.Customer(Guid.CreateVersion7());
        var bob = cluster.Tokens.Customer(Guid.CreateVersion7());
        var guestCartId = (await Public.GetAsync("cart")).CartIdHeader();

        // A cart id sent along with a token is ignored: the token decides.
        var added = await Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", guestCartId, alice, new { sku = shirt.Sku, quantity = 3 }));
        Assert.Equal(3, (await added.ReadCartAsync()).ItemCount);
        Assert.Null(added.CartIdHeader());

        Assert.Equal(3, (await (await Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: alice))).ReadCartAsync()).ItemCount);
        Assert.Empty((await (await Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: bob))).ReadCartAsync()).Lines);
        Assert.Empty((await (await Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", guestCartId))).ReadCartAsync()).Lines);
    }

    [Fact]
    public async Task Every_forged_or_expired_token_is_refused_rather_than_treated_as_a_guest()
    {
        foreach (var (forgery, token) in cluster.Tokens.Forgeries(Guid.CreateVersion7()))
        {
            var response = await Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: token));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{forgery}: {(int)response.StatusCode}");
            await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Null(response.CartIdHeader());
        }
    }

    [Fact]
    public async Task Lines_are_added_up_set_removed_and_cleared()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var hat = cluster.Catalogue.Offer(price: 250);
        var user = cluster.Tokens.Customer(Guid.CreateVersion7());

        await Send(HttpMethod.Post, "items", user, new { sku = shirt.Sku, quantity = 1 });
        await Send(HttpMethod.Post, "items", user, new { sku = shirt.Sku, quantity = 2 });
        var withHat = await (await Send(HttpMethod.Post, "items", user, new { sku = hat.Sku, quantity = 4 })).ReadCartAsync();
        Assert.Equal([(shirt.Sku, 3), (hat.Sku, 4)], withHat.Lines.Select(line => (line.Sku, line.Quantity)));
        Assert.Equal([new Money(4000, "EUR")], withHat.Subtotals);

        var set = await (await Send(HttpMethod.Put, $"items/{shirt.Sku}", user, new { quantity = 5 })).ReadCartAsync();
        Assert.Equal(5, set.Lines.Single(line => line.Sku == shirt.Sku).Quantity);

        var setToZero = await (await Send(HttpMethod.Put, $"items/{hat.Sku}", user, new { quantity = 0 })).ReadCartAsync();
        Assert.Equal([shirt.Sku], setToZero.Lines.Select(line => line.Sku));

        await Send(HttpMethod.Post, "items", user, new { sku = hat.Sku, quantity = 1 });
        var removed = await (await Send(HttpMethod.Delete, $"items/{shirt.Sku}", user)).ReadCartAsync();
        Assert.Equal([hat.Sku], removed.Lines.Select(line => line.Sku));
        var removedAgain = await (await Send(HttpMethod.Delete, $"items/{shirt.Sku}", user)).ReadCartAsync();
        Assert.Equal([hat.Sku], removedAgain.Lines.Select(line => line.Sku));

        Assert.Empty((await (await Send(HttpMethod.Delete, "cart", user)).ReadCartAsync()).Lines);
        Assert.Empty((await (await Send(HttpMethod.Get, "cart", user)).ReadCartAsync()).Lines);
    }

    [Fact]
    public async Task A_catalogue_price_change_is_flagged_until_the_shopper_sets_the_line_again()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var user = cluster.Tokens.Customer(Guid.CreateVersion7());
        await Send(HttpMethod.Post, "items", user, new { sku = shirt.Sku, quantity = 2 });

        cluster.Catalogue.Variants[shirt.Sku] = shirt with { Price = new Money(1250, "EUR") };
        var repriced = Assert.Single((await (await Send(HttpMethod.Get, "cart", user)).ReadCartAsync()).Lines);

        Assert.True(repriced.PriceChanged);
        Assert.Equal((new Money(1000, "EUR"), new Money(1250, "EUR"), new Money(2500, "EUR")), (repriced.UnitPrice, repriced.CurrentPrice, repriced.LineTotal));

        var set = Assert.Single((await (await Send(HttpMethod.Put, $"items/{shirt.Sku}", user, new { quantity = 2 })).ReadCartAsync()).Lines);
        Assert.False(set.PriceChanged);
        Assert.Equal(new Money(1250, "EUR"), set.UnitPrice);
    }

    [Fact]
    public async Task Unknown_archived_out_of_stock_over_the_limit_and_foreign_currency_items_are_refused_with_problems()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000, stock: 12);
        var archived = cluster.Catalogue.Offer(price: 1000);
        cluster.Catalogue.Variants[archived.Sku] = archived with { Archived = true };
        var dollars = cluster.Catalogue.Offer(price: 1000, currency: "USD");
        var scarce = cluster.Catalogue.Offer(price: 1000, stock: 2);
        var user = cluster.Tokens.Customer(Guid.CreateVersion7());
        await Send(HttpMethod.Post, "items", user, new { sku = shirt.Sku, quantity = 8 });

        await (await Send(HttpMethod.Post, "items", user, new { sku = "NO-SUCH-SKU", quantity = 1 })).ReadProblemAsync(HttpStatusCode.NotFound);
        var gone = await (await Send(HttpMethod.Post, "items", user, new { sku = archived.Sku, quantity = 1 })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("archived", gone.GetProperty("reason").GetString());
        var foreign = await (await Send(HttpMethod.Post, "items", user, new { sku = dollars.Sku, quantity = 1 })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("currencyMismatch", foreign.GetProperty("reason").GetString());
        var tooMany = await (await Send(HttpMethod.Post, "items", user, new { sku = shirt.Sku, quantity = 3 })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("quantityLimit", tooMany.GetProperty("reason").GetString());
        var outOfStock = await (await Send(HttpMethod.Post, "items", user, new { sku = scarce.Sku, quantity = 3 })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, outOfStock.GetProperty("available").GetInt32());
        await (await Send(HttpMethod.Put, $"items/{scarce.Sku}", user, new { quantity = 1 })).ReadProblemAsync(HttpStatusCode.NotFound);

        var cart = await (await Send(HttpMethod.Get, "cart", user)).ReadCartAsync();
        Assert.Equal([(shirt.Sku, 8)], cart.Lines.Select(line => (line.Sku, line.Quantity)));
    }

    [Fact]
    public async Task Parallel_adds_to_one_cart_are_applied_one_at_a_time_up_to_the_line_limit()
    {
        var shirt = cluster.Catalogue.Offer(price: 100);
        var user = cluster.Tokens.Customer(Guid.CreateVersion7());

        var responses = await Task.WhenAll(Enumerable.Range(0, 2 * CartLimits.MaxQuantityPerLine)
            .Select(_ => Send(HttpMethod.Post, "items", user, new { sku = shirt.Sku, quantity = 1 })));

        Assert.Equal(CartLimits.MaxQuantityPerLine, responses.Count(response => response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(CartLimits.MaxQuantityPerLine, responses.Count(response => response.StatusCode == HttpStatusCode.UnprocessableEntity));
        var cart = await (await Send(HttpMethod.Get, "cart", user)).ReadCartAsync();
        Assert.Equal(CartLimits.MaxQuantityPerLine, Assert.Single(cart.Lines).Quantity);
    }

    public static TheoryData<string, string, string?> BadWrites => new()
    {
        { "POST", "items", """{"sku":"lower-case","quantity":1}""" },
        { "POST", "items", """{"sku":"SHIRT-M","quantity":0}""" },
        { "POST", "items", """{"sku":"SHIRT-M","quantity":11}""" },
        { "POST", "items", """{"sku":"SHIRT-M"}""" },
        { "POST", "items", """{"quantity":1}""" },
        { "POST", "items", """{"sku":"SHIRT-M","quantity":"two"}""" },
        { "POST", "items", """not json""" },
        { "POST", "items", null },
        { "POST", "items", "null" },
        { "POST", "items", """{"sku":null,"quantity":null}""" },
        { "PUT", "items/SHIRT-M", """{"quantity":-1}""" },
        { "PUT", "items/SHIRT-M", """{"quantity":11}""" },
        { "PUT", "items/SHIRT-M", """{}""" },
        { "PUT", "items/SHIRT-M", null },
        { "PUT", "items/SHIRT-M", "null" },
        { "PUT", "items/SHIRT-M", """{"quantity":1.5}""" },
        { "PUT", "items/shirt--m", """{"quantity":1}""" },
        { "DELETE", "items/shirt-m", null },
        { "DELETE", "items/AB", null },
    };

    [Theory]
    [MemberData(nameof(BadWrites))]
    public async Task Bad_input_to_a_write_endpoint_is_a_400_problem(string method, string path, string? json)
    {
        var request = CartCluster.Request(new HttpMethod(method), path, accessToken: cluster.Tokens.Customer(Guid.CreateVersion7()));
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await (await Public.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_validation_problem_names_the_fields_as_the_client_wrote_them()
    {
        var user = cluster.Tokens.Customer(Guid.CreateVersion7());

        var add = await (await Send(HttpMethod.Post, "items", user, new { sku = "bad sku", quantity = 99 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var set = await (await Send(HttpMethod.Put, "items/bad-sku", user, new { quantity = 99 })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["quantity", "sku"], add.GetProperty("errors").EnumerateObject().Select(field => field.Name).Order());
        Assert.Equal(["quantity", "sku"], set.GetProperty("errors").EnumerateObject().Select(field => field.Name).Order());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_cart_endpoint()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await Public.GetStringAsync("openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToArray();
        Assert.Superset(new HashSet<string> { "/cart", "/items", "/items/{sku}", "/internal/carts/merge" }, paths.ToHashSet());
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string accessToken, object? body = null) =>
        Public.SendAsync(CartCluster.Request(method, path, accessToken: accessToken, body: body));
}
