using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace DaprShop.Benchmarks;

/// <summary>The requests of each run: a ~100-byte JSON order for invocation, one ~100-byte item per state call.</summary>
public static class BenchmarkWorkloads
{
    private static readonly byte[] Order =
        """{"orderId":"8f14e45f-ceea-467f-a0e6-1b2c3d4e5f60","customerId":"c-1042","items":[{"sku":"SKU-7","qty":2}]}"""u8.ToArray();

    private const string StateValue = """{"cartId":"c-1042","items":[{"sku":"SKU-7","qty":2},{"sku":"SKU-9","qty":1}],"total":42.5}""";

    public static int OrderBytes => Order.Length;

    public static Workload Invocation(string name, Uri method) =>
        new(name, _ => Post(method, Order), HttpStatusCode.OK);

    /// <summary>Saves key <c>sequence</c> — every key once, in order — so the measured gets all hit.</summary>
    public static Workload StateFill(Uri store) =>
        new("state fill", sequence => Post(store, SaveBody(Key(sequence))), HttpStatusCode.NoContent);

    public static Workload StateSave(Uri store, int keys) =>
        new("state save", _ => Post(store, SaveBody(RandomKey(keys))), HttpStatusCode.NoContent);

    public static Workload StateGet(Uri store, int keys) =>
        new("state get", _ => new HttpRequestMessage(HttpMethod.Get, new Uri(store + "/" + RandomKey(keys))), HttpStatusCode.OK);

    private static HttpRequestMessage Post(Uri target, byte[] body) => new(HttpMethod.Post, target)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };

    private static byte[] SaveBody(string key) => Encoding.UTF8.GetBytes($$"""[{"key":"{{key}}","value":{{StateValue}}}]""");

    private static string RandomKey(int keys) => Key(Random.Shared.Next(keys));

    private static string Key(long index) => $"order-{index:D5}";
}
