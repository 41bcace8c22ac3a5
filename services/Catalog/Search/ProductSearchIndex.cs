using System.Collections.Concurrent;
using DaprShop.Catalog.Domain;

namespace DaprShop.Catalog.Search;

/// <summary>
/// The catalogue in memory, in this replica, for browse and search. Built once from the state store at start-up
/// (<see cref="Build"/>), then kept current by this replica's own admin writes and by product and stock events.
/// Readers never lock: writers (rare) swap in a new immutable snapshot of the products; stock levels, which change
/// often, live in a concurrent map consulted per query.
/// </summary>
public sealed class ProductSearchIndex(CategoryTree categories)
{
    private readonly Lock _writing = new();
    private readonly TaskCompletionSource _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, StockLevel> _stock = new(StringComparer.Ordinal);
    private volatile Snapshot _snapshot = new(new Dictionary<Guid, IndexedProduct>(), []);

    /// <summary>Completes once <see cref="Build"/> ran; until then the index is empty and must not answer.</summary>
    public Task WhenBuilt => _built.Task;

    public int ActiveProductCount => _snapshot.Active.Length;

    /// <summary>
    /// Loads the catalogue. Anything already applied with a newer version (an event handled while start-up was
    /// reading state) is kept.
    /// </summary>
    public void Build(IEnumerable<Product> products, IEnumerable<KeyValuePair<string, StockLevel>> stock)
    {
        foreach (var (sku, level) in stock) ApplyStock(sku, level);
        lock (_writing)
        {
            var byId = new Dictionary<Guid, IndexedProduct>(_snapshot.ById);
            foreach (var product in products)
            {
                if (!byId.TryGetValue(product.Id, out var held) || held.Product.Version < product.Version) byId[product.Id] = new IndexedProduct(product, categories);
            }

            Publish(byId);
        }

        _built.TrySetResult();
    }

    /// <summary>Adds or replaces a product (an archived one leaves search); false when the index already holds this version or a newer one.</summary>
    public bool Upsert(Product product)
    {
        lock (_writing)
        {
            if (_snapshot.ById.TryGetValue(product.Id, out var held) && held.Product.Version >= product.Version) return false;
            var byId = new Dictionary<Guid, IndexedProduct>(_snapshot.ById) { [product.Id] = new IndexedProduct(product, categories) };
            Publish(byId);
            return true;
        }
    }

    /// <summary>Records a SKU's stock unless the index holds the same or a later version; true when it was news.</summary>
    public bool ApplyStock(string sku, StockLevel level)
    {
        while (true)
        {
            if (!_stock.TryGetValue(sku, out var held)) { if (_stock.TryAdd(sku, level)) return true; }
            else if (!held.IsOlderThan(level)) return false;
            else if (_stock.TryUpdate(sku, level, held)) return true;
        }
    }

    /// <summary>Units available to sell; 0 for a SKU inventory never reported.</summary>
    public int AvailableOf(string sku) => _stock.TryGetValue(sku, out var level) ? Math.Max(level.Available, 0) : 0;

    public SearchResult Search(SearchQuery query)
    {
        var snapshot = _snapshot;
        string[] words = query.Text is { } text ? [.. TextFolding.Tokens(text).Distinct(StringComparer.Ordinal)] : [];
        var filter = new SearchFilter(query);
        var facets = new FacetCounter(filter, categories);
        var hits = new List<Hit>();
        foreach (var product in snapshot.Active)
        {
            var score = 0;
            if (words.Length > 0 && (score = product.Score(words)) == 0) continue;
            var inStock = IsInStock(product);
            var failures = filter.Failures(product, inStock);
            if (failures == 0) hits.Add(new Hit(product, score, inStock));
            facets.Count(product, failures);
        }

        hits.Sort(ComparerFor(query.Sort ?? (words.Length > 0 ? ProductSort.Relevance : ProductSort.Name)));
        var page = hits
            .Skip((int)Math.Min((long)(query.Page - 1) * query.PageSize, int.MaxValue))
            .Take(query.PageSize)
            .Select(hit => Summarize(hit.Product, hit.InStock));
        return new SearchResult([.. page], hits.Count, facets.ToFacets());
    }

    private bool IsInStock(IndexedProduct product)
    {
        foreach (var sku in product.Skus)
        {
            if (AvailableOf(sku) > 0) return true;
        }

        return false;
    }

    private void Publish(Dictionary<Guid, IndexedProduct> byId) =>
        _snapshot = new Snapshot(byId, [.. byId.Values.Where(product => !product.Product.IsArchived)]);

    private static ProductSummary Summarize(IndexedProduct indexed, bool inStock)
    {
        var product = indexed.Product;
        var content = product.Content;
        return new ProductSummary(product.Id, content.Name, content.Brand, content.CategorySlug, product.LowestPrice, content.ImageUrls.FirstOrDefault(), inStock);
    }

    private static Comparison<Hit> ComparerFor(ProductSort sort) => sort switch
    {
        ProductSort.Relevance => (a, b) => Chain(b.Score.CompareTo(a.Score), a, b),
        ProductSort.PriceAscending => (a, b) => Chain(a.Product.LowestPrice.CompareTo(b.Product.LowestPrice), a, b),
        ProductSort.PriceDescending => (a, b) => Chain(b.Product.LowestPrice.CompareTo(a.Product.LowestPrice), a, b),
        ProductSort.Newest => (a, b) => Chain(b.Product.Product.CreatedAt.CompareTo(a.Product.Product.CreatedAt), a, b),
        ProductSort.Name => (a, b) => Chain(0, a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    /// <summary>Ties go by name, then id, so pages never overlap or skip.</summary>
    private static int Chain(int first, Hit a, Hit b)
    {
        if (first != 0) return first;
        var byName = string.CompareOrdinal(a.Product.FoldedName, b.Product.FoldedName);
        return byName != 0 ? byName : a.Product.Product.Id.CompareTo(b.Product.Product.Id);
    }

    private readonly record struct Hit(IndexedProduct Product, int Score, bool InStock);

    /// <param name="ById">Every product, archived ones too (their versions still guard against stale events).</param>
    /// <param name="Active">What search scans.</param>
    private sealed record Snapshot(Dictionary<Guid, IndexedProduct> ById, IndexedProduct[] Active);
}
