using DaprShop.Actors;
using DaprShop.Cart.Actors;
using DaprShop.Cart.Api;
using DaprShop.Cart.Lookups;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Cart;

public static class CartServiceCollectionExtensions
{
    // Every non-empty cart keeps an idle reminder, and every add or checkout re-registers or removes it; spread over
    // partitions, each of those rewrites one small stored list instead of the list of every cart's reminder.
    private const int ReminderStoragePartitions = 64;

    /// <summary>The cart actor, its idle timeouts (configuration section <c>Cart</c>), the catalogue lookups and validators.</summary>
    public static IServiceCollection AddCart(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CartOptions>().BindConfiguration(CartOptions.SectionName);
        services.AddActors(actors =>
        {
            actors.RemindersStoragePartitions ??= ReminderStoragePartitions;
            actors.Actors.RegisterActor<CartActor>(CartActor.TypeName);
        });
        services.AddSingleton<ServiceLookup>();
        services.AddSingleton<CatalogLookups>();
        services.AddSingleton<CartService>();
        services.AddValidatorsFromAssemblyContaining<AddItemRequestValidator>();
        return services;
    }
}
