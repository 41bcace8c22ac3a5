using DaprShop.Actors;
using DaprShop.Cart.Domain;

namespace DaprShop.Cart.Actors;

/// <summary>
/// One cart (actor id from <see cref="CartIds"/>). Every change runs as one actor turn, so concurrent requests for a
/// cart never interleave. Catalogue and stock facts are looked up by the caller and passed in; the actor applies
/// <see cref="ShoppingCart"/>'s rules to them.
/// </summary>
public interface ICartActor : IActor
{
    Task<CartContents> GetAsync();

    Task<CartChange> AddItemAsync(CartItemChange change);

    Task<CartChange> SetItemQuantityAsync(CartItemChange change);

    Task<CartContents> RemoveItemAsync(string sku);

    Task<CartContents> ClearAsync();

    /// <summary>Empties the cart only if it is still at <paramref name="revision"/>, in one turn (checkout's clear).</summary>
    Task<CartContents> ClearIfUnchangedAsync(Guid revision);

    Task<CartMergeOutcome> MergeGuestCartAsync(GuestCartToMerge guestCart);

    /// <summary>Drops everything the cart stores, remembered merges included (account deletion).</summary>
    Task DeleteAsync();
}
