using DaprShop.Notification.Rendering;

namespace DaprShop.Notification.Tests.Rendering;

public sealed class SafeHtmlTests
{
    [Fact]
    public void Escapes_every_hole()
    {
        var name = "<script>alert('x')</script> & \"friends\"";

        var html = SafeHtml.Of($"<p title=\"{name}\">{name}</p>");

        Assert.Equal(
            "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;</p>",
            html.Markup);
    }

    [Fact]
    public void Keeps_nested_markup_as_it_is_and_escapes_it_only_once()
    {
        var inner = SafeHtml.Of($"<b>{"Tom & Jerry"}</b>");

        Assert.Equal("<div><b>Tom &amp; Jerry</b></div>", SafeHtml.Of($"<div>{inner}</div>").Markup);
    }

    [Fact]
    public void Formats_numbers_invariantly_and_nulls_as_nothing()
    {
        string? missing = null;

        Assert.Equal("<td>1234.5</td><td></td>", SafeHtml.Of($"<td>{1234.5m:0.0}</td><td>{missing}</td>").Markup);
    }

    [Fact]
    public void Concatenates_markup()
    {
        string[] names = ["a<b", "c"];

        Assert.Equal("<li>a&lt;b</li><li>c</li>", SafeHtml.Concat(names.Select(name => SafeHtml.Of($"<li>{name}</li>"))).Markup);
    }
}
