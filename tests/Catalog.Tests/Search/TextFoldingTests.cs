using DaprShop.Catalog.Search;

namespace DaprShop.Catalog.Tests.Search;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Café Zürich", "cafe zurich")]
    [InlineData("CRÈME BRÛLÉE", "creme brulee")]
    [InlineData("Łódź Ñandú Ørsted", "lodz nandu orsted")]
    [InlineData("Straße Æther Œuvre", "strasse aether oeuvre")]
    [InlineData("plain ascii 42", "plain ascii 42")]
    public void Folding_drops_case_and_diacritics(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Tokens_are_runs_of_letters_and_digits()
    {
        Assert.Equal(["t", "shirt", "100", "cotton", "cafe"], TextFolding.Tokens("T-shirt, 100% cotton (Café)!"));
    }

    [Fact]
    public void Sorted_tokens_are_distinct_and_in_ordinal_order()
    {
        Assert.Equal(["blue", "mug", "zurich"], TextFolding.SortedTokens(["Zürich mug", "blue MUG"]));
    }
}
