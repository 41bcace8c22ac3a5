using DaprShop.Cart.Domain;

namespace DaprShop.Cart.Tests.Domain;

public sealed class CartIdsTests
{
    [Fact]
    public void New_guest_cart_ids_are_128_random_bits_in_base64url_and_well_formed()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => CartIds.NewGuestCartId()).ToArray();

        Assert.All(ids, id => Assert.True(CartIds.IsWellFormedGuestCartId(id), id));
        Assert.All(ids, id => Assert.Equal(16, System.Buffers.Text.Base64Url.DecodeFromChars(id).Length));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tooShort")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA+/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA\n")]
    [InlineData("../AAAAAAAAAAAAAAAAAAA")]
    public void Anything_else_is_not_a_guest_cart_id(string? candidate) =>
        Assert.False(CartIds.IsWellFormedGuestCartId(candidate));

    [Fact]
    public void Actor_ids_tell_guest_carts_from_user_carts()
    {
        var userId = Guid.CreateVersion7();

        Assert.Equal($"user-{userId}", CartIds.ForUser(userId));
        Assert.False(CartIds.IsGuest(CartIds.ForUser(userId)));
        Assert.True(CartIds.IsGuest(CartIds.ForGuest(CartIds.NewGuestCartId())));
    }
}
