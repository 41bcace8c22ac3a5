using System.Net;
using System.Net.Http.Json;
using DaprShop.SeedData;

namespace DaprShop.Benchmarks;

/// <summary>The requests the shop benchmark sends, each a <see cref="Workload"/> over a fixed rotation of inputs.</summary>
public static class ShopWorkloads
{
    /// <summary>Text searches: whole words, prefixes, accents typed and not, several words, with filters and sorts.</summary>
    private static readonly string[] Searches =
    [
        "q=tee", "q=jacket&sort=price-asc", "q=waterproof", "q=zurich", "q=caf", "q=espresso&inStock=true", "q=trail%20runner",
        "q=organic%20cotton", "q=montr%C3%A9al", "q=ultralight&maxPrice=20000", "q=noise", "q=boo", "q=cast&minPrice=5000",
        "q=hoodie&sort=price-desc", "q=speaker&inStock=true&sort=price-asc", "q=guide",
    ];

    /// <summary>
    /// Half searches, half category pages (every seeded category, three pages deep, several sorts and filters), so the
    /// mix is what a storefront sends while shoppers browse.
    /// </summary>
    public static IReadOnlyList<string> CatalogQueries { get; } = BuildCatalogQueries();

    public static Workload Catalog(string name, Uri baseAddress, string productsPath, bool withAppToken) =>
        new(name, sequence =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"{productsPath}?{CatalogQueries[(int)(sequence % CatalogQueries.Count)]}"));
            if (withAppToken) request.Headers.Add("dapr-api-token", Testing.ShopRun.AppApiToken);
            return request;
        }, HttpStatusCode.OK);

    public static Workload Logins(Uri gateway, IReadOnlyList<(string Email, string Password)> accounts) =>
        new("login", sequence =>
        {
            var (email, password) = accounts[(int)(sequence % accounts.Count)];
            return new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/identity/login")) { Content = JsonContent.Create(new { email, password }) };
        }, HttpStatusCode.OK);

    private static List<string> BuildCatalogQueries()
    {
        string[] sorts = ["", "&sort=price-asc", "&sort=price-desc", "&sort=newest"];
        var pages = SeedCatalog.Categories
            .SelectMany((category, index) => Enumerable.Range(1, 3).Select(page =>
                $"category={category.Slug}&page={page}&pageSize=24{sorts[(index + page) % sorts.Length]}{(page == 2 ? "&inStock=true" : "")}"))
            .ToList();
        var queries = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            queries.Add(pages[i]);
            queries.Add(Searches[i % Searches.Length] + "&pageSize=24");
        }
        return queries;
    }
}
