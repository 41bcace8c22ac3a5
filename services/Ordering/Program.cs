using DaprShop.Actors;
using DaprShop.Ordering;
using DaprShop.Ordering.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOrdering();

var app = builder.Build();
app.UseServiceDefaults();
app.MapActorsHandlers();
app.MapOrderingApi();
app.Run();
