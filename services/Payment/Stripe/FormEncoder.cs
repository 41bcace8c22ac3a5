using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace DaprShop.Payment.Stripe;

/// <summary>
/// Encodes an options object as <c>application/x-www-form-urlencoded</c> the way Stripe.net's <c>FormEncoder</c> does:
/// snake_case keys, nested objects and dictionaries as <c>parent[child]</c>, lists as <c>key[0]</c>, null members left
/// out, booleans <c>true</c>/<c>false</c>, keys and values percent-encoded except the brackets.
/// </summary>
public static class FormEncoder
{
    public static string Encode(object? options)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (options is not null) AddObject(pairs, options, prefix: null);
        return string.Join('&', pairs.Select(pair => $"{EscapeKey(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
    }

    private static void AddObject(List<KeyValuePair<string, string>> pairs, object value, string? prefix)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            var name = StripeJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
            AddValue(pairs, prefix is null ? name : $"{prefix}[{name}]", property.GetValue(value));
        }
    }

    private static void AddValue(List<KeyValuePair<string, string>> pairs, string key, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                pairs.Add(new(key, text));
                return;
            case bool flag:
                pairs.Add(new(key, flag ? "true" : "false"));
                return;
            case IFormattable number when value.GetType().IsPrimitive || value is decimal:
                pairs.Add(new(key, number.ToString(null, CultureInfo.InvariantCulture)));
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary) AddValue(pairs, $"{key}[{entry.Key}]", entry.Value);
                return;
            case IEnumerable list:
                var index = 0;
                var any = false;
                foreach (var item in list)
                {
                    AddValue(pairs, $"{key}[{index++}]", item);
                    any = true;
                }

                // An empty list is sent as the bare key with an empty value, which Stripe reads as "clear".
                if (!any) pairs.Add(new(key, ""));
                return;
            default:
                AddObject(pairs, value, key);
                return;
        }
    }

    private static string EscapeKey(string key)
    {
        var escaped = new StringBuilder(Uri.EscapeDataString(key));
        return escaped.Replace("%5B", "[").Replace("%5D", "]").ToString();
    }
}
