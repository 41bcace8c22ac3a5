using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace DaprShop.Sidecar.Resources;

/// <summary>Reads YAML into plain dictionaries, lists and strings (every scalar stays a string, as Dapr treats them).</summary>
public static class YamlDocuments
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>All documents of a multi-document (<c>---</c>) YAML text; empty documents are skipped.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> ReadAll(string yaml)
    {
        var documents = new List<IReadOnlyDictionary<string, object?>>();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = Deserializer.Deserialize<object?>(parser);
            if (AsMap(document) is { } map) documents.Add(map);
        }
        return documents;
    }

    public static IReadOnlyDictionary<string, object?>? AsMap(object? node) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(pair => Convert.ToString(pair.Key) ?? "", pair => pair.Value),
        _ => null,
    };

    public static IReadOnlyList<object?> AsList(object? node) => node is IList<object?> list ? list.ToList() : [];

    public static IReadOnlyDictionary<string, object?> Map(this IReadOnlyDictionary<string, object?> map, string key) =>
        AsMap(map.GetValueOrDefault(key)) ?? new Dictionary<string, object?>();

    public static IReadOnlyList<object?> List(this IReadOnlyDictionary<string, object?> map, string key) =>
        AsList(map.GetValueOrDefault(key));

    public static string? String(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) is string text ? text : null;

    public static IReadOnlyList<string> Strings(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.List(key).OfType<string>().ToList();

    public static IReadOnlyDictionary<string, string> StringMap(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.Map(key).Where(pair => pair.Value is string).ToDictionary(pair => pair.Key, pair => (string)pair.Value!);

    public static bool Bool(this IReadOnlyDictionary<string, object?> map, string key, bool fallback = false) =>
        map.String(key) is { } text && bool.TryParse(text, out var value) ? value : fallback;
}
