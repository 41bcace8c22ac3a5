using System.Security.Cryptography;
using System.Text;
using DaprShop.Contracts;

namespace DaprShop.SeedData;

/// <summary>Builds the seeded products from <see cref="ProductTemplates"/> with a fixed-seed generator.</summary>
internal static class CatalogGenerator
{
    /// <summary>Changing this (or the templates) changes every seeded product: existing installations keep their seed.</summary>
    private const ulong Seed = 20_261_121;

    private static readonly DateTimeOffset FirstCreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Price differences between book formats, in cents; other options share one price.</summary>
    private static readonly Dictionary<string, int> FormatPriceDelta = new(StringComparer.Ordinal) { ["Hardcover"] = 800, ["Ebook"] = -400 };

    public static IReadOnlyList<SeedProduct> Generate()
    {
        var random = new SeedRandom(Seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var products = new List<SeedProduct>();
        foreach (var template in ProductTemplates.All)
        {
            for (var number = 1; number <= template.ProductCount; number++)
            {
                products.Add(CreateProduct(template, number, random, names, FirstCreatedAt.AddHours(products.Count)));
            }
        }

        return products;
    }

    private static SeedProduct CreateProduct(ProductTemplate template, int number, SeedRandom random, HashSet<string> names, DateTimeOffset createdAt)
    {
        var brand = random.Pick(ProductTemplates.Brands);
        var adjective = random.Pick(template.Adjectives);
        var noun = random.Pick(template.Nouns);
        var material = random.Pick(template.Materials);
        var use = random.Pick(template.Uses);
        var productCode = $"{template.Code}-{number:000}";

        var name = $"{brand} {adjective} {noun}";
        if (!names.Add(name))
        {
            name = $"{name} No. {number}";
            names.Add(name);
        }

        var slug = $"{Slug(name)}-{productCode.ToLowerInvariant()}";
        var basePrice = random.Next(template.PriceRange.Min / 100, template.PriceRange.Max / 100) * 100 + 99;
        return new SeedProduct(
            Id: IdFromSlug(slug),
            Slug: slug,
            Name: name,
            Description: $"{adjective} {noun.ToLowerInvariant()} in {material}, made for {use}. Designed by {brand}.",
            CategorySlug: template.CategorySlug,
            Brand: brand,
            Tags: new[] { adjective.ToLowerInvariant(), material, use, template.CategorySlug }.Distinct().ToList(),
            Attributes: new Dictionary<string, string> { ["material"] = material },
            ImageUrls: [$"https://picsum.photos/seed/{slug}/640/640", $"https://picsum.photos/seed/{slug}-2/640/640"],
            Variants: CreateVariants(template, productCode, basePrice, random),
            CreatedAt: createdAt);
    }

    private static List<SeedVariant> CreateVariants(ProductTemplate template, string productCode, int basePrice, SeedRandom random)
    {
        if (template.OptionName is null)
        {
            return [new SeedVariant(productCode, new Dictionary<string, string>(), Euros(basePrice), InitialOnHand(random))];
        }

        var count = random.Next(Math.Min(2, template.OptionValues.Count), Math.Min(5, template.OptionValues.Count) + 1);
        return random.PickDistinct(template.OptionValues, count)
            .Select(value => new SeedVariant(
                $"{productCode}-{OptionCode(value)}",
                new Dictionary<string, string> { [template.OptionName] = value },
                Euros(Math.Max(299, basePrice + FormatPriceDelta.GetValueOrDefault(value))),
                InitialOnHand(random)))
            .ToList();
    }

    /// <summary>Mostly well stocked, some nearly sold out, some sold out: enough of each for in-stock filters to matter.</summary>
    private static int InitialOnHand(SeedRandom random) => random.Next(0, 100) switch
    {
        < 8 => 0,
        < 20 => random.Next(1, 6),
        _ => random.Next(10, 201),
    };

    private static Money Euros(int cents) => new(cents, "EUR");

    /// <summary>Upper-case letters and digits of an option value, at most six: <c>Whole bean</c> → <c>WHOLEB</c>.</summary>
    private static string OptionCode(string value) =>
        new(value.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).Take(6).ToArray());

    /// <summary>Lower-case ASCII words joined by hyphens; the few accented letters the templates use are folded.</summary>
    private static string Slug(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            folded.Append(c switch
            {
                'ü' or 'ú' => 'u',
                'é' or 'è' or 'ê' => 'e',
                'ö' or 'ó' => 'o',
                'ã' or 'á' or 'å' => 'a',
                'í' => 'i',
                _ when char.IsAsciiLetterOrDigit(c) => c,
                _ => ' ',
            });
        }

        return string.Join('-', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A version-8 (custom) UUID from the SHA-256 of the slug, so a product keeps its id across seeds.</summary>
    private static Guid IdFromSlug(string slug)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"daprshop.seed/{slug}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
