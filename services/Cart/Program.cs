using DaprShop.Actors;
using DaprShop.Cart;
using DaprShop.Cart.Api;
using DaprShop.Cart.Events;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddCart();

var app = builder.Build();
app.UseServiceDefaults();
app.MapActorsHandlers();
app.MapCartApi();
app.MapEventSubscriptions();
app.Run();
