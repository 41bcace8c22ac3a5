using System.Net;
using DaprShop.Contracts;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class GuestCartMergeTests(IdentityAppFixture identity)
{
    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task A_login_with_a_guest_cart_id_asks_cart_to_merge_it_into_the_users_cart()
    {
        var (account, _) = await _client.NewCustomerAsync();
        var guestCartId = Guid.NewGuid().ToString("N");

        await _client.SignInAsync(account.Email, cartId: guestCartId);

        var (merge, caller) = Assert.Single(identity.Merges, received => received.Merge.GuestCartId == guestCartId);
        Assert.Equal(account.Id, merge.UserId);
        Assert.Equal(AppIds.Identity, caller);
    }

    [Fact]
    public async Task A_failed_merge_does_not_fail_the_login()
    {
        var (account, _) = await _client.NewCustomerAsync();

        var response = await _client.LoginAsync(account.Email, cartId: IdentityAppFixture.FailingGuestCartId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
