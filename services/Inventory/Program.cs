using DaprShop.Actors;
using DaprShop.Inventory;
using DaprShop.Inventory.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddInventory();

var app = builder.Build();
app.UseServiceDefaults();
app.MapActorsHandlers();
app.MapInventoryApi();
app.Run();
