using DaprShop.Actors;
using DaprShop.Cart.Domain;
using Microsoft.Extensions.Options;

namespace DaprShop.Cart.Actors;

/// <summary>
/// Holds one cart under one state key. A stored cart has an idle reminder, repeating every idle timeout
/// (<see cref="CartOptions"/>, guest or user by the actor id): when it fires, a cart untouched for that long (by its
/// stored <see cref="CartState.UpdatedAt"/>) is removed, and a cart touched since is given the rest of its time. So a
/// change does not register the reminder again; the activation remembers that it registered it, which saves a
/// reminder write per change (every add to a cart after a checkout, say). A cart that becomes empty is removed at
/// once; its reminder is left to fire on nothing and is removed then, since unregistering it cost every checkout a
/// reminder write.
/// </summary>
public sealed class CartActor(ActorHost host, IOptions<CartOptions> options, TimeProvider clock) : Actor(host), ICartActor, IRemindable
{
    public const string TypeName = nameof(CartActor);
    public const string IdleReminderName = "idle-expiry";
    private const string StateName = "cart";

    private bool _idleReminderRegistered;

    public async Task<CartContents> GetAsync() => Contents(await LoadAsync());

    public Task<CartChange> AddItemAsync(CartItemChange change) =>
        ChangeAsync(cart => cart.Add(change.Variant, change.Quantity, change.Available));

    public Task<CartChange> SetItemQuantityAsync(CartItemChange change) =>
        ChangeAsync(cart => cart.SetQuantity(change.Variant, change.Quantity, change.Available));

    public Task<CartContents> RemoveItemAsync(string sku) => ApplyAsync(cart => cart.Remove(sku));

    public Task<CartContents> ClearAsync() => ApplyAsync(cart => cart.Clear());

    public Task<CartContents> ClearIfUnchangedAsync(Guid revision) => ApplyAsync(cart => cart.ClearIfUnchanged(revision));

    public async Task<CartMergeOutcome> MergeGuestCartAsync(GuestCartToMerge guestCart)
    {
        var cart = await LoadAsync();
        var outcome = cart.Merge(guestCart.GuestCartId, guestCart.Revision, guestCart.Lines);
        if (!outcome.AlreadyMerged) await SaveAsync(cart);
        return outcome;
    }

    /// <summary>The account is gone: nothing of it stays, not even the reminder naming its id.</summary>
    public async Task DeleteAsync()
    {
        await ForgetAsync();
        await UnregisterReminderAsync(IdleReminderName);
        _idleReminderRegistered = false;
    }

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        if (reminderName != IdleReminderName) return;
        var stored = await StateManager.TryGetStateAsync<CartState>(StateName);
        var idleFor = stored.HasValue ? clock.GetUtcNow() - stored.Value.UpdatedAt : TimeSpan.MaxValue;
        if (idleFor < IdleTimeout)
        {
            await RegisterIdleReminderAsync(dueTime: IdleTimeout - idleFor);
            return;
        }

        // Idle long enough, or an emptied cart's reminder firing on a cart that is gone already.
        await UnregisterReminderAsync(IdleReminderName);
        _idleReminderRegistered = false;
        if (await ForgetAsync()) Logger.LogInformation("Cart {CartId} was idle for {IdleTimeout}; removed it", Id, IdleTimeout);
    }

    private TimeSpan IdleTimeout => CartIds.IsGuest(Id.Id) ? options.Value.GuestIdleTimeout : options.Value.UserIdleTimeout;

    /// <summary>Applies <paramref name="change"/>; stores the cart only when it was accepted and changed something.</summary>
    private async Task<CartChange> ChangeAsync(Func<ShoppingCart, CartRejection?> change)
    {
        var cart = await LoadAsync();
        var revisionBefore = cart.Revision;
        var rejection = change(cart);
        if (rejection is null && cart.Revision != revisionBefore) await SaveAsync(cart);
        return new CartChange(Contents(cart), rejection);
    }

    /// <summary>Applies a change no rule refuses (removing, clearing) and answers the cart after it.</summary>
    private async Task<CartContents> ApplyAsync(Action<ShoppingCart> change) =>
        (await ChangeAsync(cart =>
        {
            change(cart);
            return null;
        })).Contents;

    private async Task<ShoppingCart> LoadAsync()
    {
        var stored = await StateManager.TryGetStateAsync<CartState>(StateName);
        return new ShoppingCart(stored.HasValue ? stored.Value : null);
    }

    private async Task SaveAsync(ShoppingCart cart)
    {
        if (cart.IsEmpty)
        {
            await ForgetAsync();
            return;
        }

        await StateManager.SetStateAsync(StateName, cart.ToState(clock.GetUtcNow()));
        if (!_idleReminderRegistered) await RegisterIdleReminderAsync(dueTime: IdleTimeout);
    }

    private async Task RegisterIdleReminderAsync(TimeSpan dueTime)
    {
        await RegisterReminderAsync(IdleReminderName, null, dueTime, period: IdleTimeout);
        _idleReminderRegistered = true;
    }

    /// <returns>Whether there was a cart to remove.</returns>
    private Task<bool> ForgetAsync() => StateManager.TryRemoveStateAsync(StateName);

    private static CartContents Contents(ShoppingCart cart) => new(cart.Lines, cart.Revision);
}
