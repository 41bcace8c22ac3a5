namespace DaprShop.SeedData;

/// <summary>The word lists the seeded products are made of, per leaf category; 19 leaf categories × 60 products = 1,140.</summary>
internal static class ProductTemplates
{
    private const int PerCategory = 60;
    private static readonly string[] ClothingSizes = ["XS", "S", "M", "L", "XL", "XXL"];
    private static readonly string[] ShoeSizes = ["39", "40", "41", "42", "43", "44", "45", "46"];
    private static readonly string[] Colours = ["Black", "White", "Red", "Navy", "Olive", "Grey", "Sand", "Teal"];

    public static IReadOnlyList<string> Brands { get; } =
        ["Zürich Outdoor", "Café Noir", "Montréal Supply", "Björnholm", "São Trail", "Crème Atelier", "Nordvik", "Alpenglow",
         "Harbour & Pine", "Kestrel", "Lumen", "Élan Works", "Fjordline", "Tierra Alta", "Brisa", "Oakhaven"];

    public static IReadOnlyList<ProductTemplate> All { get; } =
    [
        new("t-shirts", "TS", ["T-shirt", "Crew tee", "V-neck tee", "Pocket tee", "Raglan tee"],
            ["Organic", "Everyday", "Heavyweight", "Slim", "Relaxed", "Vintage"], ["cotton", "linen blend", "merino", "bamboo"],
            ["everyday wear", "summer days", "layering"], "size", ClothingSizes, (1499, 4999), PerCategory),
        new("hoodies", "HD", ["Hoodie", "Zip hoodie", "Sweatshirt", "Fleece pullover"],
            ["Cosy", "Brushed", "Oversized", "Classic", "Midweight"], ["cotton", "fleece", "recycled polyester"],
            ["cool evenings", "the weekend", "travel"], "size", ClothingSizes, (3999, 8999), PerCategory),
        new("jackets", "JK", ["Rain jacket", "Down jacket", "Softshell", "Windbreaker", "Parka"],
            ["Waterproof", "Packable", "Insulated", "Breathable", "Storm"], ["Gore-Tex", "nylon", "down", "softshell"],
            ["mountain weather", "city commutes", "winter walks"], "size", ClothingSizes, (7999, 34999), PerCategory),
        new("trousers", "TR", ["Chinos", "Hiking trousers", "Joggers", "Cargo trousers", "Jeans"],
            ["Stretch", "Tapered", "Convertible", "Classic", "Durable"], ["cotton twill", "denim", "ripstop"],
            ["the trail", "the office", "everyday wear"], "size", ClothingSizes, (3999, 12999), PerCategory),
        new("running-shoes", "RS", ["Road runner", "Trail runner", "Racing flat", "Daily trainer"],
            ["Lightweight", "Cushioned", "Responsive", "Grippy", "Neutral"], ["mesh", "knit", "recycled mesh"],
            ["long runs", "race day", "muddy trails"], "size", ShoeSizes, (7999, 19999), PerCategory),
        new("hiking-boots", "HB", ["Hiking boot", "Mid boot", "Approach shoe", "Trekking boot"],
            ["Waterproof", "Rugged", "Lightweight", "All-season"], ["leather", "suede", "synthetic"],
            ["alpine hikes", "multi-day treks", "wet trails"], "size", ShoeSizes, (9999, 27999), PerCategory),
        new("sneakers", "SN", ["Sneaker", "Court shoe", "Canvas low-top", "Slip-on"],
            ["Retro", "Minimal", "Classic", "Chunky"], ["canvas", "leather", "suede"],
            ["city streets", "everyday wear"], "size", ShoeSizes, (5999, 15999), PerCategory),
        new("tents", "TN", ["2-person tent", "3-person tent", "Tunnel tent", "Ultralight shelter", "Family tent"],
            ["Freestanding", "Four-season", "Ultralight", "Quick-pitch"], ["ripstop nylon", "polyester", "silnylon"],
            ["backpacking", "family camping", "winter camping"], null, [], (12999, 59999), PerCategory),
        new("backpacks", "BP", ["Daypack", "Trekking pack", "Commuter backpack", "Rolltop pack"],
            ["Waterproof", "Ventilated", "Minimal", "Expedition"], ["Cordura", "recycled nylon", "canvas"],
            ["day hikes", "the commute", "long trips"], "colour", Colours, (4999, 24999), PerCategory),
        new("sleeping-bags", "SB", ["Sleeping bag", "Mummy bag", "Quilt", "Sleeping bag liner"],
            ["Three-season", "Ultralight", "Compact", "Warm"], ["down", "synthetic fill", "silk"],
            ["cold nights", "summer camping", "festivals"], null, [], (3999, 39999), PerCategory),
        new("coffee", "CF", ["Espresso roast", "Filter roast", "Single origin", "House blend", "Decaf"],
            ["Bright", "Chocolatey", "Fruity", "Smooth", "Bold"], ["arabica", "robusta blend"],
            ["espresso machines", "pour-over", "French press"], "grind", ["Whole bean", "Espresso", "Filter"], (899, 2499), PerCategory),
        new("cookware", "CW", ["Frying pan", "Saucepan", "Dutch oven", "Wok", "Stockpot"],
            ["Cast-iron", "Non-stick", "Tri-ply", "Enamelled"], ["cast iron", "stainless steel", "carbon steel"],
            ["searing", "slow cooking", "everyday cooking"], null, [], (2499, 24999), PerCategory),
        new("tableware", "TW", ["Dinner plate set", "Mug", "Bowl set", "Espresso cup", "Serving platter"],
            ["Handmade", "Stoneware", "Glazed", "Speckled"], ["stoneware", "porcelain", "earthenware"],
            ["dinner parties", "breakfast", "everyday use"], "colour", Colours, (1299, 8999), PerCategory),
        new("headphones", "HP", ["Over-ear headphones", "Earbuds", "On-ear headphones", "Sport earbuds"],
            ["Noise-cancelling", "Wireless", "Studio", "Compact"], ["aluminium", "plastic", "leather"],
            ["commuting", "the studio", "workouts"], "colour", Colours, (2999, 39999), PerCategory),
        new("speakers", "SP", ["Bluetooth speaker", "Bookshelf speaker", "Smart speaker", "Soundbar"],
            ["Portable", "Waterproof", "Hi-fi", "Compact"], ["fabric", "wood", "aluminium"],
            ["the beach", "the living room", "parties"], "colour", Colours, (3999, 59999), PerCategory),
        new("chargers", "CH", ["USB-C charger", "Power bank", "Charging cable", "Wireless charger", "Car charger"],
            ["Fast", "Compact", "Braided", "Multi-port"], ["aluminium", "braided nylon", "plastic"],
            ["travel", "the desk", "the car"], null, [], (999, 7999), PerCategory),
        new("fiction", "FI", ["Novel", "Short stories", "Thriller", "Mystery", "Saga"],
            ["Award-winning", "Gripping", "Quiet", "Sweeping"], ["paper"],
            ["long evenings", "the beach", "book clubs"], "format", ["Paperback", "Hardcover", "Ebook"], (899, 2999), PerCategory),
        new("cookbooks", "CB", ["Cookbook", "Baking book", "Vegetarian kitchen", "Street food guide"],
            ["Illustrated", "Seasonal", "Essential", "Modern"], ["paper"],
            ["home cooks", "weekend baking", "family dinners"], "format", ["Paperback", "Hardcover", "Ebook"], (1499, 4499), PerCategory),
        new("travel-guides", "TG", ["City guide", "Hiking guide", "Road trip atlas", "Pocket guide"],
            ["Updated", "Illustrated", "Essential", "Offbeat"], ["paper"],
            ["Lisbon", "Zürich", "Montréal", "Kyoto", "Reykjavík"], "format", ["Paperback", "Ebook"], (999, 3499), PerCategory),
    ];
}
