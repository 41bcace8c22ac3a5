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
    private readonly FacetVocabulary _vocabulary = new();
    private volatile Snapshot _snapshot = new(new Dictionary<Guid, IndexedProduct>(), new FacetNames([], []));

    /// <summary>Completes once <see cref="Build"/> ran; until then the index is empty and must not answer.</summary>
    public Task WhenBuilt => _built.Task;

    public int ActiveProductCount => _snapshot.ActiveCount;

    /// <summary>
    /// Loads the catalogue, at start-up and again on every resync. Anything already held at the same or a newer
    /// version (an event handled while state was being read) is kept, so a load never moves a product backwards.
    /// </summary>
    public void Build(IEnumerable<Product> products, IEnumerable<KeyValuePair<string, StockLevel>> stock)
    {
        foreach (var (sku, level) in stock) ApplyStock(sku, level);
        lock (_writing)
        {
            var byId = new Dictionary<Guid, IndexedProduct>(_snapshot.ById);
            var changed = false;
            foreach (var product in products)
            {
                if (byId.TryGetValue(product.Id, out var held) && held.Product.Version >= product.Version) continue;
                byId[product.Id] = new IndexedProduct(product, categories, _vocabulary);
                changed = true;
            }

            // A resync that brings nothing new keeps the snapshot (and its sort orders) as it is.
            if (changed || !_built.Task.IsCompleted) Publish(byId);
        }

        _built.TrySetResult();
    }

    /// <summary>Adds or replaces a product (an archived one leaves search); false when the index already holds this version or a newer one.</summary>
    public bool Upsert(Product product)
    {
        lock (_writing)
        {
            if (_snapshot.ById.TryGetValue(product.Id, out var held) && held.Product.Version >= product.Version) return false;
            var byId = new Dictionary<Guid, IndexedProduct>(_snapshot.ById) { [product.Id] = new IndexedProduct(product, categories, _vocabulary) };
            Publish(byId);
            return true;
        }
    }

    /// <summary>Records a SKU's stock unless the index holds the same or a later version; true when it was news.</summary>
    public bool ApplyStock(string sku, StockLevel level)
    {
        while (true)
        {
            if (_stock.TryGetValue(sku, out var held))
            {
                if (!held.IsOlderThan(level)) return false;
                if (_stock.TryUpdate(sku, level, held)) return true;
            }
            else if (_stock.TryAdd(sku, level))
            {
                return true;
            }
        }
    }

    /// <summary>Units available to sell; 0 for a SKU inventory never reported.</summary>
    public int AvailableOf(string sku) => _stock.TryGetValue(sku, out var level) ? Math.Max(level.Available, 0) : 0;

    public SearchResult Search(SearchQuery query)
    {
        var snapshot = _snapshot;
        string[] words = query.Text is { } text ? [.. TextFolding.Tokens(text).Distinct(StringComparer.Ordinal)] : [];
        var sort = query.Sort ?? (words.Length > 0 ? ProductSort.Relevance : ProductSort.Name);
        var filter = new SearchFilter(query);
        var facets = new FacetCounter(filter, categories, snapshot.FacetNames);
        var hits = new List<Hit>(words.Length > 0 ? 64 : snapshot.ActiveCount);
        // Scanning in the order asked for leaves nothing to sort but relevance.
        foreach (var product in snapshot.InOrder(sort))
        {
            var score = 0;
            if (words.Length > 0 && (score = product.Score(words)) == 0) continue;
            var inStock = IsInStock(product);
            var failures = filter.Failures(product, inStock);
            if (failures == 0) hits.Add(new Hit(product, score, inStock));
            facets.Count(product, failures);
        }

        if (sort == ProductSort.Relevance) hits.Sort(ByRelevance);
        var skip = (int)Math.Min((long)(query.Page - 1) * query.PageSize, hits.Count);
        var page = hits.GetRange(skip, Math.Min(query.PageSize, hits.Count - skip)).Select(hit => Summarize(hit.Product, hit.InStock));
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

    private void Publish(Dictionary<Guid, IndexedProduct> byId) => _snapshot = new Snapshot(byId, _vocabulary.Names());

    private static ProductSummary Summarize(IndexedProduct indexed, bool inStock)
    {
        var product = indexed.Product;
        var content = product.Content;
        return new ProductSummary(product.Id, content.Name, content.Brand, content.CategorySlug, product.LowestPrice, content.ImageUrls.FirstOrDefault(), inStock);
    }

    /// <summary>Best score first, ties by name then id, like the other orders (List.Sort is not stable).</summary>
    private static int ByRelevance(Hit a, Hit b)
    {
        if (a.Score != b.Score) return b.Score.CompareTo(a.Score);
        var byName = string.CompareOrdinal(a.Product.FoldedName, b.Product.FoldedName);
        return byName != 0 ? byName : a.Product.Product.Id.CompareTo(b.Product.Product.Id);
    }

    private readonly record struct Hit(IndexedProduct Product, int Score, bool InStock);

    /// <summary>
    /// The products as of one write: <see cref="ById"/> holds every product, archived ones too (their versions still
    /// guard against stale events); the active ones are kept in each sort order, worked out once per write rather
    /// than per query. Ties go by name, then id, so pages never overlap or skip.
    /// </summary>
    private sealed class Snapshot
    {
        private readonly IndexedProduct[] _byName;
        private readonly IndexedProduct[] _byPriceAscending;
        private readonly IndexedProduct[] _byPriceDescending;
        private readonly IndexedProduct[] _newestFirst;

        public Snapshot(Dictionary<Guid, IndexedProduct> byId, FacetNames facetNames)
        {
            ById = byId;
            FacetNames = facetNames;
            _byName = [.. byId.Values.Where(product => !product.Product.IsArchived)
                .OrderBy(product => product.FoldedName, StringComparer.Ordinal).ThenBy(product => product.Product.Id)];
            _byPriceAscending = [.. _byName.OrderBy(product => product.LowestPrice)];
            _byPriceDescending = [.. _byName.OrderByDescending(product => product.LowestPrice)];
            _newestFirst = [.. _byName.OrderByDescending(product => product.Product.CreatedAt)];
        }

        public Dictionary<Guid, IndexedProduct> ById { get; }

        /// <summary>The facet vocabulary as of this snapshot: it names every id its products carry.</summary>
        public FacetNames FacetNames { get; }

        public int ActiveCount => _byName.Length;

        /// <summary>Active products in <paramref name="sort"/> order (relevance is sorted per query; it scans by name).</summary>
        public IndexedProduct[] InOrder(ProductSort sort) => sort switch
        {
            ProductSort.PriceAscending => _byPriceAscending,
            ProductSort.PriceDescending => _byPriceDescending,
            ProductSort.Newest => _newestFirst,
            _ => _byName,
        };
    }
}
