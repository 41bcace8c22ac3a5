using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Dapr;

namespace DaprShop.Identity.Sessions;

/// <summary>
/// Asks cart to merge the guest cart a login brought along (<see cref="CartHeaders.CartId"/>) into the user's cart.
/// A failed merge never fails the login: the shopper is signed in either way and the guest cart is still there.
/// </summary>
internal sealed class GuestCartMerge(DaprClient dapr, ILogger<GuestCartMerge> logger)
{
    public const string MergePath = "internal/carts/merge";

    // The login waits for the merge so the cart the shopper sees next is already merged, but not for long.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task MergeAsync(string guestCartId, Guid userId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await dapr.InvokeMethodAsync(HttpMethod.Post, AppIds.Cart, MergePath, new MergeGuestCart(guestCartId, userId), timeout.Token);
            logger.LogInformation("Merged a guest cart into the cart of user {UserId}", userId);
        }
        catch (Exception exception) when (exception is DaprException or HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(exception, "Could not merge a guest cart into the cart of user {UserId}; the login goes ahead", userId);
        }
    }
}
