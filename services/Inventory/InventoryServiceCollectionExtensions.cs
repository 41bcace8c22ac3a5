using DaprShop.Actors;
using DaprShop.Contracts.Inventory;
using DaprShop.Inventory.Actors;
using DaprShop.Inventory.Api;
using DaprShop.Inventory.Seeding;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Inventory;

public static class InventoryServiceCollectionExtensions
{
    // Each SKU with open reservations keeps one reminder; spread over partitions, a change rewrites one small list, not all.
    private const int ReminderStoragePartitions = 32;

    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InitialStock>();
        services.AddSingleton<StockItems>();
        services.AddValidatorsFromAssemblyContaining<SetStockRequestValidator>();
        services.AddActors(actors =>
        {
            actors.RemindersStoragePartitions ??= ReminderStoragePartitions;
            actors.Actors.RegisterActor<StockItemActor>(IStockItemActor.TypeName);
        });
        return services;
    }
}
