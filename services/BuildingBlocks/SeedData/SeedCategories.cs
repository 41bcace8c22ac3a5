namespace DaprShop.SeedData;

/// <summary>The seeded category tree: six departments with three or four leaf categories each.</summary>
internal static class SeedCategories
{
    public static IReadOnlyList<SeedCategory> All { get; } =
    [
        new("clothing", "Clothing", null),
        new("t-shirts", "T-shirts", "clothing"),
        new("hoodies", "Hoodies & sweatshirts", "clothing"),
        new("jackets", "Jackets", "clothing"),
        new("trousers", "Trousers", "clothing"),
        new("footwear", "Footwear", null),
        new("running-shoes", "Running shoes", "footwear"),
        new("hiking-boots", "Hiking boots", "footwear"),
        new("sneakers", "Sneakers", "footwear"),
        new("outdoor", "Outdoor", null),
        new("tents", "Tents", "outdoor"),
        new("backpacks", "Backpacks", "outdoor"),
        new("sleeping-bags", "Sleeping bags", "outdoor"),
        new("kitchen", "Home & kitchen", null),
        new("coffee", "Coffee", "kitchen"),
        new("cookware", "Cookware", "kitchen"),
        new("tableware", "Tableware", "kitchen"),
        new("electronics", "Electronics", null),
        new("headphones", "Headphones", "electronics"),
        new("speakers", "Speakers", "electronics"),
        new("chargers", "Chargers & cables", "electronics"),
        new("books", "Books", null),
        new("fiction", "Fiction", "books"),
        new("cookbooks", "Cookbooks", "books"),
        new("travel-guides", "Travel guides", "books"),
    ];
}
