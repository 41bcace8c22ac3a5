using DaprShop.SeedData;

namespace DaprShop.Inventory.Seeding;

/// <summary>
/// The on-hand a SKU starts with before anyone set it: the demo seed's figure when <c>Seed:Enabled</c> is true
/// (0 for a SKU the seed does not know), else 0. Read when a SKU actor finds no stored state; stored once the SKU first changes.
/// </summary>
public sealed class InitialStock(IConfiguration configuration)
{
    private readonly bool _seedEnabled = configuration.GetValue<bool>("Seed:Enabled");

    public int OnHandOf(string sku) => _seedEnabled ? SeedStock.InitialOnHand(sku) ?? 0 : 0;
}
