using DaprShop.Actors;
using DaprShop.Catalog;
using DaprShop.Catalog.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddCatalog();

var app = builder.Build();
app.UseServiceDefaults();
app.MapActorsHandlers();
app.MapCatalogApi();
app.Run();
